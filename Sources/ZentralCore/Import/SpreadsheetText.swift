/// Turns the bytes of a spreadsheet export into text: UTF-8 with or without byte order mark,
/// UTF-16 with byte order mark (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" in a
/// German Windows), which is converted with a warning.
enum SpreadsheetText {
  /// The largest file accepted, in bytes (16 MiB: a spreadsheet of a hundred thousand rows).
  static let sizeLimit = 16 * 1_048_576

  /// The decoded text and what was converted on the way.
  struct Decoded: Equatable {
    var text: String
    var warnings: [ImportDiagnostic]
  }

  /// Decodes `bytes` of the file `file`.
  static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> Decoded {
    func refuse(_ message: String, line: Int? = nil) -> ImportError {
      ImportError(diagnostics: [ImportDiagnostic(file: file, line: line, message: message)])
    }
    if bytes.count > sizeLimit {
      throw refuse("is \(bytes.count / 1_048_576) MiB; a spreadsheet export is accepted up to 16 MiB")
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return Decoded(text: try utf16(bytes, file: file), warnings: [])
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      throw refuse("is empty; export the table with its header row as CSV")
    }
    if let nul = body.firstIndex(of: 0) {
      throw refuse(
        "is not a text file (it contains a zero byte); save the sheet as \"CSV UTF-8\" or \"CSV (Trennzeichen-getrennt)\"",
        line: lineNumber(of: nul, in: body))
    }
    guard let invalid = firstInvalidUTF8(body) else {
      return Decoded(text: String(decoding: body, as: UTF8.self), warnings: [])
    }
    var scalars = String.UnicodeScalarView()
    for (offset, byte) in body.enumerated() {
      guard let scalar = windows1252(byte) else {
        throw refuse(
          "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252 text; "
            + "save the sheet as \"CSV UTF-8\"",
          line: lineNumber(of: offset, in: body))
      }
      scalars.append(scalar)
    }
    let warning = ImportDiagnostic(
      file: file,
      message: "is not UTF-8 (first at line \(lineNumber(of: invalid, in: body))); read it as Windows-1252, "
        + "the encoding of Excel's \"CSV\" in a German Windows; check umlauts such as ä, ö, ü, ß",
      severity: .warning)
    return Decoded(text: String(scalars), warnings: [warning])
  }

  /// UTF-16 with a byte order mark.
  private static func utf16(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
    guard bytes.count % 2 == 0 else {
      throw ImportError(diagnostics: [
        ImportDiagnostic(file: file, message: "is cut off: UTF-16 text needs an even number of bytes")
      ])
    }
    let bigEndian = bytes[0] == 0xFE
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 - 1)
    var index = 2
    while index < bytes.count {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// The line (from 1) that holds the byte at `offset`.
  static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
  }

  /// The offset of the first byte that does not start a valid UTF-8 sequence, or `nil` when the
  /// bytes are valid UTF-8.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        secondRange = 0x80...0x9F
      case 0xF0:
        length = 4
        secondRange = 0x90...0xBF
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        secondRange = 0x80...0x8F
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      if length > 1 {
        guard secondRange.contains(bytes[index + 1]) else { return index }
        for next in (index + 2)..<(index + length) where !(0x80...0xBF).contains(bytes[next]) {
          return index
        }
      }
      index += length
    }
    return nil
  }

  /// The character of a Windows-1252 byte; `nil` for the five bytes the code page leaves undefined.
  static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
    guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    let table: [UInt32] = [
      0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
      0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
    let code = table[Int(byte - 0x80)]
    return code == 0 ? nil : Unicode.Scalar(code)
  }
}
