import Foundation

/// Checks the raw bytes of a scenario file before any parser sees them: size, emptiness,
/// encoding and binary content. Each refusal is one ``Diagnostic`` that says what the file is and
/// what is expected instead.
enum InputScreen {
  /// The text of `data` as UTF-8 (without a byte-order mark), or the one reason it is refused.
  static func text(of data: Data, file: String, sizeLimit: Int) throws(ScenarioError) -> String {
    func refuse(_ message: String, line: Int? = nil, column: Int? = nil) -> ScenarioError {
      ScenarioError(diagnostics: [Diagnostic(file: file, line: line, column: column, message: message)])
    }
    if data.count > sizeLimit {
      throw refuse(
        "the file has \(data.count) bytes, more than the limit of \(sizeLimit) bytes "
          + "(\(sizeLimit / 1_048_576) MiB); a scenario file is much smaller, so this is not a scenario")
    }
    var bytes = [UInt8](data)
    if bytes.isEmpty {
      throw refuse("the file is empty; a scenario starts with 'format: zentral/1'")
    }
    if let encoding = wideEncoding(of: bytes) {
      throw refuse(
        "the file is encoded as \(encoding); zentral reads UTF-8: save the file as UTF-8 (without BOM)")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
    }
    if let index = bytes.firstIndex(where: isControl) {
      let place = TextPlace(bytes: bytes, offset: index)
      let what =
        bytes[index] == 0 ? "a NUL byte" : String(format: "the control character 0x%02X", bytes[index])
      throw refuse(
        "the file contains \(what), so it is binary data, not text; "
          + "a scenario is a UTF-8 text file in YAML or JSON",
        line: place.line, column: place.column)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let index = firstInvalidUTF8(in: bytes) ?? 0
      let place = TextPlace(bytes: bytes, offset: index)
      let byte = bytes[index]
      let hex = String(format: "0x%02X", byte)
      if looksLikeSingleByteText(bytes), let character = windows1252(byte) {
        throw refuse(
          "the file is not UTF-8: byte \(hex) is '\(character)' in Windows-1252 (ANSI) or ISO-8859-1; "
            + "zentral reads UTF-8: save the file as UTF-8",
          line: place.line, column: place.column)
      }
      throw refuse(
        "the file is not UTF-8 text (byte \(hex) cannot occur in UTF-8); "
          + "a scenario is a UTF-8 text file in YAML or JSON",
        line: place.line, column: place.column)
    }
    return text
  }

  /// The name of a UTF-16 or UTF-32 encoding recognised by its byte-order mark or by the zero
  /// bytes of ASCII characters, or `nil`.
  static func wideEncoding(of bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
    // Without a byte-order mark: ASCII text in UTF-16 has a zero in every other byte.
    let sample = Array(bytes.prefix(64))
    guard sample.count >= 4 else { return nil }
    let pairs = sample.count / 2
    let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
    let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { sample[$0] == 0 }.count
    if oddZeros * 4 >= pairs * 3 && evenZeros == 0 { return "UTF-16 (little-endian)" }
    if evenZeros * 4 >= pairs * 3 && oddZeros == 0 { return "UTF-16 (big-endian)" }
    return nil
  }

  /// Control characters that no text file contains: C0 controls other than tab, line feed and
  /// carriage return, and DEL.
  static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return index
      }
      for step in 1..<length {
        guard index + step < bytes.count else { return index }
        let byte = bytes[index + step]
        let (low, high) = step == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
        if byte < low || byte > high { return index }
      }
      index += length
    }
    return nil
  }

  /// Whether text that is not UTF-8 reads like a single-byte code page: mostly ASCII, with the
  /// occasional accented letter.
  static func looksLikeSingleByteText(_ bytes: [UInt8]) -> Bool {
    let high = bytes.lazy.filter { $0 >= 0x80 }.count
    return high * 5 <= bytes.count
  }

  /// The character `byte` stands for in Windows-1252, for the bytes above ASCII.
  static func windows1252(_ byte: UInt8) -> Character? {
    let table: [UInt8: Character] = [
      0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x8A: "Š", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘",
      0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x99: "™", 0x9A: "š", 0x9C: "œ",
      0x9E: "ž", 0x9F: "Ÿ",
    ]
    if let character = table[byte] { return character }
    guard byte >= 0xA0, let scalar = Unicode.Scalar(UInt32(byte)) else { return nil }
    return Character(scalar)
  }
}
