import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The sensitivity analysis and the Pareto front within a short analysis budget: what they report
/// must still be proven, checked by independent re-solves (brackets hold the flip between their
/// ends, range ends keep the recommendation optimal, Pareto points keep within ε and their bound).
@Suite("Decision support: sensitivity and Pareto within a budget")
struct AnalysisBudgetTests {
  /// The optimal objective of `scenario` and whether `recommended` (values of its model) reaches it.
  static func recommendationOptimal(_ recommended: [Double], in scenario: Scenario) throws -> Bool {
    let model = try CentralisationModel(scenario: scenario)
    let result = try Solver.solve(model.model)
    #expect(result.termination == .optimal)
    let optimum = try #require(result.objective)
    #expect(model.model.isFeasible(recommended))
    return model.model.objectiveValue(recommended) <= optimum + 1e-7 * max(1, abs(optimum))
  }

  @Test("the recommended solution rebuilt from a plan has the plan's objective and decisions")
  func valuesOfPlan() throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    let planner = try Planner(scenario: scenario, decomposition: .never)
    let plan = try planner.plan(options: PlanningOptions(explain: false, threads: 1))
    let values = try #require(planner.model.values(of: plan))
    let objective = try #require(plan.objective)
    #expect(abs(planner.model.model.objectiveValue(values) - objective) <= 1e-6 * abs(objective) + 0.01)
    let decisions = SensitivityAnalysis.decisions(planner.model, values: values)
    #expect(decisions == plan.tasks.map(\.provider))
    // Another plan's objective is refused, not passed off as the recommendation.
    var other = plan
    other.objective = objective + 1000
    #expect(planner.model.values(of: other) == nil)
  }

  @Test(
    "with a short budget each break-even is proven or a bracket, both confirmed by re-solves",
    arguments: ["transition_costs", "cost_per_fte"])
  func budgetedBreakEvens(_ key: String) throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    let input = try SensitivityInput(parsing: key, in: scenario)
    let model = try CentralisationModel(scenario: scenario)
    let base = try Solver.solve(model.model).values
    var analysis = SensitivityAnalysis(scenario: scenario, inputs: [input])
    analysis.budget = 4
    analysis.recommendation = base
    let started = ContinuousClock.now
    let result = try #require(try analysis.run())
    let elapsed = ContinuousClock.now - started
    // The budget holds (one re-solve may overrun its share by GLPK's reaction time).
    #expect(elapsed < .seconds(4 + 3))
    let entry = try #require(result.inputs.first)
    let index = Dictionary(uniqueKeysWithValues: scenario.tasks.enumerated().map { ($1.id, $0) })
    for flip in entry.flips {
      let t = try #require(index[flip.task])
      let (inside, outside): (Double, Double)
      if let bracket = flip.bracket {
        #expect(bracket.count == 2 && bracket[0] < bracket[1])
        #expect(bracket[0] <= flip.factor && flip.factor <= bracket[1])
        (inside, outside) = flip.factor > 1 ? (bracket[0], bracket[1]) : (bracket[1], bracket[0])
      } else {
        let delta = 0.01
        (inside, outside) =
          flip.factor > 1
          ? (flip.factor * (1 - delta), flip.factor * (1 + delta))
          : (flip.factor * (1 + delta), flip.factor * (1 - delta))
      }
      let near = try SensitivityParetoTests.decisions(input.scaled(scenario, by: inside))[t]
      let far = try SensitivityParetoTests.decisions(input.scaled(scenario, by: outside))[t]
      #expect(near == flip.from, "\(key) \(flip.task) at \(inside)")
      #expect(far != flip.from, "\(key) \(flip.task) at \(outside)")
    }
    // Just inside each end of the range the recommendation is still optimal.
    for end in [entry.low, entry.high] where end != 1 {
      let inside = end < 1 ? min(1, end + result.tolerance) : max(1, end - result.tolerance)
      #expect(
        try Self.recommendationOptimal(base, in: input.scaled(scenario, by: inside)), "\(key) at \(inside)")
    }
  }

  @Test("a Pareto front within a short budget keeps every point within its ε and its bound")
  func budgetedFront() throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    var analysis = ParetoAnalysis(scenario: scenario, measure: .disruption, points: 5)
    analysis.budget = 6
    let started = ContinuousClock.now
    let front = try #require(try analysis.run())
    #expect(ContinuousClock.now - started < .seconds(6 + 3))
    #expect(front.points.count >= 2, "Krefeld's front has its two ends at least")
    for p in front.points {
      let epsilon = try #require(p.epsilon)
      #expect(p.measure <= epsilon + 1e-6 * max(1, epsilon))
      if let bound = p.savingsBound { #expect(p.savings <= bound + 0.01) }
      for q in front.points where q != p {
        let dominates =
          q.savings >= p.savings - 1e-6 && q.measure <= p.measure + 1e-6
          && (q.savings > p.savings + 1e-6 || q.measure < p.measure - 1e-6)
        #expect(!dominates)
      }
    }
    // No point saves more than the proven best NPV of the scenario allows.
    let model = try CentralisationModel(scenario: scenario)
    let unbounded = try ParetoAnalysis.bounded(model, measure: .disruption, epsilon: nil)
    let best = try Solver.solve(unbounded, options: SolveOptions(timeLimit: 60))
    if best.termination == .optimal, let npv = best.objective {
      let most = PlanBuilder(model: model).baselineNPV - npv
      for p in front.points { #expect(p.savings <= most + 0.01) }
    }
  }
}
