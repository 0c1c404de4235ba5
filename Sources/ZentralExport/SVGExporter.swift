public import ZentralPlan

/// Writes the org chart of one view as an SVG image, laid out by Graphviz `dot` when it is
/// installed (or as ``ExportOptions/renderer`` says), else by the built-in layout.
public struct SVGExporter: Exporter {
  /// Language, view and renderer.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/svg``.
  public var format: ExportFormat { .svg }

  /// Writes the SVG document of the chart of `options.view`.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    output.write(try options.svg(of: plan, view: options.view).document)
  }
}
