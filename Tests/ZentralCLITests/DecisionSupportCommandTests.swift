import Foundation
import Testing
import ZentralTestSupport

/// `zentral plan --alternatives/--within/--robust/--seed`: the rules between the options, and a
/// scenario without an uncertainty section refused for --robust with the way out.
@Suite("zentral plan: decision-support options")
struct DecisionSupportCommandTests {
  @Test(
    "wrong combinations and values are usage errors",
    arguments: [
      (["plan", "x.yaml", "--within", "2%"], "--within goes with --alternatives K"),
      (["plan", "x.yaml", "--seed", "3"], "--seed goes with --robust N"),
      (["plan", "x.yaml", "--alternatives", "0"], "--alternatives must be 1 to 20, not 0"),
      (["plan", "x.yaml", "--robust", "500"], "--robust must be 1 to 200 samples, not 500"),
      (["plan", "x.yaml", "--alternatives", "2", "--within", "150%"], "--within must be 0 to 100%"),
    ])
  func usage(arguments: [String], expected: String) throws {
    let run = try ZentralBinary.run(arguments)
    #expect(run.status == 1)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
  }

  @Test("--robust on a scenario without an uncertainty section says how to add one")
  func robustNeedsUncertainty() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zentral-robust-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenarios/iserlohn.yaml").path
    let run = try ZentralBinary.run(["plan", scenario, "--out", folder.path, "--robust", "3"])
    #expect(run.status == 1)
    let expected = "iserlohn.yaml: --robust samples the scenario's uncertainty: section"
    #expect(run.stderr.contains(expected), "\(run.stderr)")
    #expect(run.stderr.contains("uncertainty: {cost_per_fte: {factor: [0.9, 1.2]}}"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.json").path))
  }
}
