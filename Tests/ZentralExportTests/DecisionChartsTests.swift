import Foundation
import Testing
import ZentralPlan

@testable import ZentralExport

/// The report's "Risiken und Annahmen" section: tornado chart and Pareto front from plan.json.
@Suite("Decision charts in the report")
struct DecisionChartsTests {
  /// Krefeld's plan with a sensitivity section and a Pareto front.
  static func plan() throws -> Plan {
    var plan = try ExportFixtures.plan("krefeld")
    let task = try #require(plan.tasks.first { $0.provider != nil })
    plan.sensitivity = .init(
      lowest: 0.5, highest: 1.5, tolerance: 0.005, solves: 40, seconds: 3,
      inputs: [
        .init(
          key: "transition_costs", low: 0.5, high: 1.32, complete: true,
          flips: [.init(task: task.id, factor: 1.32, value: 412_000, from: task.provider, to: nil)]),
        .init(key: "discount_rate", low: 0.5, high: 1.5, complete: true, flips: []),
      ])
    plan.pareto = .init(
      measure: .disruption,
      points: [
        .init(epsilon: 0, savings: 0, measure: 0, moved: []),
        .init(epsilon: 5, savings: 800_000, measure: 5, moved: [task.id]),
      ],
      recommended: .init(epsilon: nil, savings: 800_000, measure: 5, moved: [task.id]), complete: true)
    return plan
  }

  @Test("the section shows the tornado, the break-even in words and the front with the recommendation")
  func section() throws {
    let plan = try Self.plan()
    let html = try ExportFixtures.export(plan, .html, ExportOptions())
    #expect(html.contains("<section id=\"risks\">"))
    #expect(html.contains("Risiken und Annahmen"))
    #expect(html.contains("class=\"tornado\""))
    #expect(html.contains("Umstellungskosten unter 412.000 €"))
    #expect(html.contains("class=\"pareto\""))
    #expect(html.contains("Empfehlung"))
    // The widest bar (the discount rate, unchanged over the whole range) comes first.
    let svg = DecisionCharts.tornado(try #require(plan.sensitivity), plan: plan, words: PlanWords(plan))
    let rate = try #require(svg.range(of: "Diskontsatz"))
    let transition = try #require(svg.range(of: "Umstellungskosten"))
    #expect(rate.lowerBound < transition.lowerBound)
  }

  @Test("a plan without the analyses has no such section")
  func absent() throws {
    let html = try ExportFixtures.export(try ExportFixtures.plan("krefeld"), .html, ExportOptions())
    #expect(!html.contains("id=\"risks\""))
  }
}
