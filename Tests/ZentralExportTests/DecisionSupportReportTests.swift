import Foundation
import Testing
import ZentralPlan

@testable import ZentralExport

/// The report's "Alternativen" and "Robuster Plan" sections: shown only when plan.json has them,
/// with the numbers and changes of the sections.
@Suite("Report: alternatives and robust plan")
struct DecisionSupportReportTests {
  @Test("a plan without the sections shows neither")
  func absent() throws {
    let html = try ExportFixtures.export(try ExportFixtures.plan("krefeld"), .html)
    #expect(!html.contains("id=\"alternatives\""))
    #expect(!html.contains("id=\"robust\""))
  }

  @Test("alternatives and the robust plan are listed with their cost and changes")
  func present() throws {
    var plan = try ExportFixtures.plan("krefeld")
    let task = try #require(plan.tasks.first)
    let change = Plan.DecisionChange(
      task: task.id, fromProvider: nil, fromYear: nil, fromShare: 0, toProvider: "fb-egov", toYear: 2027,
      toShare: 1)
    plan.alternatives = .init(
      requested: 2, within: 0.02, bound: 1_020_000,
      alternatives: [
        .init(
          objective: 1_012_345, npv: 1_002_345, costDifference: 12_345, moneyDifference: 2_345,
          penaltyDifference: 10_000, distance: 1, minimumDistance: 1, provenMostDifferent: true,
          changes: [change])
      ], shortfall: .noneLeft)
    var robust = Plan.RobustSection(samples: 2, seed: 9)
    robust.expectedObjective = 1_500_000
    robust.maximumRegret = 4_321
    robust.draws = [
      .init(factors: ["cost_per_fte": 1.1], optimum: 1_495_679, robust: 1_500_000, regret: 4_321)
    ]
    plan.robust = robust
    let html = try ExportFixtures.export(plan, .html)
    let alternatives = try #require(html.range(of: "<section id=\"alternatives\">"))
    let section = html[alternatives.lowerBound...]
    #expect(section.contains("<h2>Alternativen</h2>"))
    #expect(section.contains("+12.345 €"))
    #expect(section.contains("+2.345 €"))
    #expect(section.contains("\(task.name): bleibt → "))
    #expect(section.contains("Kein weiterer abweichender Plan"))
    #expect(html.contains("<h2>Robuster Plan</h2>"))
    #expect(html.contains("4.321 €"))
    #expect(html.contains("Startwert 9"))
    // Both before the assumptions.
    let assumptions = try #require(html.range(of: "<section id=\"assumptions\">"))
    #expect(alternatives.lowerBound < assumptions.lowerBound)
  }
}
