/// Why a workbook could not be read or written, in one sentence that names the file and, where
/// there is one, the sheet and the cell.
public struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file as the caller named it.
  public var file: String
  /// The sheet concerned, if any.
  public var sheet: String?
  /// The cell concerned, if any.
  public var cell: CellReference?
  /// What is wrong, and what to do.
  public var message: String

  /// An error in `file` (at `sheet` and `cell` when given).
  public init(file: String, sheet: String? = nil, cell: CellReference? = nil, message: String) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.message = message
  }

  /// `FILE: sheet 'S', cell D7: message`, or `FILE: message`.
  public var description: String {
    var place = ""
    if let sheet { place += "sheet '\(sheet)', " }
    if let cell { place += "cell \(cell), " }
    if !place.isEmpty { place = String(place.dropLast(2)) + ": " }
    return "\(file): \(place)\(message)"
  }
}
