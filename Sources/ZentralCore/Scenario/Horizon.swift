/// The planning horizon: `years` consecutive calendar years starting at `start`.
///
/// Every year is one wave of the rollout. A move in wave `k` takes effect for the running
/// cost of year `k` and all later years; one-time costs fall in the year of the move.
public struct Horizon: Equatable, Sendable {
  /// First year of the horizon, e.g. `2025`.
  public var start: Int
  /// Number of years (waves), at least 1.
  public var years: Int
  /// How the years after the horizon are valued (``TerminalValue/none`` by default).
  public var terminalValue: TerminalValue

  /// Creates a horizon of `years` years from `start`, valuing the years after it as
  /// `terminalValue` says.
  public init(start: Int, years: Int, terminalValue: TerminalValue = .none) {
    self.start = start
    self.years = years
    self.terminalValue = terminalValue
  }

  /// The calendar years of the horizon, in order.
  public var calendarYears: [Int] { Array(start..<(start + years)) }

  /// The last calendar year of the horizon.
  public var end: Int { start + years - 1 }

  /// Whether `year` lies inside the horizon.
  public func contains(_ year: Int) -> Bool { year >= start && year <= end }
}
