import HTTPTypes
import ZentralService

/// Who may call which route (docs/serve.md, "Routes"): the one table the gate checks every request
/// against, so that no route can forget its check.
enum AccessRule: Equatable {
  /// Anyone, signed in or not.
  case open
  /// A signed-in user with at least this role.
  case role(Role)

  /// The rule for `method` on `path`.
  static func rule(method: HTTPRequest.Method, path: String) -> AccessRule {
    if path == "/healthz" || path.hasPrefix("/static/") || path == "/login" { return .open }
    if method == .post { return path == "/logout" ? .role(.viewer) : .role(.planner) }
    return .role(.viewer)
  }
}
