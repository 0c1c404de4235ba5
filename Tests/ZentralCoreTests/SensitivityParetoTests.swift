import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Sensitivity break-evens and the Pareto front, each checked by independent re-solves.
@Suite("Decision support: sensitivity and Pareto")
struct SensitivityParetoTests {
  /// The decisions of `scenario` solved to optimality (the provider per task, `nil` when it stays).
  static func decisions(_ scenario: Scenario) throws -> [String?] {
    let model = try CentralisationModel(scenario: scenario)
    let result = try Solver.solve(model.model)
    #expect(result.termination == .optimal)
    return SensitivityAnalysis.decisions(model, values: result.values)
  }

  @Test(
    "each break-even of Krefeld's transition costs and provider prices is confirmed by re-solves just below and above",
    arguments: ["transition_costs", "provider_prices"])
  func breakEvensConfirmed(_ key: String) throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    let input = try SensitivityInput(parsing: key, in: scenario)
    let analysis = SensitivityAnalysis(scenario: scenario, inputs: [input])
    let result = try #require(try analysis.run())
    let entry = try #require(result.inputs.first)
    #expect(entry.complete)
    #expect(!entry.flips.isEmpty)
    #expect(entry.low <= 1 && entry.high >= 1)
    let index = Dictionary(uniqueKeysWithValues: scenario.tasks.enumerated().map { ($1.id, $0) })
    let base = try Self.decisions(scenario)
    for flip in entry.flips {
      let t = try #require(index[flip.task])
      #expect(base[t] == flip.from)
      // The side nearer 1 keeps the recommended decision, the far side has the new one.
      let delta = 0.01
      let near = flip.factor > 1 ? flip.factor * (1 - delta) : flip.factor * (1 + delta)
      let far = flip.factor > 1 ? flip.factor * (1 + delta) : flip.factor * (1 - delta)
      let nearDecision = try Self.decisions(input.scaled(scenario, by: near))[t]
      let farDecision = try Self.decisions(input.scaled(scenario, by: far))[t]
      #expect(nearDecision != farDecision, "\(key) \(flip.task) at \(flip.factor)")
      #expect(farDecision == flip.to, "\(key) \(flip.task) at \(flip.factor)")
    }
    // The first break-even on each side bounds the range.
    for flip in entry.flips {
      #expect(flip.factor <= entry.low + result.tolerance || flip.factor >= entry.high - result.tolerance)
    }
  }

  @Test("an input with no effect keeps the whole range")
  func noEffect() throws {
    var scenario = try PlanningSeedTests.load("krefeld.yaml")
    scenario.discountRate = 0
    let analysis = SensitivityAnalysis(scenario: scenario, inputs: [.init(.discountRate)])
    let entry = try #require(try analysis.run()?.inputs.first)
    #expect(entry.low == 0.5 && entry.high == 1.5 && entry.flips.isEmpty && entry.complete)
  }

  @Test(
    "key paths are checked against the scenario",
    arguments: ["units.nowhere.cost_per_fte", "tasks.x", "bogus"])
  func badKeys(_ key: String) throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    #expect(throws: SensitivityInput.ParseError.self) { try SensitivityInput(parsing: key, in: scenario) }
  }

  @Test(
    "scaling changes only the named input",
    arguments: ["cost_per_fte", "transition_costs", "provider_prices"])
  func scalingIsLocal(_ key: String) throws {
    let scenario = try PlanningSeedTests.load("krefeld.yaml")
    let input = try SensitivityInput(parsing: key, in: scenario)
    #expect(input.scaled(scenario, by: 1) == scenario)
    let scaled = input.scaled(scenario, by: 1.2)
    #expect(scaled != scenario)
    #expect(scaled.policy == scenario.policy && scaled.horizon == scenario.horizon)
  }

  @Test(
    "Pareto points are non-dominated and each is optimal for its ε",
    arguments: [Plan.ParetoFront.Measure.disruption, .penalties])
  func paretoFront(_ measure: Plan.ParetoFront.Measure) throws {
    let scenario = try PlanningSeedTests.load("iserlohn.yaml")
    let front = try #require(try ParetoAnalysis(scenario: scenario, measure: measure, points: 5).run())
    #expect(front.complete)
    #expect(!front.points.isEmpty)
    for p in front.points {
      for q in front.points where q != p {
        let dominates =
          q.savings >= p.savings - 1e-6 && q.measure <= p.measure + 1e-6
          && (q.savings > p.savings + 1e-6 || q.measure < p.measure - 1e-6)
        #expect(!dominates)
      }
    }
    let model = try CentralisationModel(scenario: scenario)
    let baseline = PlanBuilder(model: model).baselineNPV
    for p in front.points {
      let epsilon = try #require(p.epsilon)
      #expect(p.measure <= epsilon + 1e-6 * max(1, epsilon))
      let bounded = try ParetoAnalysis.bounded(
        model, measure: measure, epsilon: epsilon + 1e-6 * max(1, epsilon))
      let result = try Solver.solve(bounded)
      #expect(result.termination == .optimal)
      let savings = baseline - model.npv.value { result.values[$0.index] }
      #expect(abs(savings - p.savings) <= 1e-6 * max(1, abs(savings)) + 0.01)
    }
    // The recommendation saves no more than the front's best plan.
    let best = try #require(front.points.map(\.savings).max())
    #expect(front.recommended.savings <= best + 0.01)
  }
}

extension SensitivityParetoTests {
  @Test("a time limit that is ample gives the same front as none")
  func paretoWithTimeLimit() throws {
    let scenario = try PlanningSeedTests.load("iserlohn.yaml")
    let free = try #require(try ParetoAnalysis(scenario: scenario, measure: .disruption, points: 3).run())
    let limited = try #require(
      try ParetoAnalysis(
        scenario: scenario, measure: .disruption, points: 3, options: SolveOptions(timeLimit: 120)
      ).run())
    #expect(limited.complete)
    #expect(limited.points.map(\.savings) == free.points.map(\.savings))
  }
}
