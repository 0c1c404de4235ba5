public import ZentralPlan
public import ZentralSolver

/// Near-optimal alternatives to a plan (docs/model.md, "Near-optimal alternatives"): K plans,
/// each found by one MIP on a copy of the centralisation model with added rows, that cost at
/// most `within` more than the recommendation and differ from it and from each other in as many
/// move indicators `x(task,provider,wave)` as possible.
///
/// The distance of a plan to a reference plan r is the Hamming distance over the move
/// indicators: Σ over x with r = 0 of x plus Σ over x with r = 1 of (1 − x) (a linear
/// expression because r is fixed); a task that changes provider or wave counts 2, one that moves
/// instead of staying (or stays instead of moving) counts 1. Indicators of a divisible task whose
/// reference share lies strictly between 0 and 1 are left out. The MIP maximises the smallest
/// distance D to the recommendation and every earlier alternative (rows `D ≤ distance_i`, D ≥ 1
/// so that every alternative is distinct) subject to every row of the model and the cost row
/// `objective ≤ bound`.
public struct NearOptimalAlternatives: Sendable {
  /// The model of the recommendation.
  public let model: CentralisationModel
  /// Solver options for each alternative's MIP (its time limit is set per alternative).
  public var options: SolveOptions

  /// Creates the search over `model` (built as one MIP).
  public init(model: CentralisationModel, options: SolveOptions = SolveOptions()) {
    self.model = model
    self.options = options
  }

  /// The objective an alternative may reach: `objective + within · |objective|`.
  public static func bound(objective: Double, within: Double) -> Double {
    objective + within * abs(objective)
  }

  /// The move indicators of `plan` as a vector over the model's columns (0 elsewhere).
  func reference(_ plan: Plan) -> [Double] {
    var values = Array(repeating: 0.0, count: model.model.columns.count)
    let years = model.facts.years
    for (t, decision) in plan.tasks.enumerated() where t < model.moves.count {
      for move in model.moves[t] where years.indices.contains(move.wave) {
        let year = years[move.wave]
        let share = decision.moves.filter { $0.provider == move.provider && $0.year == year }
          .reduce(0) { $0 + $1.share }
        values[move.variable.index] = share
      }
    }
    return values
  }

  /// The Hamming distance to `reference` over the move indicators, as an expression.
  func distance(to reference: [Double]) -> LinearExpression {
    var expression = LinearExpression()
    for moves in model.moves {
      for move in moves {
        let r = reference[move.variable.index]
        if r <= 1e-6 {
          expression.add(1, move.variable)
        } else if r >= 1 - 1e-6 {
          expression.add(-1, move.variable)
          expression.constant += 1
        }
      }
    }
    return expression
  }

  /// Up to `count` alternatives to `recommendation` (a plan of ``model`` with decisions), each
  /// within `within` (a fraction) of its objective, the search ending at `deadline`.
  public func find(
    count: Int, within: Double, recommendation: Plan, deadline: ContinuousClock.Instant? = nil
  ) -> Plan.AlternativesSection {
    search(count: count, within: within, recommendation: recommendation, deadline: deadline).section
  }

  /// Without a deadline, each alternative's MIP stops after this many seconds with the most
  /// different plan found so far (maximising the distance is often slow to prove).
  public static let defaultSecondsEach = 30.0

