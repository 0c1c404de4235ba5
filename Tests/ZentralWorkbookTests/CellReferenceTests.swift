import Testing
import ZentralWorkbook

@Suite("Cell references")
struct CellReferenceTests {
  @Test("column letters and row numbers go both ways")
  func roundTrip() {
    for (text, row, column) in [
      ("A1", 1, 1), ("D7", 7, 4), ("Z9", 9, 26), ("AA10", 10, 27), ("XFD1048576", 1_048_576, 16_384),
    ] {
      #expect(CellReference(text) == CellReference(row: row, column: column))
      #expect(CellReference(row: row, column: column).description == text)
    }
  }

  @Test("text that names no cell gives nil")
  func invalid() {
    for text in ["", "A", "7", "A0", "1A", "XFE1", "A1048577", "A-1", "ÄB3", "A1B"] {
      #expect(CellReference(text) == nil, "\(text)")
    }
  }
}
