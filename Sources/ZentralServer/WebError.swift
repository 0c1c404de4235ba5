import HTTPTypes
import ZentralService

/// A refusal or failure the web layer answers with a page (or JSON): the status, one sentence in
/// German, and the diagnostics of an invalid input.
struct WebError: Error, Sendable {
  /// The status.
  var status: HTTPResponse.Status
  /// The sentence.
  var message: String
  /// The diagnostics.
  var diagnostics: [FieldDiagnostic]

  init(_ status: HTTPResponse.Status, _ message: String, diagnostics: [FieldDiagnostic] = []) {
    self.status = status
    self.message = message
    self.diagnostics = diagnostics
  }

  /// The answer to a ``ServiceError``.
  init(_ error: ServiceError) {
    let status: HTTPResponse.Status
    switch error.kind {
    case .badRequest: status = .badRequest
    case .notFound: status = .notFound
    case .tooLarge: status = .contentTooLarge
    case .invalid: status = .unprocessableContent
    case .busy: status = .serviceUnavailable
    case .internalFailure: status = .internalServerError
    }
    self.init(status, error.message, diagnostics: error.diagnostics)
  }

  static let notFound = WebError(.notFound, "Diese Seite gibt es nicht.")
}
