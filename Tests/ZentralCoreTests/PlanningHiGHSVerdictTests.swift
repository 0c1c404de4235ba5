import Foundation
import Testing
import ZentralPlan
import ZentralSolver
import ZentralTestSupport

@testable import ZentralCore

/// zentral's verdict against HiGHS on the exported model, for random scenarios at a city's scale.
@Suite("Verdicts agree with HiGHS")
struct PlanningHiGHSVerdictTests {
  /// One scenario's outcome in zentral.
  struct Case {
    var seed: UInt64
    var path: String
    var status: Plan.Status
    var objective: Double?
    var setupAboveBudget: Bool
  }

  /// Whether some centre's set-up cost exceeds the budget of every wave it could open in.
  static func setupAboveBudget(_ scenario: Scenario) -> Bool {
    guard let budget = scenario.policy.budget else { return false }
    let years = scenario.horizon.start..<(scenario.horizon.start + scenario.horizon.years)
    let most = years.compactMap { budget.value(in: $0) }.max() ?? .infinity
    return scenario.families.contains { family in
      family.centre.setupCost > most || family.centres.values.contains { ($0.setupCost ?? 0) > most }
    }
  }

  @Test("300 random realistic scenarios: the same verdict (infeasible or not) and the same optimum")
  func threeHundredScenarios() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-verdicts-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var cases: [Case] = []
    var generator = PlanningScenarioGenerator(seed: 20_261_202)
    for seed in 0..<300 {
      let (scenario, _) = generator.nextRealistic()
      let planner = try Planner(scenario: scenario, decomposition: .never)
      let path = directory.appendingPathComponent("s\(seed).mps").path
      try ModelFile.write(planner.model.model, format: .freeMPS, to: path)
      let plan = try planner.plan(options: PlanningOptions(explain: false, diagnose: false, threads: 1))
      cases.append(
        Case(
          seed: UInt64(seed), path: path, status: plan.status, objective: plan.objective,
          setupAboveBudget: Self.setupAboveBudget(scenario)))
    }
    let highs = try Self.highs(cases.map(\.path))
    var infeasible = 0
    for item in cases {
      let (status, objective) = try #require(highs[item.path], "HiGHS gave no line for scenario \(item.seed)")
      if status == "infeasible" {
        infeasible += 1
        #expect(item.status == .infeasible, "scenario \(item.seed): HiGHS infeasible, zentral \(item.status)")
        continue
      }
      #expect(status == "optimal", "scenario \(item.seed): HiGHS \(status)")
      #expect(item.status == .optimal, "scenario \(item.seed): HiGHS optimal, zentral \(item.status)")
      if let mine = item.objective, let theirs = objective {
        #expect(
          abs(mine - theirs) <= 1e-6 * max(1, abs(theirs)),
          "scenario \(item.seed): zentral \(mine), HiGHS \(theirs)")
      }
    }
    // The sample covers what it claims.
    #expect(cases.filter(\.setupAboveBudget).count >= 100)
    #expect(infeasible >= 10 && infeasible <= 200)
  }

  /// HiGHS's status and objective for each model file, from one run of `Tests/tools/highs_solve.py`.
  static func highs(_ paths: [String]) throws -> [String: (String, Double?)] {
    let run = try Program.run(
      "python3", [PlanningSeedTests.root.appendingPathComponent("Tests/tools/highs_solve.py").path] + paths)
    let output = run.stdout
    var results: [String: (String, Double?)] = [:]
    for line in output.split(separator: "\n") {
      let words = line.split(separator: " ").map(String.init)
      guard words.count >= 2, paths.contains(words[0]) else { continue }
      results[words[0]] = (words[1], words.count > 2 ? Double(words[2]) : nil)
    }
    return results
  }
}
