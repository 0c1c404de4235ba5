import Foundation

/// Plan numbers: rounded so that solver noise stays out of plan files.
enum PlanText {
  /// Rounds to 1e-6 and turns -0 into 0, to keep solver noise out of plan files.
  static func clean(_ value: Double) -> Double {
    guard value.isFinite else { return value }
    let rounded = abs(value) < 1e9 ? (value * 1e6).rounded() / 1e6 : (value * 1e3).rounded() / 1e3
    return rounded == 0 ? 0 : rounded
  }
}
