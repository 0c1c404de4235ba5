public import ZentralSolver

/// How the planner works: the solver's limits and which extra analyses it runs.
public struct PlanningOptions: Sendable {

  /// Limits and controls of the main solve (time limit, gap, stop signal). The time limit bounds
  /// the whole of ``Planner/plan(options:progress:)``: the flip re-solves and the infeasibility
  /// diagnosis get only what the main solve left of it (flips not priced in time say so), and they
  /// share the stop signal.
  public var solve: SolveOptions
  /// Compute a flip cost for every task decided on the merits (one re-solve each).
  public var explain: Bool
  /// For an infeasible scenario, find the conflicting rules (several re-solves).
  public var diagnose: Bool
  /// Threads for the flip re-solves (GLPK keeps one environment per thread).
  public var threads: Int
  /// Start the search from the status quo when it satisfies every rule (GLPK then runs without
  /// its MIP presolver; a time-limited search always has a plan, at worst "change nothing").
  public var warmStart: Bool = true
  /// Cutting planes for the flip re-solves. Many small re-solves of one model spend most of their
  /// time generating cuts: with clique cuts only, all flips of the seed scenarios took 12 s instead
  /// of 31 s (München 9 s instead of 27 s; the small seeds within half a second either way).
  public var flipCuts: Set<CutFamily> = [.clique]
  /// Receives one line per step of a decomposed solve (LP bound, family plans, rounds, with the
  /// best plan, gap and time); `zentral plan --timings` prints them.
  public var trace: (@Sendable (String) -> Void)?
  /// How long the flip re-solves may take together (default ``ExplainBudget/standard``: they end
  /// 7 s plus twice the main solve's time after ``runStarted``). Each flip gets at most a fair
  /// share of what is left (the time left times the threads over the flips still waiting, at
  /// least a tenth of a second), so that one hard flip does not use it up; flips cut short are
  /// reported as brackets or as not priced.
  public var explainBudget: ExplainBudget = .standard
  /// When the run began, for ``ExplainBudget/automatic(base:factor:)``: a caller that read the
  /// scenario and built the model before ``Planner/plan(options:progress:)`` sets it to when it
  /// started, so that this time counts against the budget (`nil`: when `plan` is called).
  public var runStarted: ContinuousClock.Instant?
  /// Limit the flip costs to these task ids (`nil`: every task decided on the merits).
  public var explainOnly: Set<String>?
  /// Called after each flip re-solve with the number done and the number planned.
  public var explainProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
  /// Called when a phase of ``Planner/plan(options:progress:)`` ends, with its name and wall time
  /// in seconds: `"solve"` (the main search), `"explain"` (flip re-solves or the infeasibility
  /// diagnosis). `zentral plan --timings` reports them.
  public var phaseFinished: (@Sendable (_ phase: String, _ seconds: Double) -> Void)?
  /// The measures that make the flip re-solves cheap (default: all; leaving some out is for
  /// measuring them, `zentral plan --flip-speedups`).
  public var flipSpeedups: FlipSpeedups = .all

  /// Branch on the centre-opening decisions first (``CentralisationModel/centreOpeningColumns``;
  /// one MIP only, not the decomposition; docs/model.md, "Search").
  public var centresFirst: Bool = false

  /// Creates options; by default every analysis runs on two threads.
  public init(
    solve: SolveOptions = SolveOptions(), explain: Bool = true, diagnose: Bool = true, threads: Int = 2
  ) {
    self.solve = solve
    self.explain = explain
    self.diagnose = diagnose
    self.threads = threads
  }
}
