import ZentralService

/// Who the users are: everyone is the local admin (loopback without authentication), users from
/// a users file with passwords, or names a trusted reverse proxy vouches for in a header.
enum AuthMode: Sendable {
  /// Loopback without authentication: everyone is ``ServiceUser/local``.
  case local
  /// Users file with bcrypt hashes; sign-in on `/login`.
  case users(UserDirectory)
  /// The header `header` from the proxy at `trustedProxy` names the user; roles from `users`
  /// (viewer for names not listed).
  case proxy(header: String, trustedProxy: String, users: UserDirectory)

  /// Whether the login page is on.
  var hasLogin: Bool {
    if case .users = self { return true }
    return false
  }
}
