public import ZentralPlan
public import ZentralSolver

/// The efficient plans between NPV savings and a second goal (FTE moved, or the penalties), by
/// ε-constraints: the model gets one row `measure ≤ ε` and its objective becomes the NPV alone;
/// ε steps over an even grid from the least possible measure (one solve minimising it) to the
/// measure of the plan with the best NPV (one solve without the row, started from the
/// recommendation). The ε-solves run upward, each started from the previous point's plan (which
/// satisfies the wider bound) and stopped as soon as its bound proves that plan optimal for the
/// new ε as well. The solves share ``budget`` (and the time limit of ``options``) like the explain
/// budget; an ε-solve cut short keeps its best plan with the solver's bound on the savings
/// (`savings_bound`). Plans dominated by another (no more savings for more measure) are dropped.
public struct ParetoAnalysis: Sendable {
  /// The scenario.
  public let scenario: Scenario
  /// The second goal.
  public var measure: Plan.ParetoFront.Measure
  /// The number of ε values on the grid between the two extremes (both included).
  public var points: Int
  /// Options of every solve; the time limit bounds the whole analysis.
  public var options: SolveOptions
  /// Seconds for the whole analysis, shared among its solves; `nil`: only the time limit.
  public var budget: Double?
  /// The recommended plan's values (by column of the scenario's model), when the caller has them:
  /// the analysis then does not solve the recommendation again.
  public var recommendation: [Double]?

  /// Creates an analysis with `points` (2 or more) grid values.
  public init(
    scenario: Scenario, measure: Plan.ParetoFront.Measure, points: Int = 9,
    options: SolveOptions = SolveOptions()
  ) {
    self.scenario = scenario
    self.measure = measure
    self.points = max(2, points)
    self.options = options
  }

  /// The measure as an expression of the model: FTE moved over the horizon, or the penalties.
  static func expression(
    _ measure: Plan.ParetoFront.Measure, in model: CentralisationModel
  ) -> LinearExpression {
    switch measure {
    case .disruption: LinearExpression.sum(model.movedFTE)
    case .penalties: model.penalty
    }
  }

  /// The model minimising NPV with the measure at most `epsilon` (`nil`: no bound).
  static func bounded(
    _ model: CentralisationModel, measure: Plan.ParetoFront.Measure, epsilon: Double?
  ) throws(ModelError) -> LinearModel {
    var copy = model.model
    if let epsilon {
      try copy.addConstraint(
        expression(measure, in: model) <= LinearExpression(constant: epsilon), name: "pareto_epsilon")
    }
    try copy.setObjective(model.npv, sense: .minimize)
    return copy
  }

