import Foundation
import Testing
import ZentralWorkbook

@Suite("XLSX reader")
struct XLSXReaderTests {
  @Test(
    "shared strings with rich text, inline strings, formulas' cached values, booleans, cells without references"
  )
  func cellKinds() throws {
    let strings = """
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">\
      <si><t>Stadt Köln</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">FB </t></r><r><t>20</t></r></si></sst>
      """
    let rows = """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>\
      <row r="3"><c r="A3"><v>4.5</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1</f><v>Stadt Köln</v></c></row>\
      <row><c><v>1E+05</v></c><c t="b"><v>0</v></c><c r="E4"/><c r="F4" t="e"><v>#DIV/0!</v></c></row>
      """
    let data = try RawArchive.workbook(sheet: RawArchive.sheet(rows), strings: strings)
    let sheet = try #require(XLSXReader.read(data: data, file: "a.xlsx").sheets.first)
    #expect(sheet.name == "Blatt1")
    #expect(sheet[CellReference("A1")!] == .text("Stadt Köln"))
    #expect(sheet[CellReference("B1")!] == .text("FB 20"))
    #expect(sheet[CellReference("C1")!] == .text("inline"))
    #expect(sheet[CellReference("A2")!] == .empty)
    #expect(sheet[CellReference("A3")!] == .number(4.5))
    #expect(sheet[CellReference("B3")!] == .bool(true))
    #expect(sheet[CellReference("C3")!] == .text("Stadt Köln"))
    #expect(sheet[CellReference("A4")!] == .number(100_000))
    #expect(sheet[CellReference("B4")!] == .bool(false))
    #expect(sheet[CellReference("E4")!] == .empty)
    #expect(sheet[CellReference("F4")!] == .text("#DIV/0!"))
  }

  static func refusal(_ data: Data, limits: WorkbookLimits = .standard) -> String {
    do {
      _ = try XLSXReader.read(data: data, file: "bad.xlsx", limits: limits)
      return "read"
    } catch {
      return error.description
    }
  }

