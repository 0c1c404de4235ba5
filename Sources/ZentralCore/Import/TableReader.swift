/// Reads the cells of one CSV table by field, collecting a diagnostic for every problem: a missing
/// or doubled column, a value that is not a number or outside the range of the scenario format, a
/// word that is not yes or no. A problem in a cell has the column (`column E "VZÄ"`) as its path.
struct TableReader {
  /// The table read.
  let table: CSVTable
  /// Where each known field is: its index in the row.
  private(set) var columns: [ImportVocabulary.Field: Int] = [:]
  /// Problems found so far, in the order found.
  var diagnostics: [Diagnostic] = []

  /// Maps the header of `table` to the fields in `accepted`; a field in `required` that has no
  /// column is an error, a header that names no field is a warning (the column is ignored).
  init(
    table: CSVTable, accepted: [ImportVocabulary.Field: [String]], required: [ImportVocabulary.Field]
  ) {
    self.table = table
    for (index, header) in table.header.fields.enumerated() {
      let key = ImportVocabulary.normalise(header)
      let label = "column \(CSVTable.columnLetter(index)) \"\(header.trimmingWhitespace())\""
      if key.isEmpty {
        if table.rows.contains(where: { !$0.value(at: index).isEmpty }) {
          warning(line: table.header.line, column: index + 1, "\(label) has no header; it is ignored")
        }
        continue
      }
      guard let field = ImportVocabulary.Field.allCases.first(where: { accepted[$0]?.contains(key) ?? false })
      else {
        warning(line: table.header.line, column: index + 1, "\(label) is not a known column; it is ignored")
        continue
      }
      if let earlier = columns[field] {
        error(
          line: table.header.line, column: index + 1,
          "\(label) is a second column for \"\(ImportVocabulary.title(of: field))\" (the first is column "
            + "\(CSVTable.columnLetter(earlier))); keep one")
        continue
      }
      columns[field] = index
    }
    let missing = required.filter { columns[$0] == nil }
    if !missing.isEmpty {
      let names = missing.map { "\"\(ImportVocabulary.title(of: $0))\"" }.joined(separator: ", ")
      let found = table.header.fields.map { "\"\($0.trimmingWhitespace())\"" }.joined(separator: ", ")
      error(
        line: table.header.line, column: nil,
        "the header row has no column \(names); it has \(found) (separator '\(printable(table.separator))')")
    }
  }

  /// Whether the table has a column for `field`.
  func has(_ field: ImportVocabulary.Field) -> Bool { columns[field] != nil }

  /// The trimmed text of `field` in `row`; empty when the column or cell is empty.
  func text(_ row: CSVTable.Row, _ field: ImportVocabulary.Field) -> String {
    guard let index = columns[field] else { return "" }
    return row.value(at: index)
  }

  /// `column E "VZÄ"` for messages.
  func label(_ field: ImportVocabulary.Field) -> String {
    guard let index = columns[field] else { return "column \"\(ImportVocabulary.title(of: field))\"" }
    return "column \(CSVTable.columnLetter(index)) \"\(table.header.value(at: index))\""
  }

  /// Whether the table is written the German way (`;` or tab separators, decimal comma).
  var isGerman: Bool { table.separator != "," }

  /// The number in `field` of `row`, `nil` when the cell is empty or wrong (then a diagnostic
  /// says so, using `meaning` such as "the workload in FTE" and `example` such as 1.5, written as
  /// the file writes numbers). A number outside the range of `quantity` is wrong: the importer
  /// checks the ranges of the scenario format (``Quantity``) at the cell, so that the scenario it
  /// writes never fails validation for a range.
  mutating func number(
    _ row: CSVTable.Row, _ field: ImportVocabulary.Field, quantity: Quantity, meaning: String, example: Double
  ) -> Double? {
    let raw = text(row, field)
    guard !raw.isEmpty, has(field) else { return nil }
    let german = isGerman
    let example = LocaleNumber.written(example, germanFile: german)
    guard let value = LocaleNumber.parse(raw, germanFile: german) else {
      error(row, field, "\"\(raw)\" is not a number; write \(meaning), e.g. \(example)")
      return nil
    }
    switch quantity.violation(of: value) {
    case .negative:
      error(row, field, "\(raw) is negative; write \(meaning), 0 or more, e.g. \(example)")
    case .aboveHighest:
      error(
        row, field,
        "\(raw) is more than \(quantity.amount(quantity.highest, germanFile: german)), the most a scenario "
          + "accepts; write \(meaning), e.g. \(example)")
    case .belowLowest where quantity == .costPerFTE:
      error(
        row, field,
        "\(raw) reads as \(quantity.amount(value, germanFile: german)); a post costs "
          + "\(Quantity.typicalCost(germanFile: german)); write the full amount in EUR, e.g. \(example)")
    case .belowLowest:
      error(
        row, field,
        "\(raw) is more than 0 but less than \(quantity.amount(quantity.lowest, germanFile: german)), the least "
          + "a scenario accepts; write 0 or at least \(LocaleNumber.written(quantity.lowest, germanFile: german))"
      )
    case nil:
      return value == 0 ? 0 : value
    }
    return nil
  }

  /// The yes/no value in `field` of `row` (`false` when empty or wrong; wrong gives a diagnostic).
  mutating func flag(_ row: CSVTable.Row, _ field: ImportVocabulary.Field) -> Bool {
    let raw = text(row, field)
    guard has(field) else { return false }
    guard let value = ImportVocabulary.flag(raw) else {
      error(row, field, "\"\(raw)\" is neither yes nor no; write ja or nein (x or empty also work)")
      return false
    }
    return value
  }

  /// Records an error at `line` and field `column` (from 1).
  mutating func error(line: Int?, column: Int?, _ message: String) {
    diagnostics.append(Diagnostic(file: table.file, line: line, column: column, message: message))
  }

  /// Records a warning at `line` and field `column` (from 1).
  mutating func warning(line: Int?, column: Int?, _ message: String) {
    diagnostics.append(
      Diagnostic(file: table.file, line: line, column: column, message: message, severity: .warning))
  }

  /// Records an error in `field` of `row`: the diagnostic's path is the column (`column E "VZÄ"`).
  mutating func error(_ row: CSVTable.Row, _ field: ImportVocabulary.Field, _ message: String) {
    report(.error, row, field, message)
  }

  /// Records a warning in `field` of `row`.
  mutating func warning(_ row: CSVTable.Row, _ field: ImportVocabulary.Field, _ message: String) {
    report(.warning, row, field, message)
  }

  private mutating func report(
    _ severity: Diagnostic.Severity, _ row: CSVTable.Row, _ field: ImportVocabulary.Field, _ message: String
  ) {
    diagnostics.append(
      Diagnostic(
        file: table.file, line: row.line, column: columns[field].map { $0 + 1 }, path: label(field),
        message: message, severity: severity))
  }

  private func printable(_ separator: Unicode.Scalar) -> String {
    separator == "\t" ? "tab" : String(Character(separator))
  }
}
