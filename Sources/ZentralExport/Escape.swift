/// Escaping of user text (unit, task and family names from scenario files) for every output
/// language, so that a name such as `<script>alert(1)</script>` is shown as text and never runs.
///
/// Every function also cleans the text the same way before its own escapes:
/// - control characters (C0 other than those the format keeps, DEL, C1) and Unicode
///   non-characters (`U+FDD0`–`U+FDEF`, `U+FFFE`, `U+FFFF` and their kin in every plane) are
///   dropped;
/// - bidirectional embeddings, overrides and isolates (`U+202A`–`U+202E`, `U+2066`–`U+2069`) are
///   balanced: whatever a name opens is closed where the name ends, closers without an opener are
///   dropped, so an unclosed `U+202E` cannot reverse the figures after a name;
/// - the bidirectional marks `U+200E`, `U+200F` and `U+061C` are dropped, except in HTML, where
///   every name is isolated in `<bdi>` and keeps them.
///
/// Exporters mark where a name starts and ends with ``name(_:)``; HTML turns the marks into
/// `<bdi>` elements, the other formats drop them.
public enum Escape {
  /// Start of a name inside a longer text (a non-character, for internal use as Unicode intends).
  static let nameStart = Unicode.Scalar(UInt32(0xFDD0))!
  /// End of a name inside a longer text.
  static let nameEnd = Unicode.Scalar(UInt32(0xFDD1))!

  /// `text` marked as one user-supplied name: HTML isolates it in `<bdi>`, and every format
  /// closes the bidirectional controls it opened where it ends.
  static func name(_ text: String) -> String {
    if !text.unicodeScalars.contains(where: { $0 == nameStart || $0 == nameEnd }) {
      return String(nameStart) + text + String(nameEnd)
    }
    var marked = String(nameStart)
    marked.unicodeScalars += text.unicodeScalars.filter { $0 != nameStart && $0 != nameEnd }
    marked.unicodeScalars.append(nameEnd)
    return marked
  }

  /// Text for HTML content: `&`, `<`, `>`, `"` and `'` become entities, each name is isolated in
  /// `<bdi>`; tab and newline are kept, other control characters dropped.
  public static func html(_ text: String) -> String {
    clean(text, Rules(keep: ["\t", "\n"], isolation: ("<bdi>", "</bdi>"), keepsMarks: true, replace: entity))
  }

  /// Text for XML (SVG) content and attribute values, and for HTML attributes and `<title>`:
  /// like ``html(_:)`` without `<bdi>` (names are balanced instead).
  public static func xml(_ text: String) -> String {
    clean(text, Rules(keep: ["\t", "\n"], replace: entity))
  }

  /// Text inside a Graphviz HTML-like label (`label=<...>`): XML escaping, `\` doubled because
  /// Graphviz expands `\N`, `\G` ... in HTML-like labels too, and line breaks and tabs as spaces
  /// (a label breaks lines only at `<BR/>`; a raw line break would also split the DOT line in
  /// the middle of a name, with its bidirectional controls still open).
  public static func dotHTML(_ text: String) -> String {
    clean(text, Rules { scalar in scalar == "\\" ? "\\\\" : entity(scalar) ?? lineBreak(scalar) })
  }

  /// One line of a Graphviz label inside a double-quoted DOT string: `\` and `"` are escaped (so
  /// `\N`, `\G` and `\l` in a name stay text), `&` becomes `&amp;` (Graphviz reads HTML entities in
  /// labels), line breaks become spaces.
  public static func dot(_ text: String) -> String {
    clean(
      text,
      Rules { scalar in
        switch scalar {
        case "\\": "\\\\"
        case "\"": "\\\""
        case "&": "&amp;"
        default: lineBreak(scalar)
        }
      })
  }

  /// Text inside a quoted Mermaid label (`["..."]`): characters Mermaid or the HTML it renders
  /// would interpret become Mermaid entity codes (`#quot;`, `#35;`, `#60;` ...); `%` becomes
  /// `#37;`, so that no `%%` comment or `%%{init: ...}%%` directive can come from a name.
  public static func mermaid(_ text: String) -> String {
    clean(
      text,
      Rules { scalar in
        switch scalar {
        case "\"": "#quot;"
        case "#": "#35;"
        case "%": "#37;"
        case "&": "#38;"
        case "<": "#60;"
        case ">": "#62;"
        case "`": "#96;"
        case "\\": "#92;"
        case "|": "#124;"
        default: lineBreak(scalar)
        }
      })
  }

