import Foundation
import Testing

@testable import ZentralCore

/// The one reader of input text files, shared by the scenario loader and the spreadsheet importer.
@Suite("Text input: size, encoding and binary data, for scenarios and spreadsheets alike")
struct TextInputTests {
  static let csv = "ID;Name;Art\r\nfb20;FB 20 – Finanzen;Fachbereich\r\n"

  /// `text` in UTF-32 little-endian with its byte-order mark.
  static func utf32(_ text: String) -> Data {
    var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
    for scalar in text.unicodeScalars {
      let value = scalar.value
      bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), 0]
    }
    return Data(bytes)
  }

  /// The refusal of `data` by `input`.
  static func refusal(_ input: TextInput, _ data: Data, file: String) -> Diagnostic? {
    do {
      _ = try input.decode(data, file: file)
      return nil
    } catch {
      return error
    }
  }

  @Test("UTF-32 with a byte-order mark is named, not read as UTF-16, by both kinds of file")
  func utf32Named() {
    // FF FE 00 00 starts like UTF-16's FF FE: the spreadsheet reader read such a file as UTF-16.
    #expect(
      Self.refusal(.spreadsheet, Self.utf32(Self.csv), file: "units.csv")?.description
        == "units.csv: the file is encoded as UTF-32 (little-endian); save the sheet as \"CSV UTF-8\"")
    #expect(
      Self.refusal(.scenario, Self.utf32("format: zentral/1\n"), file: "s.yaml")?.description
        == "s.yaml: the file is encoded as UTF-32 (little-endian); zentral reads UTF-8: save the file as UTF-8 "
        + "(without BOM)")
  }

  @Test("UTF-16 without a byte-order mark is named, not taken for binary data")
  func utf16WithoutMark() throws {
    let data = try #require(Self.csv.data(using: .utf16LittleEndian))
    #expect(
      Self.refusal(.spreadsheet, data, file: "units.csv")?.description
        == "units.csv: the file is encoded as UTF-16 (little-endian); save the sheet as \"CSV UTF-8\"")
  }

  @Test("a control character is binary data in a spreadsheet as in a scenario, placed at its line")
  func controlCharacters() {
    let data = Data("ID;Name;Art\nfb20;FB \u{1B}[31m20;Fachbereich\n".utf8)
    #expect(
      Self.refusal(.spreadsheet, data, file: "units.csv")?.description
        == "units.csv:2: the file contains the control character 0x1B, so it is binary data, not text; save the "
        + "sheet as \"CSV UTF-8\" or \"CSV (Trennzeichen-getrennt)\"")
    #expect(
      Self.refusal(.scenario, data, file: "s.yaml")?.description
        == "s.yaml:2:9: the file contains the control character 0x1B, so it is binary data, not text; a scenario "
        + "is a UTF-8 text file in YAML or JSON")
  }

  @Test("one Windows-1252 table: every defined byte is named in a scenario and converted in a spreadsheet")
  func windows1252Table() throws {
    // 0x83 is 'ƒ', 0x89 '‰' and 0x95 '•': the scenario loader's own table lacked them.
    for (byte, character) in [(UInt8(0x83), "ƒ"), (0x89, "‰"), (0x95, "•"), (0x80, "€")] {
      let data = Data(Array("name: Stadt ".utf8) + [byte] + Array("\n".utf8))
      #expect(
        Self.refusal(.scenario, data, file: "s.yaml")?.description
          == "s.yaml:1:13: the file is not UTF-8: byte \(String(format: "0x%02X", byte)) is '\(character)' in "
          + "Windows-1252 (ANSI) or ISO-8859-1; zentral reads UTF-8: save the file as UTF-8")
      let decoded = try TextInput.spreadsheet.decode(data, file: "units.csv")
      #expect(decoded.text == "name: Stadt \(character)\n")
      #expect(decoded.warnings.map(\.severity) == [.warning])
    }
  }

  @Test("a spreadsheet over the limit is refused with its size, in the words a scenario is refused with")
  func sizeLimit() {
    let data = Data(count: TextInput.spreadsheet.sizeLimit + 1)
    #expect(
      Self.refusal(.spreadsheet, data, file: "units.csv")?.description
        == "units.csv: the file has 16777217 bytes, more than the limit of 16777216 bytes (16 MiB); a table of "
        + "units or tasks is much smaller, so this is not one")
  }

  @Test("a directory is refused by both readers with what to give instead")
  func directory() {
    let path = FileManager.default.temporaryDirectory.path
    for (input, noun) in [
      (TextInput.scenario, "a scenario file (.yaml, .yml or .json)"), (.spreadsheet, "a CSV file"),
    ] {
      #expect(throws: Diagnostic(file: path, message: "is a directory; give the path of \(noun)")) {
        try input.read(path: path)
      }
    }
  }
}
