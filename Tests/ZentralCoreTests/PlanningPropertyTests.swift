import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

@Suite("Planning property test against a brute-force oracle")
struct PlanningPropertyTests {
  /// Every model element, and in how many scenarios each must occur.
  static let elements = [
    "several waves", "discount rate", "two providers", "two families", "capacity", "setup cost", "overhead",
    "critical mass", "scale curve", "provider centre terms", "existing centre", "family without providers",
    "dedicated", "divisible", "concern", "task transition cost", "task provider list", "workload at provider",
    "quote", "offer transition cost", "retained", "budget", "change capacity", "pilot", "deadline",
    "together",
    "must-move", "must-stay", "savings target (cost)", "savings target (FTE)", "disruption weight",
    "posts", "minimum move", "no minimum move", "no layoffs", "transfer cost",
    "must-move year", "task deadline", "done", "funding (task)", "funding (unit)", "funding (provider)",
    "legal form", "private provider", "confidential", "separation", "retained role",
    "non-staff cost", "offer non-staff cost", "non-staff factor", "VAT", "parallel running", "terminal value",
  ]

  @Test("planner and brute force agree on 300+ random scenarios using every model element")
  func agreesWithBruteForce() throws {
    var generator = PlanningScenarioGenerator(seed: 20_251_126)
    var present: [String: Int] = [:]
    var feasiblePresent: [String: Int] = [:]
    var exact = 0
    var divisible = 0
    var infeasible = 0
    var failures: [String] = []
    let started = Date()
    var index = 0
    while exact < 320 || divisible < 80 {
      let allowDivisible = index % 4 == 3
      index += 1
      let (scenario, used) = generator.next(allowDivisible: allowDivisible)
      let hasDivisible = scenario.tasks.contains { $0.divisible }
      if hasDivisible { divisible += 1 } else { exact += 1 }
      for element in used { present[element, default: 0] += 1 }

      let oracle = PlanningOracle(scenario)
      let best = oracle.bruteForce()
      let plan = try Planner(scenario: scenario).plan(
        options: PlanningOptions(explain: false, diagnose: false))
      let label = "scenario #\(index)"
      guard let objective = plan.objective else {
        if plan.status != .infeasible { failures.append("\(label): status \(plan.status)") }
        if !hasDivisible, let best { failures.append("\(label): planner infeasible, brute force \(best)") }
        if hasDivisible, best != nil { failures.append("\(label): planner infeasible, brute force feasible") }
        infeasible += 1
        continue
      }
      for element in used { feasiblePresent[element, default: 0] += 1 }
      if plan.status != .optimal { failures.append("\(label): status \(plan.status)") }
      let tolerance = 1e-6 * max(1, abs(objective))
      let (x, opening) = oracle.decision(of: plan)
      if let replay = oracle.evaluate(x, opening: opening, tolerance: 1e-5) {
        if abs(replay - objective) > tolerance {
          failures.append(
            "\(label): oracle prices the planner's plan at \(replay), planner says \(objective)")
        }
      } else {
        failures.append("\(label): oracle finds the planner's plan infeasible")
      }
      // Divisible tasks move in whole posts, so the oracle enumerates every plan: exact too.
      if let best {
        if abs(best - objective) > tolerance {
          failures.append("\(label): planner \(objective), brute force \(best)")
        }
      } else {
        failures.append("\(label): brute force finds no plan, planner \(objective)")
      }
    }
    let seconds = Date().timeIntervalSince(started)
    print(
      "property test: \(exact) exact + \(divisible) divisible scenarios, \(infeasible) infeasible, \(seconds) s"
    )
    for element in Self.elements {
      print("  \(element): \(present[element] ?? 0) scenarios, \(feasiblePresent[element] ?? 0) feasible")
      #expect((present[element] ?? 0) >= 20, "element \(element) occurs too rarely")
      #expect(
        (feasiblePresent[element] ?? 0) >= 10, "element \(element) occurs too rarely in feasible scenarios")
    }
    #expect(exact >= 300)
    #expect(failures.isEmpty, "\(failures.count) disagreements, first: \(failures.prefix(5))")
  }
}
