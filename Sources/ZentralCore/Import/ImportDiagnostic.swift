/// One problem found while importing spreadsheet files, with the place it was found.
///
/// Its ``description`` is one line: `FILE:LINE:COLUMN: message` for a problem in one cell, where
/// COLUMN counts the fields of the row from 1 and the message names the column's header and letter
/// (`tasks.csv:7:5: column E "VZÄ": "vier" is not a number; ...`), `FILE:LINE: message` for a
/// problem with a whole row, and `FILE: message` for a problem with the whole file. Warnings carry
/// `warning: ` before the message.
public struct ImportDiagnostic: Equatable, Sendable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Equatable, Sendable {
    /// The import cannot produce a scenario.
    case error
    /// The scenario is produced, but something was assumed or converted.
    case warning
  }

  /// The file name as the caller gave it.
  public var file: String
  /// Line of the row in the file, from 1; `nil` for a problem with the whole file.
  public var line: Int?
  /// Field number in the row, from 1; `nil` for a problem with a whole row or file.
  public var column: Int?
  /// What is wrong (naming the column header and the value), and what is expected.
  public var message: String
  /// Whether the problem is an error or a warning.
  public var severity: Severity

  /// Creates a diagnostic.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, message: String, severity: Severity = .error
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  /// Whether this is an error.
  public var isError: Bool { severity == .error }

  /// The one-line form `FILE:LINE:COLUMN: message`.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    text += ": "
    if severity == .warning { text += "warning: " }
    return text + message
  }
}
