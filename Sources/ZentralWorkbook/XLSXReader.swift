public import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the values of an `.xlsx` workbook (Office Open XML, as Excel and LibreOffice write it):
/// every sheet's cells as text, numbers and booleans, from shared strings, inline strings and
/// cached formula results.
///
/// The file is a ZIP archive; ZIPFoundation opens it and XMLCoder decodes its XML parts. Hostile
/// files are refused with a sentence that names the file and the limit (``WorkbookLimits``): a
/// file too large, an archive that unpacks to more than it may (checked on the declared sizes
/// and again while unpacking), too many entries, sheets with too many rows, columns or cells, an
/// old binary `.xls` file, text or anything that is not a ZIP archive.
public enum XLSXReader {
  /// Reads the workbook at `path`; errors name it as given.
  ///
  /// - Throws: ``WorkbookError`` naming the file, and the sheet and cell where there is one.
  public static func read(path: String, limits: WorkbookLimits = .standard) throws(WorkbookError) -> Workbook
  {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw WorkbookError(file: path, message: "does not exist; give the path of the .xlsx workbook")
    }
    if isDirectory.boolValue {
      throw WorkbookError(file: path, message: "is a folder; give the path of the .xlsx workbook")
    }
    let data: Data
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      data = try handle.read(upToCount: limits.fileSize + 1) ?? Data()
    } catch {
      throw WorkbookError(file: path, message: "cannot be read: \((error as NSError).localizedDescription)")
    }
    return try read(data: data, file: path, limits: limits)
  }

  /// Reads the workbook in `data`; errors name it `file`.
  ///
  /// - Throws: ``WorkbookError`` naming `file`, and the sheet and cell where there is one.
  public static func read(
    data: Data, file: String, limits: WorkbookLimits = .standard
  ) throws(WorkbookError)
    -> Workbook
  {
    var reader = PartReader(file: file, limits: limits)
    try reader.open(data)
    let sheets = try reader.sheetList()
    let strings = try reader.sharedStrings()
    var result: [Worksheet] = []
    for sheet in sheets {
      result.append(try reader.worksheet(name: sheet.name, path: sheet.path, strings: strings))
    }
    return Workbook(sheets: result)
  }
}

/// Reads the parts of one archive within the limits, counting what has been unpacked.
private struct PartReader {
  let file: String
  let limits: WorkbookLimits
  var archive: Archive?
  var unpacked = 0

  init(file: String, limits: WorkbookLimits) {
    self.file = file
    self.limits = limits
  }

  func fail(_ message: String, sheet: String? = nil, cell: CellReference? = nil) -> WorkbookError {
    WorkbookError(file: file, sheet: sheet, cell: cell, message: message)
  }

