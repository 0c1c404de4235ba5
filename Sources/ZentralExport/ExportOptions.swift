public import ZentralPlan

/// What an exporter writes: the language, the view of the org chart and how it is laid out.
public struct ExportOptions: Sendable {
  /// The language of labels; `nil` takes the plan's language.
  public var language: ReportLanguage?
  /// The view drawn by the chart formats (DOT, SVG, Mermaid, CSV, JSON).
  public var view: ChartView
  /// Who lays out SVG charts (the SVG format and the charts inside the HTML report).
  public var renderer: ChartRenderer

  /// Creates options; by default the plan's language, the target view and automatic layout.
  public init(
    language: ReportLanguage? = nil, view: ChartView = .target, renderer: ChartRenderer = .automatic
  ) {
    self.language = language
    self.view = view
    self.renderer = renderer
  }

  /// The language used for `plan`: the option, else the plan's `language`, else German.
  public func language(for plan: Plan) -> ReportLanguage {
    language ?? plan.language
  }
}
