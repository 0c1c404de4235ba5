/// How much of a workbook ``XLSXReader`` is willing to read: an `.xlsx` file is a ZIP archive,
/// and a small file can unpack to gigabytes (a "zip bomb") or hold a million rows. Anything
/// beyond these limits is refused with the limit named, before it costs time or memory.
///
/// The standard limits are far above a city's scenario: München's workbook (5 sheets of a few
/// hundred rows) is 40 KB and unpacks to under 1 MB.
public struct WorkbookLimits: Equatable, Sendable {
  /// The largest `.xlsx` file read, bytes.
  public var fileSize: Int
  /// The most entries (files) in the ZIP archive.
  public var entries: Int
  /// The largest size one part (one XML file inside the archive) may unpack to, bytes.
  public var partSize: Int
  /// The largest size all parts read may unpack to together, bytes.
  public var totalSize: Int
  /// The most rows of one sheet (the highest row number with a value).
  public var rows: Int
  /// The most columns of one sheet (the highest column with a value).
  public var columns: Int
  /// The most cells of one sheet.
  public var cells: Int

  /// Limits as given.
  public init(
    fileSize: Int, entries: Int, partSize: Int, totalSize: Int, rows: Int, columns: Int, cells: Int
  ) {
    self.fileSize = fileSize
    self.entries = entries
    self.partSize = partSize
    self.totalSize = totalSize
    self.rows = rows
    self.columns = columns
    self.cells = cells
  }

  /// 16 MiB of file, 1,000 entries, 32 MiB per part, 64 MiB in all, 100,000 rows and 200 columns
  /// per sheet, 1,000,000 cells per sheet.
  public static let standard = WorkbookLimits(
    fileSize: 16 * 1_048_576, entries: 1_000, partSize: 32 * 1_048_576, totalSize: 64 * 1_048_576,
    rows: 100_000, columns: 200, cells: 1_000_000)
}
