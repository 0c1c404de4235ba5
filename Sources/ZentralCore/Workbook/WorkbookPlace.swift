/// Where a value of a scenario came from in a workbook: a sheet and a cell, or a whole row.
struct WorkbookPlace: Equatable, Sendable {
  /// The sheet's name as its tab shows it.
  var sheet: String
  /// The row, from 1.
  var row: Int
  /// The column, from 1; `nil` for a whole row.
  var column: Int?

  /// `Blatt Aufgaben, Zelle D7` (or `sheet Tasks, cell D7`); a whole row reads `Zeile 7` / `row 7`.
  func text(english: Bool) -> String {
    let sheetWord = english ? "sheet" : "Blatt"
    guard let column else { return "\(sheetWord) \(sheet), \(english ? "row" : "Zeile") \(row)" }
    let cell = CellName.of(row: row, column: column)
    return "\(sheetWord) \(sheet), \(english ? "cell" : "Zelle") \(cell)"
  }
}

/// Cell names (`D7`) without importing the workbook module into every file.
enum CellName {
  /// The name of the cell at `row` and `column` (both from 1).
  static func of(row: Int, column: Int) -> String {
    var name = ""
    var rest = max(column, 1)
    while rest > 0 {
      name = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + name
      rest = (rest - 1) / 26
    }
    return name + String(row)
  }
}
