import Foundation
import Testing
import ZentralPlan

@testable import ZentralExport

/// The report's near-optimal plans (in "Alternativen") and robust plan (in "Risiken und Annahmen"):
/// shown only when plan.json has them, with the numbers and changes of the sections.
@Suite("Report: alternatives and robust plan")
struct DecisionSupportReportTests {
  @Test("a plan without the sections shows neither")
  func absent() throws {
    let html = try ExportFixtures.export(try ExportFixtures.plan("krefeld"), .html)
    #expect(!html.contains("id=\"alternatives\""))
    #expect(html.contains("<section id=\"alternativen\">"))
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
    // The near-optimal plans sit inside the council paper's "Alternativen" section.
    let alternativesSection = try #require(html.range(of: "<section id=\"alternativen\">"))
    let risks = try #require(html.range(of: "<section id=\"risiken\">"))
    let alternatives = try #require(html.range(of: "<div id=\"alternatives\" class=\"decision-support\">"))
    #expect(alternativesSection.upperBound <= alternatives.lowerBound)
    #expect(alternatives.upperBound <= risks.lowerBound)
    let section = html[alternatives.lowerBound..<risks.lowerBound]
    #expect(section.contains("<h3>Nahezu gleichwertige Pläne</h3>"))
    #expect(section.contains("<h4>Alternative 1</h4>"))
    #expect(section.contains("+12.345 €"))
    #expect(section.contains("+2.345 €"))
    #expect(section.contains("\(task.name): bleibt → "))
    #expect(section.contains("Kein weiterer abweichender Plan"))
    #expect(!html.contains("lagen diesem Bericht nicht vor,"))
    #expect(html.contains("nahezu gleich gute Pläne stehen unter „Nahezu gleichwertige Pläne“"))
    // The robust plan is a subsection of "Risiken und Annahmen", after the risks and before the
    // assumptions; the section numbering stays that of the council paper.
    let robustBlock = try #require(html.range(of: "<div id=\"robust\" class=\"decision-support\">"))
    #expect(risks.upperBound <= robustBlock.lowerBound)
    let after = html[robustBlock.lowerBound...]
    #expect(after.contains("<h3>Robuster Plan</h3>"))
    #expect(after.contains("4.321 €"))
    #expect(after.contains("Startwert 9"))
    let assumptions = try #require(after.range(of: "<h3>Annahmen</h3>"))
    let annexes = try #require(html.range(of: "<section id=\"anlagen\">"))
    #expect(assumptions.upperBound <= annexes.lowerBound)
    #expect(after[..<assumptions.lowerBound].contains("robust-table"))
    let without = try ExportFixtures.export(try ExportFixtures.plan("krefeld"), .html)
    for heading in ["Alternativen", "Risiken und Annahmen", "Anlagen"] {
      let number = try #require(
        without.range(of: #"<h2>\d+\. \#(heading)</h2>"#, options: .regularExpression))
      #expect(html.contains(without[number]))
    }
  }
}