  @Test("files that are no workbook are refused with a sentence naming the file")
  func notWorkbooks() throws {
    #expect(Self.refusal(Data()).hasPrefix("bad.xlsx: is empty"))
    #expect(
      Self.refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])).contains(
        "Excel 97-2003 workbook (.xls)"))
    #expect(
      Self.refusal(Data("ID;Name\nfb20;FB 20\n".utf8)).contains("import CSV files with --units and --tasks"))
    #expect(
      Self.refusal(Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 200))).contains(
        "damaged ZIP archive"))
    let noWorkbook = try RawArchive.zip([("hello.txt", Data("hi".utf8))])
    #expect(Self.refusal(noWorkbook).contains("has no xl/workbook.xml"))
  }

  @Test("a sheet the workbook names but the archive lacks is refused naming the sheet")
  func missingSheetPart() throws {
    let data = try RawArchive.zip([
      ("xl/workbook.xml", Data(RawArchive.workbookXML.utf8)),
      ("xl/_rels/workbook.xml.rels", Data(RawArchive.relationshipsXML.utf8)),
    ])
    #expect(
      Self.refusal(data)
        == "bad.xlsx: sheet 'Blatt1': the sheet's part xl/worksheets/sheet1.xml is missing from the archive; save the workbook again"
    )
  }

  @Test("a zip bomb is refused before it is unpacked: 64 MiB of zeros in a small file")
  func zipBomb() throws {
    let zeros = Data(count: 64 * 1_048_576)
    let bomb = try RawArchive.zip([
      ("xl/workbook.xml", Data(RawArchive.workbookXML.utf8)),
      ("xl/_rels/workbook.xml.rels", Data(RawArchive.relationshipsXML.utf8)),
      ("xl/worksheets/sheet1.xml", zeros),
    ])
    #expect(bomb.count < 1_048_576)
    let start = ContinuousClock.now
    let message = Self.refusal(bomb)
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect(message.contains("unpacks to"), "\(message)")
    #expect(message.contains("zip bomb"), "\(message)")
  }

  @Test("a part that declares 100 bytes but unpacks to 64 MiB is stopped while unpacking")
  func lyingSize() throws {
    var bomb = try RawArchive.zip([
      ("xl/workbook.xml", Data(RawArchive.workbookXML.utf8)),
      ("xl/_rels/workbook.xml.rels", Data(RawArchive.relationshipsXML.utf8)),
      ("xl/worksheets/sheet1.xml", Data(count: 64 * 1_048_576)),
    ])
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    func u16(_ at: Int) -> Int { Int(bomb[at]) | Int(bomb[at + 1]) << 8 }
    func set32(_ at: Int, _ value: UInt32) {
      for byte in 0..<4 { bomb[at + byte] = UInt8((value >> (8 * UInt32(byte))) & 0xFF) }
    }
    // The uncompressed size in the local header (offset 22) and the central directory (offset 24).
    for index in 0..<(bomb.count - 46) where bomb[index] == 0x50 && bomb[index + 1] == 0x4B {
      if bomb[index + 2] == 3, bomb[index + 3] == 4,
        Array(bomb[(index + 30)..<(index + 30 + u16(index + 26))]) == name
      {
        set32(index + 22, 100)
      }
      if bomb[index + 2] == 1, bomb[index + 3] == 2,
        Array(bomb[(index + 46)..<(index + 46 + u16(index + 28))]) == name
      {
        set32(index + 24, 100)
      }
    }
    let message = Self.refusal(bomb)
    #expect(message.contains("unpacks to more than 33554432 bytes"), "\(message)")
  }

  @Test("a sheet with an entity expansion bomb (\"billion laughs\") is refused fast")
  func billionLaughs() throws {
    var entities = "<!ENTITY l0 \"lol\">"
    for level in 1...9 {
      entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
    }
    let sheet = """
      <?xml version="1.0"?><!DOCTYPE worksheet [\(entities)]>\
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
      <row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>
      """
    let data = try RawArchive.workbook(sheet: sheet)
    let start = ContinuousClock.now
    let message = Self.refusal(data)
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect(message != "read", "\(message)")
  }

  @Test("a part that unpacks beyond the limit is stopped while unpacking")
  func partLimit() throws {
    var limits = WorkbookLimits.standard
    limits.partSize = 1_000
    let rows = (1...100).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
    let data = try RawArchive.workbook(sheet: RawArchive.sheet(rows))
    #expect(Self.refusal(data, limits: limits).contains("the part xl/worksheets/sheet1.xml unpacks to"))
  }

  @Test("too many entries, cells, rows or columns are refused with the limit")
  func sheetLimits() throws {
    var limits = WorkbookLimits.standard
    limits.entries = 3
    let many = try RawArchive.zip((1...5).map { ("f\($0).xml", Data("x".utf8)) })
    #expect(Self.refusal(many, limits: limits).contains("holds more than 3 files"))

    limits = .standard
    limits.cells = 10
    let cells = (1...11).map { "<c r=\"A\($0)\"><v>1</v></c>" }.joined()
    let wide = try RawArchive.workbook(sheet: RawArchive.sheet("<row r=\"1\">\(cells)</row>"))
    #expect(Self.refusal(wide, limits: limits).contains("has 11 cells, more than the 10"))

    let far = try RawArchive.workbook(
      sheet: RawArchive.sheet("<row r=\"100001\"><c r=\"A100001\"><v>1</v></c></row>"))
    #expect(
      Self.refusal(far)
        == "bad.xlsx: sheet 'Blatt1', cell A100001: has a value in row 100001; zentral reads at most 100000 rows of a sheet"
    )

    let right = try RawArchive.workbook(
      sheet: RawArchive.sheet("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>"))
    #expect(
      Self.refusal(right).contains("cell XFD1: has a value in column XFD; zentral reads at most 200 columns"))
  }

  @Test("broken cells are refused at their cell")
  func brokenCells() throws {
    let badString = try RawArchive.workbook(
      sheet: RawArchive.sheet("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>"))
    #expect(Self.refusal(badString).hasPrefix("bad.xlsx: sheet 'Blatt1', cell B2: refers to shared string 7"))
    let badNumber = try RawArchive.workbook(
      sheet: RawArchive.sheet("<row r=\"2\"><c r=\"C2\"><v>zwölf</v></c></row>"))
    #expect(Self.refusal(badNumber).hasPrefix("bad.xlsx: sheet 'Blatt1', cell C2: holds 'zwölf' as a number"))
    let badReference = try RawArchive.workbook(
      sheet: RawArchive.sheet("<row r=\"2\"><c r=\"2B\"><v>1</v></c></row>"))
    #expect(Self.refusal(badReference).contains("the cell reference '2B' is not valid"))
    for row in ["0", "-3", "x"] {
      let badRow = try RawArchive.workbook(sheet: RawArchive.sheet("<row r=\"\(row)\"><c><v>1</v></c></row>"))
      let message = Self.refusal(badRow)
      #expect(
        message == "bad.xlsx: sheet 'Blatt1': the row number '\(row)' is not valid; save the workbook again")
    }
    let notXML = try RawArchive.workbook(sheet: "<worksheet><sheetData><row>")
    #expect(Self.refusal(notXML).contains("is not valid SpreadsheetML"))
  }

  @Test("a path that is missing, a folder or too large is refused by name")
  func paths() throws {
    #expect(throws: WorkbookError.self) { try XLSXReader.read(path: "/nonexistent/vorlage.xlsx") }
    do {
      _ = try XLSXReader.read(path: NSTemporaryDirectory())
      Issue.record("a folder was read")
    } catch {
      #expect(error.message.contains("is a folder"))
    }
    var limits = WorkbookLimits.standard
    limits.fileSize = 10
    #expect(Self.refusal(Data(count: 11), limits: limits).contains("is larger than"))
  }
}
