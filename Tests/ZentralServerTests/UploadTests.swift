import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralCore
import ZentralServer
import ZentralService

@Suite("serve: uploads")
struct UploadTests {
  static func fixtureFile(_ name: String) throws -> Data {
    try ServeFixture.file("Tests/ZentralCoreTests/Fixtures/import/\(name)")
  }

  @Test("a scenario, the CSV pair and a workbook are stored under ids derived from their names")
  func goodUploads() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      let yaml = try await browser.upload(
        "/scenarios", files: [("file", "Krefeld.yaml", ServeFixture.file("scenarios/krefeld.yaml"))])
      #expect(yaml.status == .seeOther)
      #expect(yaml.headers[.location] == "/scenarios/krefeld")

      let csv = try await browser.upload(
        "/scenarios", fields: [("name", "Mülheim Süd")],
        files: [
          ("units", "units.csv", Self.fixtureFile("units.csv")),
          ("tasks", "tasks.csv", Self.fixtureFile("tasks.csv")),
        ])
      #expect(csv.status == .seeOther, "\(String(buffer: csv.body))")
      #expect(csv.headers[.location] == "/scenarios/muelheim-sued")

      let loaded = try ScenarioLoader.load(
        path: ServeFixture.repository.appendingPathComponent("scenarios/muenster.yaml").path)
      let workbook = try ScenarioWorkbook.xlsx(for: loaded.scenario, file: "muenster.xlsx")
      let xlsx = try await browser.upload("/scenarios", files: [("file", "Münster.xlsx", workbook)])
      #expect(xlsx.status == .seeOther, "\(String(buffer: xlsx.body))")
      #expect(fixture.scenarioFiles() == ["krefeld.yaml", "muelheim-sued.yaml", "muenster.yaml"])

      let page = try await browser.get("/scenarios/muelheim-sued")
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains("Prüfung"))
      // The same id again is refused; the first file stays.
      let again = try await browser.upload(
        "/scenarios", files: [("file", "krefeld.yaml", ServeFixture.file("scenarios/muenster.yaml"))])
      #expect(again.status == .badRequest)
      let kept = try String(
        contentsOf: fixture.data.appendingPathComponent("scenarios/krefeld.yaml"), encoding: .utf8)
      #expect(kept.contains("Krefeld"))
    }
  }

  @Test("hostile and wrong uploads get a clear error and store nothing")
  func hostileUploads() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration(maxUploadBytes: 64 * 1024)) { client in
      var browser = Browser(client)
      try await browser.get("/")
      let bomb = Data(
        """
        format: zentral/1
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        """.utf8)
      let cases: [(String, Data, HTTPResponse.Status, String)] = [
        ("bomb.yaml", bomb, .unprocessableContent, "anchor"),
        ("bild.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]), .badRequest, "weder ein Szenario"),
        ("falsch.xlsx", Data("kein zip".utf8), .badRequest, "kein ZIP"),
        ("kaputt.yaml", Data("format: zentral/1\nname: [\n".utf8), .unprocessableContent, "kaputt.yaml"),
        ("binaer.yaml", Data([0, 159, 146, 150, 0, 0]), .unprocessableContent, "binaer.yaml"),
        (
          "ungueltig.yaml", Data("format: zentral/1\nname: x\nunits: []\ntasks: []\n".utf8),
          .unprocessableContent, "ungueltig.yaml"
        ),
        (
          "../../../../etc/evil.yaml", Data("format: zentral/1\nname: [\n".utf8), .unprocessableContent,
          "evil.yaml"
        ),
        ("../..", Data("x".utf8), .badRequest, "kein Name"),
        ("<script>alert(1)</script>.yaml", Data("name: [".utf8), .unprocessableContent, "script.yaml"),
        (
          "variante.yaml", Data("extends: ../../../../etc/passwd.yaml\nname: x\n".utf8),
          .unprocessableContent,
          "kein Szenario dieses Datenordners"
        ),
        ("gross.yaml", Data(repeating: UInt8(ascii: "#"), count: 70 * 1024), .contentTooLarge, "zu groß"),
      ]
      for (name, data, status, text) in cases {
        let response = try await browser.upload("/scenarios", files: [("file", name, data)])
        let page = String(buffer: response.body)
        #expect(response.status == status, "\(name): \(page.prefix(400))")
        #expect(page.contains(text), "\(name)")
        #expect(!page.contains("<script>alert"), "\(name)")
        #expect(page.contains("nichts wurde gespeichert") || response.status == .badRequest, "\(name)")
      }
      let csv = try await browser.upload(
        "/scenarios",
        files: [("units", "units.csv", Data("ID;Name\n".utf8)), ("tasks", "tasks.exe", Data("MZ".utf8))])
      #expect(csv.status == .badRequest)
      let badCSV = try await browser.upload(
        "/scenarios",
        files: [
          ("units", "units.csv", Data("ID;Name\n;\n".utf8)), ("tasks", "tasks.csv", Data("x;y\n".utf8)),
        ])
      #expect(badCSV.status == .unprocessableContent)
      #expect(String(buffer: badCSV.body).contains("units.csv"))
      let nothing = try await browser.upload("/scenarios", files: [])
      #expect(nothing.status == .badRequest)
      #expect(fixture.scenarioFiles().isEmpty)
      #expect(!FileManager.default.fileExists(atPath: "/etc/evil.yaml"))
    }
  }

  @Test("ids are made only of a-z, 0-9 and dashes, and path-like ids in URLs are not found")
  func ids() async throws {
    #expect(ScenarioID.derived(from: "../../etc/Straße Süd.YAML")?.rawValue == "strasse-sued")
    #expect(ScenarioID.derived(from: "..") == nil)
    #expect(ScenarioID("../x") == nil)
    #expect(ScenarioID("a/b") == nil)
    #expect(ScenarioID(String(repeating: "a", count: 64)) == nil)
    #expect(RunID("r../../../etc") == nil)
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      for uri in [
        "/scenarios/..%2F..%2Fetc%2Fpasswd", "/scenarios/KREFELD", "/runs/..%2Fzentral.sqlite",
        "/runs/r000000000000/files/..%2F..%2Fzentral.sqlite", "/scenarios/..%2Fzentral/file",
      ] {
        let response = try await browser.get(uri)
        #expect(response.status == .notFound, "\(uri)")
      }
    }
  }
}
