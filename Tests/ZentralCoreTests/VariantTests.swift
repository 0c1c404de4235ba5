import Foundation
import Testing

@testable import ZentralCore

/// Variants (`extends: base.yaml`): the merge rules against hand-written full copies, and every
/// diagnostic at the file, line and column that set the value, in the variant or in a base.
@Suite("Scenario variants")
struct VariantTests {
  static let base = """
    format: zentral/1
    name: Basis
    horizon: {start: 2025, years: 3}
    units:
      - {id: stadt, name: Stadt, kind: administration}
      - {id: it, name: IT, kind: central, parent: stadt, cost_per_fte: 80000}
      - {id: fb20, name: Finanzen, kind: department, parent: stadt, cost_per_fte: 75000}
      - {id: fb40, name: Schule, kind: department, parent: stadt, cost_per_fte: 76000}
    families:
      - {id: sap, name: SAP, providers: [it], transition_cost_per_fte: 10000}
      - {id: client, name: Client, providers: [it]}
    tasks:
      - {id: t1, name: SAP Finanzen, family: sap, unit: fb20, fte: 2}
      - {id: t2, name: Client Schule, family: client, unit: fb40, fte: 1.5}
      - {id: t3, name: Client Finanzen, family: client, unit: fb20, fte: 1}
    policy:
      budget: {2025: 50000, 2026: 80000}
      must_stay: [t3]

    """

