/// The import failed: every problem found in the spreadsheet files, errors and warnings, as the
/// same ``Diagnostic`` values the scenario loader reports.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Every problem found, in file and row order.
  public var diagnostics: [Diagnostic]

  /// Creates an error from its diagnostics.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// The diagnostics that are errors.
  public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

  /// One diagnostic a line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
