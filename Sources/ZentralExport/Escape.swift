/// Escaping of user text (unit, task and family names from scenario files) for every output
/// language, so that a name such as `<script>alert(1)</script>` is shown as text and never runs.
public enum Escape {
  /// Text for HTML and SVG/XML content and attribute values: `&`, `<`, `>`, `"` and `'` become
  /// entities; control characters other than tab and newline are dropped.
  public static func html(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
          continue
        }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Text inside a Graphviz HTML-like label (`label=<...>`): HTML escaping, and `\` doubled
  /// because Graphviz expands `\N`, `\G` ... in HTML-like labels too.
  public static func dotHTML(_ text: String) -> String {
    html(text).replacing("\\", with: "\\\\")
  }

  /// One line of a Graphviz label inside a double-quoted DOT string: `\` and `"` are escaped (so
  /// `\N`, `\G` and `\l` in a name stay text), `&` becomes `&amp;` (Graphviz reads HTML entities in
  /// labels), line breaks become spaces.
  public static func dot(_ text: String) -> String {
    singleLine(text) { scalar in
      switch scalar {
      case "\\": "\\\\"
      case "\"": "\\\""
      case "&": "&amp;"
      default: nil
      }
    }
  }

  /// Text inside a quoted Mermaid label (`["..."]`): characters Mermaid or the HTML it renders
  /// would interpret become Mermaid entity codes (`#quot;`, `#35;`, `#60;` ...).
  public static func mermaid(_ text: String) -> String {
    singleLine(text) { scalar in
      switch scalar {
      case "\"": "#quot;"
      case "#": "#35;"
      case "&": "#38;"
      case "<": "#60;"
      case ">": "#62;"
      case "`": "#96;"
      case "\\": "#92;"
      case "|": "#124;"
      default: nil
      }
    }
  }

  /// `text` on one line: each scalar that `replacement` maps is replaced, line breaks and tabs
  /// become spaces, other control characters are dropped (shared by the DOT and Mermaid rules).
  private static func singleLine(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        result += replaced
      } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
        result += " "
      } else if scalar.value >= 0x20 && scalar.value != 0x7F {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// One CSV field (RFC 4180): a text starting with `=`, `+`, `-`, `@`, tab or carriage return is
  /// prefixed with `'` so that spreadsheets do not read it as a formula; a field with a comma,
  /// quote or line break is quoted, its quotes doubled.
  public static func csv(_ text: String, neutralise: Bool = true) -> String {
    var field = text
    if neutralise, let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      field = "'" + field
    }
    let needsQuotes = field.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
    guard needsQuotes else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// Text for Markdown (also inside table cells): HTML special characters become entities,
  /// Markdown syntax characters are backslash-escaped, line breaks become spaces.
  public static func markdown(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "$":
        result += "\\"
        result.unicodeScalars.append(scalar)
      case "\n", "\r", "\t": result += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
