public import Foundation
import XMLCoder
import ZIPFoundation

/// Writes a ``Workbook`` as an `.xlsx` file that Excel and LibreOffice open: ZIPFoundation
/// builds the archive, XMLCoder encodes the sheets (text as inline strings, numbers, booleans),
/// with bold headings, italic note rows, column widths, number formats and a frozen heading.
public enum XLSXWriter {
  /// The bytes of the `.xlsx` file of `workbook`.
  ///
  /// - Throws: ``WorkbookError`` naming `file` when a sheet name is not allowed or the archive
  ///   cannot be built.
  public static func data(_ workbook: Workbook, file: String) throws(WorkbookError) -> Data {
    var names = Set<String>()
    for sheet in workbook.sheets {
      let name = sheet.name
      if name.isEmpty || name.count > 31 || name.contains(where: { "[]:*?/\\".contains($0) }) {
        throw WorkbookError(
          file: file, sheet: name,
          message: "is not a sheet name Excel allows (1 to 31 characters, none of [ ] : * ? / \\)")
      }
      if !names.insert(Workbook.key(name)).inserted {
        throw WorkbookError(file: file, sheet: name, message: "is the name of two sheets")
      }
    }
    if workbook.sheets.isEmpty {
      throw WorkbookError(file: file, message: "a workbook needs one sheet at least")
    }
    var parts: [(String, Data)] = [
      ("[Content_Types].xml", Data(contentTypes(sheets: workbook.sheets.count).utf8)),
      ("_rels/.rels", Data(rootRelationships.utf8)),
    ]
    do {
      parts.append(("xl/workbook.xml", try workbookPart(workbook)))
      parts.append(("xl/_rels/workbook.xml.rels", try workbookRelationships(sheets: workbook.sheets.count)))
      parts.append(("xl/styles.xml", Data(styles.utf8)))
      for (index, sheet) in workbook.sheets.enumerated() {
        parts.append(("xl/worksheets/sheet\(index + 1).xml", try worksheetPart(sheet)))
      }
      let archive = try Archive(data: Data(), accessMode: .create)
      for (path, data) in parts {
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      guard let bytes = archive.data else {
        throw WorkbookError(file: file, message: "the archive could not be built in memory")
      }
      return bytes
    } catch let error as WorkbookError {
      throw error
    } catch {
      throw WorkbookError(file: file, message: "the workbook could not be built: \(error)")
    }
  }

  /// One date for every entry, so that the same workbook gives the same bytes.
  static let fixedDate = Date(timeIntervalSince1970: 1_735_689_600)

  static let header = XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes")

  static func encoder() -> XMLEncoder {
    let encoder = XMLEncoder()
    encoder.outputFormatting = []
    return encoder
  }

  static func workbookPart(_ workbook: Workbook) throws -> Data {
    let sheets = workbook.sheets.enumerated().map { index, sheet in
      SpreadsheetML.WorkbookOut.Sheet(name: sheet.name, sheetId: index + 1, relationship: "rId\(index + 1)")
    }
    return try encoder().encode(
      SpreadsheetML.WorkbookOut(sheets: .init(sheet: sheets)), withRootKey: "workbook", header: header)
  }

  static func workbookRelationships(sheets: Int) throws -> Data {
    var relationships = (1...sheets).map { index in
      SpreadsheetML.RelationshipsPart.Relationship(
        id: "rId\(index)",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
        target: "worksheets/sheet\(index).xml")
    }
    relationships.append(
      .init(
        id: "rId\(sheets + 1)",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        target: "styles.xml"))
    return try encoder().encode(
      SpreadsheetML.RelationshipsPart(relationship: relationships), withRootKey: "Relationships",
      rootAttributes: ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"],
      header: header)
  }

  /// Style indices of styles.xml's `cellXfs`.
  enum Style: Int {
    case plain = 0
    case heading = 1
    case note = 2
    case whole = 3
    case twoDecimals = 4
  }

  static func worksheetPart(_ sheet: Worksheet) throws -> Data {
    var rows: [SpreadsheetML.WorksheetOut.Row] = []
    for (index, values) in sheet.rows.enumerated() {
      var cells: [SpreadsheetML.WorksheetOut.Cell] = []
      for (column, value) in values.enumerated() {
        let reference = CellReference(row: index + 1, column: column + 1).description
        var style: Style = .plain
        switch sheet.rowStyles[index] {
        case .heading: style = .heading
        case .note: style = .note
        case nil:
          switch sheet.rowNumberFormats[index] ?? sheet.numberFormats[column] {
          case .whole: style = .whole
          case .twoDecimals: style = .twoDecimals
          case nil: style = .plain
          }
        }
        let s = style == .plain ? nil : style.rawValue
        switch value {
        case .empty:
          if style == .heading || style == .note {
            cells.append(.init(r: reference, s: s, t: nil, v: nil, inline: nil))
          }
        case .text(let text):
          cells.append(.init(r: reference, s: s, t: "inlineStr", v: nil, inline: .init(xmlSafe(text))))
        case .number(let number):
          cells.append(.init(r: reference, s: s, t: nil, v: CellValue.plain(number), inline: nil))
        case .bool(let flag):
          cells.append(.init(r: reference, s: s, t: "b", v: flag ? "1" : "0", inline: nil))
        }
      }
      let height = sheet.rowStyles[index] == nil ? nil : wrappedHeight(values, sheet)
      if !cells.isEmpty {
        rows.append(.init(r: index + 1, ht: height, customHeight: height == nil ? nil : 1, c: cells))
      }
    }
    let pane =
      sheet.frozenRows > 0
      ? SpreadsheetML.WorksheetOut.Pane(
        ySplit: sheet.frozenRows, topLeftCell: "A\(sheet.frozenRows + 1)", activePane: "bottomLeft",
        state: "frozen")
      : nil
    let columns = sheet.columnWidths.keys.sorted().map { index in
      SpreadsheetML.WorksheetOut.Column(
        min: index + 1, max: index + 1, width: sheet.columnWidths[index] ?? 10, customWidth: 1)
    }
    let part = SpreadsheetML.WorksheetOut(
      sheetViews: .init(sheetView: .init(workbookViewId: 0, pane: pane)),
      cols: columns.isEmpty ? nil : .init(col: columns), sheetData: .init(row: rows))
    return try encoder().encode(
      part, withRootKey: "worksheet", header: header)
  }

  /// `text` without the characters XML 1.0 does not allow (C0 controls other than tab, line feed
  /// and carriage return; U+FFFE and U+FFFF), cut to Excel's 32,767 characters per cell: a name
  /// with a stray control character must not make the whole workbook unreadable.
  static func xmlSafe(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { continue }
      if value == 0xFFFE || value == 0xFFFF { continue }
      scalars.append(scalar)
    }
    let clean = String(scalars)
    return clean.count > 32_767 ? String(clean.prefix(32_767)) : clean
  }