  mutating func open(_ data: Data) throws(WorkbookError) {
    if data.count > limits.fileSize {
      throw fail(
        "is larger than \(limits.fileSize / 1_048_576) MiB, the largest workbook zentral reads; "
          + "a city's scenario fills well under 1 MiB")
    }
    if data.isEmpty { throw fail("is empty; save the workbook again in Excel or LibreOffice as .xlsx") }
    let bytes = [UInt8](data.prefix(8))
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw fail(
        "is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx) and import that")
    }
    guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
      throw fail(
        "is not an .xlsx workbook (an .xlsx file is a ZIP archive); save the sheets as an Excel "
          + "workbook (.xlsx), or import CSV files with --units and --tasks")
    }
    let opened: Archive
    do {
      opened = try Archive(data: data, accessMode: .read)
    } catch {
      throw fail("is a damaged ZIP archive, not a readable .xlsx workbook; save it again as .xlsx")
    }
    var count = 0
    var declared: UInt64 = 0
    for entry in opened {
      count += 1
      declared &+= entry.uncompressedSize
      if count > limits.entries {
        throw fail("holds more than \(limits.entries) files; an .xlsx workbook of a scenario holds about 10")
      }
    }
    if declared > UInt64(limits.totalSize) * 16 {
      throw fail(
        "unpacks to \(declared) bytes, far more than a workbook of \(data.count) bytes can hold "
          + "honestly (a \"zip bomb\"); it is not read")
    }
    archive = opened
  }

  /// The raw bytes of the part at `path`, or `nil` when the archive has none.
  mutating func part(_ path: String) throws(WorkbookError) -> Data? {
    guard let archive else { return nil }
    let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
    guard let entry = archive[name] else { return nil }
    let limit = min(limits.partSize, limits.totalSize - unpacked)
    if entry.uncompressedSize > UInt64(limit) {
      throw tooLarge(name, size: "\(entry.uncompressedSize) bytes")
    }
    var data = Data()
    var exceeded = false
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        if data.count > limit {
          exceeded = true
          throw CocoaError(.fileReadTooLarge)
        }
      }
    } catch {
      if exceeded { throw tooLarge(name, size: "more than \(limit) bytes") }
      throw fail("the part \(name) of the archive is damaged; save the workbook again as .xlsx")
    }
    unpacked += data.count
    return data
  }

  func tooLarge(_ name: String, size: String) -> WorkbookError {
    fail(
      "the part \(name) unpacks to \(size), more than the \(limits.partSize / 1_048_576) MiB per part and "
        + "\(limits.totalSize / 1_048_576) MiB in all that zentral reads (a \"zip bomb\" or a sheet far "
        + "larger than a scenario); it is not read")
  }

  func decoder() -> XMLDecoder {
    let decoder = XMLDecoder()
    decoder.shouldProcessNamespaces = true
    decoder.trimValueWhitespaces = false
    decoder.removeWhitespaceElements = true
    return decoder
  }

  func decode<T: Decodable>(_ type: T.Type, _ data: Data, part: String) throws(WorkbookError) -> T {
    do {
      return try decoder().decode(type, from: data)
    } catch {
      throw fail("the part \(part) is not valid SpreadsheetML; save the workbook again as .xlsx")
    }
  }

  /// The sheets in tab order with the path of their part.
  mutating func sheetList() throws(WorkbookError) -> [(name: String, path: String)] {
    guard let workbookData = try part("xl/workbook.xml") else {
      throw fail("has no xl/workbook.xml, so it is a ZIP archive but not an .xlsx workbook")
    }
    let workbook = try decode(SpreadsheetML.WorkbookPart.self, workbookData, part: "xl/workbook.xml")
    var targets: [String: String] = [:]
    if let relsData = try part("xl/_rels/workbook.xml.rels") {
      let rels = try decode(
        SpreadsheetML.RelationshipsPart.self, relsData, part: "xl/_rels/workbook.xml.rels")
      for relationship in rels.relationship ?? [] {
        let target = relationship.target
        targets[relationship.id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      }
    }
    let sheets = workbook.sheets?.sheet ?? []
    if sheets.isEmpty { throw fail("has no sheets") }
    return sheets.enumerated().map { index, sheet in
      let relationship = sheet.relationship ?? sheet.id ?? ""
      return (sheet.name, targets[relationship] ?? "xl/worksheets/sheet\(index + 1).xml")
    }
  }

  mutating func sharedStrings() throws(WorkbookError) -> [String] {
    guard let data = try part("xl/sharedStrings.xml") else { return [] }
    let strings = try decode(SpreadsheetML.SharedStringsPart.self, data, part: "xl/sharedStrings.xml")
    return (strings.si ?? []).map(\.text)
  }

  mutating func worksheet(name: String, path: String, strings: [String]) throws(WorkbookError) -> Worksheet {
    guard let data = try part(path) else {
      throw fail("the sheet's part \(path) is missing from the archive; save the workbook again", sheet: name)
    }
    // Count the cells before decoding, so that a sheet of millions of cells is refused at once.
    let cells = Self.count(of: Array("<c ".utf8), in: data) + Self.count(of: Array("<c>".utf8), in: data)
    if cells > limits.cells {
      throw fail(
        "has \(cells) cells, more than the \(limits.cells) zentral reads from one sheet", sheet: name)
    }
    let decoded = try decode(SpreadsheetML.WorksheetPart.self, data, part: path)
    var rows: [[CellValue]] = []
    var rowNumber = 0
    for row in decoded.sheetData?.row ?? [] {
      if let written = row.r {
        guard let number = Int(written.trimmingCharacters(in: .whitespaces)), number >= 1 else {
          throw fail("the row number '\(written)' is not valid; save the workbook again", sheet: name)
        }
        rowNumber = number
      } else {
        rowNumber += 1
      }
      var column = 0
      for cell in row.c ?? [] {
        var place = CellReference(row: rowNumber, column: column + 1)
        if let reference = cell.r {
          guard let parsed = CellReference(reference) else {
            throw fail("the cell reference '\(reference)' is not valid; save the workbook again", sheet: name)
          }
          place = parsed
        }
        column = place.column
        let value = try value(of: cell, strings: strings, sheet: name, place: place)
        if value == .empty { continue }
        if place.row > limits.rows {
          throw fail(
            "has a value in row \(place.row); zentral reads at most \(limits.rows) rows of a sheet",
            sheet: name, cell: place)
        }
        if place.column > limits.columns {
          throw fail(
            "has a value in column \(CellReference.columnName(place.column)); zentral reads at most "
              + "\(limits.columns) columns (up to \(CellReference.columnName(limits.columns)))",
            sheet: name, cell: place)
        }
        while rows.count < place.row { rows.append([]) }
        while rows[place.row - 1].count < place.column { rows[place.row - 1].append(.empty) }
        rows[place.row - 1][place.column - 1] = value
      }
    }
    return Worksheet(name: name, rows: rows)
  }

  func value(
    of cell: SpreadsheetML.WorksheetPart.Cell, strings: [String], sheet: String, place: CellReference
  ) throws(WorkbookError) -> CellValue {
    let raw = cell.v?.value
    switch cell.t ?? "n" {
    case "s":
      guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)),
        strings.indices.contains(index)
      else {
        throw fail(
          "refers to shared string \(raw ?? "(none)"), which the workbook does not have; save it again",
          sheet: sheet, cell: place)
      }
      return .text(strings[index])
    case "inlineStr": return cell.inline.map { .text($0.text) } ?? .empty
    case "str": return raw.map { .text($0) } ?? .empty
    case "b": return raw.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") } ?? .empty
    case "e": return .text(raw ?? "#ERROR")
    case "d": return raw.map { .text($0) } ?? .empty
    default:
      guard let raw else { return .empty }
      let trimmed = raw.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return .empty }
      guard let number = Double(trimmed), number.isFinite else {
        throw fail(
          "holds '\(trimmed)' as a number, which is none; save the workbook again", sheet: sheet, cell: place)
      }
      return .number(number)
    }
  }

  /// How often `needle` occurs in `data`.
  static func count(of needle: [UInt8], in data: Data) -> Int {
    var found = 0
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard buffer.count >= needle.count else { return }
      let first = needle[0]
      var index = 0
      let end = buffer.count - needle.count
      while index <= end {
        if buffer[index] == first {
          var matches = true
          for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
            matches = false
            break
          }
          if matches { found += 1 }
        }
        index += 1
      }
    }
    return found
  }
}
