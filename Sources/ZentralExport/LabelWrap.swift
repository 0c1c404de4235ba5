/// Breaks label text into lines of at most a given number of characters, at spaces where it can.
/// The marks around names (``Escape/name(_:)``) take no room.
enum LabelWrap {
  /// The lines of `text`, each at most `width` characters (longer words are cut).
  ///
  /// Works on arrays of characters so that cutting a long word is linear in its length
  /// (counting a `Substring` again for every cut made a name of a megabyte quadratic).
  static func lines(_ text: String, width: Int) -> [String] {
    let width = max(width, 4)
    var lines: [String] = []
    var current: [Character] = []
    var currentWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = Array(word)[...]
      var wordWidth = self.width(word)
      while wordWidth > width {
        if !current.isEmpty {
          lines.append(String(current))
          current = []
          currentWidth = 0
        }
        // The first `width` characters, with the marks that follow them.
        var end = word.startIndex
        var taken = 0
        while end < word.endIndex && (taken < width || isMark(word[end])) {
          if !isMark(word[end]) { taken += 1 }
          end += 1
        }
        lines.append(String(word[..<end]))
        word = word[end...]
        wordWidth -= taken
      }
      if current.isEmpty {
        current = Array(word)
        currentWidth = wordWidth
      } else if currentWidth + 1 + wordWidth <= width {
        current.append(" ")
        current += word
        currentWidth += 1 + wordWidth
      } else {
        lines.append(String(current))
        current = Array(word)
        currentWidth = wordWidth
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(String(current)) }
    return lines
  }

  /// Every line of `texts` wrapped.
  static func lines(_ texts: [String], width: Int) -> [String] { texts.flatMap { lines($0, width: width) } }

  /// The number of characters of `text` that take room (the marks around names do not).
  static func width(_ text: some Collection<Character>) -> Int {
    text.reduce(0) { $0 + (isMark($1) ? 0 : 1) }
  }

  private static let marks: Set<Character> = [Character(Escape.nameStart), Character(Escape.nameEnd)]

  private static func isMark(_ character: Character) -> Bool { marks.contains(character) }
}
