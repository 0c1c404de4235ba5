import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralCore
import ZentralServer
import ZentralService

@Suite("serve: form editor and what-if variants")
struct EditorTests {
  @Test(
    "a valid change is saved; an invalid one gets 422 with the diagnostic at its field and the file stays")
  func editor() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      try await browser.uploadSeed("krefeld")
      let page = String(buffer: try await browser.get("/scenarios/krefeld").body)
      #expect(page.contains("name=\"tasks.fb20-finanz.fte\" value=\"3.5\""))
      #expect(page.contains("Das Szenario ist gültig."))

      let file = fixture.data.appendingPathComponent("scenarios/krefeld.yaml")
      let saved = try await browser.post("/scenarios/krefeld", form: [("tasks.fb20-finanz.fte", "4,5")])
      #expect(saved.status == .seeOther)
      let loaded = try ScenarioLoader.load(path: file.path)
      #expect(loaded.scenario.tasks.first { $0.id == "fb20-finanz" }?.fte == 4.5)
      let before = try Data(contentsOf: file)

      let refused = try await browser.post("/scenarios/krefeld", form: [("tasks.fb20-kasse.fte", "-2")])
      #expect(refused.status == .unprocessableContent)
      let text = String(buffer: refused.body)
      #expect(text.contains("aria-invalid=\"true\" aria-describedby=\"f-tasks_fb20-kasse_fte-msg\""))
      #expect(text.contains("krefeld.yaml:"))
      #expect(text.contains("value=\"-2\""))
      #expect(try Data(contentsOf: file) == before)

      let unknown = try await browser.post("/scenarios/krefeld", form: [("../../etc", "1")])
      #expect(unknown.status == .badRequest)
      let notListed = try await browser.post("/scenarios/krefeld", form: [("format", "zentral/9")])
      #expect(notListed.status == .badRequest)
      #expect(try Data(contentsOf: file) == before)
      #expect(try await browser.post("/scenarios/nicht-da", form: [("name", "x")]).status == .notFound)
    }
  }

  @Test("the what-if panel saves a variant with extends and only the changed values, and plans it")
  func whatIf() async throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    try await fixture.withClient(fixture.configuration()) { client in
      var browser = Browser(client)
      try await browser.get("/")
      try await browser.uploadSeed("krefeld")
      try await browser.get("/scenarios/krefeld")
      let response = try await browser.post(
        "/scenarios/krefeld/variants",
        form: [
          ("variant_name", "Mehr Finanz-IT"), ("tasks.fb20-finanz.fte", "6"), ("tasks.fb20-kasse.fte", "1.5"),
        ])
      #expect(response.status == .seeOther)
      let location = try #require(response.headers[.location])
      #expect(location.hasPrefix("/runs/r"))
      let text = try String(
        contentsOf: fixture.data.appendingPathComponent("scenarios/krefeld-mehr-finanz-it.yaml"),
        encoding: .utf8)
      #expect(text.contains("extends: krefeld.yaml"))
      #expect(text.contains("fb20-finanz"))
      #expect(!text.contains("fb20-kasse"))
      let list = String(buffer: try await browser.get("/").body)
      #expect(list.contains("Variante: <a href=\"/scenarios/krefeld-mehr-finanz-it\">"))
      let again = try await browser.post(
        "/scenarios/krefeld/variants", form: [("variant_name", "mehr finanz it")])
      #expect(again.status == .badRequest)
      let nameless = try await browser.post("/scenarios/krefeld/variants", form: [("variant_name", "!!")])
      #expect(nameless.status == .badRequest)
    }
  }
}
