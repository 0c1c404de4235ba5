public import Foundation
public import ZentralPlan

/// Turns a plan into a format whose files are bytes, not text (a workbook): written whole, as
/// `Data`, so that the caller writes it atomically.
public protocol BinaryExporter: Sendable {
  /// The format written.
  var format: ExportFormat { get }
  /// The bytes of `plan` in this format; `file` names the target in errors.
  func data(_ plan: Plan, file: String) throws(ExportError) -> Data
}
