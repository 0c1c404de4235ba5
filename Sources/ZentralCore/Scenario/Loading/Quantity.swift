/// What a number in a scenario measures, with the range the loader accepts for it.
///
/// The ranges are wide enough for any German municipality or Land and narrow enough that no value
/// that validates can upset the solver: every amount is 0 or lies between a smallest and a largest
/// value a few orders of magnitude apart (docs/scenario-format.md, "Ranges of numbers").
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

  /// The smallest value other than 0.
  var lowest: Double {
    switch self {
    case .fte: 0.001
    case .costPerFTE: 1_000
    case .perFTE, .money: 0.01
    case .share, .rate: 0.0001
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
    }
  }

  /// The unit of measure, as a message names it.
  var unit: String {
    switch self {
    case .fte: "FTE"
    case .costPerFTE: "EUR/year per FTE"
    case .perFTE(let unit), .money(let unit): unit
    case .share, .rate: ""
    }
  }

  /// Whether the quantity is an amount of money.
  var isMoney: Bool {
    switch self {
    case .costPerFTE, .perFTE, .money: true
    case .fte, .share, .rate: false
    }
  }

  /// `value` with its unit: `78 EUR/year per FTE`, `0.001 FTE`, `0.5`.
  func amount(_ value: Double) -> String {
    let number = Self.grouped(value)
    return unit.isEmpty ? number : "\(number) \(unit)"
  }

  /// `value` with thousands grouped by commas, as messages write amounts: `1,000,000`, `0.001`.
  static func grouped(_ value: Double) -> String {
    let text = ScenarioWriter.decimal(value)
    guard value >= 1_000, value == value.rounded(), !text.contains("e") else { return text }
    var digits = Array(text)
    var index = digits.count - 3
    while index > 0 {
      digits.insert(",", at: index)
      index -= 3
    }
    return String(digits)
  }
}
