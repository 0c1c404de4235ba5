/// One problem found in an input file (a scenario file, or a spreadsheet given to the importer),
/// with the place it was found. The scenario loader and the spreadsheet importer both report with
/// this one type, so a problem reads the same way whichever command found it.
///
/// Its ``description`` is one line in the form `FILE:LINE:COLUMN: key.path: message`, e.g.
/// `krefeld.yaml:41:11: tasks[3].fte: -2 is negative; a workload is 0 or more FTE`, or for a cell
/// of a spreadsheet `tasks.csv:7:5: column E "VZÄ": "vier" is not a number; ...`. Lines and
/// columns count from 1; list indices in a key path count from 0. Warnings read
/// `FILE:LINE:COLUMN: key.path: warning: message`. A problem with the file as a whole (it cannot be
/// read, it is too large) has no line and column, a problem with a whole row of a spreadsheet has
/// a line but no column, and a syntax error has no key path.
///
/// A diagnostic is also the error thrown by ``TextInput`` when it refuses a file.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Equatable, Sendable {
    /// The input cannot be used.
    case error
    /// The input can be used, but something looks unintended, or was assumed or converted.
    case warning
  }

  /// The file name as the caller gave it (a path for ``ScenarioLoader/load(path:)``).
  public var file: String
  /// Line of the problem, from 1; `nil` for a problem with the whole file.
  public var line: Int?
  /// Column of the problem, from 1: in a scenario file in Unicode characters, in a spreadsheet the
  /// number of the field in its row; `nil` for a problem with a whole line or file.
  public var column: Int?
  /// Where in the data the value is: in a scenario the key path, e.g. `tasks[3].fte`; in a
  /// spreadsheet the column by letter and header, e.g. `column E "VZÄ"`; empty when there is none.
  public var path: String
  /// What is wrong, and what is expected.
  public var message: String
  /// Whether the problem is an error or a warning.
  public var severity: Severity

  /// Creates a diagnostic.
  public init(
    file: String,
    line: Int? = nil,
    column: Int? = nil,
    path: String = "",
    message: String,
    severity: Severity = .error
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
    self.message = message
    self.severity = severity
  }

  /// Whether this is an error (the input cannot be used).
  public var isError: Bool { severity == .error }

  /// The one-line form `FILE:LINE:COLUMN: key.path: message`.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    text += ": "
    if !path.isEmpty {
      text += path + ": "
    }
    if severity == .warning {
      text += "warning: "
    }
    return text + message
  }
}
