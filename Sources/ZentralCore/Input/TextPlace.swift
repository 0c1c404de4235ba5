import Yams

/// A place in a byte buffer as line and column (from 1; columns count UTF-8 characters).
struct TextPlace: Equatable {
  /// Line, from 1.
  var line: Int
  /// Column, from 1.
  var column: Int

  /// A place given by its line and column.
  init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The place a YAML parser mark points at.
  init(_ mark: Mark) {
    self.init(line: mark.line, column: mark.column)
  }

  /// The place of `offset` in `bytes`.
  init(bytes: [UInt8], offset: Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset && index < bytes.count {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    self.line = line
    self.column = TextPlace.characters(in: bytes[lineStart..<min(offset, bytes.count)]) + 1
  }

  /// The number of characters in UTF-8 `bytes` (bytes that are not continuation bytes).
  static func characters(in bytes: ArraySlice<UInt8>) -> Int {
    bytes.lazy.filter { $0 & 0xC0 != 0x80 }.count
  }
}