  /// Runs the analysis (the recommendation, unless given, is solved again with the full objective
  /// to place it on the same axes); `nil` when the extremes could not be solved within the time
  /// limit and the budget.
  public func run() throws(PlanningError) -> Plan.ParetoFront? {
    let started = ContinuousClock.now
    let deadline = options.timeLimit.map { started + .seconds($0) }
    let budget = AnalysisBudget(seconds: self.budget, deadline: deadline)
    let model = try PlanningError.wrap { try CentralisationModel(scenario: scenario, retainedCovers: false) }
    let facts = model.facts
    let baseline = PlanBuilder(model: model).baselineNPV
    let goal = Self.expression(measure, in: model)
    var complete = true
    var waiting = points + 2
    /// One solve within its share of the budget, started from the best of `starts` (else the
    /// status quo) that satisfies every row; stopped once its bound reaches `enough`.
    func solve(_ linear: LinearModel, from starts: [[Double]] = [], enough: Double? = nil) -> SolveResult? {
      let share = budget.share(waiting: waiting)
      waiting = max(1, waiting - 1)
      if let share, share <= 0 { return nil }
      var solveOptions = options
      solveOptions.timeLimit = share ?? options.timeLimit
      solveOptions.initialSolution = (starts + [model.statusQuo()]).filter { linear.isFeasible($0) }
        .min { linear.objectiveValue($0) < linear.objectiveValue($1) }
      let stop: (SolveProgress) -> Bool = { progress in
        guard let enough, let bound = progress.bound else { return true }
        return bound < enough - 1e-7 * max(1, abs(enough))
      }
      guard let result = SensitivityAnalysis.solve(linear, options: solveOptions, progress: stop),
        result.hasSolution,
        linear.isFeasible(result.values)
      else { return nil }
      return result
    }
    func point(_ values: [Double], epsilon: Double?, bound: Double? = nil) -> Plan.ParetoFront.Point {
      let decisions = SensitivityAnalysis.decisions(model, values: values)
      let moved = facts.scenario.tasks.indices.filter { decisions[$0] != nil }.map {
        facts.scenario.tasks[$0].id
      }
      return .init(
        epsilon: epsilon.map(PlanText.clean),
        savings: PlanText.clean(baseline - model.npv.value { values[$0.index] }),
        measure: PlanText.clean(goal.value { values[$0.index] }), moved: moved,
        savingsBound: bound.map { PlanText.clean(baseline - $0) })
    }
    // The recommendation, and the extremes: the least measure, and the best NPV.
    let recommended: [Double]
    if let recommendation, recommendation.count == model.model.columns.count,
      model.model.isFeasible(recommendation)
    {
      recommended = recommendation
    } else {
      guard let result = solve(model.model) else { return nil }
      if result.termination != .optimal { complete = false }
      recommended = result.values
    }
    var least = model.model
    try PlanningError.wrap { try least.setObjective(goal, sense: .minimize) }
    let unbounded = try PlanningError.wrap { try Self.bounded(model, measure: measure, epsilon: nil) }
    guard let leastResult = solve(least, from: [recommended]) else { return nil }
    if leastResult.termination != .optimal { complete = false }
    let best = solve(unbounded, from: [recommended])
    let top = best?.values ?? recommended
    if best?.termination != .optimal { complete = false }
    // Not proven least, the least-measure plan found still starts the grid at a measure that
    // some plan reaches (below it only its bound is known).
    let low = goal.value { leastResult.values[$0.index] }
    let high = goal.value { top[$0.index] }
    var found: [Int: Plan.ParetoFront.Point] = [:]
    var plans: [Int: [Double]] = [:]
    var open = Set<Int>()
    /// The ε-point `i`, started from `previous` (a plan within a smaller ε) when there is one.
    func solvePoint(_ i: Int, previous: [Double]?) throws(PlanningError) {
      let epsilon = low + (high - low) * Double(i) / Double(points - 1)
      // The bound is widened by a hair so that the extremes themselves stay feasible.
      let bounded = try PlanningError.wrap {
        try Self.bounded(model, measure: measure, epsilon: epsilon + 1e-7 * max(1, abs(epsilon)))
      }
      if i == points - 1, let best, best.termination == .optimal {
        found[i] = point(best.values, epsilon: epsilon)
        open.remove(i)
        return
      }
      // The previous point's plan satisfies this wider bound: enough when nothing beats it.
      let enough = previous.flatMap { bounded.isFeasible($0) ? bounded.objectiveValue($0) : nil }
      guard
        let result = solve(bounded, from: [previous, leastResult.values].compactMap { $0 }, enough: enough)
      else {
        open.insert(i)
        return
      }
      if result.termination == .optimal {
        found[i] = point(result.values, epsilon: epsilon)
        plans[i] = result.values
        open.remove(i)
      } else if let enough, let bound = result.bestBound, bound >= enough - 1e-7 * max(1, abs(enough)),
        let previous
      {
        // Stopped by its bound: the previous plan is the best within this ε too.
        found[i] = point(previous, epsilon: epsilon)
        plans[i] = previous
        open.remove(i)
      } else {
        // Cut short: kept with the solver's bound on the savings (without a bound it proves
        // nothing about ε and is left out; its plan still starts the next solve).
        open.insert(i)
        if let bound = result.bestBound { found[i] = point(result.values, epsilon: epsilon, bound: bound) }
        plans[i] = result.values
      }
    }
    for i in 0..<points { try solvePoint(i, previous: i > 0 ? plans[i - 1] : nil) }
    // Budget left: the points cut short again, each with a larger share.
    if !open.isEmpty && !budget.isUsedUp {
      waiting = open.count
      for i in open.sorted() {
        try solvePoint(i, previous: (0..<i).reversed().lazy.compactMap { plans[$0] }.first)
      }
    }
    if !open.isEmpty { complete = false }
    let front = (0..<points).compactMap { found[$0] }
    return .init(
      measure: measure, points: Self.efficient(front), recommended: point(recommended, epsilon: nil),
      complete: complete)
  }

  /// The points no other point dominates (at least as much saved for at most as much measure, and
  /// better in one), one per distinct pair, by increasing measure.
  static func efficient(_ points: [Plan.ParetoFront.Point]) -> [Plan.ParetoFront.Point] {
    let tolerance: (Double) -> Double = { 1e-6 * max(1, abs($0)) }
    var kept: [Plan.ParetoFront.Point] = []
    for p in points.sorted(by: {
      $0.measure < $1.measure || $0.measure == $1.measure && $0.savings > $1.savings
    }) {
      let dominated = points.contains { q in
        q.savings >= p.savings - tolerance(p.savings) && q.measure <= p.measure + tolerance(p.measure)
          && (q.savings > p.savings + tolerance(p.savings) || q.measure < p.measure - tolerance(p.measure))
      }
      let repeated = kept.contains {
        abs($0.savings - p.savings) <= tolerance(p.savings)
          && abs($0.measure - p.measure) <= tolerance(p.measure)
      }
      if !dominated && !repeated { kept.append(p) }
    }
    return kept
  }
}
