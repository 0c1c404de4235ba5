public import ZentralPlan
public import ZentralSolver

/// The efficient plans between NPV savings and a second goal (FTE moved, or the penalties), by
/// ε-constraints: the model gets one row `measure ≤ ε` and its objective becomes the NPV alone;
/// ε steps over an even grid from the least possible measure (one solve minimising it) to the
/// measure of the plan with the best NPV (one solve without the row). Each ε-solve is a full MIP
/// solve; plans dominated by another (no more savings for more measure) are dropped.
public struct ParetoAnalysis: Sendable {
  /// The scenario.
  public let scenario: Scenario
  /// The second goal.
  public var measure: Plan.ParetoFront.Measure
  /// The number of ε values on the grid between the two extremes (both included).
  public var points: Int
  /// Options of every solve; the time limit bounds the whole analysis.
  public var options: SolveOptions

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

  /// Runs the analysis (the recommendation is solved again, with the full objective, to place it
  /// on the same axes); `nil` when the extremes could not be solved within the time limit.
  public func run() throws(PlanningError) -> Plan.ParetoFront? {
    let started = ContinuousClock.now
    let deadline = options.timeLimit.map { started + .seconds($0) }
    let model = try PlanningError.wrap { try CentralisationModel(scenario: scenario) }
    let facts = model.facts
    let baseline = PlanBuilder(model: model).baselineNPV
    let goal = Self.expression(measure, in: model)
    var complete = true
    func solve(_ linear: LinearModel, from starts: [[Double]] = []) -> SolveResult? {
      var solveOptions = options
      // A start that satisfies every row: the least-measure plan for the ε-models, else the
      // status quo.
      solveOptions.initialSolution = (starts + [model.statusQuo()]).first { linear.isFeasible($0) }
      guard let result = SensitivityAnalysis.solve(linear, options: solveOptions, deadline: deadline),
        result.hasSolution, linear.isFeasible(result.values)
      else { return nil }
      if result.termination != .optimal { complete = false }
      return result
    }
    func point(_ values: [Double], epsilon: Double?) -> Plan.ParetoFront.Point {
      let decisions = SensitivityAnalysis.decisions(model, values: values)
      let moved = facts.scenario.tasks.indices.filter { decisions[$0] != nil }.map {
        facts.scenario.tasks[$0].id
      }
      return .init(
        epsilon: epsilon.map(PlanText.clean),
        savings: PlanText.clean(baseline - model.npv.value { values[$0.index] }),
        measure: PlanText.clean(goal.value { values[$0.index] }), moved: moved)
    }
    // The extremes: the least measure, and the best NPV.
    var least = model.model
    try PlanningError.wrap { try least.setObjective(goal, sense: .minimize) }
    let unbounded = try PlanningError.wrap { try Self.bounded(model, measure: measure, epsilon: nil) }
    guard let recommended = solve(model.model), let leastResult = solve(least), let best = solve(unbounded)
    else { return nil }
    let low = goal.value { leastResult.values[$0.index] }
    let high = goal.value { best.values[$0.index] }
    var found: [Plan.ParetoFront.Point] = []
    for i in 0..<points {
      let epsilon = low + (high - low) * Double(i) / Double(points - 1)
      // The bound is widened by a hair so that the extremes themselves stay feasible.
      let bounded = try PlanningError.wrap {
        try Self.bounded(model, measure: measure, epsilon: epsilon + 1e-7 * max(1, abs(epsilon)))
      }
      guard let result = solve(bounded, from: [leastResult.values]) else {
        complete = false
        break
      }
      found.append(point(result.values, epsilon: epsilon))
    }
    return .init(
      measure: measure, points: Self.efficient(found), recommended: point(recommended.values, epsilon: nil),
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
