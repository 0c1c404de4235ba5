import Foundation
import Testing
import ZentralTestSupport

@Suite("zentral plan with the search help of issue 18 (--cuts knapsack, --centres-first, first-plan)")
struct SearchHelpCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The objective of the plan `zentral plan` writes for `scenario` with `options`.
  static func objective(
    _ scenario: String, _ options: [String], in directory: URL, run: String
  ) throws -> Double? {
    let out = directory.appendingPathComponent(run)
    let result = try ZentralBinary.run(
      ["plan", scenario, "--out", out.path, "--quiet", "--no-explain", "--no-exports"] + options)
    #expect(result.status == 0, "\(options): \(result.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("plan.json"))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(json?["status"] as? String == "optimal", "\(options)")
    return json?["objective"] as? Double
  }

  @Test("each option and all together plan the Krefeld seed to the optimum of the defaults")
  func sameOptimum() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = Self.root.appendingPathComponent("scenarios/krefeld.yaml").path
    let plain = try #require(try Self.objective(scenario, [], in: directory, run: "plain"))
    let variants: [[String]] = [
      ["--cuts", "mir,clique,knapsack"],
      ["--centres-first"],
      ["--heuristics", "rounding,first-plan"],
      ["--cuts", "knapsack", "--centres-first", "--heuristics", "first-plan", "--time-limit", "120"],
    ]
    for (index, options) in variants.enumerated() {
      let objective = try #require(try Self.objective(scenario, options, in: directory, run: "v\(index)"))
      #expect(abs(objective - plain) <= 1e-6 * max(1, abs(plain)), "\(options): \(objective) vs \(plain)")
    }
  }
}
