import Foundation
import Testing

@testable import ZentralCore

/// Sweep specifications: the variants a grid and a list give, each equal to the base edited by hand,
/// and bad specifications refused at the file, line, column and key path of the value.
@Suite("Sweep specifications")
struct SweepSpecTests {
  /// Writes `files` into a new folder and returns it; removed by the caller.
  private func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-sweep-\(UUID().uuidString)")
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return url
  }

  @Test(
    "a grid gives every combination (first key slowest), then the listed variants; each equals the base edited by hand"
  )
  func variants() throws {
    let spec = """
      base: ../base.yaml
      grid:
        horizon.years: [3, 4]
        families[id=sap].transition_cost_per_fte: [0, 20000, 30000]
      variants:
        - {name: ohne-budget, set: {policy.budget: ~, "tasks[id=t2].fte": 4}}

      """
    let url = try folder(["base.yaml": VariantTests.base, "sweeps/spec.yaml": spec])
    defer { try? FileManager.default.removeItem(at: url) }
    let loaded = try SweepSpec.load(path: url.appendingPathComponent("sweeps/spec.yaml").path)
    #expect(
      loaded.keyPaths == [
        "horizon.years", "families[id=sap].transition_cost_per_fte", "policy.budget", "tasks[id=t2].fte",
      ])
    #expect(loaded.variants.map(\.name) == ["v1", "v2", "v3", "v4", "v5", "v6", "ohne-budget"])
    #expect(
      loaded.variants[4].edits == [
        .init(path: "horizon.years", value: "4"),
        .init(path: "families[id=sap].transition_cost_per_fte", value: "20000"),
      ])
    for (index, variant) in loaded.variants.prefix(6).enumerated() {
      let years = [3, 4][index / 3]
      let cost = ["0", "20000", "30000"][index % 3]
      let text = VariantTests.base
        .replacingOccurrences(of: "years: 3}", with: "years: \(years)}")
        .replacingOccurrences(of: "transition_cost_per_fte: 10000", with: "transition_cost_per_fte: \(cost)")
      #expect(variant.scenario == (try ScenarioLoader.load(text: text, fileName: "copy.yaml").scenario))
    }
    let listed = VariantTests.base
      .replacingOccurrences(of: "  budget: {2025: 50000, 2026: 80000}\n", with: "")
      .replacingOccurrences(of: "unit: fb40, fte: 1.5}", with: "unit: fb40, fte: 4}")
    #expect(
      loaded.variants[6].scenario == (try ScenarioLoader.load(text: listed, fileName: "copy.yaml").scenario))
  }

  @Test("bad specifications: each problem at the spec's file, line and column with its key path and value")
  func refusals() throws {
    let spec = """
      base: base.yaml
      grid:
        horizon.years: [3, 40]
        families[id=sapp].transition_cost_per_fte: [1]
        "tasks[x]": [1]
        units[id=it].cost_per_fte: []

      """
    let url = try folder([
      "base.yaml": VariantTests.base, "spec.yaml": spec,
      "nobase.yaml": "base: nix.yaml\ngrid: {horizon.years: [3]}\n",
      "typo.yaml": "base: base.yaml\ngird: {}\n",
    ])
    defer { try? FileManager.default.removeItem(at: url) }
    let path = url.appendingPathComponent("spec.yaml").path
    let first = try #require(throws: ScenarioError.self) { try SweepSpec.load(path: path) }
    // The key path that cannot be read and the empty list stop before any variant is built.
    #expect(
      first.errors.map(\.description) == [
        "\(path):5:3: grid.tasks[x]: 'tasks[x]' is not a key path: [x] is neither an index (0, 1, …) nor an id ([id=…]); write keys joined by dots, e.g. horizon.years or families[id=schul-it].transition_cost_per_fte",
        "\(path):6:30: grid.units[id=it].cost_per_fte: the list of values is empty; give at least one value",
      ])
    let fixed = spec.replacingOccurrences(of: "  \"tasks[x]\": [1]\n", with: "").replacingOccurrences(
      of: "cost_per_fte: []", with: "cost_per_fte: [70000]")
    try Data(fixed.utf8).write(to: URL(fileURLWithPath: path))
    let second = try #require(throws: ScenarioError.self) { try SweepSpec.load(path: path) }
    #expect(
      second.errors.map(\.description) == [
        "\(path):3:22: horizon.years: 40 is more than 30; the horizon has 1 to 30 years (waves)",
        "\(path):4:3: grid.families[id=sapp].transition_cost_per_fte: no item of 'families' has the id 'sapp'; did you mean 'sap'?",
      ])
    let nobase = try #require(throws: ScenarioError.self) {
      try SweepSpec.load(path: url.appendingPathComponent("nobase.yaml").path)
    }
    #expect(nobase.errors.count == 1 && nobase.errors[0].line == 1 && nobase.errors[0].column == 7)
    #expect(nobase.errors[0].message.contains("nix.yaml cannot be read: there is no such file"))
    let typo = try #require(throws: ScenarioError.self) {
      try SweepSpec.load(path: url.appendingPathComponent("typo.yaml").path)
    }
    #expect(typo.errors.first?.message == "unknown key 'gird'; did you mean 'grid'?")
  }
}
