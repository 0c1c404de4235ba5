/// Breaks label text into lines of at most a given number of characters, at spaces where it can.
enum LabelWrap {
  /// The lines of `text`, each at most `width` characters (longer words are cut).
  static func lines(_ text: String, width: Int) -> [String] {
    let width = max(width, 4)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      while word.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// Every line of `texts` wrapped.
  static func lines(_ texts: [String], width: Int) -> [String] { texts.flatMap { lines($0, width: width) } }
}
