/// Why an export failed, in one sentence a planner understands.
public enum ExportError: Error, Equatable, CustomStringConvertible {
  /// The plan holds no decisions (an infeasible or stopped search), so only today's chart exists.
  case noSolution(view: ChartView, status: String)
  /// Graphviz `dot` is not on the PATH.
  case graphvizMissing
  /// Graphviz `dot` failed or complained.
  case graphvizFailed(String)
  /// A file could not be written.
  case writeFailed(path: String, reason: String)
  /// Headless Chromium, which prints the PDF, is not installed.
  case chromiumMissing
  /// Chromium did not print the PDF.
  case pdfFailed(String)
  /// A format of bytes (a workbook) was asked for as text.
  case binaryFormat(ExportFormat)

  /// The error as one sentence.
  public var description: String {
    switch self {
    case .noSolution(let view, let status):
      "the plan has no solution (status '\(status)'), so there is no '\(view.rawValue)' chart; "
        + "export the report or the 'current' view instead"
    case .graphvizMissing:
      "Graphviz 'dot' is not installed (Debian: apt-get install graphviz); use another format or the built-in layout"
    case .graphvizFailed(let message): "Graphviz 'dot' failed: \(message)"
    case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
    case .chromiumMissing:
      "the PDF is printed by headless Chromium, which is not installed (Debian: apt-get install chromium); "
        + "export the HTML report instead (--format html) and print it from a browser"
    case .pdfFailed(let message): "the PDF could not be printed: \(message)"
    case .binaryFormat(let format):
      "'\(format.rawValue)' is a file of bytes, not text; write it with the format's binary exporter (--out FILE)"
    }
  }
}
