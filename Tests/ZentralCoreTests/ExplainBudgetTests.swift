import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The explain budget (docs/model.md, "Explanations"): flips share a time budget; a flip cut short
/// is a bracket that holds the exact flip cost, or is not priced with `why: explain_budget`.
@Suite("Explain budget")
struct ExplainBudgetTests {
  static let muenchen = PlanningSeedTests.root.appendingPathComponent("scenarios/muenchen.yaml").path

  @Test("a used-up budget prices no flip and says why")
  func usedUpBudget() throws {
    let scenario = try ScenarioLoader.load(path: Self.muenchen).scenario
    var options = PlanningOptions()
    options.explainBudget = .seconds(0.001)
    let plan = try Planner(scenario: scenario).plan(options: options)
    let merits = Self.expectNoFlipPriced(plan)
    let words = PlanWords(plan, language: .de)
    let moved = try #require(merits.first { $0.share > 0 })
    #expect(words.reason(of: moved).contains("das Zeitbudget der Erläuterungen war aufgebraucht"))
  }

  @Test("the default budget ends the explanations 7 s plus twice the search after the run began")
  func defaultBudget() {
    // The search alone: 7 + 2 × 2 − 2.
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 2) == 9)
    // Reading and building took 1.5 s before a 2 s search: they count.
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 2, elapsed: 3.5) == 7.5)
    // A fast search: the run ends near 7 s, whatever came before.
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 0.5, elapsed: 1) == 7)
    // An elapsed time shorter than the search is the search's.
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 2, elapsed: 1) == 9)
    // Past the end: nothing left, never negative.
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 1, elapsed: 30) == 0)
    #expect(ExplainBudget.automatic(base: 6, factor: 3).seconds(afterSolveOf: 2) == 10)
    #expect(ExplainBudget.unlimited.seconds(afterSolveOf: 2, elapsed: 5) == nil)
    #expect(ExplainBudget.seconds(3).seconds(afterSolveOf: 100, elapsed: 500) == 3)
  }

  /// The default budget counts the run's time before the search (``PlanningOptions/runStarted``):
  /// a run that began long ago has nothing left for its flips, and says so for every one.
  @Test("the default budget counts the time before the search")
  func runStartedCounts() throws {
    let scenario = try ScenarioLoader.load(path: Self.muenchen).scenario
    var options = PlanningOptions()
    options.runStarted = ContinuousClock.now - .seconds(120)
    let plan = try Planner(scenario: scenario).plan(options: options)
    Self.expectNoFlipPriced(plan)
  }

  /// Checks that `plan` is optimal and that none of its 20 or more decisions on the merits was
  /// priced, each saying the explain budget was used up; returns those decisions.
  @discardableResult
  static func expectNoFlipPriced(_ plan: Plan) -> [Plan.TaskDecision] {
    #expect(plan.status == .optimal)
    let merits = plan.tasks.filter { [.economic, .notComputed, .infeasibleFlip].contains($0.reason.rule) }
    #expect(merits.count >= 20)
    for task in merits {
      #expect(task.reason.rule == .notComputed && task.reason.why == .explainBudget, "\(task.id)")
    }
    return merits
  }

  /// Flips are priced weightiest first (by the task's annual cost at home), the same jobs.
  @Test("flips run in the order of the tasks' cost at home")
  func flipOrder() throws {
    let scenario = try ScenarioLoader.load(path: Self.muenchen).scenario
    let planner = try Planner(scenario: scenario)
    let facts = planner.model.facts
    let jobs = scenario.tasks.indices.map { FlipExplainer.Job(task: $0, toStay: $0 % 2 == 0) }
    let ordered = planner.flipOrder(jobs)
    #expect(Set(ordered) == Set(jobs) && ordered.count == jobs.count)
    for (a, b) in zip(ordered, ordered.dropFirst()) {
      #expect(facts.homeCost(a.task) >= facts.homeCost(b.task), "\(a.task) before \(b.task)")
      if facts.homeCost(a.task) == facts.homeCost(b.task) { #expect(a.task < b.task) }
    }
    #expect(facts.homeCost(ordered[0].task) > facts.homeCost(ordered[ordered.count - 1].task))
  }

  /// München with whole posts: its flips are hard, so a short budget gives brackets. Each bracket
  /// is ordered, and the one checked here holds the flip cost of an independent re-solve.
  @Test("a bracket holds the exact flip cost")
  func bracketHoldsFlip() throws {
    let scenario = try ScenarioLoader.load(path: Self.muenchen).scenario
    var options = PlanningOptions()
    options.explainBudget = .seconds(1)
    let plan = try Planner(scenario: scenario).plan(options: options)
    let objective = try #require(plan.objective)
    let brackets = plan.tasks.filter { $0.reason.flip?.atLeast != nil }
    for task in brackets {
      let flip = try #require(task.reason.flip)
      let least = try #require(flip.atLeast)
      #expect(least >= 0 && least <= flip.total + 1e-6, "\(task.id): \(flip)")
    }
    // The narrowest bracket of a kept task is re-solved without a budget.
    try #require(!brackets.isEmpty, "no flip of München was cut short by a 1 s budget")
    guard
      let task = brackets.filter({ $0.share == 0 }).min(by: {
        ($0.reason.flip!.total - $0.reason.flip!.atLeast!)
          < ($1.reason.flip!.total - $1.reason.flip!.atLeast!)
      }) ?? brackets.first
    else { return }
    var forced = scenario
    if task.share > 0 {
      forced.policy.mustStay.append(task.id)
    } else {
      forced.policy.mustMove.append(task.id)
    }
    var exact = PlanningOptions(explain: false, diagnose: false)
    exact.solve.timeLimit = 300
    let independent = try Planner(scenario: forced).plan(options: exact)
    let flip = try #require(task.reason.flip)
    let least = try #require(flip.atLeast)
    let tolerance = 1e-3 + 1e-9 * abs(objective)
    #expect(independent.status == .optimal)
    let flipped = try #require(independent.objective)
    #expect(flipped - objective >= least - tolerance, "\(task.id): \(flip) vs \(flipped - objective)")
    #expect(flipped - objective <= flip.total + tolerance, "\(task.id): \(flip) vs \(flipped - objective)")
  }
}
