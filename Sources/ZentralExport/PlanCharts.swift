import Synchronization
public import ZentralPlan

/// The org charts of one plan, each built once and laid out once, for every exporter that draws
/// it: the default exports draw the target chart in four formats (DOT, SVG, Mermaid, CSV) and lay
/// it out for the SVG file and again inside the report, which ran Graphviz twice on the same chart.
///
/// Hand it to the exporters through ``ExportOptions/charts``; an exporter given a plan other than
/// ``plan`` builds its own chart. Safe to share between threads (two threads asking for the same
/// chart at the same moment may both build it; the first stored is kept).
///
/// ```swift
/// let options = ExportOptions(view: .target, charts: PlanCharts(plan))
/// ```
public final class PlanCharts: Sendable {
  /// The plan the charts are drawn from.
  public let plan: Plan

  /// A chart: its language and view.
  private struct ChartKey: Hashable {
    var language: ReportLanguage
    var view: ChartView
  }

  /// A laid-out chart: the chart and who laid it out (the SVG ids start with the view's name).
  private struct LayoutKey: Hashable {
    var chart: ChartKey
    var renderer: ChartRenderer
  }

  /// What was built and laid out so far, and how often (for the tests).
  private struct State {
    var charts: [ChartKey: OrgChart] = [:]
    var documents: [LayoutKey: String] = [:]
    var built = 0
    var laidOut = 0
  }

  private let state = Mutex(State())

  /// Charts of `plan`, built on first use.
  public init(_ plan: Plan) {
    self.plan = plan
  }

  /// The chart of `view` in `language`, built on first use.
  func chart(language: ReportLanguage, view: ChartView) throws(ExportError) -> OrgChart {
    let key = ChartKey(language: language, view: view)
    if let chart = state.withLock({ $0.charts[key] }) { return chart }
    let chart = try OrgChartBuilder(plan: plan, language: language, view: view).build()
    return state.withLock {
      $0.built += 1
      if let stored = $0.charts[key] { return stored }
      $0.charts[key] = chart
      return chart
    }
  }

  /// The chart of `view` and its SVG document laid out by `renderer`, laid out on first use.
  func svg(
    language: ReportLanguage, view: ChartView, renderer: ChartRenderer
  ) throws(ExportError) -> (chart: OrgChart, document: String) {
    let chart = try chart(language: language, view: view)
    let key = LayoutKey(chart: ChartKey(language: language, view: view), renderer: renderer)
    if let document = state.withLock({ $0.documents[key] }) { return (chart, document) }
    let document = try ChartSVG.document(chart, renderer: renderer, idPrefix: view.rawValue)
    return state.withLock {
      $0.laidOut += 1
      if let stored = $0.documents[key] { return (chart, stored) }
      $0.documents[key] = document
      return (chart, document)
    }
  }

  /// How many charts were built and how many laid out.
  var counts: (built: Int, laidOut: Int) { state.withLock { ($0.built, $0.laidOut) } }
}
