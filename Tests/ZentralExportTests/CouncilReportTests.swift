import Foundation
import Testing
import ZentralPlan

@testable import ZentralExport

/// The report as a council paper: its print pages for large org charts, the page header's CSS
/// strings, the sections and figures it derives from a plan, and the review of an infeasible one.
@Suite("Council report")
struct CouncilReportTests {
  @Test("a chart like München's (1,170 × 2,014 pt, 10 pt labels) is cut into pages at 7.2 pt or more")
  func printPages() throws {
    let svg =
      "<svg width=\"1170pt\" height=\"2014pt\" viewBox=\"0.00 0.00 1170 2014\"><text font-size=\"10.00\">a</text></svg>"
    let chart = ReportOrgChart(
      id: "chart-target", caption: "Empfohlene Organisation", summary: "s", svg: svg,
      partLabel: { "Teil \($0) von \($1)" }, note: nil)
    let html = chart.html
    let pages = html.matches(of: #/class="print-page[^"]*"/#).count
    #expect(pages > 1)
    #expect(html.contains("Teil \(pages) von \(pages)"))
    // Each page's scale: printed width over the viewBox width; labels are 10 pt at scale 1.
    for match in html.matches(of: #/viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+" width="([\d.]+)pt"/#) {
      let scale = try #require(Double(match.output.2)) / (try #require(Double(match.output.1)))
      #expect(scale * 10 >= 7.2 - 0.05, "labels print at \(scale * 10) pt")
    }
    #expect(html.contains("<use href=\"#chart-target-body\"/>"))
    // A small chart stays one page, at most at its own size.
    let small = ReportOrgChart(
      id: "chart-current", caption: "c", summary: "s",
      svg:
        "<svg width=\"300pt\" height=\"200pt\" viewBox=\"0 0 300 200\"><text font-size=\"11\">a</text></svg>",
      partLabel: { "\($0)/\($1)" }, note: nil)
    #expect(small.html.matches(of: #/class="print-page/#).count == 1)
  }

  @Test("Graphviz ids leave the tooltips, names stay")
  func idTitles() {
    let svg =
      "<g><title>u3</title><title>u0&#45;&gt;u1</title><title>cluster_u2</title><title>providers</title><title>Stadt Krefeld</title></g>"
    #expect(ReportOrgChart.withoutIDTitles(svg) == "<g><title>Stadt Krefeld</title></g>")
  }

  @Test("names in the page header cannot close the CSS string or the style element")
  func cssString() {
    let text = HTMLReportExporter.cssString("A\"</style><script>x\\ \u{202E}ü")
    #expect(text.first == "\"" && text.last == "\"")
    #expect(!text.dropFirst().dropLast().contains("\"") && !text.contains("<") && !text.contains(">"))
    #expect(text.contains("\\3c ") && text.contains("\\fc "))
  }

  @Test(
    "the finance table's cumulative savings end at the plan's NPV savings; FTE per year ends at the target")
  func figures() throws {
    for seed in ExportFixtures.seeds {
      let plan = try ExportFixtures.plan(seed)
      let report = ReportModel(plan: plan, language: .de)
      let totals = try #require(plan.totals)
      #expect(abs((report.years.last?.cumulativeSavings ?? 0) - totals.npvSavings) < 1, "\(seed)")
      // The payback year is the first from which the cumulative savings stay at or above zero.
      let payback = report.years.indices.first { start in
        report.years[start...].allSatisfy { $0.cumulativeSavings >= -0.5 }
      }
      #expect(payback.map { report.years[$0].year } == plan.paybackYear, "\(seed)")
      for unit in plan.units {
        #expect(report.staff(of: unit, in: plan.lastYear) == unit.fteAfter)
        // Years before the last add up from today's staff and the moves made by then.
        let first = report.staff(of: unit, in: plan.horizon.start)
        #expect(first >= 0 && first.isFinite, "\(seed) \(unit.id)")
      }
      let moved = report.moveGroups.reduce(0) { $0 + $1.fte }
      #expect(abs(moved - totals.movedFTE) < 1e-6, "\(seed): \(moved) vs \(totals.movedFTE)")
    }
  }

  @Test("an infeasible plan: a review titled as such, remedies with numbers, no units called without IT")
  func infeasible() throws {
    var plan = try ExportFixtures.plan("iserlohn")
    plan.status = .infeasible
    plan.objective = nil
    plan.totals = nil
    plan.tasks = []
    plan.units = []
    plan.centres = []
    plan.diagnosis = .init(
      conflicts: [.init(rule: .capacity, provider: plan.org[1].id, year: 2025, limit: 2)],
      shortfall: .init(
        provider: plan.org[1].id, year: 2025, need: 3, limit: 2, families: [plan.families[0].id],
        mustMove: true,
        deadline: false))
    let html = try ExportFixtures.export(plan, .html, ExportOptions(renderer: .builtIn))
    #expect(html.contains("<h1>Prüfbericht IT-Bündelung: kein zulässiger Plan</h1>"))
    #expect(!html.contains("Empfehlung") && !html.contains("ohne IT-Aufgaben"))
    #expect(html.contains("um mindestens 1,0 VZÄ auf 3,0 VZÄ erhöhen"))
    let english = try ExportFixtures.export(plan, .html, ExportOptions(language: .en, renderer: .builtIn))
    #expect(english.contains("IT centralisation review: no feasible plan"))
  }
}
