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
  /// The explanations end `base` seconds plus `factor` times the main solve's time after the run
  /// began (``PlanningOptions/runStarted``: reading the scenario, building the model and the
  /// search count against it). With `factor` ≥ 1 the flips get `base` seconds, less what the run
  /// spent before the search, plus `factor − 1` times the search: a plan that solves in a second
  /// is explained in a few more, and a run whose search is fast ends near `base` seconds.
  case automatic(base: Double, factor: Double)

  /// The default: the explanations end 7 s plus twice the main solve's time after the run began,
  /// so that with the exports a scenario whose search takes up to about a second is planned and
  /// explained end to end in under 10 s (the target of issue 16); a longer search gets as much
  /// again for its flips.
  public static let standard = ExplainBudget.automatic(base: 7, factor: 2)

  /// The budget in seconds for a main solve of `solveSeconds`, when the run began `elapsed`
  /// seconds ago (the search included; `nil` or less than the search: the search alone), or `nil`
  /// for no budget.
  public func seconds(afterSolveOf solveSeconds: Double, elapsed: Double? = nil) -> Double? {
    switch self {
    case .unlimited: return nil
    case .seconds(let seconds): return max(0, seconds)
    case .automatic(let base, let factor):
      let solve = max(0, solveSeconds)
      let spent = max(solve, elapsed ?? solve)
      return max(0, base + factor * solve - spent)
    }
  }
}
