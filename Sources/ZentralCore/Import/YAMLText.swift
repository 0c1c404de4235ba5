/// Small helpers to write YAML by hand: scalars quoted only where YAML would misread them, and
/// numbers without a trailing `.0`.
enum YAMLText {
  /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : quoted(text)
  }

  /// `text` in double quotes with YAML escapes.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
        result += "\\u" + hex(scalar.value, digits: 4)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\x" + hex(scalar.value, digits: 2)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A number: integers without decimals (`80000`), others in the shortest exact form (`4.5`).
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  /// Ids as a flow list: `[a, b]`.
  static func list(_ ids: [String]) -> String {
    "[" + ids.map(scalar).joined(separator: ", ") + "]"
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// Whether `text` may be written without quotes in block context and reads back as a string.
  private static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    if first.isWhitespace || last.isWhitespace || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`=~<".contains(first) || first.isNumber || first == "." || first == "+" {
      return false
    }
    if text.contains(": ") || text.contains(" #") { return false }
    if text.contains(where: { "[]{},\"'\\`".contains($0) }) { return false }
    if text.unicodeScalars.contains(where: {
      $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        || $0 == "\u{FEFF}"
    }) {
      return false
    }
    let reserved: Set<String> = [
      "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]
    return !reserved.contains(text.lowercased())
  }
}
