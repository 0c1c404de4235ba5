import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) found that are not among issue 17's repros,
/// each kept as a regular test. The fuzz input itself is in Fuzz/findings/.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
  /// Fuzz/findings/planner-row-broken-tiny-fte: two existing centres of 0.0002 FTE each (0.00016
  /// effective) at a provider whose capacity is 0.0002 FTE, beside costs in the millions. The
  /// model has no feasible solution, yet GLPK called its solution optimal: it set one centre's
  /// effective FTE to 0, breaking that centre's scale row by 0.00016 (below GLPK's tolerance after
  /// scaling). Such workloads are now refused by the loader (less than 0.001 FTE), and the solver
  /// checks every solution against every row.
  @Test("the fuzz finding's tiny workloads are refused at the place they are written")
  func tinyWorkloadRefused() throws {
    do {
      _ = try ScenarioLoader.load(text: Self.tinyWorkload, fileName: "tiny-fte.yaml")
      Issue.record("a workload of 0.0002 FTE was accepted")
    } catch {
      #expect("\(error)".contains("tasks[0].fte: 0.0002"))
    }
  }

  /// The same shape ten times larger (0.002 FTE, inside the loader's range): whatever GLPK says,
  /// a solution the solver returns satisfies every row, and the planner's verdict is either
  /// "infeasible" or a plan.
  @Test("a solution of the fuzz finding's shape at 0.002 FTE satisfies every row of its model")
  func smallWorkloadSolutionSatisfiesEveryRow() throws {
    let text = Self.tinyWorkload.replacingOccurrences(of: "0.00024000000000000006", with: "0.0024")
      .replacingOccurrences(of: "0.0002", with: "0.002")
    let loaded = try ScenarioLoader.load(text: text, fileName: "small-fte.yaml")
    let planner = try Planner(scenario: loaded.scenario, decomposition: .never)
    let statusQuo = planner.model.statusQuo()
    var options = SolveOptions(timeLimit: 10)
    if planner.model.model.isFeasible(statusQuo) { options.initialSolution = statusQuo }
    let result = try Solver.solve(planner.model.model, options: options)
    if result.hasSolution { #expect(planner.model.model.isFeasible(result.values)) }
    let plan = try planner.plan(options: PlanningOptions(solve: SolveOptions(timeLimit: 10), explain: false))
    #expect(plan.status == .infeasible || plan.hasSolution)
  }

  static let tinyWorkload = """
      format: zentral/1
      name: fuzz
      language: en
      currency: EUR
      horizon: {start: 2025, years: 3}

      units:
        - id: city
          name: City
          kind: administration
        - id: a
          name: A
          kind: department
          parent: city
          cost_per_fte: 8000000
        - id: a1
          name: A1
          kind: department
          parent: a
          cost_per_fte: 7500000
        - id: b
          name: B
          kind: department
          parent: city
          cost_per_fte: 7500000
        - id: kdn
          name: KDN
          kind: shared
          cost_per_fte: 5500000
          price_per_fte: 5500000
          capacity_fte: 0.0002

      families:
        - id: f1
          name: Family 1
          providers: [kdn]
          centre: {setup_cost: 2000000, annual_overhead: 4000000, min_fte: 0.0002}
          centres:
            kdn: {setup_cost: 1500000, min_fte: 0, scale: [[0, 0], [2, 1.6]], existing_fte: 0.0002}
          scale: [[0, 0], [2, 1.5]]
          transition_cost_per_fte: 750000
        - id: f2
          name: Family 2
          providers: [kdn]
          centre: {setup_cost: 2000000, annual_overhead: 4000000, min_fte: 0.0002}
          centres:
            kdn: {setup_cost: 1500000, min_fte: 0, scale: [[0, 0], [2, 1.6]], existing_fte: 0.0002}
          scale: [[0, 0], [2, 1.5]]
          transition_cost_per_fte: 750000

      tasks:
        - id: t1
          name: Task 1
          family: f2
          unit: a
          fte: 0.0002
          dedicated: true
          divisible: true
          concern: 1600000
          transition_cost: 1500000
          at:
            kdn: {fte: 0.00024000000000000006, annual_cost: 19}
        - id: t2
          name: Task 2
          family: f1
          unit: a
          fte: 0.5
        - id: t3
          name: Task 3
          family: f1
          unit: a
          fte: 0.5
        - id: t4
          name: Task 4
          family: f1
          unit: a
          fte: 0.5
        - id: t5
          name: Task 5
          family: f1
          unit: a
          fte: 0.5
    """
}
