/// The time one decision-support analysis (sensitivity, Pareto front) may take, shared out among
/// its re-solves like the explain budget (``ExplainBudget``): each re-solve gets a fair share of
/// what is left (at least ``minimumShare``), so an easy one leaves its rest to the hard ones. A
/// re-solve cut short by its share is reported as what it proved (a bracket, a bound), never as a
/// result it did not reach.
public struct AnalysisBudget: Sendable {
  /// When the budget is used up (`nil`: no budget, only the run's time limit).
  public let end: ContinuousClock.Instant?

  /// The smallest share of one re-solve, seconds: below it GLPK rarely gets past its root node.
  public static let minimumShare = 0.25

  /// The default seconds of one analysis after a main solve of `solveSeconds`: 30 s plus three
  /// times the search (an analysis is dozens of re-solves, so more than the explain budget's 10 s).
  public static func standardSeconds(afterSolveOf solveSeconds: Double) -> Double {
    30 + 3 * max(0, solveSeconds)
  }

  /// A budget of `seconds` from now (`nil`: none) that ends no later than `deadline`.
  public init(seconds: Double?, deadline: ContinuousClock.Instant? = nil) {
    // Clamped to a year so that any finite number of seconds converts (no overflow trap).
    let own = seconds.map { ContinuousClock.now + .milliseconds(Int64(min(max(0, $0), 3.2e7) * 1000)) }
    switch (own, deadline) {
    case (let own?, let deadline?): end = min(own, deadline)
    case (let own?, nil): end = own
    case (nil, let deadline): end = deadline
    }
  }

  /// Seconds left, `nil` without an end.
  public var left: Double? { end.map { Planner.seconds(until: $0) } }

  /// Whether the budget is used up.
  public var isUsedUp: Bool { (left ?? 1) <= 0.01 }

  /// The time limit of the next re-solve when `waiting` re-solves (this one included) still share
  /// what is left: `nil` without an end, 0 when the budget is used up.
  public func share(waiting: Int) -> Double? {
    guard let left else { return nil }
    guard left > 0.01 else { return 0 }
    return min(left, max(Self.minimumShare, left / Double(max(1, waiting))))
  }
}