  /// One CSV field (RFC 4180): a text starting with `=`, `+`, `-` or `@` is prefixed with `'` so
  /// that spreadsheets do not read it as a formula; a field with a comma, the `separator` (`;` in
  /// CSV for a German Excel) or a quote is quoted, its quotes doubled. Line breaks and tabs become spaces (a field stays on its
  /// line, so that a bidirectional control in a name is closed on the line that opened it, as
  /// text viewers and `grep` see it); other control characters are dropped.
  public static func csv(_ text: String, neutralise: Bool = true, separator: Character = ",") -> String {
    var field = clean(text, Rules(replace: lineBreak))
    if neutralise, let first = field.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
      field = "'" + field
    }
    let needsQuotes = field.contains {
      $0 == "\"" || $0 == separator || $0 == "," || $0 == "\r" || $0 == "\n"
    }
    guard needsQuotes else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// Text for Markdown (also inside table cells): HTML special characters become entities,
  /// Markdown syntax characters are backslash-escaped, line breaks become spaces, and the second
  /// `%` of `%%` becomes `&#37;` (no Mermaid comment or directive in a page that embeds Mermaid).
  public static func markdown(_ text: String) -> String {
    clean(
      text,
      Rules { scalar in
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "$": "\\" + String(scalar)
        default: lineBreak(scalar)
        }
      }
    ).replacing("%%", with: "%&#37;")
  }

  /// A JSON string literal with its quotes: `"` and `\` escaped, tab and line breaks as `\t`,
  /// `\n`, `\r`, other control characters dropped; `/` and non-ASCII characters as they are.
  public static func json(_ text: String) -> String {
    "\""
      + clean(
        text,
        Rules(keep: ["\t", "\n", "\r"]) { scalar in
          switch scalar {
          case "\"": "\\\""
          case "\\": "\\\\"
          case "\t": "\\t"
          case "\n": "\\n"
          case "\r": "\\r"
          default: nil
          }
        }) + "\""
  }

  /// Text with nothing escaped, only cleaned (controls and non-characters dropped,
  /// bidirectional controls balanced, name marks removed).
  public static func plain(_ text: String) -> String {
    clean(text, Rules(keep: ["\t", "\n", "\r"]) { _ in nil })
  }

  // MARK: Cleaning

  /// How one format treats text besides its own escapes.
  private struct Rules {
    /// Control characters the format keeps as they are.
    var keep: Set<Unicode.Scalar> = []
    /// What a marked name becomes at its start and end (`nil`: nothing).
    var isolation: (start: String, end: String)?
    /// Whether the bidirectional marks stay (only where names are isolated).
    var keepsMarks = false
    /// The format's own escapes, by scalar.
    var replace: (Unicode.Scalar) -> String?
  }

  /// What a bidirectional control or a name mark opened.
  private enum Opened: Equatable {
    case name, embedding, isolate
  }

  private static func entity(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\"": "&quot;"
    case "'": "&#39;"
    default: nil
    }
  }

  /// A space for a line break or tab (formats whose text stays on one line).
  private static func lineBreak(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\n", "\r", "\t", "\u{2028}", "\u{2029}": " "
    default: nil
    }
  }

  /// Whether `scalar` is a C0 or C1 control character or DEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether `scalar` is one of Unicode's 66 non-characters.
  static func isNonCharacter(_ scalar: Unicode.Scalar) -> Bool {
    (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
  }

  /// `text` cleaned and escaped by `rules`, in one pass.
  private static func clean(_ text: String, _ rules: Rules) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var opened: [Opened] = []
    func close(_ item: Opened) {
      switch item {
      case .name: result += rules.isolation?.end ?? ""
      case .embedding: result.unicodeScalars.append("\u{202C}")
      case .isolate: result.unicodeScalars.append("\u{2069}")
      }
    }
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case nameStart.value:
        opened.append(.name)
        result += rules.isolation?.start ?? ""
      case nameEnd.value:
        // Closes what the name left open, then the name. Without a start (a name wrapped over
        // two lines of a label) everything opened so far belongs to the name.
        let start = opened.lastIndex(of: .name) ?? 0
        while opened.count > start { close(opened.removeLast()) }
      case 0x202A, 0x202B, 0x202D, 0x202E:
        opened.append(.embedding)
        result.unicodeScalars.append(scalar)
      case 0x2066...0x2068:
        opened.append(.isolate)
        result.unicodeScalars.append(scalar)
      case 0x202C:
        // Only an embedding or override opened in the same name and isolate can be closed.
        guard opened.last == .embedding else { continue }
        opened.removeLast()
        result.unicodeScalars.append(scalar)
      case 0x2069:
        guard let start = opened.lastIndex(of: .isolate), !opened[start...].contains(.name) else { continue }
        while opened.count > start { close(opened.removeLast()) }
      case 0x200E, 0x200F, 0x061C:
        if rules.keepsMarks { result.unicodeScalars.append(scalar) }
      default:
        if let replaced = rules.replace(scalar) {
          result += replaced
        } else if (isControl(scalar) && !rules.keep.contains(scalar)) || isNonCharacter(scalar) {
          continue
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    while let item = opened.popLast() { close(item) }
    return result
  }
}
