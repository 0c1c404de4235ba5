import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

@Suite("Search help (knapsack cuts, exact too; centres first; first plan) against the oracle")
struct PlanningStrengthPropertyTests {
  /// The options under test, each alone and all together.
  static let variants: [(String, PlanningOptions)] = {
    func options(_ change: (inout PlanningOptions) -> Void) -> PlanningOptions {
      var options = PlanningOptions(explain: false, diagnose: false)
      change(&options)
      return options
    }
    return [
      ("knapsack cuts", options { $0.solve.cuts = [.mir, .clique, .knapsack] }),
      ("exact knapsack cuts", options { $0.solve.cuts = [.mir, .clique, .fenchel] }),
      ("centres first", options { $0.centresFirst = true }),
      ("first plan", options { $0.solve.firstPlan = true }),
      (
        "all, with a time limit",
        options {
          $0.solve.cuts = [.mir, .clique, .knapsack]
          $0.centresFirst = true
          $0.solve.firstPlan = true
          $0.solve.timeLimit = 120
        }
      ),
    ]
  }()

  @Test("no feasible plan is cut off: the planner with each option agrees with enumeration")
  func agreesWithBruteForce() throws {
    var generator = PlanningScenarioGenerator(seed: 20_261_202)
    var failures: [String] = []
    var feasible = 0
    var agreeing = 0
    for index in 1...120 {
      let (scenario, _) = generator.next(allowDivisible: index % 4 == 0)
      let best = PlanningOracle(scenario).bruteForce()
      if best != nil { feasible += 1 }
      let variant = Self.variants[(index + index / 4) % Self.variants.count]
      let plan = try Planner(scenario: scenario).plan(options: variant.1)
      let label = "scenario #\(index) (\(variant.0))"
      let plain = try Planner(scenario: scenario).plan(
        options: PlanningOptions(explain: false, diagnose: false))
      // The option must not change the optimum GLPK proves with zentral's defaults ...
      if let a = plain.objective, let b = plan.objective, abs(a - b) > 1e-6 * max(1, abs(a)) {
        failures.append("\(label): \(b), default options \(a)")
      }
      if (plain.objective == nil) != (plan.objective == nil) {
        failures.append("\(label): \(plan.status), default options \(plain.status)")
      }
      if let objective = plan.objective, plan.status != .optimal {
        failures.append("\(label): status \(plan.status) at \(objective)")
      }
      // ... and the defaults agree with enumeration: a disagreement is a wrong price or a wrong
      // rule in the model or the oracle, and fails the test.
      let defaultAgrees: Bool =
        switch (plain.objective, best) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= 1e-6 * max(1, abs(b))
        default: false
        }
      if !defaultAgrees {
        failures.append("\(label): default options \(plain.objective ?? .nan), brute force \(best ?? .nan)")
        continue
      }
      agreeing += 1
      if let objective = plan.objective, let best, abs(objective - best) > 1e-6 * max(1, abs(best)) {
        failures.append("\(label): planner \(objective), brute force \(best)")
      }
    }
    print("search help property test: \(agreeing) scenarios agree with enumeration")
    #expect(agreeing >= 100)
    #expect(feasible >= 60)
    #expect(failures.isEmpty, "\(failures.count) disagreements, first: \(failures.prefix(5))")
  }

  @Test("the first plan of a random scenario, when found, satisfies every row of its model")
  func firstPlanIsFeasible() throws {
    var generator = PlanningScenarioGenerator(seed: 7_070)
    var found = 0
    for _ in 1...60 {
      let (scenario, _) = generator.next(allowDivisible: false)
      let model = try Planner(scenario: scenario, decomposition: .never).model.model
      let outcome = FirstPlan.find(model, timeLimit: 10)
      guard let values = outcome.values else { continue }
      found += 1
      #expect(model.isFeasible(values))
      #expect(outcome.objective == model.objectiveValue(values))
      if let bound = outcome.lpBound, let objective = outcome.objective {
        #expect(objective >= bound - 1e-6 * max(1, abs(bound)))
      }
    }
    #expect(found >= 20)
  }
}
