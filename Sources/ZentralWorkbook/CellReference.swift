/// The place of a cell in a worksheet, as a spreadsheet names it: column letters and row number,
/// `D7`. Rows and columns count from 1.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
  /// The row, from 1.
  public var row: Int
  /// The column, from 1 (`A` is 1, `Z` 26, `AA` 27).
  public var column: Int

  /// The cell at `row` and `column`, both counted from 1.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// The cell named by `text` (`D7`, `aa12`), or `nil` when `text` names none. Columns go up to
  /// Excel's `XFD` (16,384), rows up to 1,048,576.
  public init?(_ text: String) {
    var letters = 0
    var column = 0
    var digits = ""
    for character in text {
      if let ascii = character.asciiValue, character.isLetter, digits.isEmpty {
        let upper = ascii & ~0x20
        guard upper >= 65, upper <= 90, letters < 3 else { return nil }
        column = column * 26 + Int(upper - 64)
        letters += 1
      } else if character.isASCII, character.isNumber, letters > 0, digits.count < 7 {
        digits.append(character)
      } else {
        return nil
      }
    }
    guard let row = Int(digits), row >= 1, row <= 1_048_576, column <= 16_384 else { return nil }
    self.init(row: row, column: column)
  }

  /// The letters of `column` (1 → `A`, 27 → `AA`).
  public static func columnName(_ column: Int) -> String {
    var name = ""
    var rest = max(column, 1)
    while rest > 0 {
      let digit = (rest - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      rest = (rest - 1) / 26
    }
    return name
  }

  /// The name of the cell, `D7`.
  public var description: String { CellReference.columnName(column) + String(row) }
}
