import Yams

/// What one YAML scalar means in a scenario: nothing, a truth value, a number or text.
///
/// The rules are YAML 1.2's core schema, kept strict so that a file means the same to every YAML
/// reader: `true`/`false` only (not `yes`/`no`), decimal numbers (digits may be grouped by `_`),
/// and `~`, `null` or nothing for an empty value. Quoted scalars are always text.
enum ScalarValue: Equatable {
  /// An empty value (`~`, `null`, or nothing after the colon).
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A decimal number; infinite when it is too large for a double (`1e400`).
  case number(Double)
  /// `.inf`, `-.inf` or `.nan`.
  case notFinite
  /// Anything else.
  case text(String)

  /// The meaning of a scalar node.
  static func of(_ scalar: Node.Scalar) -> ScalarValue {
    switch scalar.style {
    case .singleQuoted, .doubleQuoted, .literal, .folded:
      return .text(scalar.string)
    case .any, .plain:
      return plain(scalar.string)
    }
  }

  /// Whether a scalar node is an empty value (`~`, `null`, or nothing), without looking further.
  static func isNull(_ scalar: Node.Scalar) -> Bool {
    guard scalar.style == .plain || scalar.style == .any else { return false }
    switch scalar.string {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// The meaning of an unquoted scalar.
  static func plain(_ string: String) -> ScalarValue {
    switch string {
    case "", "~", "null", "Null", "NULL":
      return .null
    case "true", "True", "TRUE":
      return .bool(true)
    case "false", "False", "FALSE":
      return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
      return .notFinite
    default:
      break
    }
    if let digits = decimalNumber(string), let value = Double(digits) {
      return .number(value)
    }
    return .text(string)
  }

  /// `string` without its digit-group underscores when it is a decimal number
  /// (`[-+]? (digits [. digits?] | . digits) ([eE] [-+]? digits)?`), else `nil`.
  static func decimalNumber(_ string: String) -> String? {
    guard let first = string.utf8.first, string.utf8.count <= 400,
      first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        || (0x30...0x39).contains(first)
    else { return nil }
    var bytes = Array(string.utf8)
    var index = 0
    func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
    func digits() -> Int {
      let start = index
      while isDigit(index)
        || (index < bytes.count && bytes[index] == UInt8(ascii: "_") && index > start
          && isDigit(index + 1))
      {
        index += 1
      }
      return index - start
    }
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
    let whole = digits()
    var fraction = 0
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      fraction = digits()
    }
    guard whole > 0 || fraction > 0 else { return nil }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
        index += 1
      }
      guard digits() > 0 else { return nil }
    }
    guard index == bytes.count else { return nil }
    bytes.removeAll { $0 == UInt8(ascii: "_") }
    return String(decoding: bytes, as: UTF8.self)
  }
}
