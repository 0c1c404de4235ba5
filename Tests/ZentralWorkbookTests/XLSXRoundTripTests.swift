import Foundation
import Testing
import ZentralWorkbook

@Suite("XLSX writer and reader")
struct XLSXRoundTripTests {
  static let sample = Workbook(sheets: [
    Worksheet(
      name: "Einheiten",
      rows: [
        [.text("ID"), .text("Name"), .text("Kosten je VZÄ"), .text("zentral")],
        [.text("Erläuterung: Kennung"), .text("Text"), .text("EUR/Jahr"), .text("ja/nein")],
        [.text("fb20"), .text("FB 20 – Finanz & \"Steuern\" <alt>"), .number(80_000), .bool(false)],
        [.text(" führende Leerzeichen "), .empty, .number(0.03), .bool(true)],
        [],
        [.text("zgm"), .text("Zeile\nmit Umbruch"), .number(-1.5e-5), .empty],
      ],
      rowStyles: [0: .heading, 1: .note], columnWidths: [0: 14, 1: 40], numberFormats: [2: .whole],
      frozenRows: 2),
    Worksheet(name: "Leer"),
    Worksheet(name: "Zahlen", rows: [[.number(1), .number(2.5)], [.empty, .empty, .number(1e15)]]),
  ])

  @Test("a written workbook reads back with the same values")
  func roundTrip() throws {
    let data = try XLSXWriter.data(Self.sample, file: "probe.xlsx")
    let read = try XLSXReader.read(data: data, file: "probe.xlsx")
    #expect(read.sheets.map(\.name) == ["Einheiten", "Leer", "Zahlen"])
    let units = try #require(read.sheet(named: "einheiten"))
    #expect(units[CellReference(row: 3, column: 2)] == .text("FB 20 – Finanz & \"Steuern\" <alt>"))
    #expect(units[CellReference(row: 3, column: 3)] == .number(80_000))
    #expect(units[CellReference(row: 3, column: 4)] == .bool(false))
    #expect(units[CellReference(row: 4, column: 1)] == .text(" führende Leerzeichen "))
    #expect(units[CellReference(row: 4, column: 2)] == .empty)
    #expect(units[CellReference(row: 4, column: 3)] == .number(0.03))
    #expect(units[CellReference(row: 6, column: 2)] == .text("Zeile\nmit Umbruch"))
    #expect(units[CellReference(row: 6, column: 3)] == .number(-1.5e-5))
    let numbers = try #require(read.sheet(named: "Zahlen"))
    #expect(numbers[CellReference("C2")!] == .number(1e15))
    #expect(read.sheet(named: "Leer")?.rows.isEmpty == true)
  }

  @Test("characters XML does not allow are left out, so the workbook stays readable")
  func controlCharacters() throws {
    let sheet = Worksheet(
      name: "A", rows: [[.text("FB\u{0001} 20\u{FFFE}\u{001B}[31m"), .text("Zeile\tmit\r\nTab")]])
    let data = try XLSXWriter.data(Workbook(sheets: [sheet]), file: "c.xlsx")
    let read = try XLSXReader.read(data: data, file: "c.xlsx")
    #expect(read.sheets[0][CellReference("A1")!] == .text("FB 20[31m"))
    #expect(read.sheets[0][CellReference("B1")!] != .empty)
  }

  @Test("the same workbook gives the same bytes")
  func deterministic() throws {
    #expect(try XLSXWriter.data(Self.sample, file: "a.xlsx") == XLSXWriter.data(Self.sample, file: "b.xlsx"))
  }

  @Test("sheet names Excel refuses are refused with the name")
  func badSheetNames() {
    for name in ["", "a/b", String(repeating: "x", count: 32), "Was?"] {
      #expect(throws: WorkbookError.self) {
        try XLSXWriter.data(Workbook(sheets: [Worksheet(name: name)]), file: "x.xlsx")
      }
    }
    #expect(throws: WorkbookError.self) {
      try XLSXWriter.data(Workbook(sheets: [Worksheet(name: "A"), Worksheet(name: "a")]), file: "x.xlsx")
    }
  }
}
