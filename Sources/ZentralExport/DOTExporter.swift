public import ZentralPlan

/// Writes the org chart of one view as Graphviz DOT (render it with `dot -Tsvg`).
public struct DOTExporter: Exporter {
  /// Language and view.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/dot``.
  public var format: ExportFormat { .dot }

  /// Writes the DOT source of the chart of `options.view`.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try options.chart(of: plan, view: options.view)
    DOTWriter(idPrefix: options.view.rawValue).write(chart, to: &output)
  }
}
