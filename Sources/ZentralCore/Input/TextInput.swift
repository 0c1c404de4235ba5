import Foundation

/// Reads an input text file, for the scenario loader and the spreadsheet importer alike: the file
/// from disk with a size limit that holds while reading (a device or a 4 GiB file is refused after
/// one byte more than the limit), then its bytes as text. UTF-8 with or without a byte-order mark
/// is read; UTF-16 and UTF-32 are recognised by their byte-order mark or by the zero bytes of
/// ASCII characters; control characters mean binary data; text that is not UTF-8 is named as
/// Windows-1252 (ANSI), or, where the kind of file allows it, read as Windows-1252 with a warning.
///
/// Each refusal is one ``Diagnostic`` that says what the file is and what is expected instead; the
/// words that differ between a scenario and a spreadsheet are the fields of a ``TextInput`` value
/// (``scenario`` and ``spreadsheet``).
struct TextInput: Sendable {
  /// The largest file accepted, in bytes.
  let sizeLimit: Int
  /// What a file of this kind is, after "give the path of": `a CSV file`.
  let noun: String
  /// Why a file over the limit is not one of this kind.
  let sizeAdvice: String
  /// What the file should hold instead of nothing.
  let emptyAdvice: String
  /// What such a text file is, after binary data was found.
  let textAdvice: String
  /// How to save the file when it is not UTF-8, or in UTF-16 or UTF-32 that is not read.
  let utf8Advice: String
  /// Whether UTF-16 with a byte-order mark is read (Excel's "Unicode text").
  let readsUTF16: Bool
  /// Whether text that is not UTF-8 is read as Windows-1252 with a warning, rather than refused.
  let readsWindows1252: Bool
  /// Whether a refusal gives the column of the byte (in characters) besides its line; spreadsheet
  /// diagnostics count fields, not characters, in their column, so they give the line only.
  let placesColumns: Bool

  /// Scenario files: YAML or JSON in UTF-8, at most ``ScenarioLoader/sizeLimit`` bytes.
  static let scenario = TextInput(
    sizeLimit: ScenarioLoader.sizeLimit,
    noun: "a scenario file (.yaml, .yml or .json)",
    sizeAdvice: "a scenario file is much smaller, so this is not a scenario",
    emptyAdvice: "a scenario starts with 'format: zentral/1'",
    textAdvice: "a scenario is a UTF-8 text file in YAML or JSON",
    utf8Advice: "zentral reads UTF-8: save the file as UTF-8",
    readsUTF16: false, readsWindows1252: false, placesColumns: true)

  /// Spreadsheet exports for `zentral import`: CSV in UTF-8, UTF-16 with a byte-order mark or
  /// Windows-1252, at most 16 MiB (a table of more than a million rows).
  static let spreadsheet = TextInput(
    sizeLimit: 16 * 1_048_576,
    noun: "a CSV file",
    sizeAdvice: "a table of units or tasks is much smaller, so this is not one",
    emptyAdvice: "export the table with its header row as CSV",
    textAdvice: "save the sheet as \"CSV UTF-8\" or \"CSV (Trennzeichen-getrennt)\"",
    utf8Advice: "save the sheet as \"CSV UTF-8\"",
    readsUTF16: true, readsWindows1252: true, placesColumns: false)

  /// Text read from a file, and what was converted on the way.
  struct Decoded: Equatable {
    /// The text, without a byte-order mark.
    var text: String
    /// Warnings about conversions (a file read as Windows-1252).
    var warnings: [Diagnostic]
  }

  // MARK: Reading

  /// The bytes of the file at `path`: at most one byte more than ``sizeLimit``, enough for
  /// ``decode(_:file:)`` to refuse a larger file (or a device) without reading all of it.
  func read(path: String) throws(Diagnostic) -> Data {
    func refuse(_ message: String) -> Diagnostic { Diagnostic(file: path, message: message) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw refuse("cannot be read: there is no such file")
    }
    if isDirectory.boolValue {
      throw refuse("is a directory; give the path of \(noun)")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw refuse("cannot be read: permission denied")
    }
    defer { try? handle.close() }
    do {
      var data = Data()
      while data.count <= sizeLimit {
        guard let chunk = try handle.read(upToCount: sizeLimit + 1 - data.count), !chunk.isEmpty else {
          break
        }
        data.append(chunk)
      }
      return data
    } catch {
      throw refuse("cannot be read: \(error.localizedDescription)")
    }
  }

