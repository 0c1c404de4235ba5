import Foundation
import XMLCoder

/// The parts of SpreadsheetML (ECMA-376, the XML inside an `.xlsx` file) that zentral reads and
/// writes, as Codable types for XMLCoder. Only what a sheet of values needs: sheets and their
/// relationships, shared and inline strings, cell values; formatting beyond headings, notes,
/// widths and number formats is not read.
enum SpreadsheetML {
  /// The main namespace of SpreadsheetML.
  static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The namespace of relationship ids (`r:id`).
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  // MARK: Reading

  /// `xl/workbook.xml`: the sheets in tab order.
  struct WorkbookPart: Decodable {
    struct Sheets: Decodable {
      let sheet: [Sheet]?
    }
    struct Sheet: Decodable {
      let name: String
      let id: String?
      let relationship: String?
      enum CodingKeys: String, CodingKey {
        case name
        case id
        case relationship = "r:id"
      }
    }
    let sheets: Sheets?
  }

  /// A `.rels` part: where each relationship id points.
  struct RelationshipsPart: Codable, DynamicNodeEncoding {
    struct Relationship: Codable, DynamicNodeEncoding {
      let id: String
      let type: String?
      let target: String
      enum CodingKeys: String, CodingKey {
        case id = "Id"
        case type = "Type"
        case target = "Target"
      }
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    let relationship: [Relationship]?
    enum CodingKeys: String, CodingKey {
      case relationship = "Relationship"
    }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
  }

  /// Text in a `<t>` element (its `xml:space` attribute is not needed to read it).
  struct Text: Codable, DynamicNodeEncoding {
    let value: String?
    let space: String?
    init(_ value: String) {
      self.value = value
      let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
      self.space = trimmed == value ? nil : "preserve"
    }
    enum CodingKeys: String, CodingKey {
      case value = ""
      case space = "xml:space"
    }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
      key.stringValue == "xml:space" ? .attribute : .element
    }
  }

  /// A run of rich text: its text only.
  struct Run: Decodable {
    let t: Text?
  }

  /// A string item: plain (`<t>`) or rich text (`<r><t>`); phonetic hints are skipped.
  struct StringItem: Codable, DynamicNodeEncoding {
    let t: Text?
    let r: [Run]?

    init(_ text: String) {
      self.t = Text(text)
      self.r = nil
    }

    /// The text of the item.
    var text: String {
      if let t { return t.value ?? "" }
      return (r ?? []).map { $0.t?.value ?? "" }.joined()
    }

    enum CodingKeys: String, CodingKey {
      case t
      case r
    }
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      t = try container.decodeIfPresent(Text.self, forKey: .t)
      r = try container.decodeIfPresent([Run].self, forKey: .r)
    }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(t, forKey: .t)
    }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
  }

  /// `xl/sharedStrings.xml`.
  struct SharedStringsPart: Decodable {
    let si: [StringItem]?
  }

  /// A worksheet part: only its cell values.
  struct WorksheetPart: Decodable {
    struct SheetData: Decodable {
      let row: [Row]?
    }
    struct Row: Decodable {
      let r: String?
      let c: [Cell]?
    }
    struct Cell: Decodable {
      let r: String?
      let t: String?
      let v: Text?
      let inline: StringItem?
      enum CodingKeys: String, CodingKey {
        case r
        case t
        case v
        case inline = "is"
      }
    }
    let sheetData: SheetData?
  }

  // MARK: Writing

  /// `xl/workbook.xml` as written.
  struct WorkbookOut: Encodable, DynamicNodeEncoding {
    struct Sheets: Encodable, DynamicNodeEncoding {
      let sheet: [Sheet]
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
    }
    struct Sheet: Encodable, DynamicNodeEncoding {
      let name: String
      let sheetId: Int
      let relationship: String
      enum CodingKeys: String, CodingKey {
        case name
        case sheetId
        case relationship = "r:id"
      }
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    let xmlns = SpreadsheetML.namespace
    let xmlnsR = SpreadsheetML.relationshipsNamespace
    let sheets: Sheets
    enum CodingKeys: String, CodingKey {
      case xmlns
      case xmlnsR = "xmlns:r"
      case sheets
    }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
      key.stringValue.hasPrefix("xmlns") ? .attribute : .element
    }
  }

  /// A worksheet part as written: views (a frozen heading), column widths and the values.
  struct WorksheetOut: Encodable, DynamicNodeEncoding {
    struct SheetViews: Encodable, DynamicNodeEncoding {
      let sheetView: SheetView
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
    }
    struct SheetView: Encodable, DynamicNodeEncoding {
      let workbookViewId: Int
      let pane: Pane?
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
        key.stringValue == "pane" ? .element : .attribute
      }
    }
    struct Pane: Encodable, DynamicNodeEncoding {
      let ySplit: Int
      let topLeftCell: String
      let activePane: String
      let state: String
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    struct Columns: Encodable, DynamicNodeEncoding {
      let col: [Column]
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
    }
    struct Column: Encodable, DynamicNodeEncoding {
      let min: Int
      let max: Int
      let width: Double
      let customWidth: Int
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    struct SheetData: Encodable, DynamicNodeEncoding {
      let row: [Row]
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
    }
    struct Row: Encodable, DynamicNodeEncoding {
      let r: Int
      let ht: Double?
      let customHeight: Int?
      let c: [Cell]
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
        key.stringValue == "c" ? .element : .attribute
      }
    }
    struct Cell: Encodable, DynamicNodeEncoding {
      let r: String
      let s: Int?
      let t: String?
      let v: String?
      let inline: StringItem?
      enum CodingKeys: String, CodingKey {
        case r
        case s
        case t
        case v
        case inline = "is"
      }
      static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
        switch key.stringValue {
        case "v", "is": .element
        default: .attribute
        }
      }
    }
    let xmlns = SpreadsheetML.namespace
    let sheetViews: SheetViews?
    let cols: Columns?
    let sheetData: SheetData
    enum CodingKeys: String, CodingKey {
      case xmlns
      case sheetViews
      case cols
      case sheetData
    }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
      key.stringValue == "xmlns" ? .attribute : .element
    }
  }
}
