/// A problem of the service core, as one sentence a planner understands (German, the planner's
/// language on the web pages), with the HTTP-like kind the web layer answers with.
public struct ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of problem: decides the status code of the answer.
  public enum Kind: Sendable, Equatable {
    /// The request or the file is wrong (400).
    case badRequest
    /// Something named does not exist (404).
    case notFound
    /// The upload is too large (413).
    case tooLarge
    /// The input is readable but not valid (422); `diagnostics` say where.
    case invalid
    /// The work queue is full (503).
    case busy
    /// Something on the server failed (500).
    case internalFailure
  }

  /// The kind.
  public var kind: Kind
  /// The sentence.
  public var message: String
  /// The diagnostics of an invalid input, each `FILE:LINE:COL: key.path: message` with its field.
  public var diagnostics: [FieldDiagnostic]

  /// A problem of `kind` described by `message`.
  public init(_ kind: Kind, _ message: String, diagnostics: [FieldDiagnostic] = []) {
    self.kind = kind
    self.message = message
    self.diagnostics = diagnostics
  }

  /// The sentence.
  public var description: String { message }
}
