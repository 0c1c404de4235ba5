import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Cheap format checks on exporter output, each returning what is wrong (`nil`: nothing found).
public enum ExportChecks {
  /// A raw C0 control character other than tab, line feed and carriage return, or (unless
  /// `allowDelete`) DEL: no text format zentral writes may carry one (CSV cells, DOT and Mermaid
  /// labels, XML, Markdown). JSON may hold a raw DEL in a string (RFC 8259 escapes only C0).
  public static func rawControl(in text: String, allowDelete: Bool = false) -> String? {
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      let value = scalar.value
      if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (value == 0x7F && !allowDelete)
      {
        return "raw control character U+\(hex(value)) at scalar \(offset)"
      }
    }
    return nil
  }

  /// Whether `text` is one well-formed XML document (libxml2 through Foundation's XMLParser, which
  /// also refuses characters XML forbids, such as U+FFFE).
  public static func xmlProblem(in text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    parser.shouldResolveExternalEntities = false
    guard !parser.parse() || parser.parserError != nil else { return nil }
    let error = parser.parserError.map { "\($0)" } ?? "unknown error"
    return "not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(error)"
  }

  /// The SVG documents inside an HTML report (`<svg` ... `</svg>`), each to be checked as XML.
  public static func svgFragments(in html: String) -> [String] {
    var fragments: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      fragments.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return fragments
  }

  /// A line whose bidirectional embeddings, overrides or isolates are still open at its end: the
  /// text after a name would be shown reversed (issue 17's unclosed U+202E).
  public static func openBidi(in text: String) -> String? {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var embeddings = 0
      var isolates = 0
      for scalar in line.unicodeScalars {
        switch scalar.value {
        case 0x202A, 0x202B, 0x202D, 0x202E: embeddings += 1
        case 0x202C: embeddings = max(0, embeddings - 1)
        case 0x2066, 0x2067, 0x2068: isolates += 1
        case 0x2069: isolates = max(0, isolates - 1)
        default: break
        }
      }
      if embeddings > 0 || isolates > 0 {
        return "line \(number + 1) leaves \(embeddings) bidi embedding(s) and \(isolates) isolate(s) open"
      }
    }
    return nil
  }

  /// The records of an RFC 4180 CSV text (fields in double quotes may hold commas, quotes and line
  /// breaks), or `nil` when a quoted field is not closed. Records end in CRLF or LF.
  public static func csvRecords(in text: String) -> [[String]]? {
    let scalars = Array(text.unicodeScalars)
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      i += 1
      if quoted {
        if scalar != "\"" {
          field.unicodeScalars.append(scalar)
        } else if i < scalars.count && scalars[i] == "\"" {
          field.unicodeScalars.append("\"")
          i += 1
        } else {
          quoted = false
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r": break
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    guard !quoted else { return nil }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  /// DOT source whose quoted strings, HTML-like labels (`<...>`, nested angle brackets) or
  /// braces do not close.
  public static func dotProblem(in text: String) -> String? {
    var depth = 0
    var angles = 0
    var inString = false
    var escaped = false
    for scalar in text.unicodeScalars {
      if inString {
        if escaped {
          escaped = false
        } else if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          inString = false
        }
        continue
      }
      if angles > 0 {
        if scalar == "<" { angles += 1 } else if scalar == ">" { angles -= 1 }
        continue
      }
      switch scalar {
      case "\"": inString = true
      case "<": angles = 1
      case "{": depth += 1
      case "}":
        depth -= 1
        if depth < 0 { return "a '}' closes more braces than were opened" }
      default: break
      }
    }
    if inString { return "a quoted string is not closed" }
    if angles > 0 { return "an HTML-like label is not closed" }
    return depth == 0 ? nil : "\(depth) brace(s) not closed"
  }

  /// A Mermaid line holding `%%` other than the exporter's own comment line: Mermaid reads
  /// directives (`%%{...}%%`) anywhere in the text and `%%` starts a comment.
  public static func mermaidDirective(in text: String) -> String? {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains("%%") && !line.hasPrefix("  %% zentral org chart, view: ") {
      return "line \(number + 1) holds '%%': \(line.prefix(120))"
    }
    return nil
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
