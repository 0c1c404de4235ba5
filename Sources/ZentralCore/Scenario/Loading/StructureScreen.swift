/// A quick pass over YAML text, before the YAML parser runs, that refuses what a scenario never
/// needs and what makes parsing slow or unsafe: anchors and aliases (the "billion laughs" bomb),
/// tags, lists or mappings used as keys, and deep nesting.
///
/// It is a small lexer that knows comments, quoted text, block scalars and flow collections well
/// enough not to mistake their content for structure; it reports the first problem found.
final class StructureScreen {
  /// A refused construct and where it starts.
  struct Finding: Equatable {
    /// Line, from 1.
    var line: Int
    /// Column, from 1, in characters.
    var column: Int
    /// What is wrong, and what is expected.
    var message: String
  }

  /// The text; valid only while ``run()`` runs. It never holds a NUL byte (``TextInput`` refuses
  /// those), so NUL marks the end.
  private let bytes: UnsafeBufferPointer<UInt8>
  private let maximumDepth: Int
  private var pos = 0
  private var line = 1
  private var lineStart = 0
  private var flowDepth = 0
  private var blockIndents: [Int] = []
  /// Inside a block scalar (`|`, `>`): lines indented more than this belong to it.
  private var blockScalarParent: Int?
  /// After a plain value at the end of a line: lines indented more than this continue it.
  private var plainParent: Int?

