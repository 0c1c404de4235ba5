import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralServer
import ZentralService

@Suite("serve: users, roles and CSRF")
struct AccessTests {
  /// A users file with anna (planner), bernd (viewer), both with password "geheim-123".
  static func usersFile(in fixture: ServeFixture) throws -> URL {
    let hash = UserDirectory.hash(password: "geheim-123")
    let url = fixture.folder.appendingPathComponent("users.yaml")
    try Data(
      """
      users:
        - {name: anna, role: planner, password_hash: "\(hash)"}
        - {name: bernd, role: viewer, password_hash: "\(hash)"}
      """.utf8
    ).write(to: url)
    return url
  }

  @Test("without signing in: pages redirect to /login, JSON and POSTs get 401, nothing is stored")
  func unauthenticated() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let users = try Self.usersFile(in: fixture)
    try await fixture.withClient(fixture.configuration(users: users)) { client in
      var browser = Browser(client)
      for uri in [
        "/", "/runs", "/compare", "/scenarios/krefeld", "/runs/r000000000000", "/runs/r000000000000/events",
      ] {
        let page = try await browser.get(uri)
        #expect(page.status == .seeOther, "\(uri)")
        #expect(page.headers[.location] == "/login")
        #expect(try await browser.get(uri, json: true).status == .unauthorized)
      }
      try await browser.get("/login")
      let upload = try await browser.uploadSeed("krefeld")
      #expect(upload.status == .unauthorized)
      #expect(try await browser.post("/scenarios/krefeld/runs", form: []).status == .unauthorized)
      #expect(fixture.scenarioFiles().isEmpty)
    }
  }

  @Test("a wrong password is refused; a viewer reads but may not upload, plan or cancel; a planner may")
  func roles() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let users = try Self.usersFile(in: fixture)
    try await fixture.withClient(fixture.configuration(users: users)) { client in
      var viewer = Browser(client)
      try await viewer.get("/login")
      #expect(
        try await viewer.post("/login", form: [("username", "bernd"), ("password", "falsch")]).status
          == .unauthorized)
      #expect(
        try await viewer.post("/login", form: [("username", "bernd"), ("password", "geheim-123")]).status
          == .seeOther)
      #expect(try await viewer.get("/").status == .ok)
      let refused = try await viewer.upload(
        "/scenarios", files: [("file", "krefeld.yaml", ServeFixture.file("scenarios/krefeld.yaml"))])
      #expect(refused.status == .forbidden)
      #expect(fixture.scenarioFiles().isEmpty)

      var planner = Browser(client)
      try await planner.get("/login")
      #expect(
        try await planner.post("/login", form: [("username", "anna"), ("password", "geheim-123")]).status
          == .seeOther)
      try await planner.get("/")
      let stored = try await planner.upload(
        "/scenarios", files: [("file", "krefeld.yaml", ServeFixture.file("scenarios/krefeld.yaml"))])
      #expect(stored.status == .seeOther)
      #expect(fixture.scenarioFiles() == ["krefeld.yaml"])

      try await viewer.get("/scenarios/krefeld")
      #expect(try await viewer.post("/scenarios/krefeld/runs", form: []).status == .forbidden)
      #expect(
        try await viewer.post("/scenarios/krefeld", form: [("tasks.fb20-finanz.fte", "2")]).status
          == .forbidden)
      #expect(
        try await viewer.post("/scenarios/krefeld/variants", form: [("variant_name", "x")]).status
          == .forbidden)
      #expect(try await viewer.post("/runs/r000000000000/cancel", form: []).status == .forbidden)
      #expect(fixture.scenarioFiles() == ["krefeld.yaml"])

      // Signing out ends the session.
      #expect(try await viewer.post("/logout", form: []).status == .seeOther)
      #expect(try await viewer.get("/").status == .seeOther)
    }
  }

  @Test("a POST without, with a wrong or with another session's CSRF token is refused and changes nothing")
  func csrf() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      let krefeld = try ServeFixture.file("scenarios/krefeld.yaml")
      let missing = try await browser.upload(
        "/scenarios", files: [("file", "krefeld.yaml", krefeld)], csrf: false)
      #expect(missing.status == .forbidden)
      #expect(String(buffer: missing.body).contains("CSRF"))
      var other = Browser(client)
      try await other.get("/")
      browser.csrf = other.csrf
      #expect(
        try await browser.upload("/scenarios", files: [("file", "krefeld.yaml", krefeld)]).status
          == .forbidden)
      #expect(fixture.scenarioFiles().isEmpty)
      try await browser.get("/")
      #expect(
        try await browser.upload("/scenarios", files: [("file", "krefeld.yaml", krefeld)]).status == .seeOther
      )
      let before = try Data(contentsOf: fixture.data.appendingPathComponent("scenarios/krefeld.yaml"))
      #expect(
        try await browser.post("/scenarios/krefeld", form: [("tasks.fb20-finanz.fte", "2")], token: "falsch")
          .status
          == .forbidden)
      #expect(try await browser.post("/scenarios/krefeld/runs", form: [], csrf: false).status == .forbidden)
      #expect(try Data(contentsOf: fixture.data.appendingPathComponent("scenarios/krefeld.yaml")) == before)
      let runs =
        (try? FileManager.default.contentsOfDirectory(
          atPath: fixture.data.appendingPathComponent("runs").path)) ?? []
      #expect(runs.isEmpty)
    }
  }

  @Test("a proxy's user header is believed only from the trusted proxy")
  func proxyHeader() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let configuration = fixture.configuration(authHeader: "X-Remote-User", trustedProxy: "10.9.9.9")
    try await fixture.withClient(configuration) { client in
      var browser = Browser(client)
      var headers = HTTPFields()
      headers[HTTPField.Name("X-Remote-User")!] = "anna"
      let json = try await browser.get("/", json: true, headers: headers)
      #expect(json.status == .unauthorized)
      let page = try await browser.get("/", headers: headers)
      #expect(page.status == .unauthorized)
    }
  }

  @Test(
    "over a real socket from the trusted proxy's address, the header's user gets in with the role from the users file"
  )
  func trustedProxy() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let users = try Self.usersFile(in: fixture)
    let configuration = fixture.configuration(
      users: users, authHeader: "X-Remote-User", trustedProxy: "127.0.0.1")
    let app = try await ZentralWebApp.application(configuration: configuration)
    try await app.test(.live) { client in
      var browser = Browser(client)
      var headers = HTTPFields()
      headers[HTTPField.Name("X-Remote-User")!] = "bernd"
      let viewer = try await browser.get("/", headers: headers)
      #expect(viewer.status == .ok)
      #expect(String(buffer: viewer.body).contains("<strong>bernd</strong>"))
      let refused = try await browser.uploadSeed("krefeld")
      #expect(refused.status == .unauthorized)
      headers[HTTPField.Name("X-Remote-User")!] = "../../root"
      let hostile = try await browser.get("/", headers: headers)
      #expect(hostile.status == .unauthorized)
      let without = try await browser.get("/", json: true)
      #expect(without.status == .unauthorized)
    }
  }

  @Test("the login form needs its CSRF token too")
  func loginCSRF() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let users = try Self.usersFile(in: fixture)
    try await fixture.withClient(fixture.configuration(users: users)) { client in
      var browser = Browser(client)
      try await browser.get("/login")
      let response = try await browser.post(
        "/login", form: [("username", "anna"), ("password", "geheim-123")], csrf: false)
      #expect(response.status == .forbidden)
      let after = try await browser.get("/", json: true)
      #expect(after.status == .unauthorized)
    }
  }

  @Test("a users file with a wrong role or hash is refused with the place")
  func usersFileErrors() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let url = fixture.folder.appendingPathComponent("users.yaml")
    try Data("users:\n  - {name: anna, role: chef, password_hash: x}\n".utf8).write(to: url)
    #expect { try UserDirectory(contentsOf: url) } throws: { error in
      "\(error)".contains("users[0].role") && "\(error)".contains("chef")
    }
    try Data("users:\n  - {name: anna, role: planner, password_hash: klartext}\n".utf8).write(to: url)
    #expect { try UserDirectory(contentsOf: url) } throws: { error in "\(error)".contains("password_hash") }
  }
}
