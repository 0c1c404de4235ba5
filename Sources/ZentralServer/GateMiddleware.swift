import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ZentralService

/// The gate every request passes: gives each visitor a session (for the CSRF token), finds the
/// user (local admin, session of a signed-in user, or a trusted proxy's header), refuses what the
/// user's role does not allow (``AccessRule``), collects a POST body within the upload limit and
/// checks its CSRF token, and puts the security headers on every answer, error pages included.
struct GateMiddleware: RouterMiddleware {
  typealias Context = WebContext

  let app: WebApp

  /// The Content-Security-Policy of the application's pages.
  static let pagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  /// The Content-Security-Policy of served reports (their own inline style, no script).
  static let reportPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; "
    + "form-action 'none'"

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    var newSession: WebSession?
    var response: Response
    do {
      response = try await pass(request, &context, &newSession, next)
    } catch {
      response = answer(error, request: request, context: context)
    }
    if let newSession {
      response.headers[values: .setCookie].append(
        "\(WebApp.cookieName)=\(newSession.id); Path=/; HttpOnly; SameSite=Strict")
    }
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.pagePolicy
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    response.headers[.referrerPolicy] = "no-referrer"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    return response
  }

  private func pass(
    _ request: Request, _ context: inout Context, _ newSession: inout WebSession?,
    _ next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    if path == "/healthz" || path.hasPrefix("/static/") { return try await next(request, context) }
    // The session.
    if let id = request.cookies[WebApp.cookieName]?.value, let session = await app.sessions.session(id) {
      context.session = session
    } else {
      let session = await app.sessions.create()
      context.session = session
      newSession = session
    }
    context.user = user(request, context)
    // The role.
    switch AccessRule.rule(method: request.method, path: path) {
    case .open: break
    case .role(let role):
      guard let user = context.user else {
        if app.auth.hasLogin, !WebApp.wantsJSON(request), request.method == .get {
          return WebApp.redirect("/login")
        }
        throw WebError(.unauthorized, "Bitte melden Sie sich an.")
      }
      guard user.role >= role else {
        throw WebError(
          .forbidden, "Ihre Rolle »\(user.role.label)« erlaubt das nicht; nötig ist »\(role.label)«.")
      }
    }
    // The body and its CSRF token.
    if request.method == .post {
      if let length = request.headers[.contentLength].flatMap(Int.init), length > app.maxUploadBytes {
        throw WebError(.contentTooLarge, Self.tooLarge(app.maxUploadBytes))
      }
      var request = request
      let buffer: ByteBuffer
      do {
        buffer = try await request.collectBody(upTo: app.maxUploadBytes)
      } catch {
        throw WebError(.contentTooLarge, Self.tooLarge(app.maxUploadBytes))
      }
      context.body = buffer
      let token: String?
      if let header = request.headers[.xCSRFToken] {
        token = header
      } else {
        token =
          (try? FormData(body: Data(buffer.readableBytesView), contentType: request.headers[.contentType]))?[
            "_csrf"]
      }
      guard let token, let expected = context.session?.csrf, Self.same(token, expected) else {
        throw WebError(
          .forbidden,
          "Die Sicherheitsprüfung (CSRF) ist fehlgeschlagen: das Formular ist abgelaufen oder kam nicht von "
            + "dieser Seite. Bitte laden Sie die Seite neu; nichts wurde geändert.")
      }
      return try await next(request, context)
    }
    return try await next(request, context)
  }

  /// The user of the request, or `nil`.
  private func user(_ request: Request, _ context: Context) -> ServiceUser? {
    switch app.auth {
    case .local:
      return .local
    case .users:
      return context.session?.user
    case .proxy(let header, let trustedProxy, let users):
      guard let name = HTTPField.Name(header).flatMap({ request.headers[$0] }),
        context.remoteAddress == trustedProxy,
        UserDirectory.isValidName(name)
      else { return nil }
      return ServiceUser(name: name, role: users.role(of: name) ?? .viewer)
    }
  }

  /// The answer to an error: a page, or JSON for a client that asked for it.
  private func answer(_ error: any Error, request: Request, context: Context) -> Response {
    let failure: WebError
    switch error {
    case let web as WebError: failure = web
    case let service as ServiceError: failure = WebError(service)
    case let http as HTTPError:
      failure = WebError(
        http.status, http.status == .notFound ? WebError.notFound.message : http.status.reasonPhrase)
    default: failure = WebError(.internalServerError, "Ein Fehler auf dem Server: \(error)")
    }
    if WebApp.wantsJSON(request) {
      return WebApp.json(
        ["error": failure.message, "diagnostics": failure.diagnostics.map(\.line).joined(separator: "\n")],
        status: failure.status)
    }
    return app.page(
      "error", title: "Fehler \(failure.status.code)",
      [
        "status": failure.status.code, "message": failure.message,
        "diagnostics": failure.diagnostics.map { ["line": $0.line, "isError": $0.isError] },
        "hasDiagnostics": !failure.diagnostics.isEmpty,
      ], context, status: failure.status)
  }

  /// Compares two tokens in time independent of where they differ.
  static func same(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  static func tooLarge(_ limit: Int) -> String {
    "Die Datei ist zu groß: höchstens \(limit / 1024) KiB werden angenommen; nichts wurde gespeichert."
  }
}

extension HTTPField.Name {
  /// `X-CSRF-Token`.
  static var xCSRFToken: Self { Self("X-CSRF-Token")! }
  /// `X-Frame-Options`.
  static var xFrameOptions: Self { Self("X-Frame-Options")! }
  /// `Referrer-Policy`.
  static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
