/// Lines of YAML text being written, without trailing blank lines.
struct YAMLLines {
  private var lines: [String] = []

  /// Appends one line.
  mutating func line(_ text: String) { lines.append(text) }

  /// Appends an empty line (unless the last line is empty already).
  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  /// The text, each line ending in a newline.
  var text: String { lines.map { $0 + "\n" }.joined() }
}
