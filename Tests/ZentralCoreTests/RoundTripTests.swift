import Foundation
import Testing
import ZentralCore
import ZentralPlan

/// Round trip: loading a scenario, writing it with ``ScenarioWriter`` and loading it again gives
/// an equal scenario.
@Suite("Scenario writer: round trip")
struct RoundTripTests {
  /// The seed scenarios in `scenarios/` of the repository.
  static var seedScenarios: [String] {
    let directory = FixtureFiles.repository.appendingPathComponent("scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
  }

  private func roundTrip(_ scenario: Scenario, _ name: String) throws {
    let written = ScenarioWriter.yaml(scenario)
    let again: LoadedScenario
    do {
      again = try ScenarioLoader.load(text: written, fileName: "written-\(name)")
    } catch {
      Issue.record("the written form of \(name) does not load:\n\(error)\n---\n\(written)")
      return
    }
    #expect(again.scenario == scenario, "\(name) changed in the round trip")
    #expect(ScenarioWriter.yaml(again.scenario) == written, "writing \(name) again gives other text")
  }

  @Test("every valid fixture survives the round trip", arguments: FixtureFiles.scenarios(in: "valid"))
  func fixtures(name: String) throws {
    let loaded = try ScenarioLoader.load(data: FixtureFiles.data("valid", name), fileName: name)
    try roundTrip(loaded.scenario, name)
  }

  @Test("every seed scenario in scenarios/ survives the round trip", arguments: seedScenarios)
  func seeds(name: String) throws {
    let path = FixtureFiles.repository.appendingPathComponent("scenarios").appendingPathComponent(name).path
    let loaded: LoadedScenario
    do {
      loaded = try ScenarioLoader.load(path: path)
    } catch {
      Issue.record("seed scenario \(name) does not load:\n\(error)")
      return
    }
    try roundTrip(loaded.scenario, name)
  }

  @Test("text that YAML would misread is quoted, and German letters are kept")
  func awkwardText() throws {
    let names = [
      "yes", "No", "null", "~", "123", "4.5", "1e3", ".inf", "2025-01-01", "a: b", "x #y", "#hash", "-dash",
      "- item", "?q", "[list]", "{map}", "&anchor", "*alias", "!tag", "|pipe", ">fold", "'single'",
      "\"double\"",
      "%pct", "@at", "`tick`", " leading", "trailing ", "Zeile\nzwei", "Tab\tdrin", "Back\\slash",
      "ends with:",
      "Straßen- und Grünflächenamt", "Amt für Bürger:innen & Gäste", "Ärger, Öl, Übel", "€ 5", "日本語", "x",
    ]
    let units =
      [OrgUnit(id: "stadt", name: "Stadt", kind: .administration, costPerFTE: 80_000)]
      + names.enumerated().map { index, name in
        OrgUnit(id: "u\(index)", name: name, kind: .staff, parent: "stadt")
      }
    let scenario = Scenario(
      name: "Größe: \"Test\" # 1", horizon: Horizon(start: 2025, years: 2), units: units, families: [],
      tasks: [ITTask(id: "t", name: "Aufgabe", family: "f", unit: "stadt", fte: 1, reason: "yes")])
    var withFamily = scenario
    withFamily.families = [TaskFamily(id: "f", name: "no", providers: [])]
    try roundTrip(withFamily, "awkward text")
    let written = ScenarioWriter.yaml(withFamily)
    #expect(written.contains("name: Straßen- und Grünflächenamt\n"))
    #expect(written.contains("name: \"yes\"\n"))
  }

  @Test("optional values keep their meaning: nil and empty lists, constants and yearly values, open centres")
  func optionalValues() throws {
    let scenario = Scenario(
      name: "Optionen", language: .en, horizon: Horizon(start: 2025, years: 4), discountRate: 0.035,
      units: [
        OrgUnit(id: "stadt", name: "Stadt", kind: .administration),
        OrgUnit(
          id: "it", name: "IT", kind: .central, parent: "stadt", costPerFTE: 81234.56,
          capacityFTE: YearValues(byYear: [2025: 10, 2027: 12.5])),
        OrgUnit(
          id: "kdn", name: "KDN", kind: .shared, costPerFTE: 90000, pricePerFTE: 99000.5,
          capacityFTE: YearValues(constant: 0)),
        OrgUnit(id: "fb20", name: "FB 20", kind: .department, parent: "stadt", costPerFTE: 70000),
      ],
      families: [
        TaskFamily(
          id: "sap", name: "SAP", providers: ["kdn", "it"],
          centre: CentreTerms(setupCost: 1, annualOverhead: 0, minFTE: 0.25),
          centres: [
            "kdn": ProviderCentre(existingFTE: 3, isOpen: false),
            "it": ProviderCentre(
              setupCost: 0,
              scale: [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 1, effective: 1)],
              existingFTE: 0, isOpen: true),
          ],
          scale: [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 1e-3, effective: 1e-3)],
          transitionCostPerFTE: 9_999_999.99)
      ],
      tasks: [
        ITTask(id: "a", name: "A", family: "sap", unit: "fb20", fte: 0, providers: []),
        ITTask(
          id: "b", name: "B", family: "sap", unit: "fb20", fte: 1.0 / 3.0, dedicated: true, reason: "",
          divisible: true, concern: 0.1, transitionCost: 0,
          at: ["kdn": ProviderOffer(annualCost: 0), "it": ProviderOffer(fte: 2)]),
      ],
      policy: Policy(
        retained: RetainedOrganisation(), budget: YearValues(constant: 1_000_000),
        maxMovedFTEPerWave: YearValues(byYear: [2026: 3]), pilots: [],
        deadlines: [Deadline(family: "sap", year: 2028)],
        together: [["a", "b"]], savingsTarget: SavingsTarget(fte: 0)),
      objective: Objective(disruptionWeight: 0.5))
    try roundTrip(scenario, "optional values")
  }

  /// The valid examples of the schema tests (Tests/schema/valid): between them every key of the
  /// format (staff, full costs, legal rules, re-planning, funding, uncertainty).
  static var schemaExamples: [String] {
    let directory = FixtureFiles.repository.appendingPathComponent("Tests/schema/valid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test("every valid example of the schema tests survives the round trip", arguments: schemaExamples)
  func schemaExample(name: String) throws {
    let path = FixtureFiles.repository.appendingPathComponent("Tests/schema/valid").appendingPathComponent(
      name
    )
    .path
    let loaded = try ScenarioLoader.load(path: path)
    try roundTrip(loaded.scenario, name)
  }

  @Test("the uncertainty section keeps each distribution, its factors, and an empty section stays empty")
  func uncertainty() throws {
    let text = try String(
      contentsOf: FixtureFiles.repository.appendingPathComponent("Tests/schema/valid/uncertainty.yaml"),
      encoding: .utf8)
    var scenario = try ScenarioLoader.load(text: text, fileName: "uncertainty.yaml").scenario
    #expect(
      scenario.uncertainty?.factors == [
        .costPerFTE: .uniform(low: 0.9, high: 1.2),
        .transitionCost: .triangular(low: 0.8, mode: 1, high: 1.5),
        .pricePerFTE: .uniform(low: 0.95, high: 1.1),
      ])
    let written = ScenarioWriter.yaml(scenario)
    #expect(
      written.hasSuffix(
        "uncertainty:\n  cost_per_fte: {factor: [0.9, 1.2]}\n"
          + "  transition_cost: {factor: [0.8, 1, 1.5], distribution: triangular}\n"
          + "  price_per_fte: {factor: [0.95, 1.1]}\n"))
    try roundTrip(scenario, "uncertainty")
    scenario.uncertainty = Uncertainty(factors: [
      .transitionCost: .triangular(low: 0.125, mode: 0.125, high: 10)
    ])
    try roundTrip(scenario, "uncertainty, one triangular input")
    scenario.uncertainty = Uncertainty()
    #expect(ScenarioWriter.yaml(scenario).hasSuffix("\nuncertainty: {}\n"))
    try roundTrip(scenario, "uncertainty, empty")
    scenario.uncertainty = nil
    #expect(!ScenarioWriter.yaml(scenario).contains("uncertainty"))
    try roundTrip(scenario, "no uncertainty")
  }

  @Test("the writer puts keys in the order of the format reference")
  func keyOrder() throws {
    let loaded = try ScenarioLoader.load(
      data: FixtureFiles.data("valid", "every-key.yaml"), fileName: "every-key.yaml")
    let written = ScenarioWriter.yaml(loaded.scenario)
    let topKeys = written.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(":") }
      .map { String($0.prefix { $0 != ":" }) }
    #expect(
      topKeys == [
        "format", "name", "language", "currency", "horizon", "discount_rate", "units", "families", "tasks",
        "policy",
        "objective",
      ])
    #expect(
      written.hasPrefix("format: zentral/1\nname: Krefeld – Fachbereich E-Government und IT (Testfall)\n"))
    #expect(written.contains("    capacity_fte: {2025: 60, 2027: 75}\n"))
    #expect(written.contains("    scale: [[0, 0], [10, 9], [40, 31], [120, 84]]\n"))
  }
}
