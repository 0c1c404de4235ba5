import Foundation
import Testing
import ZentralCore
import ZentralExport
import ZentralPlan

/// Every format pinned byte for byte on the Krefeld seed plan (record with ZENTRAL_RECORD_GOLDEN=1).
/// SVG and HTML use the built-in layout so that the bytes do not depend on the Graphviz version.
@Suite("Golden files")
struct GoldenTests {
  let plan: Plan

  init() throws {
    plan = try ExportFixtures.plan("krefeld")
  }

  @Test("DOT, all three views", arguments: ChartView.allCases)
  func dot(view: ChartView) throws {
    let text = try ExportFixtures.export(plan, .dot, ExportOptions(view: view))
    try ExportFixtures.assertGolden(text, "krefeld-\(view.rawValue).dot")
  }

  @Test("SVG (built-in layout), all three views", arguments: ChartView.allCases)
  func svg(view: ChartView) throws {
    let text = try ExportFixtures.export(plan, .svg, ExportOptions(view: view, renderer: .builtIn))
    try ExportFixtures.assertGolden(text, "krefeld-\(view.rawValue).svg")
  }

  @Test("Mermaid, target and changes views", arguments: [ChartView.target, .changes])
  func mermaid(view: ChartView) throws {
    let text = try ExportFixtures.export(plan, .mermaid, ExportOptions(view: view))
    try ExportFixtures.assertGolden(text, "krefeld-\(view.rawValue).mmd")
  }

  @Test("CSV, all three views", arguments: ChartView.allCases)
  func csv(view: ChartView) throws {
    let text = try ExportFixtures.export(plan, .csv, ExportOptions(view: view))
    try ExportFixtures.assertGolden(text, "krefeld-\(view.rawValue).csv")
  }

  @Test("JSON tree, target and changes views", arguments: [ChartView.target, .changes])
  func json(view: ChartView) throws {
    let text = try ExportFixtures.export(plan, .json, ExportOptions(view: view))
    try ExportFixtures.assertGolden(text, "krefeld-\(view.rawValue).json")
  }

  @Test("HTML report in German and English", arguments: [ReportLanguage.de, .en])
  func html(language: ReportLanguage) throws {
    var options = ExportOptions(language: language, renderer: .builtIn)
    options.date = Date(timeIntervalSince1970: 1_767_268_800)  // 1 January 2026, noon UTC
    let text = try ExportFixtures.export(plan, .html, options)
    try ExportFixtures.assertGolden(text, "krefeld-report-\(language.rawValue).html")
  }

  @Test("Markdown summary in German and English", arguments: [ReportLanguage.de, .en])
  func markdown(language: ReportLanguage) throws {
    let text = try ExportFixtures.export(plan, .md, ExportOptions(language: language))
    try ExportFixtures.assertGolden(text, "krefeld-summary-\(language.rawValue).md")
  }
}
