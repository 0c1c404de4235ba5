import Foundation

/// Number formatting for sentences in plans: plain digits, no locale, at most two decimals.
enum PlanText {
  /// `140`, `12.5`, `0.33`.
  static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// `30000 EUR`.
  static func euros(_ value: Double) -> String { "\(number(value)) EUR" }

  /// `a, b and c`.
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }

  /// Rounds to 1e-6 and turns -0 into 0, to keep solver noise out of plan files.
  static func clean(_ value: Double) -> Double {
    guard value.isFinite else { return value }
    let rounded = abs(value) < 1e9 ? (value * 1e6).rounded() / 1e6 : (value * 1e3).rounded() / 1e3
    return rounded == 0 ? 0 : rounded
  }
}
