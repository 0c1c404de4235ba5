import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralServer
import ZentralService

@Suite("serve: pages, headers and configuration")
struct PageTests {
  @Test("GET /healthz answers ok without a session")
  func healthz() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      let response = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
      #expect(response.status == .ok)
      #expect(String(buffer: response.body) == "ok")
    }
  }

  @Test("every page carries the strict CSP, nosniff, a CSRF meta tag, and German text")
  func securityHeaders() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      for uri in ["/", "/runs", "/compare", "/nicht-da"] {
        let response = try await browser.get(uri)
        let policy = try #require(response.headers[.contentSecurityPolicy])
        #expect(policy.contains("script-src 'self'"))
        #expect(!policy.contains("unsafe"))
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        let page = String(buffer: response.body)
        #expect(page.contains("<html lang=\"de\">"))
        #expect(page.contains("<meta name=\"csrf-token\" content=\""))
      }
      #expect(try await browser.get("/nicht-da").status == .notFound)
      let script = try await browser.get("/static/app.js")
      #expect(script.status == .ok)
      #expect(String(buffer: script.body).contains("EventSource"))
      #expect(try await browser.get("/static/zentral.sqlite").status == .notFound)
    }
  }

  @Test("a host other than loopback without authentication is refused before anything starts")
  func nonLoopbackNeedsAuthentication() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    var configuration = fixture.configuration()
    configuration.host = "0.0.0.0"
    #expect(throws: ServiceError.self) { try ZentralWebApp.check(configuration) }
    configuration.authHeader = "X-Remote-User"
    #expect(throws: ServiceError.self) { try ZentralWebApp.check(configuration) }
    configuration.trustedProxy = "127.0.0.1"
    try ZentralWebApp.check(configuration)
    #expect(!FileManager.default.fileExists(atPath: fixture.data.path))
  }

  @Test("the list of scenarios as JSON names each with its base")
  func listJSON() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      #expect(
        try await browser.upload(
          "/scenarios", files: [("file", "krefeld.yaml", ServeFixture.file("scenarios/krefeld.yaml"))]
        )
        .status == .seeOther)
      let response = try await browser.get("/", json: true)
      let object = try JSONSerialization.jsonObject(with: (response).data) as? [String: [[String: Any]]]
      let first = try #require(object?["scenarios"]?.first)
      #expect(first["id"] as? String == "krefeld")
      #expect((first["name"] as? String)?.hasPrefix("Krefeld") == true)
    }
  }

  @Test("names from files are shown escaped on every page")
  func escaping() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let text = String(decoding: try ServeFixture.file("scenarios/krefeld.yaml"), as: UTF8.self)
      .replacingOccurrences(
        of: "name: Krefeld – Fachbereich E-Government und IT (illustrativ)",
        with: "name: \"<script>alert(1)</script> & <b>Krefeld</b>\"")
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      let stored = try await browser.upload(
        "/scenarios", fields: [("name", "krefeld")], files: [("file", "k.yaml", Data(text.utf8))])
      #expect(stored.status == .seeOther)
      for uri in ["/", "/scenarios/krefeld"] {
        let page = String(buffer: try await browser.get(uri).body)
        #expect(!page.contains("<script>alert"), "\(uri)")
        #expect(!page.contains("<b>Krefeld"), "\(uri)")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Krefeld"), "\(uri)")
      }
    }
  }
}