  /// Writes `files` into a new folder and returns it; removed by the caller.
  private func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-variant-\(UUID().uuidString)")
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return url
  }

  /// Line and column (from 1) of the `occurrence`-th appearance of `needle` in `text`, counted here
  /// independently of the loader.
  private func place(
    of needle: String, in text: String, occurrence: Int = 1
  ) throws -> (line: Int, column: Int) {
    var searchStart = text.startIndex
    var start = text.startIndex
    for _ in 0..<occurrence {
      let found = try #require(text[searchStart...].firstRange(of: needle), "'\(needle)' not in text")
      start = found.lowerBound
      searchStart = found.upperBound
    }
    let before = text[..<start]
    let line = before.filter { $0 == "\n" }.count + 1
    let column =
      before.count
      - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
    return (line, column)
  }

  @Test(
    "a variant resolves to the same scenario as a hand-written full copy (maps, ids, lists, remove, empty values)"
  )
  func mergeRules() throws {
    let variant = """
      extends: base.yaml
      name: Variante
      horizon: {years: 5}
      units:
        - {id: it, capacity_fte: {2025: 10}}
        - {id: fb50, name: Soziales, kind: department, parent: stadt, cost_per_fte: 77000}
      families:
        - {id: sap, providers: []}
        - {id: client, transition_cost_per_fte: 3000}
      tasks:
        - {id: t2, fte: 2.5}
        - {id: t4, name: Client Soziales, family: client, unit: fb50, fte: 1}
      policy:
        budget: ~
        must_stay: [t1]
      remove: [t3]

      """
    // The same scenario written out by hand: the base with every change made in place.
    let full = """
      format: zentral/1
      name: Variante
      horizon: {start: 2025, years: 5}
      units:
        - {id: stadt, name: Stadt, kind: administration}
        - {id: it, name: IT, kind: central, parent: stadt, cost_per_fte: 80000, capacity_fte: {2025: 10}}
        - {id: fb20, name: Finanzen, kind: department, parent: stadt, cost_per_fte: 75000}
        - {id: fb40, name: Schule, kind: department, parent: stadt, cost_per_fte: 76000}
        - {id: fb50, name: Soziales, kind: department, parent: stadt, cost_per_fte: 77000}
      families:
        - {id: sap, name: SAP, providers: [], transition_cost_per_fte: 10000}
        - {id: client, name: Client, providers: [it], transition_cost_per_fte: 3000}
      tasks:
        - {id: t1, name: SAP Finanzen, family: sap, unit: fb20, fte: 2}
        - {id: t2, name: Client Schule, family: client, unit: fb40, fte: 2.5}
        - {id: t4, name: Client Soziales, family: client, unit: fb50, fte: 1}
      policy:
        must_stay: [t1]

      """
    let url = try folder(["base.yaml": Self.base, "variant.yaml": variant, "full.yaml": full])
    defer { try? FileManager.default.removeItem(at: url) }
    let resolved = try ScenarioLoader.load(path: url.appendingPathComponent("variant.yaml").path)
    let copy = try ScenarioLoader.load(path: url.appendingPathComponent("full.yaml").path)
    #expect(resolved.scenario == copy.scenario)
    #expect(resolved.scenario.tasks.map(\.id) == ["t1", "t2", "t4"])
  }

  @Test("the shipped Krefeld variant equals krefeld.yaml with its transition costs raised by 30 % by hand")
  func shippedVariant() throws {
    let root = FixtureFiles.repository.appendingPathComponent("scenarios")
    var text = try String(contentsOf: root.appendingPathComponent("krefeld.yaml"), encoding: .utf8)
    // Every transition cost × 1.3, edited as text.
    let raised: [(String, String)] = [
      ("transition_cost_per_fte: 8000", "transition_cost_per_fte: 10400"),
      ("transition_cost_per_fte: 12000", "transition_cost_per_fte: 15600"),
      ("transition_cost_per_fte: 15000", "transition_cost_per_fte: 19500"),
      ("transition_cost_per_fte: 20000", "transition_cost_per_fte: 26000"),
      ("transition_cost_per_fte: 10000", "transition_cost_per_fte: 13000"),
      ("transition_cost_per_fte: 25000", "transition_cost_per_fte: 32500"),
      ("transition_cost: 40000", "transition_cost: 52000"),
      ("transition_cost: 30000", "transition_cost: 39000"),
      (
        "name: Krefeld – Fachbereich E-Government und IT (illustrativ)",
        "name: Krefeld – Umstellungskosten +30 % (illustrativ)"
      ),
    ]
    for (old, new) in raised { text = text.replacingOccurrences(of: old, with: new) }
    let copy = try ScenarioLoader.load(text: text, fileName: "krefeld-copy.yaml").scenario
    let variant = try ScenarioLoader.load(
      path: root.appendingPathComponent("variants/krefeld-hoehere-umstellungskosten.yaml").path
    ).scenario
    #expect(variant == copy)
    let original = try ScenarioLoader.load(path: root.appendingPathComponent("krefeld.yaml").path).scenario
    #expect(variant != original)
  }

  @Test("an error in the variant is at the variant's line and column, an error in the base at the base's")
  func errorPlaces() throws {
    let brokenBase = Self.base.replacingOccurrences(of: "fte: 1.5}", with: "fte: -1.5}")
    let variant = """
      extends: sub/../base.yaml
      tasks:
        - {id: t1, fte: 100001}

      """
    let url = try folder(["base.yaml": brokenBase, "variant.yaml": variant])
    defer { try? FileManager.default.removeItem(at: url) }
    let path = url.appendingPathComponent("variant.yaml").path
    let basePath = url.appendingPathComponent("base.yaml").path
    let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
    let inVariant = try place(of: "100001", in: variant)
    let inBase = try place(of: "-1.5", in: brokenBase)
    #expect(error.errors.count == 2)
    let variantError = try #require(error.errors.first { $0.file == path })
    #expect(variantError.line == inVariant.line && variantError.column == inVariant.column)
    #expect(variantError.path == "tasks[0].fte")
    #expect(variantError.message.hasPrefix("100001 is more than"))
    let baseError = try #require(error.errors.first { $0.file == basePath })
    #expect(baseError.line == inBase.line && baseError.column == inBase.column)
    #expect(baseError.path == "tasks[1].fte")
    #expect(baseError.message.hasPrefix("-1.5 is negative"))
  }

  @Test("a chain of three files: each error at the file in the chain that set the value")
  func chain() throws {
    let middle = """
      extends: base.yaml
      horizon: {years: 31}

      """
    let top = """
      extends: middle.yaml
      units:
        - {id: it, cost_per_fte: 78.000}

      """
    let url = try folder(["base.yaml": Self.base, "middle.yaml": middle, "top.yaml": top])
    defer { try? FileManager.default.removeItem(at: url) }
    let error = try #require(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: url.appendingPathComponent("top.yaml").path)
    }
    let descriptions = error.errors.map(\.description)
    let years = try place(of: "31", in: middle)
    let cost = try place(of: "78.000", in: top)
    let topPath = url.appendingPathComponent("top.yaml").path
    let middlePath = url.appendingPathComponent("middle.yaml").path
    #expect(descriptions.count == 2)
    #expect(
      descriptions.contains {
        $0.hasPrefix("\(topPath):\(cost.line):\(cost.column): units[1].cost_per_fte: 78.000")
      })
    #expect(
      descriptions.contains {
        $0.hasPrefix("\(middlePath):\(years.line):\(years.column): horizon.years: 31 is more than 30")
      })
    // The variant's own file comes first.
    #expect(descriptions.first?.hasPrefix(topPath) == true)
  }

  @Test(
    "a missing base, a cycle, remove without extends, an item without id and an anchor in the base are refused at their place"
  )
  func refusals() throws {
    let url = try folder([
      "missing.yaml": "name: x\nextends: basis.yaml\n",
      "a.yaml": "extends: b.yaml\n",
      "b.yaml": "name: B\nextends: a.yaml\n",
      "orphan.yaml": Self.base + "remove: [t1]\n",
      "noid.yaml": "extends: base.yaml\ntasks:\n  - {fte: 3}\n",
      "base.yaml": Self.base,
      "anchored.yaml": Self.base.replacingOccurrences(of: "{id: stadt,", with: "&s {id: stadt,"),
      "onanchor.yaml": "extends: anchored.yaml\n",
      "unknown.yaml": "extends: base.yaml\nremove: [t9]\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    func errors(_ name: String) throws -> [Diagnostic] {
      try #require(throws: ScenarioError.self) {
        try ScenarioLoader.load(path: url.appendingPathComponent(name).path)
      }.errors
    }
    let missing = try errors("missing.yaml")
    #expect(missing.count == 1)
    #expect(missing[0].line == 2 && missing[0].column == 10 && missing[0].path == "extends")
    #expect(missing[0].message.contains("basis.yaml cannot be read: there is no such file; did you mean"))
    #expect(missing[0].message.contains("base.yaml?"))

    let cycle = try errors("a.yaml")
    #expect(cycle.count == 1)
    #expect(cycle[0].file == url.appendingPathComponent("b.yaml").path)
    #expect(cycle[0].line == 2 && cycle[0].column == 10)
    #expect(cycle[0].message.contains("(a.yaml → b.yaml → a.yaml)"))

    let orphan = try errors("orphan.yaml")
    #expect(orphan.count == 1 && orphan[0].path == "remove")
    #expect(orphan[0].message.contains("add 'extends: BASE.yaml'"))

    let noID = try errors("noid.yaml")
    #expect(noID.count == 1 && noID[0].line == 3 && noID[0].column == 5 && noID[0].path == "tasks[0]")
    #expect(noID[0].message.contains("merge by id"))

    let anchor = try errors("onanchor.yaml")
    let anchorPlace = try place(
      of: "&s", in: Self.base.replacingOccurrences(of: "{id: stadt,", with: "&s {id: stadt,"))
    #expect(anchor.count == 1 && anchor[0].file == url.appendingPathComponent("anchored.yaml").path)
    #expect(anchor[0].line == anchorPlace.line && anchor[0].column == anchorPlace.column)

    let unknown = try errors("unknown.yaml")
    #expect(unknown.count == 1 && unknown[0].line == 2 && unknown[0].column == 10)
    #expect(unknown[0].message == "no item of the base scenario has the id 't9'")
  }

  @Test("remove by key path: the items of one list and the keys of a mapping")
  func removeByPath() throws {
    let variant = """
      extends: base.yaml
      remove:
        tasks: [t3]
        policy.budget: ["2026"]
        policy: [must_stay]

      """
    let full = Self.base
      .replacingOccurrences(
        of: "  - {id: t3, name: Client Finanzen, family: client, unit: fb20, fte: 1}\n", with: ""
      )
      .replacingOccurrences(
        of: "  budget: {2025: 50000, 2026: 80000}\n  must_stay: [t3]\n", with: "  budget: {2025: 50000}\n")
    let url = try folder(["base.yaml": Self.base, "variant.yaml": variant, "full.yaml": full])
    defer { try? FileManager.default.removeItem(at: url) }
    let resolved = try ScenarioLoader.load(path: url.appendingPathComponent("variant.yaml").path).scenario
    let copy = try ScenarioLoader.load(path: url.appendingPathComponent("full.yaml").path).scenario
    #expect(resolved == copy)
    #expect(resolved.tasks.count == 2)
  }

  @Test("key paths: parsing, and the sentence for a path that leads nowhere")
  func keyPaths() throws {
    let path = try ScenarioKeyPath("families[id=schul-it].centres.\"it.nrw\".min_fte")
    #expect(
      path.steps == [.key("families"), .id("schul-it"), .key("centres"), .key("it.nrw"), .key("min_fte")])
    #expect(try ScenarioKeyPath("tasks[3].fte").steps == [.key("tasks"), .index(3), .key("fte")])
    #expect(throws: ScenarioKeyPathError.self) { try ScenarioKeyPath("tasks[x].fte") }
    #expect(throws: ScenarioKeyPathError.self) { try ScenarioKeyPath("horizon..years") }
    #expect(throws: ScenarioKeyPathError.self) { try ScenarioKeyPath("") }
  }
}
