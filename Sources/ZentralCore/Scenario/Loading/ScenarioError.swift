/// Why a scenario file could not be loaded: every problem found, errors and warnings, in the
/// order of their place in the file.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
  /// All problems found; at least one of them is an error.
  public var diagnostics: [Diagnostic]

  /// Creates an error from its diagnostics.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// Only the errors among ``diagnostics``.
  public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

  /// One line per diagnostic.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
