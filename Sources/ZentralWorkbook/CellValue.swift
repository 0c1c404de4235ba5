/// The value of one cell of a worksheet: what a spreadsheet stores, without its formatting.
public enum CellValue: Equatable, Sendable {
  /// No value (a blank cell, or a cell beyond the used range).
  case empty
  /// Text, from the workbook's shared strings or an inline string.
  case text(String)
  /// A number (a date is a number of days too).
  case number(Double)
  /// `TRUE` or `FALSE` (Excel's WAHR and FALSCH).
  case bool(Bool)

  /// Whether the cell holds nothing, or only blanks.
  public var isBlank: Bool {
    switch self {
    case .empty: true
    case .text(let text): text.allSatisfy(\.isWhitespace)
    case .number, .bool: false
    }
  }

  /// The value as a person reads it in the cell, numbers without grouping (`1500`, `2.5`).
  public var displayText: String {
    switch self {
    case .empty: ""
    case .text(let text): text
    case .number(let number): CellValue.plain(number)
    case .bool(let flag): flag ? "TRUE" : "FALSE"
    }
  }

  /// A number as the XML of a workbook writes it: whole numbers without a decimal point, others
  /// with as many digits as they need (`82000`, `0.03`, `1e-05`).
  public static func plain(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return "\(number)"
  }
}
