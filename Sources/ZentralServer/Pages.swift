import Foundation
import Hummingbird
import Mustache
import ZentralService

/// The German pages: mustache templates from the target's Resources (every `{{value}}` HTML-escaped
/// by the template engine), rendered into the shared layout, and the static script and style.
struct Pages: Sendable {
  private let library: MustacheLibrary
  /// The static files by name (`app.js`, `app.css`) with their bytes.
  let statics: [String: Data]

  /// Loads the templates and static files from the bundle.
  static func load() async throws -> Pages {
    guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
      throw WebError(.internalServerError, "Die Seitenvorlagen fehlen im Programm.")
    }
    let library = try await MustacheLibrary(directory: resources.appendingPathComponent("templates").path)
    var statics: [String: Data] = [:]
    for name in ["app.js", "app.css"] {
      statics[name] = try Data(
        contentsOf: resources.appendingPathComponent("static").appendingPathComponent(name))
    }
    return Pages(library: library, statics: statics)
  }

  /// The page `template` with `values`, inside the layout with the user, the CSRF token and the
  /// navigation.
  func render(
    _ template: String, title: String, values: [String: Any], context: WebContext, loginEnabled: Bool,
    status: HTTPResponse.Status = .ok
  ) -> Response {
    var data = values
    data["title"] = title
    data["csrf"] = context.session?.csrf ?? ""
    if let user = context.user {
      data["user"] = ["name": user.name, "role": user.role.label]
      data["canPlan"] = user.role >= .planner
    }
    data["loginEnabled"] = loginEnabled
    let html =
      library.render(data, withTemplate: template) ?? "<!doctype html><title>Fehler</title>Vorlage fehlt."
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}
