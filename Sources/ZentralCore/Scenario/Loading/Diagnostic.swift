/// One problem found in a scenario file, with the place it was found.
///
/// Its ``description`` is one line in the form `FILE:LINE:COLUMN: key.path: message`, e.g.
/// `krefeld.yaml:41:11: tasks[3].fte: -2 is negative; a workload is 0 or more FTE`. Lines and
/// columns count from 1 (columns in Unicode characters); list indices in the key path count from 0.
/// Warnings read `FILE:LINE:COLUMN: key.path: warning: message`. A problem with the file as a whole
/// (it cannot be read, it is too large) has no line and column, and a syntax error has no key path.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Equatable, Sendable {
    /// The scenario cannot be used.
    case error
    /// The scenario can be used, but something looks unintended.
    case warning
  }

  /// The file name as the caller gave it (a path for ``ScenarioLoader/load(path:)``).
  public var file: String
  /// Line of the problem, from 1; `nil` for a problem with the whole file.
  public var line: Int?
  /// Column of the problem, from 1, in Unicode characters; `nil` when ``line`` is `nil`.
  public var column: Int?
  /// The key path of the value concerned, e.g. `tasks[3].fte`; empty when there is none.
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

  /// Whether this is an error (the scenario cannot be used).
  public var isError: Bool { severity == .error }

  /// The one-line form `FILE:LINE:COLUMN: key.path: message`.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line):\(column ?? 1)"
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