  private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  /// The first refused construct in `text`, or `nil`.
  static func firstProblem(in text: String, maximumDepth: Int) -> Finding? {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      StructureScreen(bytes: bytes, maximumDepth: maximumDepth).run()
    }
  }

  // MARK: Characters

  private static let space: UInt8 = 0x20
  private static let tab: UInt8 = 0x09
  private static let newline: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D

  /// The byte at `index`, or 0 past the end.
  private func byte(at index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

  private func isBlank(_ byte: UInt8) -> Bool { byte == Self.space || byte == Self.tab }

  /// A line break, or the end of the text.
  private func isBreak(_ byte: UInt8) -> Bool {
    byte == Self.newline || byte == Self.carriageReturn || byte == 0
  }

  private func isBlankOrBreak(_ byte: UInt8) -> Bool { isBlank(byte) || isBreak(byte) }

  private func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
      || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ",")
  }

  private func character(_ byte: UInt8) -> Character { Character(Unicode.Scalar(byte)) }

  /// Consumes a line break at `pos` (LF, CR or CR LF) and starts the next line.
  private func consumeBreak() {
    if byte(at: pos) == Self.carriageReturn && byte(at: pos + 1) == Self.newline {
      pos += 1
    }
    pos += 1
    line += 1
    lineStart = pos
  }

  /// Moves to the start of the next line.
  private func skipLine() {
    while !isBreak(byte(at: pos)) { pos += 1 }
    if pos < bytes.count { consumeBreak() }
  }

  // MARK: Findings

  private func finding(at index: Int, _ message: String) -> Finding {
    let column = TextPlace.characters(in: Array(bytes[lineStart..<min(index, bytes.count)])[...]) + 1
    return Finding(line: line, column: column, message: message)
  }

  private func word(at index: Int) -> String {
    var end = index + 1
    while end < bytes.count, !isBlankOrBreak(bytes[end]), !isFlowIndicator(bytes[end]), end - index < 40 {
      end += 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
  }

  private func propertyFinding(at index: Int) -> Finding? {
    switch bytes[index] {
    case UInt8(ascii: "&"):
      return finding(
        at: index,
        "the YAML anchor '\(word(at: index))' is not supported; a scenario writes every value out "
          + "(put text that starts with '&' in quotes)")
    case UInt8(ascii: "*"):
      return finding(
        at: index,
        "the YAML alias '\(word(at: index))' is not supported; a scenario writes every value out "
          + "(put text that starts with '*' in quotes)")
    case UInt8(ascii: "!"):
      return finding(
        at: index,
        "the YAML tag '\(word(at: index))' is not supported; write plain values "
          + "(put text that starts with '!' in quotes)")
    default:
      return nil
    }
  }

  private func explicitKeyFinding(at index: Int) -> Finding {
    finding(
      at: index,
      "the explicit key indicator '?' is not supported; write 'key: value' with a plain key "
        + "(put text that starts with '?' in quotes)")
  }

  private func collectionKeyFinding(at index: Int) -> Finding {
    finding(
      at: index, "a list or mapping is used as a key; keys in a scenario are plain names such as 'fte'")
  }

  private func depthFinding(at index: Int) -> Finding {
    finding(
      at: index,
      "the values are nested more than \(maximumDepth) levels deep; a scenario needs about 8 levels")
  }

  // MARK: Block context

  private func run() -> Finding? {
    while pos < bytes.count {
      if let found = scanLine() { return found }
    }
    return nil
  }

  /// Scans one line in block context (and any flow collection or quoted text that starts on it).
  private func scanLine() -> Finding? {
    var first = pos
    while byte(at: first) == Self.space { first += 1 }
    let indent = first - pos
    while isBlank(byte(at: first)) { first += 1 }
    if isBreak(byte(at: first)) {
      pos = first
      if pos < bytes.count { consumeBreak() }
      return nil
    }
    if let parent = blockScalarParent {
      if indent > parent {
        skipLine()
        return nil
      }
      blockScalarParent = nil
    }
    if byte(at: first) == UInt8(ascii: "#") {
      skipLine()
      return nil
    }
    if let parent = plainParent {
      plainParent = nil
      if indent > parent {
        plainParent = parent
        skipLine()
        return nil
      }
    }
    if indent == 0 && byte(at: first) == UInt8(ascii: "%") {
      skipLine()
      return nil
    }
    if indent == 0, isDocumentMarker(at: first) {
      blockIndents = []
      first += 3
    }
    while let last = blockIndents.last, last > indent { blockIndents.removeLast() }
    pos = first
    return scanBlockTokens()
  }

  private func isDocumentMarker(at index: Int) -> Bool {
    guard index + 3 <= bytes.count else { return false }
    let marker = Array(bytes[index..<(index + 3)])
    guard marker == Array("---".utf8) || marker == Array("...".utf8) else { return false }
    return isBlankOrBreak(byte(at: index + 3))
  }

  /// Records a block collection starting at `index` when it is indented more than the enclosing one.
  private func openBlock(at index: Int) -> Finding? {
    let column = index - lineStart
    if blockIndents.last.map({ column > $0 }) ?? true {
      blockIndents.append(column)
      if blockIndents.count + flowDepth > maximumDepth { return depthFinding(at: index) }
    }
    return nil
  }

  /// Scans the tokens from `pos` to the end of the current line in block context.
  private func scanBlockTokens() -> Finding? {
    while true {
      while isBlank(byte(at: pos)) { pos += 1 }
      let current = byte(at: pos)
      guard !isBreak(current) else {
        if pos < bytes.count { consumeBreak() }
        return nil
      }
      let next = byte(at: pos + 1)
      switch current {
      case UInt8(ascii: "#"):
        skipLine()
        return nil
      case UInt8(ascii: "-") where isBlankOrBreak(next):
        if let found = openBlock(at: pos) { return found }
        pos += 1
      case UInt8(ascii: "?") where isBlankOrBreak(next):
        return explicitKeyFinding(at: pos)
      case UInt8(ascii: ":") where isBlankOrBreak(next):
        pos += 1
      case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
        return propertyFinding(at: pos)
      case UInt8(ascii: "|"), UInt8(ascii: ">"):
        blockScalarParent = blockIndents.last ?? -1
        skipLine()
        return nil
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let start = pos
        let startLine = line
        scanQuoted()
        var after = pos
        while isBlank(byte(at: after)) { after += 1 }
        if line == startLine, byte(at: after) == UInt8(ascii: ":"), isBlankOrBreak(byte(at: after + 1)) {
          if let found = openBlock(at: start) { return found }
          pos = after + 1
        }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        if let found = scanFlow() { return found }
        var after = pos
        while isBlank(byte(at: after)) { after += 1 }
        if byte(at: after) == UInt8(ascii: ":") { return collectionKeyFinding(at: after) }
      default:
        if let found = scanBlockPlain() { return found }
      }
    }
  }

  /// Scans a plain scalar in block context: it ends at `: `, at ` #` or at the end of the line.
  private func scanBlockPlain() -> Finding? {
    let start = pos
    let count = bytes.count
    var index = pos
    while index < count {
      let current = bytes[index]
      if current == Self.newline || current == Self.carriageReturn { break }
      if current == UInt8(ascii: ":") && isBlankOrBreak(byte(at: index + 1)) {
        pos = index
        if let found = openBlock(at: start) { return found }
        pos = index + 1
        return nil
      }
      if (current == Self.space || current == Self.tab) && byte(at: index + 1) == UInt8(ascii: "#") {
        pos = index
        plainParent = blockIndents.last ?? -1
        skipLine()
        return nil
      }
      index += 1
    }
    pos = index
    plainParent = blockIndents.last ?? -1
    return nil
  }

  /// Scans a quoted scalar starting at `pos`, across lines, to just after its closing quote.
  private func scanQuoted() {
    let quote = bytes[pos]
    pos += 1
    while pos < bytes.count {
      let current = bytes[pos]
      if isBreak(current) {
        consumeBreak()
        continue
      }
      if quote == UInt8(ascii: "'") && current == quote {
        if byte(at: pos + 1) == quote {
          pos += 2
          continue
        }
        pos += 1
        return
      }
      if quote == UInt8(ascii: "\"") {
        if current == UInt8(ascii: "\\") {
          pos += 1
          if isBreak(byte(at: pos)) {
            if pos < bytes.count { consumeBreak() }
          } else {
            pos += 1
          }
          continue
        }
        if current == quote {
          pos += 1
          return
        }
      }
      pos += 1
    }
  }

  // MARK: Flow context

  /// Scans a flow collection starting at `pos` to just after its closing bracket.
  private func scanFlow() -> Finding? {
    flowDepth = 1
    if blockIndents.count + flowDepth > maximumDepth { return depthFinding(at: pos) }
    pos += 1
    while flowDepth > 0 {
      guard pos < bytes.count else { return nil }
      let current = bytes[pos]
      if isBreak(current) {
        consumeBreak()
        continue
      }
      if isBlank(current) {
        pos += 1
        continue
      }
      let next = byte(at: pos + 1)
      switch current {
      case UInt8(ascii: "#"):
        while !isBreak(byte(at: pos)) { pos += 1 }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flowDepth += 1
        if blockIndents.count + flowDepth > maximumDepth { return depthFinding(at: pos) }
        pos += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        flowDepth -= 1
        pos += 1
        if flowDepth > 0 {
          var after = pos
          while isBlank(byte(at: after)) { after += 1 }
          if byte(at: after) == UInt8(ascii: ":") { return collectionKeyFinding(at: after) }
        }
      case UInt8(ascii: ","), UInt8(ascii: ":"):
        pos += 1
      case UInt8(ascii: "?") where isBlankOrBreak(next):
        return explicitKeyFinding(at: pos)
      case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
        return propertyFinding(at: pos)
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        scanQuoted()
      default:
        scanFlowPlain()
      }
    }
    return nil
  }

  /// Scans a plain scalar in flow context, which may run over several lines: it ends at a flow
  /// indicator, at `:` followed by a blank or a flow indicator, or at ` #`.
  private func scanFlowPlain() {
    while pos < bytes.count {
      let current = bytes[pos]
      if isFlowIndicator(current) { return }
      if current == UInt8(ascii: ":") {
        let next = byte(at: pos + 1)
        if isBlankOrBreak(next) || isFlowIndicator(next) { return }
      }
      if isBreak(current) {
        consumeBreak()
        if byte(at: pos) == UInt8(ascii: "#") { return }
        continue
      }
      if isBlank(current) && byte(at: pos + 1) == UInt8(ascii: "#") { return }
      pos += 1
    }
  }
}
