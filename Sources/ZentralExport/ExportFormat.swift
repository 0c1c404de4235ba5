/// The formats `zentral export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Graphviz DOT source of the org chart.
  case dot
  /// The org chart as SVG (laid out by Graphviz `dot` when installed, else by the built-in layout).
  case svg
  /// The org chart as a Mermaid flowchart (renders in GitLab and GitHub Markdown).
  case mermaid
  /// The org chart as CSV for Visio's Organization Chart Wizard (``ExportOptions/excel``: for a
  /// German Excel).
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
  /// The org chart as CSV with draw.io's header directives (`# label:`, `# connect:`, ...), for
  /// Arrange > Insert > Advanced > CSV.
  case drawio
  /// The plan's tables (tasks with decisions and reasons, units before and after, years with
  /// costs, centres) as an Excel workbook.
  case xlsx

  /// The usual file name extension of the format.
  public var fileExtension: String {
    switch self {
    case .mermaid: "mmd"
    case .drawio: "drawio.csv"
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
    case .drawio: DrawioCSVExporter(options: options)
    case .xlsx: XLSXPlanExporter(options: options)
    }
  }

  /// The exporter of a format whose files are bytes rather than text (``xlsx``), or `nil`.
  public func binaryExporter(options: ExportOptions = ExportOptions()) -> (any BinaryExporter)? {
    switch self {
    case .xlsx: XLSXPlanExporter(options: options)
    default: nil
    }
  }
}
