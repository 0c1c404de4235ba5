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
    #expect(plan.status == .optimal)
    let merits = plan.tasks.filter { [.economic, .notComputed, .infeasibleFlip].contains($0.reason.rule) }
    #expect(merits.count >= 20)
    for task in merits {
      #expect(task.reason.rule == .notComputed && task.reason.why == .explainBudget, "\(task.id)")
    }
    let words = PlanWords(plan, language: .de)
    let moved = try #require(merits.first { $0.share > 0 })
    #expect(words.reason(of: moved).contains("das Zeitbudget der Erläuterungen war aufgebraucht"))
  }

  @Test("the default budget is six seconds plus three times the search")
  func defaultBudget() {
    #expect(ExplainBudget.standard.seconds(afterSolveOf: 2) == 12)
    #expect(ExplainBudget.unlimited.seconds(afterSolveOf: 2) == nil)
    #expect(ExplainBudget.seconds(3).seconds(afterSolveOf: 100) == 3)
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
