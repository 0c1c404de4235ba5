import Foundation
import Testing
import ZentralCore
import ZentralPlan

@testable import ZentralExport

/// The full-cost figures in the report: money apart from penalties (key figures, the two flip
/// columns), the static payback, VAT gross and net, parallel running and the terminal values.
@Suite("Full costs in the report")
struct FullCostReportTests {
  /// Two departments (80,000 EUR per FTE) and a shared provider at 60,000 EUR per FTE plus 19 %
  /// VAT; the firewall task has licences (30,000 EUR a year, 0.5 of it at the provider) and a
  /// concern of 5,000 EUR; two months of parallel running; a perpetuity at 3 %.
  static func plan() throws -> Plan {
    let units = [
      OrgUnit(id: "city", name: "Stadt", kind: .administration),
      OrgUnit(id: "a", name: "Amt A", kind: .department, parent: "city", costPerFTE: 80_000),
      OrgUnit(id: "b", name: "Amt B", kind: .department, parent: "city", costPerFTE: 80_000),
      {
        var kdn = OrgUnit(id: "kdn", name: "KDN", kind: .shared, pricePerFTE: 60_000)
        kdn.vatRate = 0.19
        return kdn
      }(),
    ]
    var family = TaskFamily(id: "sec", name: "IT-Sicherheit", providers: ["kdn"])
    family.centre.nonStaffFactor = 0.5
    var t1 = ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: 2, concern: 5_000)
    t1.nonStaffCost = 30_000
    let t2 = ITTask(id: "t2", name: "ISMS", family: "sec", unit: "b", fte: 1)
    var scenario = Scenario(
      name: "Vollkosten", horizon: Horizon(start: 2025, years: 3), discountRate: 0.03, units: units,
      families: [family], tasks: [t1, t2])
    scenario.horizon.terminalValue = .perpetuity
    scenario.policy.parallelRunningMonths = 2
    return try Planner(scenario: scenario).plan(options: PlanningOptions(explain: true, threads: 1))
  }

  @Test("key figures, the waves' full-cost columns and the flip's money and penalty, in German")
  func german() throws {
    let plan = try Self.plan()
    #expect(plan.status == .optimal)
    #expect(plan.tasks.map(\.share) == [1, 1])
    let report = ReportModel(plan: plan, language: .de)
    let figures = Dictionary(uniqueKeysWithValues: report.keyFigures.map { ($0.label, $0.value) })
    #expect(
      figures["Statische Amortisation (Einmalkosten und Parallelbetrieb je jährliche Einsparung)"] != nil)
    #expect(figures["Umsatzsteuer im Zielzustand (heute 0 €)"] != nil)
    #expect(figures["Jährliche Einsparung netto (ohne Umsatzsteuer)"] != nil)
    #expect(figures["Parallelbetrieb (in den Barwerten, nicht im Budget)"] != nil)
    #expect(figures["Restwert Status quo nach 2027 (ewige Rente, im Barwert)"] != nil)
    #expect(figures["Restwert Plan nach 2027 (ewige Rente, im Barwert)"] != nil)
    #expect(figures["Bedenken und Umstellungsaufwand (kein Geld, nur im Zielwert)"] == "5.000 €")
    let waves = report.wavesTable
    #expect(waves.headers.suffix(2) == ["Parallelbetrieb", "davon USt."])
    let tasks = report.tasksTable
    #expect(
      tasks.headers.suffix(2) == [
        "Mehrkosten des Gegenteils (Barwert)", "dazu Bedenken und Aufwand (kein Geld)",
      ])
    let flip = try #require(plan.tasks[0].reason.flip)
    #expect(flip.penalty == -5_000)
    #expect(tasks.rows[0].suffix(2).map(\.text) == [report.format.money(flip.money), "-5.000 €"])
    let html = try ExportFixtures.export(plan, .html, ExportOptions(language: .de, renderer: .builtIn))
    #expect(html.contains("dazu Bedenken und Aufwand (kein Geld)"))
  }

  @Test("the same in English, in the Markdown summary")
  func english() throws {
    let text = try ExportFixtures.export(try Self.plan(), .md, ExportOptions(language: .en))
    for label in [
      "Static payback", "VAT at steady state", "Annual savings net (without VAT)", "Parallel running",
      "Plan terminal value after 2027", "Concerns and disruption (not money, in the objective only)",
      "plus concerns and disruption (not money)", "of which VAT",
    ] {
      #expect(text.contains(label), "\(label)")
    }
  }
}
