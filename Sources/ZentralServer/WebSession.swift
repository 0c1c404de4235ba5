import Foundation
import ZentralService

/// One visitor's session: its id (the cookie), its CSRF token and, once signed in, its user.
struct WebSession: Sendable, Equatable {
  /// The id, 64 hex digits (the cookie's value).
  var id: String
  /// The CSRF token, 64 hex digits.
  var csrf: String
  /// The signed-in user.
  var user: ServiceUser?
  /// When it was last used.
  var lastUsed: Date

  /// 32 random bytes as hex.
  static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
  }
}