  /// The text of `data`, the bytes of the file named `file`, or the one reason it is refused.
  func decode(_ data: Data, file: String) throws(Diagnostic) -> Decoded {
    func refuse(_ message: String, at offset: Int? = nil, in bytes: [UInt8] = []) -> Diagnostic {
      let place = offset.map { TextPlace(bytes: bytes, offset: $0) }
      return Diagnostic(
        file: file, line: place?.line, column: placesColumns ? place?.column : nil, message: message)
    }
    if data.count > sizeLimit {
      throw refuse(
        "the file has \(data.count) bytes, more than the limit of \(sizeLimit) bytes "
          + "(\(sizeLimit / 1_048_576) MiB); \(sizeAdvice)")
    }
    var bytes = [UInt8](data)
    if bytes.isEmpty {
      throw refuse("the file is empty; \(emptyAdvice)")
    }
    if let encoding = Self.wideEncoding(of: bytes) {
      guard readsUTF16, encoding.hasPrefix("UTF-16"),
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      else {
        let bom = readsUTF16 ? "" : " (without BOM)"
        throw refuse("the file is encoded as \(encoding); \(utf8Advice)\(bom)")
      }
      guard bytes.count % 2 == 0 else {
        throw refuse("the file is cut off: UTF-16 text needs an even number of bytes")
      }
      // Re-encoded as UTF-8, the text goes through the same checks as a UTF-8 file.
      bytes = Array(Self.utf16(bytes).utf8)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
    }
    if let index = bytes.firstIndex(where: Self.isControl) {
      let what =
        bytes[index] == 0 ? "a NUL byte" : String(format: "the control character 0x%02X", bytes[index])
      throw refuse(
        "the file contains \(what), so it is binary data, not text; \(textAdvice)", at: index, in: bytes)
    }
    guard let invalid = Self.firstInvalidUTF8(in: bytes) else {
      return Decoded(text: String(decoding: bytes, as: UTF8.self), warnings: [])
    }
    let hex = String(format: "0x%02X", bytes[invalid])
    guard readsWindows1252 else {
      if Self.looksLikeSingleByteText(bytes), let scalar = Self.windows1252(bytes[invalid]) {
        throw refuse(
          "the file is not UTF-8: byte \(hex) is '\(Character(scalar))' in Windows-1252 (ANSI) or ISO-8859-1; "
            + utf8Advice,
          at: invalid, in: bytes)
      }
      throw refuse(
        "the file is not UTF-8 text (byte \(hex) cannot occur in UTF-8); \(textAdvice)", at: invalid,
        in: bytes)
    }
    var scalars = String.UnicodeScalarView()
    for (offset, byte) in bytes.enumerated() {
      guard let scalar = Self.windows1252(byte) else {
        throw refuse(
          "byte \(String(format: "0x%02X", byte)) is neither UTF-8 nor Windows-1252 text; \(utf8Advice)",
          at: offset, in: bytes)
      }
      scalars.append(scalar)
    }
    let warning = Diagnostic(
      file: file,
      message: "the file is not UTF-8 (first at line \(TextPlace(bytes: bytes, offset: invalid).line)); "
        + "read it as Windows-1252, the encoding of Excel's \"CSV\" in a German Windows; check umlauts "
        + "such as ä, ö, ü, ß",
      severity: .warning)
    return Decoded(text: String(scalars), warnings: [warning])
  }

  // MARK: Encodings

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

  /// The text of UTF-16 `bytes` that start with a byte-order mark (an even number of bytes).
  static func utf16(_ bytes: [UInt8]) -> String {
    let bigEndian = bytes[0] == 0xFE
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 - 1)
    var index = 2
    while index + 1 < bytes.count {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// Control characters that no text file contains: C0 controls other than tab, line feed and
  /// carriage return, and DEL.
  static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or `nil`
  /// when all of `bytes` is UTF-8.
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

  /// The character a byte stands for in Windows-1252; `nil` for the five bytes the code page leaves
  /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
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
