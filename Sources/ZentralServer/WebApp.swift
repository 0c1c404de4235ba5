import Foundation
import Hummingbird
import NIOCore
import ZentralService

/// The web application's state and its request handling: the service core, the sessions, the
/// pages and who the users are. Routes are in the extensions `WebApp+…`.
struct WebApp: Sendable {
  /// The service core.
  let service: PlanningService
  /// The sessions.
  let sessions: SessionStore
  /// The pages.
  let pages: Pages
  /// Who the users are.
  let auth: AuthMode
  /// The largest request body.
  let maxUploadBytes: Int

  /// The session cookie's name.
  static let cookieName = "zentral_session"

  /// The router with every route of docs/serve.md behind the gate.
  func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: GateMiddleware(app: self))
    router.get("healthz") { _, _ -> String in "ok" }
    router.get("static/:name") { _, context in try self.staticFile(context) }
    addLoginRoutes(to: router)
    addScenarioRoutes(to: router)
    addRunRoutes(to: router)
    addCompareRoutes(to: router)
    return router
  }

  /// `/static/app.js` and `/static/app.css`.
  private func staticFile(_ context: WebContext) throws -> Response {
    let name = context.parameters.get("name") ?? ""
    guard let data = pages.statics[name] else { throw WebError.notFound }
    var headers = HTTPFields()
    headers[.contentType] =
      name.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"
    headers[.cacheControl] = "no-cache"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  // MARK: Helpers for the routes

  /// Renders page `template`.
  func page(
    _ template: String, title: String, _ values: [String: Any], _ context: WebContext,
    status: HTTPResponse.Status = .ok
  ) -> Response {
    pages.render(
      template, title: title, values: values, context: context, loginEnabled: auth.hasLogin, status: status)
  }

  /// A 303 redirect to `location`.
  static func redirect(_ location: String) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    return Response(status: .seeOther, headers: headers)
  }

  /// A JSON answer of `value`.
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// Whether the client asked for JSON.
  static func wantsJSON(_ request: Request) -> Bool {
    request.headers[.accept]?.contains("application/json") ?? false
  }

  /// The POST body's form fields (the gate collected the body).
  static func form(_ request: Request, _ context: WebContext) throws -> FormData {
    let data = context.body.map { Data($0.readableBytesView) } ?? Data()
    do {
      return try FormData(body: data, contentType: request.headers[.contentType])
    } catch {
      throw WebError(.badRequest, "Das Formular ist nicht lesbar (\(error)); nichts wurde gespeichert.")
    }
  }

  /// The scenario id in the path, checked.
  static func scenarioID(_ context: WebContext) throws -> ScenarioID {
    guard let text = context.parameters.get("id"), let id = ScenarioID(text) else { throw WebError.notFound }
    return id
  }

  /// The run id in the path, checked.
  static func runID(_ context: WebContext) throws -> RunID {
    guard let text = context.parameters.get("run"), let id = RunID(text) else { throw WebError.notFound }
    return id
  }

  /// The signed-in user (the gate let the request through, so there is one on protected routes).
  static func user(_ context: WebContext) -> ServiceUser {
    context.user ?? ServiceUser(name: "?", role: .viewer)
  }

  /// Dates as the pages show them: `02.12.2026 07:45:12` (UTC).
  static func shown(_ date: Date?) -> String {
    guard let date else { return "" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "de_DE")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "dd.MM.yyyy HH:mm:ss"
    return formatter.string(from: date) + " UTC"
  }
}
