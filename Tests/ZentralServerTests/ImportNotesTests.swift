import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralServer
import ZentralService

@Suite("serve: the importer's assumptions on the scenario page")
struct ImportNotesTests {
  /// The import fixture's units with FB 20's cost per FTE left empty.
  static func unitsWithoutCost() throws -> Data {
    let text = String(decoding: try UploadTests.fixtureFile("units.csv"), as: UTF8.self)
    let blanked = text.replacingOccurrences(of: "Fachbereich;stadt;80.000,00;", with: "Fachbereich;stadt;;")
    #expect(blanked != text, "the fixture no longer has FB 20's cost")
    return Data(blanked.utf8)
  }

  @Test("a CSV pair's assumed cost is shown after the upload, after a reload and after a form save")
  func assumedCostShown() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      let upload = try await browser.upload(
        "/scenarios", fields: [("name", "Mülheim Süd")],
        files: [
          ("units", "units.csv", try Self.unitsWithoutCost()),
          ("tasks", "tasks.csv", try UploadTests.fixtureFile("tasks.csv")),
        ])
      #expect(upload.status == .seeOther, "\(String(buffer: upload.body))")
      let page = String(buffer: try await browser.get("/scenarios/muelheim-sued").body)
      #expect(page.contains("Das Szenario ist gültig."))
      #expect(page.contains("Annahmen des Imports"))
      let notes = try #require(page.range(of: "id=\"import-notes\"")).upperBound
      let list = String(page[notes...].prefix(2_000))
      #expect(list.contains("units.csv"), "\(list)")
      #expect(list.contains("fb20") && list.contains("80"), "\(list)")

      // Kept with the scenario: the JSON view and the file beside it, also after a form save.
      let json = try #require(
        try JSONSerialization.jsonObject(
          with: (try await browser.get("/scenarios/muelheim-sued", json: true)).data)
          as? [String: Any])
      #expect((json["importNotes"] as? String)?.contains("fb20") == true, "\(json)")
      let saved = try await browser.post(
        "/scenarios/muelheim-sued", form: [("units.fb20.cost_per_fte", "81000")])
      #expect(saved.status == .seeOther, "\(String(buffer: saved.body))")
      let reloaded = String(buffer: try await browser.get("/scenarios/muelheim-sued").body)
      #expect(reloaded.contains("Annahmen des Imports"))
      let yaml = try String(
        contentsOf: fixture.data.appendingPathComponent("scenarios/muelheim-sued.yaml"), encoding: .utf8)
      #expect(yaml.contains("81000"))

      // A YAML upload assumed nothing: no section, no notes file.
      try await browser.uploadSeed("krefeld")
      let krefeld = String(buffer: try await browser.get("/scenarios/krefeld").body)
      #expect(!krefeld.contains("Annahmen des Imports"))
      #expect(fixture.scenarioFiles() == ["krefeld.yaml", "muelheim-sued.import.txt", "muelheim-sued.yaml"])
    }
  }
}