  /// The height in points of a heading or note row whose wrapped text needs more than one line
  /// in its columns (about 1.1 characters per unit of column width, 13 points per line), or `nil`.
  static func wrappedHeight(_ values: [CellValue], _ sheet: Worksheet) -> Double? {
    var lines = 1
    for (column, value) in values.enumerated() {
      let width = max(sheet.columnWidths[column] ?? 10, 4)
      let words = value.displayText.split(separator: " ")
      var line = 0.0
      var count = 1
      for word in words {
        let length = Double(word.count)
        if line > 0, line + 1 + length > width * 1.1 {
          count += 1
          line = length
        } else {
          line += (line > 0 ? 1 : 0) + length
        }
      }
      lines = max(lines, count)
    }
    return lines > 1 ? Double(lines) * 13 + 4 : nil
  }

  static func contentTypes(sheets: Int) -> String {
    let overrides = (1...max(sheets, 1)).map { index in
      "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      \(overrides.joined())</Types>
      """
  }

  static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="xl/workbook.xml"/></Relationships>
    """

  /// Fonts: normal, bold, italic grey. Fills: none, gray125 (both required), light blue.
  /// Cell formats in the order of ``Style``.
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>\
    <font><b/><sz val="11"/><name val="Calibri"/></font>\
    <font><i/><sz val="10"/><color rgb="FF555555"/><name val="Calibri"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">\
    <alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
    <alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
