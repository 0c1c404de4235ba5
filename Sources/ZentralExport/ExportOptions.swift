public import Foundation
public import ZentralPlan

/// What an exporter writes: the language, the view of the org chart and how it is laid out.
public struct ExportOptions: Sendable {
  /// The language of labels; `nil` takes the plan's language.
  public var language: ReportLanguage?
  /// The view drawn by the chart formats (DOT, SVG, Mermaid, CSV, JSON).
  public var view: ChartView
  /// Who lays out SVG charts (the SVG format and the charts inside the HTML report).
  public var renderer: ChartRenderer
  /// Charts built and laid out once for all exporters of one plan (``DefaultExports``); `nil`:
  /// each exporter builds its own.
  public var charts: PlanCharts?
  /// The date the report states ("Stand") and prints in its page header; `nil`: today.
  public var date: Date?
  /// CSV for a German Excel: `;` between fields, decimal commas, UTF-8 with byte order mark
  /// (`zentral export --format csv --excel`).
  public var excel: Bool = false

  /// Creates options; by default the plan's language, the target view and automatic layout.
  public init(
    language: ReportLanguage? = nil, view: ChartView = .target, renderer: ChartRenderer = .automatic,
    charts: PlanCharts? = nil
  ) {
    self.language = language
    self.view = view
    self.renderer = renderer
    self.charts = charts
  }

  /// The language used for `plan`: the option, else the plan's `language`, else German.
  public func language(for plan: Plan) -> ReportLanguage {
    language ?? plan.language
  }

  /// The chart of `view` of `plan` in its language, from ``charts`` when they are `plan`'s.
  func chart(of plan: Plan, view: ChartView) throws(ExportError) -> OrgChart {
    if let charts, charts.plan == plan { return try charts.chart(language: language(for: plan), view: view) }
    return try OrgChartBuilder(plan: plan, language: language(for: plan), view: view).build()
  }

  /// The chart of `view` of `plan` and its SVG document, laid out by ``renderer``, from
  /// ``charts`` when they are `plan`'s.
  func svg(of plan: Plan, view: ChartView) throws(ExportError) -> (chart: OrgChart, document: String) {
    if let charts, charts.plan == plan {
      return try charts.svg(language: language(for: plan), view: view, renderer: renderer)
    }
    let chart = try OrgChartBuilder(plan: plan, language: language(for: plan), view: view).build()
    return (chart, try ChartSVG.document(chart, renderer: renderer, idPrefix: view.rawValue))
  }
}
