import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The flip speed-ups (``FlipSpeedups``): flips priced on one reused GLPK problem per thread, from a
/// first plan near the optimum and stopped at the printed precision, are the flips of an
/// independent re-solve per flip; the parallel path gives the serial one's flips.
@Suite("Flip speed-ups")
struct FlipSpeedupTests {
  static func scenario(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(
      path: PlanningSeedTests.root.appendingPathComponent("scenarios/\(name).yaml").path
    )
    .scenario
  }

  /// The plan with every flip solved to its end (no budget) by the given measures.
  static func plan(_ scenario: Scenario, _ speedups: FlipSpeedups) throws -> Plan {
    var options = PlanningOptions()
    options.explainBudget = .unlimited
    options.flipSpeedups = speedups
    return try Planner(scenario: scenario).plan(options: options)
  }

  /// Exact flips agree within the printed precision (half a euro, the precision stop) plus GLPK's
  /// own objective tolerance; infeasible flips agree; nothing is left unpriced.
  static func expectSameFlips(_ a: Plan, _ b: Plan, _ label: String) {
    #expect(a.tasks.count == b.tasks.count)
    let tolerance = FlipExplainer.printedPrecision + 2e-7 * abs(a.objective ?? 0)
    var compared = 0
    for (x, y) in zip(a.tasks, b.tasks) {
      #expect(x.reason.rule == y.reason.rule, "\(label) \(x.id): \(x.reason.rule) vs \(y.reason.rule)")
      #expect(x.reason.rule != .notComputed, "\(label) \(x.id) not priced")
      if let f = x.reason.flip, let g = y.reason.flip {
        #expect(f.atLeast == nil && g.atLeast == nil)
        #expect(abs(f.total - g.total) <= tolerance, "\(label) \(x.id): \(f.total) vs \(g.total)")
        compared += 1
      }
      if x.reason.rule == .infeasibleFlip {
        #expect(x.reason.conflicts == y.reason.conflicts, "\(label) \(x.id)")
      }
    }
    #expect(compared > 0, "\(label): no flip priced")
  }

  @Test(
    "reused-problem flips equal a new problem per flip",
    arguments: ["krefeld", "iserlohn", "muenster", "muelheim"])
  func reusedEqualsIndependent(seed: String) throws {
    let scenario = try Self.scenario(seed)
    let independent = try Self.plan(scenario, [])
    let fast = try Self.plan(scenario, .all)
    Self.expectSameFlips(independent, fast, seed)
  }

  @Test("the parallel path gives the serial path's flips")
  func parallelEqualsSerial() throws {
    let scenario = try Self.scenario("krefeld")
    let serial = try Self.plan(scenario, FlipSpeedups.all.subtracting(.parallel))
    let parallel = try Self.plan(scenario, .all)
    Self.expectSameFlips(serial, parallel, "krefeld")
  }

  /// München under a short budget: every bracket holds the flip cost of an independent re-solve
  /// (the flipped scenario planned from scratch), every exact flip equals it.
  @Test("München: brackets hold, exact flips equal, an independent re-solve")
  func muenchenAgainstResolve() throws {
    let scenario = try Self.scenario("muenchen")
    var options = PlanningOptions()
    options.explainBudget = .seconds(2)
    let plan = try Planner(scenario: scenario).plan(options: options)
    let objective = try #require(plan.objective)
    let tolerance = 1e-3 + 1e-9 * abs(objective) + FlipExplainer.printedPrecision
    let priced = plan.tasks.filter { $0.reason.flip != nil }
    try #require(!priced.isEmpty)
    // The widest bracket, or the largest exact flip, and one exact flip of a moved task.
    var chosen: [Plan.TaskDecision] = []
    if let bracket = priced.filter({ $0.reason.flip?.atLeast != nil }).max(by: {
      $0.reason.flip!.total - $0.reason.flip!.atLeast! < $1.reason.flip!.total - $1.reason.flip!.atLeast!
    }) {
      chosen.append(bracket)
    }
    if let exact = priced.filter({
      $0.reason.flip?.atLeast == nil && $0.share == 0 && $0.reason.together == nil
    })
    .max(by: { $0.reason.flip!.total < $1.reason.flip!.total }) {
      chosen.append(exact)
    }
    if let moved = priced.first(where: {
      $0.reason.flip?.atLeast == nil && $0.share > 0 && $0.reason.together == nil
    }) {
      chosen.append(moved)
    }
    for task in chosen {
      var forced = scenario
      if task.share > 0 {
        forced.policy.mustStay.append(task.id)
      } else {
        forced.policy.mustMove.append(task.id)
      }
      var exact = PlanningOptions(explain: false, diagnose: false)
      exact.solve.timeLimit = 300
      let independent = try Planner(scenario: forced).plan(options: exact)
      #expect(independent.status == .optimal)
      let cost = try #require(independent.objective) - objective
      let flip = try #require(task.reason.flip)
      if let least = flip.atLeast {
        #expect(cost >= least - tolerance && cost <= flip.total + tolerance, "\(task.id): \(flip) vs \(cost)")
      } else {
        #expect(abs(cost - flip.total) <= tolerance, "\(task.id): \(flip) vs \(cost)")
      }
    }
  }
}
