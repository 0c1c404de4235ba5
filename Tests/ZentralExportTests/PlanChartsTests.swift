import Foundation
import Testing
import ZentralCore

@testable import ZentralExport

/// The charts of one plan, built and laid out once for every default export (``PlanCharts``).
@Suite("Charts built once")
struct PlanChartsTests {
  @Test(
    "the default exports build each view's chart once and lay it out once, with the same bytes",
    arguments: ExportFixtures.seeds)
  func once(seed: String) throws {
    let plan = try ExportFixtures.plan(seed)
    let options = DefaultExports.options(for: plan, renderer: .builtIn)
    let formats = DefaultExports.formats(for: plan, renderer: .builtIn)
    #expect(formats == [.dot, .svg, .mermaid, .csv, .html])
    for format in formats {
      let shared = try ExportFixtures.export(plan, format, options)
      let own = try ExportFixtures.export(plan, format, ExportOptions(view: .target, renderer: .builtIn))
      #expect(shared == own, "\(seed) \(format)")
    }
    // Today's and the target chart; the SVG file and the report share the target's layout.
    let counts = try #require(options.charts).counts
    #expect(counts.built == 2 && counts.laidOut == 2, "\(counts)")
  }

  @Test(
    "with Graphviz, dot runs once per view for the default exports (the SVG file and the report share it)",
    .enabled(if: Graphviz.isInstalled, "Graphviz 'dot' is not installed"))
  func graphvizOnce() throws {
    let plan = try ExportFixtures.plan("krefeld")
    let options = DefaultExports.options(for: plan)
    for format in DefaultExports.formats(for: plan) { _ = try ExportFixtures.export(plan, format, options) }
    let svg = try ExportFixtures.export(plan, .svg, options)
    let html = try ExportFixtures.export(plan, .html, options)
    // The report holds the SVG file's drawing (without Graphviz's id tooltips) inside its figure.
    let inline = ChartSVG.inline(svg)
    let root = try #require(ReportOrgChart.rootTag(of: inline))
    let body = ReportOrgChart.withoutIDTitles(
      String(inline[root.end...]).replacingOccurrences(of: "</svg>", with: ""))
    #expect(body.count > 1_000 && html.contains(body))
    let counts = try #require(options.charts).counts
    #expect(counts.built == 2 && counts.laidOut == 2, "\(counts)")
  }

  @Test("charts of another plan are not used")
  func otherPlan() throws {
    let krefeld = try ExportFixtures.plan("krefeld")
    let iserlohn = try ExportFixtures.plan("iserlohn")
    let options = ExportOptions(view: .target, renderer: .builtIn, charts: PlanCharts(krefeld))
    for format in [ExportFormat.svg, .dot, .html] {
      let text = try ExportFixtures.export(iserlohn, format, options)
      #expect(text == (try ExportFixtures.export(iserlohn, format, ExportOptions(renderer: .builtIn))))
    }
    #expect(try #require(options.charts).counts == (0, 0))
  }
}