  /// ``find(count:within:recommendation:deadline:)`` with each alternative's values (by column).
  func search(
    count: Int, within: Double, recommendation: Plan, deadline: ContinuousClock.Instant? = nil
  ) -> (section: Plan.AlternativesSection, values: [[Double]]) {
    var found: [[Double]] = []
    let objective = recommendation.objective ?? 0
    let bound = Self.bound(objective: objective, within: within)
    var section = Plan.AlternativesSection(
      requested: count, within: within, bound: PlanText.clean(bound), alternatives: [])
    guard recommendation.hasSolution, recommendation.tasks.count == model.scenario.tasks.count else {
      section.shortfall = .noPlan
      return (section, found)
    }
    let builder = PlanBuilder(model: model)
    let recommendationNPV = recommendation.npv ?? 0
    var references = [reference(recommendation)]
    let columns = model.model.columns.count
    for index in 0..<count {
      var options = self.options
      if let deadline {
        let left = Planner.seconds(until: deadline)
        guard left > 0.01 else {
          section.shortfall = .timeLimit
          break
        }
        // The time left is shared among the alternatives still to find.
        options.timeLimit = max(0.01, left / Double(count - index))
      } else if options.timeLimit == nil {
        options.timeLimit = Self.defaultSecondsEach
      }
      options.initialSolution = nil
      if options.stopSignal?.isRaised ?? false {
        section.shortfall = .stopped
        break
      }
      guard let (copy, minimum) = try? diversityModel(references: references, bound: bound) else {
        section.shortfall = .noneLeft
        break
      }
      let solved = try? Solver.solve(copy, options: options)
      guard let result = solved, result.hasSolution else {
        // Only a proof says that none is left; a search cut short by its share of the time is a
        // time limit (München's first alternative under a loaded machine was reported as none left).
        let proven = [.infeasible, .infeasibleOrUnbounded].contains(solved?.termination)
        section.shortfall = options.stopSignal?.isRaised ?? false ? .stopped : proven ? .noneLeft : .timeLimit
        if let deadline, Planner.seconds(until: deadline) <= 0.01 { section.shortfall = .timeLimit }
        break
      }
      // The search only bounds the cost: its centres and scale-curve variables may be slack. The
      // alternative is its moves, priced at their cheapest (centres and the rest re-optimised).
      let searched = Array(result.values.prefix(columns))
      var pricing = options
      if let deadline { pricing.timeLimit = max(0.01, Planner.seconds(until: deadline)) }
      let values = cheapest(moves: searched, options: pricing) ?? searched
      // Checked in Swift against every row of the original model and the cost bound.
      let cost = model.model.objectiveValue(values)
      guard model.model.isFeasible(values), cost <= bound + 1e-7 * max(1, abs(bound)) else {
        section.shortfall = .noneLeft
        break
      }
      let distances = references.map { reference in distance(to: reference).value { values[$0.index] } }
      let alternative = SolveResult(
        termination: .optimal, hasSolution: true, objective: cost, bestBound: cost, gap: 0, values: values,
        nodes: result.nodes, seconds: result.seconds)
      let other = builder.plan(status: .feasible, result: alternative)
      let npv = other.npv ?? 0
      section.alternatives.append(
        .init(
          objective: PlanText.clean(cost), npv: PlanText.clean(npv),
          costDifference: PlanText.clean(cost - objective),
          moneyDifference: PlanText.clean(npv - recommendationNPV),
          penaltyDifference: PlanText.clean((cost - npv) - (objective - recommendationNPV)),
          distance: Int(distances[0].rounded()), minimumDistance: Int((result[minimum]).rounded()),
          provenMostDifferent: result.termination == .optimal,
          changes: Plan.DecisionChange.between(recommendation.tasks, other.tasks)))
      references.append(reference(other))
      found.append(values)
    }
    return (section, found)
  }

  /// The cheapest solution of the model with the move indicators held at their values in
  /// `moves`, or `nil` when it is not solved to optimality.
  func cheapest(moves values: [Double], options: SolveOptions) -> [Double]? {
    var copy = model.model
    for moves in model.moves {
      for move in moves {
        var value = values[move.variable.index]
        if copy.columns[move.variable.index].kind != .continuous { value = value.rounded() }
        guard (try? copy.setBounds(of: move.variable, lower: value, upper: value)) != nil else { return nil }
      }
    }
    guard let result = try? Solver.solve(copy, options: options), result.termination == .optimal,
      model.model.isFeasible(result.values)
    else { return nil }
    return result.values
  }

  /// The model with the cost row and the diversity variable `D` and its rows; `D` is returned.
  func diversityModel(references: [[Double]], bound: Double) throws(ModelError) -> (LinearModel, Variable) {
    var copy = model.model
    let moveCount = model.moves.reduce(0) { $0 + $1.count }
    let d = try copy.addVariable(
      "alt_distance", kind: .continuous, lower: 1, upper: Double(max(1, moveCount)))
    try copy.addConstraint(model.model.objective <= LinearExpression(constant: bound), name: "alt_cost")
    for (i, reference) in references.enumerated() {
      try copy.addConstraint(LinearExpression(d) <= distance(to: reference), name: "alt_apart(\(i))")
    }
    try copy.setObjective(LinearExpression(d), sense: .maximize)
    return (copy, d)
  }
}
