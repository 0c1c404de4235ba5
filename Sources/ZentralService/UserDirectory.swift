public import Foundation
import HummingbirdBcrypt
import Yams

/// The users file of `zentral serve --users FILE`: names, roles and bcrypt password hashes
/// (docs/serve.md, "Users file").
///
/// ```yaml
/// users:
///   - {name: anna, role: planner, password_hash: "$2b$12$..."}
/// ```
public struct UserDirectory: Sendable {
  private struct Entry: Sendable {
    var role: Role
    var hash: String
  }

  private struct File: Decodable {
    var users: [Line]
  }

  private struct Line: Decodable {
    var name: String
    var role: String
    var passwordHash: String

    enum CodingKeys: String, CodingKey {
      case name
      case role
      case passwordHash = "password_hash"
    }
  }

  private let entries: [String: Entry]

  /// The users file is at most this large (1 MiB).
  public static let sizeLimit = 1 << 20

  /// A directory of no users.
  public init() { entries = [:] }

  /// Reads the users file at `url`.
  ///
  /// - Throws: ``ServiceError`` naming the file, the user and the value that is wrong.
  public init(contentsOf url: URL) throws(ServiceError) {
    let path = url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ServiceError(.badRequest, "\(path): the users file cannot be read: \(error.localizedDescription)")
    }
    guard data.count <= Self.sizeLimit else {
      throw ServiceError(
        .badRequest, "\(path): the users file has \(data.count) bytes; at most 1 MiB is read")
    }
    guard let text = String(data: data, encoding: .utf8), !text.contains("&"), !text.contains("*") else {
      throw ServiceError(
        .badRequest, "\(path): the users file must be UTF-8 YAML without anchors (&) or aliases (*)")
    }
    let file: File
    do {
      file = try YAMLDecoder().decode(File.self, from: text)
    } catch {
      throw ServiceError(
        .badRequest,
        "\(path): the users file is not of the form 'users: [{name: anna, role: planner, password_hash: ...}]' "
          + "(\(error))")
    }
    var entries: [String: Entry] = [:]
    for (index, line) in file.users.enumerated() {
      let place = "\(path): users[\(index)]"
      guard Self.isValidName(line.name) else {
        throw ServiceError(
          .badRequest,
          "\(place).name: '\(line.name)' is not a user name of 1 to 64 of a-z, 0-9, '.', '_', '-'")
      }
      guard let role = Role(rawValue: line.role) else {
        throw ServiceError(.badRequest, "\(place).role: '\(line.role)' is not viewer, planner or admin")
      }
      guard line.passwordHash.hasPrefix("$2"), line.passwordHash.count == 60 else {
        throw ServiceError(
          .badRequest,
          "\(place).password_hash: not a bcrypt hash ($2b$..., 60 characters); make one with "
            + "'zentral serve --hash-password'")
      }
      guard entries[line.name] == nil else {
        throw ServiceError(.badRequest, "\(place).name: '\(line.name)' is listed twice")
      }
      entries[line.name] = Entry(role: role, hash: line.passwordHash)
    }
    self.entries = entries
  }

  /// Whether `name` is a user name: 1 to 64 of `a-z 0-9 . _ -`.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 64
      && name.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
      }
  }

  /// The user `name` when `password` matches its hash, else `nil` (also for unknown names).
  public func authenticate(name: String, password: String) -> ServiceUser? {
    guard let entry = entries[name], password.utf8.count <= 72 else { return nil }
    return Bcrypt.verify(password, hash: entry.hash) ? ServiceUser(name: name, role: entry.role) : nil
  }

  /// The role of the listed user `name`, or `nil`.
  public func role(of name: String) -> Role? { entries[name]?.role }

  /// The number of users.
  public var count: Int { entries.count }

  /// A bcrypt hash of `password` for a users file (cost 12).
  public static func hash(password: String) -> String { Bcrypt.hash(password, cost: 12) }
}
