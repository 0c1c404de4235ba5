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
    // Both analyses stand in the numbered "Risiken und Annahmen" section, after the risks (h3) and
    // before the assumptions (h3), each under an h3 of its own.
    let risks = try #require(html.range(of: "<section id=\"risiken\">\n<h2>6. Risiken und Annahmen</h2>"))
    let sensitivity = try #require(html.range(of: "<div id=\"sensitivity\">\n<h3>"))
    let tradeOff = try #require(html.range(of: "<div id=\"trade-off\">\n<h3>"))
    let assumptions = try #require(html.range(of: "<h3>Annahmen</h3>"))
    let annexes = try #require(html.range(of: "<section id=\"anlagen\">"))
    #expect(risks.upperBound < sensitivity.lowerBound)
    #expect(sensitivity.upperBound < tradeOff.lowerBound)
    #expect(tradeOff.upperBound < assumptions.lowerBound)
    #expect(assumptions.upperBound < annexes.lowerBound)
    #expect(html.contains("Umstellungskosten unter 412.000 €"))
    #expect(html.contains("zeigt die Empfindlichkeitsrechnung unten"))
    #expect(
      !html.contains(
        "Empfindlichkeitsrechnung (andere Kostensätze, andere Vorgaben) lag diesem Bericht nicht vor"))
    // Each chart is an image with a title, a description and a printed summary.
    for id in ["chart-tornado", "chart-pareto"] {
      #expect(html.contains("<figure id=\"\(id)\" class=\"report-chart\">"))
      #expect(html.contains("role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""))
      #expect(html.contains("<title id=\"\(id)-title\">"))
      #expect(html.contains("<desc id=\"\(id)-desc\">"))
    }
    #expect(html.contains("Diskontsatz -50 % bis +50 %; Umstellungskosten -50 % bis +32 %."))
    #expect(html.contains("(Barwert): 0 → 0 €; 5 → 800.000 €. Die Empfehlung spart 800.000 € bei 5."))
    // The widest bar (the discount rate, unchanged over the whole range) comes first.
    let svg = DecisionCharts.tornado(try #require(plan.sensitivity), plan: plan, words: PlanWords(plan))
    let rate = try #require(svg.range(of: "Diskontsatz"))
    let transition = try #require(svg.range(of: "Umstellungskosten"))
    #expect(rate.lowerBound < transition.lowerBound)
  }

  @Test("a plan without the analyses has no such section")
  func absent() throws {
    let html = try ExportFixtures.export(try ExportFixtures.plan("krefeld"), .html, ExportOptions())
    #expect(!html.contains("id=\"sensitivity\""))
    #expect(!html.contains("id=\"trade-off\""))
    #expect(html.contains("Eine Empfindlichkeitsrechnung"))
  }
}

extension DecisionChartsTests {
  @Test("a break-even cut short reads as a range, a Pareto point cut short as hollow with its bound")
  func cutShort() throws {
    var plan = try Self.plan()
    let task = try #require(plan.tasks.first { $0.provider != nil })
    plan.sensitivity?.inputs[0].complete = false
    plan.sensitivity?.inputs[0].flips = [
      .init(task: task.id, factor: 1.3, value: 390_000, from: task.provider, to: nil, bracket: [1.2, 1.4])
    ]
    plan.pareto?.points.append(
      .init(epsilon: 8, savings: 900_000, measure: 8, moved: [task.id], savingsBound: 950_000))
    plan.pareto?.complete = false
    let html = try ExportFixtures.export(plan, .html, ExportOptions())
    // The value at the proven ends (390,000 / 1.3 × 1.2 and × 1.4), not the midpoint as a threshold.
    #expect(html.contains("Umstellungskosten unter 360.000 €"))
    #expect(html.contains("die Schwelle liegt zwischen 360.000 € und 420.000 €; genauer nicht berechnet"))
    #expect(!html.contains("unter 390.000 €"))
    #expect(html.contains("8 → 900.000 € (möglich bis 950.000 €)"))
    #expect(html.contains("fill=\"#fff\" stroke=\"#2b6cb0\""))
    #expect(html.contains("Nicht alle Punkte wurden in der Zeit für die Analyse bewiesen."))
  }
}
