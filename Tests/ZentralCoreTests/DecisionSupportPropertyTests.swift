import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Near-optimal alternatives on random small scenarios, priced by the brute-force oracle (an
/// independent reading of the semantics): every alternative is feasible there, costs what the
/// planner says, stays within the bound and differs from the recommendation.
@Suite("Decision support: alternatives against the oracle")
struct DecisionSupportPropertyTests {
  @Test("alternatives of 40 random scenarios are feasible, priced alike and within the bound by the oracle")
  func alternativesAgreeWithOracle() throws {
    var generator = PlanningScenarioGenerator(seed: 20_261_202)
    var checked = 0
    var failures: [String] = []
    for index in 0..<40 {
      let (scenario, _) = generator.next(allowDivisible: false)
      let planner = try Planner(scenario: scenario, decomposition: .never)
      let plan = try planner.plan(options: PlanningOptions(explain: false, diagnose: false, threads: 1))
      guard let objective = plan.objective else { continue }
      let search = NearOptimalAlternatives(model: planner.model, options: SolveOptions(timeLimit: 5))
      let (section, values) = search.search(count: 2, within: 0.05, recommendation: plan)
      let oracle = PlanningOracle(scenario)
      let (x0, _) = oracle.decision(of: plan)
      for (alternative, solution) in zip(section.alternatives, values) {
        let result = SolveResult(
          termination: .optimal, hasSolution: true, objective: alternative.objective, bestBound: nil,
          gap: nil,
          values: solution)
        let other = PlanBuilder(model: planner.model).plan(status: .feasible, result: result)
        let (x, opening) = oracle.decision(of: other)
        let label = "scenario #\(index)"
        guard let price = oracle.evaluate(x, opening: opening, tolerance: 1e-5) else {
          failures.append("\(label): the oracle finds an alternative infeasible")
          continue
        }
        let tolerance = 1e-6 * max(1, abs(objective))
        if abs(price - alternative.objective) > tolerance {
          failures.append("\(label): oracle \(price), alternative \(alternative.objective)")
        }
        if price > section.bound + tolerance { failures.append("\(label): \(price) above \(section.bound)") }
        if x == x0 { failures.append("\(label): the alternative moves as the recommendation does") }
        checked += 1
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    #expect(checked >= 10, "only \(checked) alternatives checked")
  }
}
