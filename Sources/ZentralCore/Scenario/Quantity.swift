/// What a number in a scenario measures, with the range a scenario accepts for it.
///
/// The ranges are wide enough for any German municipality or Land and narrow enough that no value
/// that validates can upset the solver: every amount is 0 or lies between a smallest and a largest
/// value a few orders of magnitude apart (docs/scenario-format.md, "Ranges of numbers"). They are
/// defined here once: the scenario loader checks every number of a scenario file against them,
/// and the spreadsheet importer every number of a cell, so that an imported scenario never fails
/// validation for a range.
enum Quantity: Equatable {
  /// Workload, headcount or capacity in FTE: 0, or 0.001 (under 2 hours a year) to 100,000 (more
  /// IT staff than any German Land has).
  case fte
  /// The employer cost or price of one FTE, EUR/year: 0, or 1,000 to 10,000,000. Below 1,000 the
  /// number is a typing slip (`78.000` read as 78, or thousands of EUR written as `78`).
  case costPerFTE
  /// Money per FTE (`unit` such as "EUR (once) per FTE moved"): 0, or 0.01 to 10,000,000.
  case perFTE(unit: String)
  /// An amount of money (`unit` such as "EUR/year"): 0, or 0.01 (a cent) to 1,000,000,000,000
  /// (a trillion EUR, more than the budget of every German Land together).
  case money(unit: String)
  /// A share of a workload: 0, or 0.0001 (0.01 %) to 1.
  case share
  /// The annual discount rate: 0, or 0.0001 (0.01 %) to 0.5 (50 % a year).
  case rate
  /// A VAT rate: 0, or 0.0001 (0.01 %) to 0.25 (25 %, above every rate in the EU's standard range
  /// that a German provider charges).
  case vatRate
  /// A cost factor: 0, or 0.0001 to 10 (ten times the cost at home).
  case factor
  /// Months of a year: 0, or 0.01 to 12.
  case months

  /// How a value lies outside the range.
  enum Violation: Equatable {
    /// Less than 0.
    case negative
    /// More than 0 but less than ``Quantity/lowest``.
    case belowLowest
    /// More than ``Quantity/highest``.
    case aboveHighest
  }

  /// What an employer pays for one IT post a year, EUR, as messages quote it when a cost per FTE
  /// is far too small (`78` written for 78,000).
  static let typicalCostPerFTE: ClosedRange<Double> = 30_000...250_000

  /// How `value` (a finite number) lies outside the range of 0 and ``lowest`` to ``highest``, or
  /// `nil` when it lies inside.
  func violation(of value: Double) -> Violation? {
    if value < 0 { return .negative }
    if value > highest { return .aboveHighest }
    if value > 0 && value < lowest { return .belowLowest }
    return nil
  }

  /// The smallest value other than 0.
  var lowest: Double {
    switch self {
    case .fte: 0.001
    case .costPerFTE: 1_000
    case .perFTE, .money: 0.01
    case .share, .rate, .vatRate, .factor: 0.0001
    case .months: 0.01
    }
  }

  /// The largest value.
  var highest: Double {
    switch self {
    case .fte: 100_000
    case .costPerFTE, .perFTE: 10_000_000
    case .money: 1e12
    case .share: 1
    case .rate: 0.5
    case .vatRate: 0.25
    case .factor: 10
    case .months: 12
    }
  }

  /// The unit of measure, as a message names it.
  var unit: String {
    switch self {
    case .fte: "FTE"
    case .costPerFTE: "EUR/year per FTE"
    case .perFTE(let unit), .money(let unit): unit
    case .share, .rate, .vatRate, .factor: ""
    case .months: "months"
    }
  }

  /// Whether the quantity is an amount of money.
  var isMoney: Bool {
    switch self {
    case .costPerFTE, .perFTE, .money: true
    case .fte, .share, .rate, .vatRate, .factor, .months: false
    }
  }

  /// `value` with its unit, written as in English (`78 EUR/year per FTE`, `0.001 FTE`, `0.5`) or,
  /// for a German spreadsheet, in German (`1.000 EUR/year per FTE`, `0,001 FTE`).
  func amount(_ value: Double, germanFile: Bool = false) -> String {
    let number = LocaleNumber.written(value, germanFile: germanFile)
    return unit.isEmpty ? number : "\(number) \(unit)"
  }

  /// What a post costs a year, for messages: `30,000 to 250,000 EUR a year`.
  static func typicalCost(germanFile: Bool = false) -> String {
    let range = typicalCostPerFTE
    return "\(LocaleNumber.written(range.lowerBound, germanFile: germanFile)) to "
      + "\(LocaleNumber.written(range.upperBound, germanFile: germanFile)) EUR a year"
  }
}
