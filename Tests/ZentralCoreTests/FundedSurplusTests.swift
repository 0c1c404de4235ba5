import Foundation
import Testing
import ZentralPlan

@testable import ZentralCore

/// A funded provider's programme under `no_layoffs`: it pays its share of the centre's surplus
/// staff as of its effective FTE. The model may book a surplus as effective FTE (`E` above the
/// need costs the same as `U`); before the programme paid for `U` too, the planner priced a plan
/// of generator seed 20 261 202 (scenarios #29 and #119 of PlanningStrengthPropertyTests) 24,637.50
/// and 28,800 EUR below the brute-force oracle, which counted the surplus unfunded.
@Suite("Funding of a provider's surplus staff (no layoffs)")
struct FundedSurplusTests {
  /// One task of 4 FTE must move to `it`, whose centre needs half the pooled work (2 FTE): 2 FTE
  /// arrive as surplus; `it` is funded 30 % in 2025.
  static func scenario(funded: Bool, capacity: Double? = nil) -> Scenario {
    var units = [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(id: "a", name: "A", kind: .department, parent: "city", costPerFTE: 85_000),
      OrgUnit(id: "it", name: "IT", kind: .central, parent: "city", costPerFTE: 45_000),
    ]
    let family = TaskFamily(
      id: "f1", name: "Family 1", providers: ["it"], centre: CentreTerms(), centres: [:],
      scale: [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 4, effective: 2)],
      transitionCostPerFTE: 0)
    units[2].capacityFTE = capacity.map { YearValues(constant: $0) }
    var policy = Policy()
    policy.mustMove = ["t1"]
    policy.noLayoffs = NoLayoffs(attritionRate: 0.5)
    var scenario = Scenario(
      name: "funded surplus", horizon: Horizon(start: 2025, years: 1), discountRate: 0, units: units,
      families: [family],
      tasks: [ITTask(id: "t1", name: "Task 1", family: "f1", unit: "a", fte: 4)], policy: policy,
      objective: Objective(disruptionWeight: 0))
    if funded { scenario.funding = [Funding(target: .unit("it"), share: 0.3, until: 2025)] }
    return scenario
  }

  @Test("the programme pays 30 % of the centre's need and of its surplus: 126,000 EUR, funded 54,000")
  func fundsSurplus() throws {
    let scenario = Self.scenario(funded: true)
    // Need 2 FTE and surplus 2 FTE at 45,000 EUR, 30 % of both funded: 0.7 * 4 * 45,000.
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false, diagnose: false))
    let objective = try #require(plan.objective)
    #expect(abs(objective - 126_000) < 1e-6)
    #expect(abs((plan.funding?.years.first?.plan ?? .nan) - 54_000) < 1e-6)
    let best = try #require(PlanningOracle(scenario).bruteForce())
    #expect(abs(best - 126_000) < 1e-6)
  }

  @Test("the price is the same where the capacity leaves no room to book the surplus as effective FTE")
  func surplusBookedAsSurplus() throws {
    // `it` may hold only its need (2 FTE) in `E`: the surplus must be `U`. Before the programme paid
    // for `U`, this plan cost 153,000 EUR here and 126,000 EUR without the ceiling.
    let scenario = Self.scenario(funded: true, capacity: 2)
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false, diagnose: false))
    #expect(abs((plan.objective ?? .nan) - 126_000) < 1e-6)
    #expect(abs((plan.funding?.years.first?.plan ?? .nan) - 54_000) < 1e-6)
    #expect(abs((PlanningOracle(scenario).bruteForce() ?? .nan) - 126_000) < 1e-6)
  }

  @Test("without the programme the same plan costs the need and the surplus in full: 180,000 EUR")
  func unfundedSurplus() throws {
    let scenario = Self.scenario(funded: false)
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false, diagnose: false))
    #expect(abs((plan.objective ?? .nan) - 180_000) < 1e-6)
    #expect(abs((PlanningOracle(scenario).bruteForce() ?? .nan) - 180_000) < 1e-6)
  }
}
