/// A signed-in user of the web application.
public struct ServiceUser: Sendable, Equatable, Codable {
  /// The user name.
  public var name: String
  /// The role.
  public var role: Role

  /// The user `name` with `role`.
  public init(name: String, role: Role) {
    self.name = name
    self.role = role
  }

  /// The one user on loopback without authentication: `lokal`, admin.
  public static let local = ServiceUser(name: "lokal", role: .admin)
}
