import Foundation
import Testing
import ZentralCore
import ZentralPlan

@Suite("Scenario loader: valid files")
struct ScenarioLoaderTests {
  private func load(_ name: String) throws -> LoadedScenario {
    try ScenarioLoader.load(data: FixtureFiles.data("valid", name), fileName: name)
  }

  @Test("every valid fixture loads", arguments: FixtureFiles.scenarios(in: "valid"))
  func validFixtureLoads(name: String) throws {
    do {
      _ = try load(name)
    } catch {
      Issue.record("\(name) should load, but: \(error)")
    }
  }

  @Test("the every-key fixture decodes every key into the model")
  func everyKeyDecodes() throws {
    let scenario = try load("every-key.yaml").scenario
    #expect(scenario.format == "zentral/1")
    #expect(scenario.name == "Krefeld – Fachbereich E-Government und IT (Testfall)")
    #expect(scenario.language == .de)
    #expect(scenario.horizon == Horizon(start: 2025, years: 5, terminalValue: .perpetuity))
    #expect(scenario.discountRate == 0.03)
    #expect(scenario.units.count == 8)
    let central = try #require(scenario.units.first { $0.id == "fb-egov" })
    #expect(central.kind == .central)
    #expect(central.parent == "dez-wd")
    #expect(central.costPerFTE == 82000)
    #expect(central.capacityFTE?.value(in: 2026) == 60)
    #expect(central.capacityFTE?.value(in: 2029) == 75)
    let shared = try #require(scenario.units.first { $0.id == "krzn" })
    #expect(shared.parent == nil)
    #expect(shared.pricePerFTE == 98000)
    #expect(shared.capacityFTE == YearValues(constant: 40))
    #expect(scenario.units.first { $0.id == "fb40" }?.name == "FB 40 Schule, Jugend & Familie")

    let clients = try #require(scenario.families.first { $0.id == "client-support" })
    #expect(clients.providers == ["fb-egov", "krzn"])
    #expect(
      clients.centre == CentreTerms(setupCost: 120000, annualOverhead: 85000, minFTE: 3, nonStaffFactor: 0.8))
    #expect(clients.scale.map(\.pooled) == [0, 10, 40, 120])
    #expect(clients.scale.map(\.effective) == [0, 9, 31, 84])
    #expect(clients.transitionCostPerFTE == 12000)
    let krzn = try #require(clients.centres["krzn"])
    #expect(krzn.existingFTE == 12)
    #expect(krzn.isOpen, "existing work opens the centre by default")
    #expect(krzn.scale == [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 50, effective: 40)])
    #expect(
      clients.terms(at: "krzn")
        == CentreTerms(setupCost: 0, annualOverhead: 20000, minFTE: 0, nonStaffFactor: 0.6))
    #expect(clients.centres["fb-egov"]?.isOpen == true)

    let sap = try #require(scenario.tasks.first { $0.id == "fb20-sap" })
    #expect(sap.fte == 4.5)
    #expect(sap.transitionCost == 60000)
    #expect(sap.providers == ["krzn"])
    #expect(
      sap.at["krzn"] == ProviderOffer(fte: 4, annualCost: 410000, transitionCost: 55000, nonStaffCost: 5000))
    let cafm = try #require(scenario.tasks.first { $0.id == "zgm-cafm" })
    #expect(cafm.dedicated)
    #expect(cafm.reason == "CAFM wird nur im ZGM genutzt")
    let schools = try #require(scenario.tasks.first { $0.id == "schulen-support" })
    #expect(schools.divisible)
    #expect(schools.concern == 40000)

    let policy = scenario.policy
    #expect(policy.retained == RetainedOrganisation(minShare: 0.1, minFTE: 0.5))
    #expect(policy.budget == YearValues(byYear: [2025: 400000, 2026: 800000]))
    #expect(policy.maxMovedFTEPerWave == YearValues(constant: 25))
    #expect(policy.pilots == [Pilot(family: "client-support", unit: "zgm")])
    #expect(policy.deadlines == [Deadline(family: "client-support", year: 2027)])
    #expect(policy.together == [["fb20-sap", "fb20-sap-basis"]])
    #expect(policy.mustMove == ["schulen-support"])
    #expect(policy.mustStay == ["stab-clients"])
    #expect(policy.savingsTarget == SavingsTarget(annualCost: 150000, fte: 2))
    #expect(scenario.objective == Objective(disruptionWeight: 5000))
  }

  @Test("a JSON file holds the same scenario as its YAML twin")
  func jsonEqualsYAML() throws {
    let yaml = try load("every-key.yaml")
    let json = try load("every-key.json")
    #expect(json.scenario == yaml.scenario)
  }

  @Test("defaults fill in what a minimal scenario leaves out")
  func defaults() throws {
    let text = """
      format: zentral/1
      name: Minimal
      horizon: {start: 2030, years: 1}
      units: [{id: stadt, name: Stadt, kind: administration, cost_per_fte: 70000}]
      families: [{id: it, name: IT, providers: []}]
      tasks: [{id: t1, name: Aufgabe, family: it, unit: stadt, fte: 1}]
      """
    let scenario = try ScenarioLoader.load(text: text, fileName: "minimal.yaml").scenario
    #expect(scenario.language == .de)
    #expect(scenario.currency == "EUR")
    #expect(scenario.discountRate == 0)
    #expect(scenario.families[0].providers.isEmpty)
    #expect(scenario.families[0].scale.isEmpty)
    #expect(scenario.families[0].centre == CentreTerms())
    let task = scenario.tasks[0]
    #expect(
      !task.dedicated && !task.divisible && task.concern == 0 && task.providers == nil && task.at.isEmpty)
    #expect(scenario.policy == Policy())
    #expect(scenario.objective == Objective())
  }

  @Test("a reason over 1000 characters is refused, like a name over 200")
  func longReason() throws {
    let text = """
      format: zentral/1
      name: Lang
      horizon: {start: 2030, years: 1}
      units: [{id: stadt, name: Stadt, kind: administration, cost_per_fte: 70000}]
      families: [{id: it, name: IT, providers: []}]
      tasks: [{id: t1, name: Aufgabe, family: it, unit: stadt, fte: 1, dedicated: true, reason: \(
        String(repeating: "x", count: 1001))}]
      """
    #expect(throws: ScenarioError.self) { try ScenarioLoader.load(text: text, fileName: "long.yaml") }
    do {
      _ = try ScenarioLoader.load(text: text, fileName: "long.yaml")
    } catch {
      #expect(
        error.diagnostics.map(\.message) == ["the reason has 1001 characters; a reason has at most 1000"])
    }
  }

  @Test("a UTF-8 byte-order mark and Windows line ends are accepted")
  func byteOrderMarkAndCRLF() throws {
    let text =
      "format: zentral/1\r\nname: Größe\r\nhorizon: {start: 2030, years: 1}\r\nunits: "
      + "[{id: a, name: A, kind: administration}]\r\nfamilies: []\r\ntasks: []\r\n"
    let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    let scenario = try ScenarioLoader.load(data: data, fileName: "bom.yaml").scenario
    #expect(scenario.name == "Größe")
  }

  @Test("load(path:) reads a file and names it by the path given")
  func loadFromPath() throws {
    let url = FixtureFiles.bundled.appendingPathComponent("valid/every-key.yaml")
    let loaded = try ScenarioLoader.load(path: url.path)
    #expect(loaded.scenario.tasks.count == 7)
    #expect(ScenarioLoader.diagnostics(path: url.path).isEmpty)
    let missing = ScenarioLoader.diagnostics(path: "/nonexistent/krefeld.yaml")
    #expect(
      missing.map(\.description) == ["/nonexistent/krefeld.yaml: cannot be read: there is no such file"])
  }
}
