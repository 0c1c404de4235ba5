/// The measures that make the flip re-solves of the explanations cheap (``PlanningOptions/flipSpeedups``).
/// All are on by default; leaving some out is for measuring their effect (`scripts/bench`,
/// BENCHMARKS.md "Explanations"), and the flip costs are the same either way (exact flips are
/// proven optima; only how fast they are found changes).
public struct FlipSpeedups: OptionSet, Sendable, Hashable {
  /// The bits of the set.
  public let rawValue: Int

  /// Creates a set from its raw value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Solve every flip on one GLPK problem per thread, loaded once: a flip changes bounds (or
  /// appends its one row) and the dual simplex method starts from the optimum's LP basis, instead
  /// of a new problem, scaling and LP from scratch per flip.
  public static let reuse = FlipSpeedups(rawValue: 1 << 0)
  /// Hand each flip a first plan: the optimum with the flip applied, repaired by a small search
  /// over the flipped task's neighbourhood (its moves, centres, posts and together partners;
  /// everything else fixed as in the optimum), so that branch-and-cut prunes from the start.
  /// Needs ``reuse``.
  public static let firstPlan = FlipSpeedups(rawValue: 1 << 1)
  /// Stop a flip once its best plan is within half a euro of its bound: the report prints whole
  /// euros, so the rest of the search could not change a printed figure. Needs ``reuse``.
  public static let precisionStop = FlipSpeedups(rawValue: 1 << 2)
  /// Price flips on ``PlanningOptions/threads`` threads (otherwise on one).
  public static let parallel = FlipSpeedups(rawValue: 1 << 3)

  /// Every measure: the default.
  public static let all: FlipSpeedups = [.reuse, .firstPlan, .precisionStop, .parallel]

  /// The names used by `zentral plan --flip-speedups`, in order.
  public static let names: [(name: String, value: FlipSpeedups)] = [
    ("reuse", .reuse), ("first-plan", .firstPlan), ("precision-stop", .precisionStop),
    ("parallel", .parallel),
  ]
}
