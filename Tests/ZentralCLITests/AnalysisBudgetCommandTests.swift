import Foundation
import Testing
import ZentralTestSupport

/// `zentral plan --sensitivity / --pareto / --analysis-budget` at the command line: usage errors
/// and a budgeted run that writes both sections.
@Suite("zentral plan: sensitivity, Pareto and the analysis budget")
struct AnalysisBudgetCommandTests {
  @Test(
    "wrong combinations and values are usage errors",
    arguments: [
      (
        ["plan", "x.yaml", "--analysis-budget", "5"], "--analysis-budget goes with --sensitivity or --pareto"
      ),
      (
        ["plan", "x.yaml", "--sensitivity", "--analysis-budget", "0"],
        "--analysis-budget must be a positive number"
      ),
      (
        ["plan", "x.yaml", "--pareto", "savings,cost"],
        "--pareto must be 'savings,disruption' or 'savings,penalties'"
      ),
      (["plan", "x.yaml", "--sensitivity-input", "cost_per_fte"], "--sensitivity-input needs --sensitivity"),
      (
        ["plan", "x.yaml", "--pareto", "savings,disruption", "--pareto-points", "1"],
        "--pareto-points must be 2 to 50"
      ),
    ])
  func usage(arguments: [String], expected: String) throws {
    let run = try ZentralBinary.run(arguments)
    #expect(run.status == 1)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
  }

  @Test("a run with a small analysis budget ends in time and writes both sections")
  func budgetedRun() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zentral-analysis-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenarios/krefeld.yaml").path
    let started = ContinuousClock.now
    let run = try ZentralBinary.run([
      "plan", scenario, "--out", folder.path, "--no-explain", "--no-exports", "--quiet", "--sensitivity",
      "--sensitivity-input", "transition_costs", "--pareto", "savings,disruption", "--pareto-points", "4",
      "--analysis-budget", "3",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    // Two analyses of 3 s each, the plan and GLPK's reaction time to a cut.
    #expect(ContinuousClock.now - started < .seconds(30))
    let data = try Data(contentsOf: folder.appendingPathComponent("plan.json"))
    let plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sensitivity = try #require(plan["sensitivity"] as? [String: Any])
    #expect((sensitivity["inputs"] as? [Any])?.count == 1)
    let pareto = try #require(plan["pareto"] as? [String: Any])
    #expect(!((pareto["points"] as? [Any]) ?? []).isEmpty)
  }
}
