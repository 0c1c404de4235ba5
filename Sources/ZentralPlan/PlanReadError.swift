import Foundation

/// A plan file that cannot be read: damaged, foreign, or of another format. Its description names
/// the file, the key path and what was expected, e.g. `plan.json: tasks[3].decision: "moved" is
/// not one of stay, move, partial`.
public struct PlanReadError: Error, CustomStringConvertible, Sendable {
  /// The file as the user named it.
  public let file: String
  /// The key path, e.g. `tasks[3].decision` (empty for the whole file).
  public let path: String
  /// What is wrong there.
  public let problem: String

  /// Creates an error.
  public init(file: String, path: String, problem: String) {
    self.file = file
    self.path = path
    self.problem = problem
  }

  /// The error in one line.
  public var description: String { path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)" }

  /// The error for a `DecodingError` thrown while reading `file`.
  init(file: String, error: DecodingError) {
    switch error {
    case .typeMismatch(let type, let context):
      self.init(file: file, path: Self.path(context.codingPath), problem: "expected \(Self.name(type))")
    case .valueNotFound(let type, let context):
      self.init(
        file: file, path: Self.path(context.codingPath), problem: "expected \(Self.name(type)), found null")
    case .keyNotFound(let key, let context):
      let problem =
        context.codingPath.isEmpty
        ? "the key \"\(key.stringValue)\" is missing: this is not a zentral plan (format zentral-plan/1); "
          + "write one with `zentral plan`"
        : "the key \"\(key.stringValue)\" is missing"
      self.init(file: file, path: Self.path(context.codingPath), problem: problem)
    case .dataCorrupted(let context):
      let problem =
        context.codingPath.isEmpty
        ? "is not JSON (\(context.underlyingError.map { "\($0.localizedDescription)" } ?? "damaged"))"
        : context.debugDescription
      self.init(file: file, path: Self.path(context.codingPath), problem: problem)
    @unknown default:
      self.init(file: file, path: "", problem: "cannot be read as a plan")
    }
  }

  /// `tasks[3].decision`.
  static func path(_ keys: [any CodingKey]) -> String {
    var text = ""
    for key in keys {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text
  }

  /// What a value of a Swift type is called in JSON.
  private static func name(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Int.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default:
      String(describing: type).hasPrefix("Array") ? "a list" : "an object"
    }
  }
}
