/// A table read from a CSV file: the header row and the data rows, each with its line number.
struct CSVTable: Equatable {
  /// One row of the file.
  struct Row: Equatable {
    /// Line in the file where the row starts, from 1.
    var line: Int
    /// The fields, unquoted.
    var fields: [String]

    /// The field at `index` (from 0), trimmed; empty when the row is shorter.
    func value(at index: Int) -> String {
      index < fields.count ? fields[index].trimmingWhitespace() : ""
    }
  }

  /// The file name as the caller gave it.
  var file: String
  /// The field separator found in the header line: `;`, tab or `,`.
  var separator: Unicode.Scalar
  /// The header row.
  var header: Row
  /// The data rows, without rows whose fields are all empty.
  var rows: [Row]

  /// The spreadsheet letter of the column at `index` (from 0): A, B, ..., Z, AA, AB, ...
  static func columnLetter(_ index: Int) -> String {
    var number = index + 1
    var letters = ""
    while number > 0 {
      let remainder = (number - 1) % 26
      letters = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + letters
      number = (number - 1) / 26
    }
    return letters
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs, no-break spaces and line breaks.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else {
      return ""
    }
    return String(self[first...last])
  }
}
