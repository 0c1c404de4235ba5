/// How long the flip re-solves may take together (``PlanningOptions/explainBudget``).
///
/// A flip whose re-solve the budget cuts short is reported as a bracket when the re-solve has a
/// flipped plan and a bound ("at least … , at most …"), otherwise as not priced
/// (`not_computed`, why `explain_budget`). The run's time limit, when shorter, still ends every
/// flip first.
public enum ExplainBudget: Sendable, Equatable {
  /// No budget: every flip is solved to its proven optimum (only the time limit ends it).
  case unlimited
  /// At most this many seconds for all flips together.
  case seconds(Double)
  /// `base` seconds plus `factor` times the main solve's time: the default, so that a plan that
  /// solves in a second is explained in a few more.
  case automatic(base: Double, factor: Double)

  /// The default budget: 6 s plus three times the main solve's time, so that with parsing,
  /// the search and the exports a seed scenario is planned and explained in under 10 s.
  public static let standard = ExplainBudget.automatic(base: 6, factor: 3)

  /// The budget in seconds for a main solve of `solveSeconds`, or `nil` for no budget.
  public func seconds(afterSolveOf solveSeconds: Double) -> Double? {
    switch self {
    case .unlimited: nil
    case .seconds(let seconds): max(0, seconds)
    case .automatic(let base, let factor): max(0, base + factor * max(0, solveSeconds))
    }
  }
}
