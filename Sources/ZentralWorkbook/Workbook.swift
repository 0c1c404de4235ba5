import Foundation

/// A spreadsheet workbook: its sheets in tab order. ``XLSXReader`` reads one from an `.xlsx`
/// file, ``XLSXWriter`` writes one.
public struct Workbook: Equatable, Sendable {
  /// The sheets in the order of their tabs.
  public var sheets: [Worksheet]

  /// A workbook of `sheets`.
  public init(sheets: [Worksheet]) {
    self.sheets = sheets
  }

  /// The sheet named `name`, compared without regard to case and surrounding blanks.
  public func sheet(named name: String) -> Worksheet? {
    let wanted = Workbook.key(name)
    return sheets.first { Workbook.key($0.name) == wanted }
  }

  /// A sheet name as compared: lower case, without surrounding blanks.
  static func key(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespaces).lowercased()
  }
}
