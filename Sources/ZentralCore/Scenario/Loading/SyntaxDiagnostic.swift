import Yams

/// Turns the error of the YAML parser into one diagnostic that a planner understands, placed at
/// the line and column where the problem is (or where the unclosed quote or bracket starts).
enum SyntaxDiagnostic {
  /// The diagnostic for `error`, raised while parsing `text` from the file `file`.
  static func make(from error: any Error, text: String, file: String, isJSON: Bool) -> Diagnostic {
    let language = isJSON ? "JSON" : "YAML"
    guard let error = error as? YamlError else {
      return Diagnostic(file: file, message: "the \(language) text cannot be read: \(error)")
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let (place, message) = explain(problem: problem, context: context, mark: mark, text: text)
      return Diagnostic(
        file: file, line: place.line, column: place.column, message: "\(language) syntax error: \(message)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let first = TextPlace(context.mark)
      if duplicates.count == 1, let key = duplicates.first,
        let again = repetition(of: key, after: first, in: text)
      {
        return Diagnostic(
          file: file, line: again.line, column: again.column,
          message: "the key '\(NodeReader.shorten(key))' appears a second time in the same mapping "
            + "(first at line \(first.line)); give each key once")
      }
      let keys = duplicates.map { "'\(NodeReader.shorten($0))'" }.joined(separator: ", ")
      let verb = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
      return Diagnostic(
        file: file, line: first.line, column: first.column,
        message: "the \(verb) more than once in the same mapping; give each key once")
    case .reader(let problem, let offset, _, _):
      let place = offset.map { self.place(ofCharacter: $0, in: text) }
      return Diagnostic(
        file: file, line: place?.line, column: place?.column, message: "the text cannot be read: \(problem)")
    case .memory:
      return Diagnostic(file: file, message: "the \(language) text is too large to parse")
    default:
      return Diagnostic(file: file, message: "the \(language) text cannot be read: \(error)")
    }
  }

  /// The place to report and the message for one libyaml problem.
  private static func explain(
    problem: String, context: YamlError.Context?, mark yamlMark: Mark, text: String
  ) -> (place: TextPlace, message: String) {
    let contextText = context?.text ?? ""
    let mark = TextPlace(yamlMark)
    let contextMark = context.map { TextPlace($0.mark) }
    func opened(_ what: String) -> String {
      guard let context else { return "" }
      return " (\(what) opened at line \(context.mark.line), column \(context.mark.column))"
    }
    switch problem {
    case let tab where tab.contains("tab character"):
      return (mark, "a tab character indents this line; YAML indents with spaces, never tabs")
    case "found character that cannot start any token":
      let character = self.character(at: yamlMark, in: text)
      if character == "\t" {
        return (mark, "a tab character indents this line; YAML indents with spaces, never tabs")
      }
      let shown = character.map { "'\($0)'" } ?? "this character"
      return (mark, "\(shown) cannot start a value; put text that starts with \(shown) in quotes")
    case "mapping values are not allowed in this context":
      return (
        mark,
        "':' followed by a space is not allowed here; put text that contains ': ' in quotes, "
          + "or check the indentation of this line"
      )
    case "did not find expected key":
      return (
        mark,
        "this line does not line up with the keys above it; check its indentation, "
          + "or a quote or bracket left open before it"
      )
    case "did not find expected '-' indicator":
      return (mark, "expected a list entry '- ' at this indentation; check the indentation of this line")
    case "block sequence entries are not allowed in this context":
      return (
        mark, "a list entry '- ' is not allowed here; start the list on a new line, indented under its key"
      )
    case "did not find expected node content":
      return (mark, "a value is missing here; check this line and the one before it")
    case "did not find expected ',' or ']'":
      return (
        mark,
        "expected ',' or ']' here\(opened("a list '[' is")); close the list or separate its entries with ','"
      )
    case "did not find expected ',' or '}'":
      return (
        mark,
        "expected ',' or '}' here\(opened("a mapping '{' is")); close the mapping or separate its entries with ','"
      )
    case "could not find expected ':'":
      return (contextMark ?? mark, "a key is not followed by ':'; write each entry as 'key: value'")
    case "found unexpected end of stream" where contextText.contains("quoted scalar"):
      return (contextMark ?? mark, "this quoted text has no closing quote; add the closing quote")
    case "found unexpected end of stream":
      return (mark, "the file ends in the middle of a value; something is not closed")
    case "found unknown escape character":
      return (
        mark,
        "unknown escape after '\\' in double-quoted text; write '\\\\' for a backslash, or use single quotes"
      )
    case "but found another document":
      return (mark, "a second document starts here; a scenario file holds one YAML document")
    case let nesting where nesting.hasPrefix("Maximum nesting level"):
      return (mark, "the values are nested too deeply; a scenario needs about 8 levels")
    default:
      let place = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return (mark, "\(problem)\(place); check the indentation and quoting")
    }
  }

  /// The place where a block-mapping `key` that first stands at `first` is written again: the next
  /// line with `key:` at the same column (before a line indented less), or `nil`.
  private static func repetition(of key: String, after first: TextPlace, in text: String) -> TextPlace? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard first.line >= 1, first.line <= lines.count else { return nil }
    let indent = first.column - 1
    for number in first.line..<lines.count {
      let line = Array(lines[number].unicodeScalars)
      let leading = line.prefix { $0 == " " }.count
      if leading < indent && line.contains(where: { $0 != " " && $0 != "\r" }) { return nil }
      guard leading == indent else { continue }
      let rest = String(String.UnicodeScalarView(line[indent...]))
      if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
        return TextPlace(line: number + 1, column: first.column)
      }
    }
    return nil
  }

  /// The character at `mark` (line and column from 1, columns in Unicode scalars).
  private static func character(at mark: Mark, in text: String) -> Character? {
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if line == mark.line && column == mark.column { return Character(scalar) }
      if scalar == "\n" {
        line += 1
        column = 1
        if line > mark.line { return nil }
      } else {
        column += 1
      }
    }
    return nil
  }

  /// The place of the character at `offset` (in characters) in `text`.
  private static func place(ofCharacter offset: Int, in text: String) -> TextPlace {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return TextPlace(line: line, column: column)
  }
}
