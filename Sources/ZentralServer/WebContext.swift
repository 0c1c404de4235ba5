import Hummingbird
import NIOCore
import ZentralService

/// The request context of the web application: Hummingbird's core storage, the peer's address,
/// and what ``GateMiddleware`` found out: the session and the signed-in user.
struct WebContext: RequestContext {
  /// Hummingbird's own storage.
  var coreContext: CoreRequestContextStorage
  /// The peer's IP address (`nil` in router tests).
  var remoteAddress: String?
  /// The visitor's session (every visitor has one, for the CSRF token).
  var session: WebSession?
  /// The signed-in user, or `nil`.
  var user: ServiceUser?
  /// The collected body of a POST (read once by the gate, for the CSRF check).
  var body: ByteBuffer?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress?.ipAddress
  }
}
