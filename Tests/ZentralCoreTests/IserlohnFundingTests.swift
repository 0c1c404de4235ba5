import Testing
import ZentralPlan

@testable import ZentralCore

/// Iserlohn's staff unit for digitalisation is refinanced in part by funding programmes
/// (scenarios/iserlohn.yaml): with the funding the plan keeps the staff unit and states the
/// funded share; without the council's rules that force the projects there, the funding alone
/// decides whether the project work goes to the staff unit.
@Suite("Iserlohn: funding of the staff unit")
struct IserlohnFundingTests {
  static func staffUnitCentres(_ plan: Plan) -> [String] {
    plan.centres.filter { $0.provider == "stab-dig" }.map(\.family).sorted()
  }

  @Test("the seed's plan keeps the staff unit, states the funded share and pays off")
  func seedKeepsStaffUnit() throws {
    let scenario = try PlanningSeedTests.load("iserlohn.yaml")
    #expect(scenario.funding == [Funding(target: .unit("stab-dig"), share: 0.4, until: 2024)])
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    #expect(plan.status == .optimal)
    #expect(Self.staffUnitCentres(plan) == ["dig-projekte", "prozesse"])
    let funding = try #require(plan.funding)
    #expect(funding.programmes == [.init(task: nil, unit: "stab-dig", share: 0.4, until: 2024)])
    #expect(funding.years.last?.plan == 0)
    #expect(funding.years.dropLast().allSatisfy { $0.plan > 0 })
    #expect(funding.total > 0)
    // Without funding the same plan was 167,606 EUR dearer than the status quo.
    #expect((plan.savings ?? 0) > 0)
    let summary = PlanSummary.text(plan, language: .de)
    #expect(summary.contains("Förderung: 40 % von Stabsstelle Digitalisierung bis 2024"))
  }

  @Test("without the council's rules, the project work goes to the staff unit only with the funding")
  func fundingDecides() throws {
    var scenario = try PlanningSeedTests.load("iserlohn.yaml")
    scenario.policy.mustMove = []
    scenario.policy.deadlines = []
    let funded = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    #expect(Self.staffUnitCentres(funded) == ["dig-projekte", "prozesse"])
    scenario.funding = []
    let unfunded = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    #expect(Self.staffUnitCentres(unfunded) == ["prozesse"])
    #expect(unfunded.funding == nil)
  }
}
