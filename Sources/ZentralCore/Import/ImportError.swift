/// The import failed: every problem found in the spreadsheet files, errors and warnings.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Every problem found, in file and row order.
  public var diagnostics: [ImportDiagnostic]

  /// Creates an error from its diagnostics.
  public init(diagnostics: [ImportDiagnostic]) {
    self.diagnostics = diagnostics
  }

  /// The diagnostics that are errors.
  public var errors: [ImportDiagnostic] { diagnostics.filter(\.isError) }

  /// One diagnostic a line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
