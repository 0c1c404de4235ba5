/// The formats `zentral export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Graphviz DOT source of the org chart.
  case dot
  /// The org chart as SVG (laid out by Graphviz `dot` when installed, else by the built-in layout).
  case svg
  /// The org chart as a Mermaid flowchart (renders in GitLab and GitHub Markdown).
  case mermaid
  /// The org chart as CSV for Visio's Organization Chart Wizard and draw.io's CSV import.
  case csv
  /// The org chart as a JSON tree with nested `children`, for web org-chart libraries.
  case json
  /// The self-contained HTML decision report.
  case html
  /// A Markdown summary for a wiki page or a merge request.
  case md
  /// The decision report as an A4 PDF, printed from the HTML report by headless Chromium
  /// (``ChromiumPDF``).
  case pdf

  /// The usual file name extension of the format.
  public var fileExtension: String {
    switch self {
    case .mermaid: "mmd"
    default: rawValue
    }
  }

  /// The exporter that writes this format (for ``pdf`` the HTML report that ``ChromiumPDF``
  /// prints).
  public func exporter(options: ExportOptions = ExportOptions()) -> any Exporter {
    switch self {
    case .dot: DOTExporter(options: options)
    case .svg: SVGExporter(options: options)
    case .mermaid: MermaidExporter(options: options)
    case .csv: CSVExporter(options: options)
    case .json: JSONTreeExporter(options: options)
    case .html: HTMLReportExporter(options: options)
    case .md: MarkdownExporter(options: options)
    case .pdf: HTMLReportExporter(options: options)
    }
  }
}
