import Foundation
import Testing
import ZentralPlan

@testable import ZentralCore

/// The `uncertainty:` section: read into ``Uncertainty``; each mistake refused with its place.
@Suite("Scenario loader: uncertainty section")
struct UncertaintyLoaderTests {
  /// `Tests/schema/valid/minimal.yaml`.
  static func minimal() throws -> Data {
    try Data(contentsOf: PlanningSeedTests.root.appendingPathComponent("Tests/schema/valid/minimal.yaml"))
  }

  /// The minimal valid scenario of the schema tests with `section` appended.
  private func scenario(_ section: String) throws -> Data {
    var text = String(decoding: try Self.minimal(), as: UTF8.self)
    if !text.hasSuffix("\n") { text += "\n" }
    return Data((text + section).utf8)
  }

  private func refusal(_ section: String) throws -> String {
    let data = try scenario(section)
    do {
      _ = try ScenarioLoader.load(data: data, fileName: "u.yaml")
    } catch {
      #expect(error.diagnostics.count == 1, "\(error)")
      return error.diagnostics.first?.description ?? ""
    }
    Issue.record("accepted: \(section)")
    return ""
  }

  @Test("uniform and triangular factors are read")
  func reads() throws {
    let loaded = try ScenarioLoader.load(
      data: try scenario(
        """
        uncertainty:
          cost_per_fte: {factor: [0.9, 1.2]}
          transition_cost: {factor: [0.8, 1, 1.5], distribution: triangular}
        """), fileName: "u.yaml")
    let uncertainty = try #require(loaded.scenario.uncertainty)
    #expect(uncertainty.factors[.costPerFTE] == .uniform(low: 0.9, high: 1.2))
    #expect(uncertainty.factors[.transitionCost] == .triangular(low: 0.8, mode: 1, high: 1.5))
    #expect(uncertainty.factors[.pricePerFTE] == nil)
  }

  @Test("a scenario without the section has none")
  func absent() throws {
    let loaded = try ScenarioLoader.load(data: try Self.minimal(), fileName: "m.yaml")
    #expect(loaded.scenario.uncertainty == nil)
  }

  @Test(
    "mistakes are refused at their place",
    arguments: [
      (
        "uncertainty:\n  cost_per_fte: {factor: [0.9, 12]}\n", "uncertainty.cost_per_fte.factor[1]",
        "out of range"
      ),
      (
        "uncertainty:\n  cost_per_fte: {factor: [1.2, 0.9]}\n", "uncertainty.cost_per_fte.factor",
        "not in order"
      ),
      ("uncertainty:\n  cost_per_fte: {factor: [1]}\n", "uncertainty.cost_per_fte.factor", "[low, high]"),
      (
        "uncertainty:\n  price_per_fte: {factor: [0.9, 1.2], distribution: triangular}\n",
        "uncertainty.price_per_fte.factor", "[low, most likely, high]"
      ),
      (
        "uncertainty:\n  price_per_fte: {factor: [0.9, 1.2], distribution: normal}\n",
        "uncertainty.price_per_fte.distribution", "uniform or triangular"
      ),
      ("uncertainty:\n  discount: {factor: [0.9, 1.2]}\n", "uncertainty", "unknown key 'discount'"),
      ("uncertainty:\n  cost_per_fte: {distribution: uniform}\n", "uncertainty.cost_per_fte", "factor"),
    ])
  func refused(section: String, path: String, words: String) throws {
    let line = try refusal(section)
    #expect(line.hasPrefix("u.yaml:"), "\(line)")
    #expect(line.contains(path), "\(line)")
    #expect(line.contains(words), "\(line)")
  }
}
