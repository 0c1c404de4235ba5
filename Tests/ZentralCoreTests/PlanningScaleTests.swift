import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Building the model and the plan stays linear in the scenario: nothing scans every task per
/// unit or per centre (on a 48,000-task city with 5,000 units such scans took seconds of a
/// 30-second time limit before the search had started).
@Suite("Model and plan building at scale")
struct PlanningScaleTests {
  /// A flat city of `units` departments with one movable task each, a central IT unit and a
  /// retained-organisation rule (one row per department).
  static func flatCity(units: Int) -> Scenario {
    var orgUnits = [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(id: "it", name: "IT", kind: .central, parent: "city", costPerFTE: 70_000),
    ]
    var tasks: [ITTask] = []
    for u in 0..<units {
      orgUnits.append(
        OrgUnit(id: "d\(u)", name: "Department \(u)", kind: .department, parent: "city", costPerFTE: 80_000))
      tasks.append(ITTask(id: "t\(u)", name: "Task \(u)", family: "client", unit: "d\(u)", fte: 1))
    }
    return Scenario(
      name: "flat", horizon: Horizon(start: 2025, years: 1), discountRate: 0, units: orgUnits,
      families: [TaskFamily(id: "client", name: "Client support", providers: ["it"])], tasks: tasks,
      policy: Policy(retained: RetainedOrganisation(minShare: 0.5)), objective: Objective())
  }

  @Test("40,000 units with a task each: model and plan built in linear time (was units x tasks)")
  func manyUnits() throws {
    let units = 40_000
    let scenario = Self.flatCity(units: units)
    let started = ContinuousClock.now
    let planner = try Planner(scenario: scenario, decomposition: .never)
    let statusQuo = planner.model.statusQuo()
    let result = SolveResult(
      termination: .timeLimit, hasSolution: true, objective: planner.model.model.objectiveValue(statusQuo),
      bestBound: nil, gap: nil, values: statusQuo)
    let plan = PlanBuilder(model: planner.model).plan(status: .timeLimit, result: result)
    let elapsed = ContinuousClock.now - started
    #expect(plan.tasks.count == units)
    #expect(plan.units.count == units + 1)
    #expect(planner.model.retained.count == units)
    #expect(plan.gap == nil && plan.bound == nil)
    // Linear: about 5 s in a debug build on a loaded two-core machine; the scans per unit took
    // several minutes.
    #expect(elapsed < .seconds(60), "\(elapsed)")
  }
}
