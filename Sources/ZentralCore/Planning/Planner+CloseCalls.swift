import ZentralPlan

/// Close calls ("knapp"): decisions on the merits whose flip costs less than the threshold
/// (docs/model.md, "Close calls").
extension Planner {
  /// The close-call threshold of task `t`, EUR: `policy.tie_threshold` when given, else 1 % of the
  /// task's annual cost at home, at least ``Policy/defaultTieFloor``.
  func tieThreshold(_ t: Int) -> Double {
    if let threshold = scenario.policy.tieThreshold { return threshold }
    return max(Policy.defaultTieFloor, 0.01 * model.facts.homeCost(t))
  }

  /// The close call of task `t` when its flip's total (money plus penalty, the change of the
  /// objective the optimiser weighs) is below the threshold; `nil` otherwise. `move` is where the
  /// flipped plan puts a kept task (`nil` for a moved task, whose alternative is staying).
  func closeCall(_ t: Int, flip: TaskReason.Flip, move: FlipExplainer.FlipMove?) -> CloseCall? {
    let threshold = tieThreshold(t)
    guard flip.total < threshold else { return nil }
    guard let move else { return CloseCall(threshold: PlanText.clean(threshold), alternative: .stay) }
    return CloseCall(
      threshold: PlanText.clean(threshold), alternative: .move, provider: move.provider, year: move.year)
  }
}
