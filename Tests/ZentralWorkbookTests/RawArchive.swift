import Foundation
import ZIPFoundation

/// Builds `.xlsx`-like ZIP archives part by part, for tests of what the reader does with
/// workbooks that no office program would write.
enum RawArchive {
  /// A ZIP archive of `parts` (path → content), deflated.
  static func zip(_ parts: [(String, Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    return archive.data ?? Data()
  }

  static let workbookXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="Blatt1" sheetId="1" r:id="rId1"/></sheets></workbook>
    """

  static let relationshipsXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
    Target="worksheets/sheet1.xml"/></Relationships>
    """

  /// A workbook of one sheet `Blatt1` whose sheet part is `sheet` and shared strings `strings`.
  static func workbook(sheet: String, strings: String? = nil) throws -> Data {
    var parts: [(String, Data)] = [
      ("xl/workbook.xml", Data(workbookXML.utf8)),
      ("xl/_rels/workbook.xml.rels", Data(relationshipsXML.utf8)),
      ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
    ]
    if let strings { parts.append(("xl/sharedStrings.xml", Data(strings.utf8))) }
    return try zip(parts)
  }

  /// A worksheet part around `rows` (the XML of `<row>` elements).
  static func sheet(_ rows: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
    """
  }
}
