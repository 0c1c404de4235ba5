/// A quantity that may change over the horizon: one number for every year, or values from
/// given years on (`{2025: 60, 2027: 75}`: 60 in 2025 and 2026, 75 from 2027).
///
/// Years before the first listed year have no value (no limit).
public struct YearValues: Equatable, Sendable {
  /// The values by the year from which they hold, sorted by year.
  public var steps: [(year: Int, value: Double)] {
    get { storage.map { (year: $0.year, value: $0.value) } }
    set { storage = newValue.map { Step(year: $0.year, value: $0.value) }.sorted { $0.year < $1.year } }
  }

  private struct Step: Equatable, Sendable {
    var year: Int
    var value: Double
  }

  private var storage: [Step]
  /// The single value for every year, when the file gave one number.
  public private(set) var constant: Double?

  /// The same value in every year.
  public init(constant: Double) {
    self.constant = constant
    self.storage = []
  }

  /// Values from given years on; later years inherit the last value given.
  public init(byYear: [Int: Double]) {
    self.constant = nil
    self.storage = byYear.map { Step(year: $0.key, value: $0.value) }.sorted { $0.year < $1.year }
  }

  /// The value that holds in `year`, or `nil` when no value is given for it.
  public func value(in year: Int) -> Double? {
    if let constant { return constant }
    return storage.last { $0.year <= year }?.value
  }
}
