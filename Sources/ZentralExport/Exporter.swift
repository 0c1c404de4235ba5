public import ZentralPlan

/// Turns a plan into one export format, written to a text stream (exporters never print).
///
/// ```swift
/// var text = ""
/// try ExportFormat.dot.exporter(options: ExportOptions(view: .changes)).write(plan, to: &text)
/// ```
public protocol Exporter: Sendable {
  /// The format written.
  var format: ExportFormat { get }
  /// Writes `plan` in this format to `output`.
  func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError)
}
