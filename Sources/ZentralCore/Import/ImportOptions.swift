/// Choices for ``SpreadsheetImporter`` that the spreadsheets do not contain.
public struct ImportOptions: Equatable, Sendable {
  /// Title of the scenario; `nil` derives one from the administration's name.
  public var name: String?
  /// First year of the horizon.
  public var startYear: Int
  /// Number of years (waves) of the horizon, 1 to 30.
  public var years: Int

  /// Creates import options.
  public init(name: String? = nil, startYear: Int, years: Int = 5) {
    self.name = name
    self.startYear = startYear
    self.years = years
  }
}
