/// Reads CSV text as Excel and LibreOffice write it: fields separated by `;` (German locale),
/// a tab, or `,` (when the header line has neither), fields in double quotes may hold separators,
/// line breaks and doubled quotes `""`; lines end in CRLF, LF or CR.
enum CSVParser {
  /// Parses `text` of the file `file` into a table; the first non-empty row is the header.
  static func parse(_ text: String, file: String) throws(ImportError) -> CSVTable {
    let scalars = Array(text.unicodeScalars)
    let separator = detectSeparator(scalars)
    var rows: [CSVTable.Row] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var rowLine = 1
    var index = 0
    var atFieldStart = true

    func endRow() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      if fields.contains(where: { !$0.trimmingWhitespace().isEmpty }) {
        rows.append(CSVTable.Row(line: rowLine, fields: fields))
      }
      fields = []
      atFieldStart = true
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if atFieldStart && scalar == "\"" {
        // A quoted field: runs to the next lone quote.
        let startLine = line
        index += 1
        var closed = false
        while index < scalars.count {
          let inner = scalars[index]
          if inner == "\"" {
            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
              field.append("\"")
              index += 2
              continue
            }
            closed = true
            index += 1
            break
          }
          if inner == "\r" || inner == "\n" {
            // A line break inside a field: CRLF, LF and CR all become LF.
            if inner == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            line += 1
            field.append("\n")
            index += 1
            continue
          }
          field.append(inner)
          index += 1
        }
        guard closed else {
          throw ImportError(diagnostics: [
            Diagnostic(
              file: file, line: startLine, column: fields.count + 1,
              message: "the quoted field in column \(CSVTable.columnLetter(fields.count)) is never closed; "
                + "a field that starts with \" ends with \" (write \"\" for a quote inside it)")
          ])
        }
        if index < scalars.count, scalars[index] != separator, scalars[index] != "\n", scalars[index] != "\r"
        {
          throw ImportError(diagnostics: [
            Diagnostic(
              file: file, line: line, column: fields.count + 1,
              message: "text follows the closing quote of the field in column "
                + "\(CSVTable.columnLetter(fields.count)); write \"\" for a quote inside a quoted field")
          ])
        }
        atFieldStart = false
        continue
      }
      switch scalar {
      case separator:
        fields.append(String(field))
        field = String.UnicodeScalarView()
        atFieldStart = true
      case "\r", "\n":
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
        endRow()
        line += 1
        rowLine = line
      default:
        field.append(scalar)
        atFieldStart = false
      }
      index += 1
    }
    if !field.isEmpty || !fields.isEmpty { endRow() }
    guard let header = rows.first else {
      throw ImportError(diagnostics: [
        Diagnostic(file: file, message: "has no rows; export the table with its header row as CSV")
      ])
    }
    return CSVTable(file: file, separator: separator, header: header, rows: Array(rows.dropFirst()))
  }

  /// The separator of the header line: `;` if it has one (outside quotes), else a tab, else `,`.
  static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
    var inQuotes = false
    var sawTab = false
    var sawContent = false
    for scalar in scalars {
      if scalar == "\"" { inQuotes.toggle() }
      if inQuotes { continue }
      if scalar == "\n" || scalar == "\r" {
        if sawContent { break }
        continue
      }
      sawContent = true
      if scalar == ";" { return ";" }
      if scalar == "\t" { sawTab = true }
    }
    return sawTab ? "\t" : ","
  }
}
