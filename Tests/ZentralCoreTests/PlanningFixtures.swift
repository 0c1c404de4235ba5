import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Small hand-made scenarios for the planning tests: one department `a` (and `b`) with IT work,
/// one central unit `it` (and a shared provider `kdn`).
enum PlanningFixtures {
  /// Units: admin root, departments `a` and `b` (80,000 EUR/FTE), central `it` (70,000 EUR/FTE,
  /// capacity optional), shared `kdn` (price 60,000 EUR/FTE).
  static func units(capacity: YearValues? = nil, kdnCapacity: YearValues? = nil) -> [OrgUnit] {
    [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(id: "a", name: "Department A", kind: .department, parent: "city", costPerFTE: 80_000),
      OrgUnit(id: "b", name: "Department B", kind: .department, parent: "city", costPerFTE: 80_000),
      OrgUnit(
        id: "it", name: "IT unit", kind: .central, parent: "city", costPerFTE: 70_000, capacityFTE: capacity),
      OrgUnit(
        id: "kdn", name: "KDN", kind: .shared, costPerFTE: 60_000, pricePerFTE: 60_000,
        capacityFTE: kdnCapacity),
    ]
  }

  /// A scenario with the given families, tasks and policy over `years` years from 2025.
  static func scenario(
    families: [TaskFamily], tasks: [ITTask], policy: Policy = Policy(), years: Int = 1,
    discountRate: Double = 0,
    capacity: YearValues? = nil, kdnCapacity: YearValues? = nil, disruptionWeight: Double = 0
  ) -> Scenario {
    Scenario(
      name: "test", horizon: Horizon(start: 2025, years: years), discountRate: discountRate,
      units: units(capacity: capacity, kdnCapacity: kdnCapacity), families: families, tasks: tasks,
      policy: policy,
      objective: Objective(disruptionWeight: disruptionWeight))
  }

  /// Plans with explanations on one thread.
  static func plan(_ scenario: Scenario, explain: Bool = true) throws -> Plan {
    try Planner(scenario: scenario).plan(options: PlanningOptions(explain: explain, threads: 1))
  }
}
