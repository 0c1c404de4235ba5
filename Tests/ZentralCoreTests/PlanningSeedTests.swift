import Foundation
import Testing
import ZentralPlan
import ZentralSolver
import ZentralTestSupport

@testable import ZentralCore

/// The seed scenarios in `scenarios/`: each plans to optimal, the exported model solves to the
/// same objective in HiGHS, and reported flip costs match independent re-solves.
@Suite("Seed scenarios")
struct PlanningSeedTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let seeds: [String] = {
    let directory = root.appendingPathComponent("scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  static func load(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(name)").path).scenario
  }

  /// Runs `Tests/tools/highs_solve.py` on a model file and returns HiGHS's optimal objective.
  static func highs(_ path: String) throws -> Double {
    let run = try Program.run(
      "python3", [root.appendingPathComponent("Tests/tools/highs_solve.py").path, path])
    let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let words = last.split(separator: " ")
    guard run.status == 0, words.count == 2,
      let value = Double(words[1].trimmingCharacters(in: .whitespacesAndNewlines))
    else { throw HighsFailure(output: run.stdout + run.stderr) }
    return value
  }

  struct HighsFailure: Error { var output: String }

  @Test("there are seed scenarios") func seedsExist() { #expect(Self.seeds.count >= 3) }

  @Test("plans to optimal and HiGHS finds the same objective for the exported model", arguments: seeds)
  func optimalAndHiGHS(_ name: String) throws {
    let started = Date()
    let planner = try Planner(scenario: try Self.load(name))
    let plan = try planner.plan(options: PlanningOptions(explain: false))
    let solved = Date().timeIntervalSince(started)
    #expect(plan.status == .optimal)
    let objective = try #require(plan.objective)
    let scenario = try Self.load(name)
    #expect(PlanningStaffPolicyTests.partsBelowMinimum(plan, scenario: scenario).isEmpty, "\(name)")
    for format in ModelFile.Format.allCases {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "zentral-seed-\(name).\(format.rawValue)"
      ).path
      defer { try? FileManager.default.removeItem(atPath: path) }
      try ModelFile.write(planner.model.model, format: format, to: path)
      let highs = try Self.highs(path)
      let difference = abs(highs - objective) / max(1, abs(objective))
      print(
        "seed \(name) (\(format.rawValue)): GLPK \(objective), HiGHS \(highs), relative difference \(difference), solve \(solved) s"
      )
      #expect(difference <= 1e-6, "\(name): GLPK \(objective), HiGHS \(highs)")
    }
  }

  @Test("flip costs of five tasks equal independent re-solves with the task forced", arguments: seeds)
  func flipCosts(_ name: String) throws {
    let scenario = try Self.load(name)
    let first = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    let candidates = first.tasks.filter { $0.reason.rule == .notComputed }.map(\.id)
    #expect(first.tasks.allSatisfy { $0.reason.rule != .notComputed || $0.reason.why == .notRequested })
    try #require(candidates.count >= 5)
    let chosen = (0..<5).map { candidates[$0 * candidates.count / 5] }
    var options = PlanningOptions()
    options.explainOnly = Set(chosen)
    // Exact flip costs are compared here, so no budget may turn one into a bracket.
    options.explainBudget = .unlimited
    let plan = try Planner(scenario: scenario).plan(options: options)
    let objective = try #require(plan.objective)
    let npv = try #require(plan.npv)
    for id in chosen {
      let task = try #require(plan.tasks.first { $0.id == id })
      var forced = scenario
      if task.share > 0 { forced.policy.mustStay.append(id) } else { forced.policy.mustMove.append(id) }
      let independent = try Planner(scenario: forced).plan(
        options: PlanningOptions(explain: false, diagnose: false))
      if let flipped = independent.objective {
        let flip = try #require(task.reason.flip, "\(name) \(id): \(task.reason)")
        let cost = flip.total
        #expect(abs(cost - (flipped - objective)) <= 1e-3 + 1e-9 * abs(objective), "\(name) \(id)")
        // The split: money is the change of the NPV, the rest is penalty.
        let flippedNPV = try #require(independent.npv)
        #expect(abs(flip.money - (flippedNPV - npv)) <= 1e-3 + 1e-9 * abs(npv), "\(name) \(id): \(flip)")
        print("seed \(name): flip \(id) costs \(cost) EUR (re-solve: \(flipped - objective))")
      } else {
        #expect(independent.status == .infeasible)
        #expect(task.reason.flip == nil && task.reason.rule == .infeasibleFlip, "\(name) \(id)")
      }
    }
  }
}
