/// One sheet of a workbook: a name and a grid of values, with the little formatting zentral
/// writes (heading and note rows, column widths, number formats).
public struct Worksheet: Equatable, Sendable {
  /// How a row is shown when the sheet is written.
  public enum RowStyle: Equatable, Sendable {
    /// Bold on a light fill, wrapped: the column headings.
    case heading
    /// Italic grey, wrapped: explanations of the columns.
    case note
  }

  /// How the numbers of a column are shown when the sheet is written.
  public enum NumberFormat: Equatable, Sendable {
    /// Thousands grouped, no decimals (`1.234.567` in a German Excel): amounts of EUR.
    case whole
    /// Thousands grouped, two decimals (`12,50`): FTE.
    case twoDecimals
  }

  /// The sheet's name as its tab shows it (at most 31 characters in Excel).
  public var name: String
  /// The values, row by row from row 1; a row may be shorter than others.
  public var rows: [[CellValue]]
  /// Styles of rows by their index in ``rows`` (0 is row 1).
  public var rowStyles: [Int: RowStyle]
  /// Widths of columns by their index (0 is column A), in characters.
  public var columnWidths: [Int: Double]
  /// Number formats of columns by their index (0 is column A).
  public var numberFormats: [Int: NumberFormat]
  /// Rows at the top that stay in view when scrolling (0: none).
  public var frozenRows: Int
  /// Number formats of rows by their index in ``rows``, before those of columns (a sheet of
  /// figures with one figure per row).
  public var rowNumberFormats: [Int: NumberFormat] = [:]

  /// A sheet named `name` with `rows`.
  public init(
    name: String, rows: [[CellValue]] = [], rowStyles: [Int: RowStyle] = [:],
    columnWidths: [Int: Double] = [:],
    numberFormats: [Int: NumberFormat] = [:], frozenRows: Int = 0
  ) {
    self.name = name
    self.rows = rows
    self.rowStyles = rowStyles
    self.columnWidths = columnWidths
    self.numberFormats = numberFormats
    self.frozenRows = frozenRows
  }

  /// The value at `cell`; ``CellValue/empty`` outside the rows given.
  public subscript(cell: CellReference) -> CellValue {
    guard cell.row >= 1, cell.row <= rows.count else { return .empty }
    let row = rows[cell.row - 1]
    guard cell.column >= 1, cell.column <= row.count else { return .empty }
    return row[cell.column - 1]
  }

  /// The number of columns of the widest row.
  public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}
