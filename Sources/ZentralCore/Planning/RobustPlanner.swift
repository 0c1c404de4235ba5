public import ZentralPlan
public import ZentralSolver

/// The robust plan over sampled scenarios (docs/model.md, "Robust plan"): N scenarios drawn from
/// the scenario's `uncertainty:` section (seeded), one MIP that stacks a copy of the model per
/// sample with the move decisions `x` and the centre decisions `y` shared and every other
/// variable (pooled workload, scale-curve segments, costs) per sample, and minimises the mean
/// objective (sample-average approximation). Its decisions are then evaluated in each sample and
/// compared with that sample's own optimum (the regret).
public struct RobustPlanner: Sendable {
  /// The largest stacked model solved (N times the columns of one model); above it the robust
  /// plan is refused (family-by-family sample averages are not implemented).
  public static let maximumColumns = 100_000

  /// The scenario as given.
  public let scenario: Scenario
  /// The seed of the draws.
  public let seed: UInt64
  /// The factors of each sample.
  public let draws: [[Uncertainty.Input: Double]]
  /// The model of each sample (same columns and rows as the scenario's, other coefficients).
  public let models: [CentralisationModel]
  /// The model of the scenario as given.
  public let nominal: CentralisationModel
  /// The shared decision columns (move and centre indicators), by index; the same in every model.
  public let shared: [Int]

  /// Draws `samples` scenarios from `scenario.uncertainty` with `seed` and builds their models.
  public init(scenario: Scenario, samples: Int, seed: UInt64) throws(PlanningError) {
    self.scenario = scenario
    self.seed = seed
    let uncertainty = scenario.uncertainty ?? Uncertainty()
    draws = uncertainty.draws(count: samples, seed: seed)
    var models: [CentralisationModel] = []
    for draw in draws {
      let sampled = scenario.scaled(by: draw)
      models.append(try PlanningError.wrap { try CentralisationModel(scenario: sampled) })
    }
    self.models = models
    nominal = try PlanningError.wrap { try CentralisationModel(scenario: scenario) }
    shared = nominal.moves.flatMap { $0.map(\.variable.index) } + nominal.open.flatMap { $0.map(\.index) }
  }

  /// Whether the stacked model is small enough to be solved (see ``maximumColumns``).
  public var fits: Bool { models.count * nominal.model.columns.count <= Self.maximumColumns }

  /// The sample-average MIP: sample 0's columns, then each further sample's own (non-shared)
  /// columns named `s<i>:<name>`; each sample's rows on its columns; the objective the mean of the
  /// samples' objectives.
  public func averageModel() throws(ModelError) -> LinearModel {
    var stacked = try LinearModel(name: "zentral_robust")
    let sharedSet = Set(shared)
    var objective = LinearExpression()
    var sharedColumns: [Int: Variable] = [:]
    let weight = 1 / Double(max(1, models.count))
    for (i, sample) in models.enumerated() {
      let model = sample.model
      var map: [Variable] = []
      for (j, column) in model.columns.enumerated() {
        if sharedSet.contains(j), let existing = sharedColumns[j] {
          map.append(existing)
          continue
        }
        let name = i == 0 ? column.name : "s\(i):\(column.name)"
        let variable = try stacked.addVariable(
          name, kind: column.kind, lower: column.lower, upper: column.upper)
        if sharedSet.contains(j) { sharedColumns[j] = variable }
        map.append(variable)
      }
      for row in model.rows {
        var expression = LinearExpression()
        for (variable, coefficient) in row.constraint.expression.terms {
          expression.add(coefficient, map[variable.index])
        }
        let name = i == 0 ? row.name : "s\(i):\(row.name)"
        try stacked.addConstraint(
          LinearConstraint(expression, lower: row.constraint.lower, upper: row.constraint.upper), name: name)
      }
      for (variable, coefficient) in model.objective.terms {
        objective.add(weight * coefficient, map[variable.index])
      }
      objective.constant += weight * model.objective.constant
    }
    try stacked.setObjective(objective, sense: .minimize)
    return stacked
  }

  /// The objective and NPV of `sample`'s model with the columns in `fixed` held at their values
  /// (the rest optimised), or `nil` when that breaks a rule or is not solved in time.
  public func evaluate(
    _ fixed: [Int: Double], in model: CentralisationModel, options: SolveOptions
  ) -> (objective: Double, npv: Double, values: [Double])? {
    var copy = model.model
    for (j, value) in fixed {
      guard let variable = copy.variable(j) else { return nil }
      let value = copy.columns[j].kind == .continuous ? value : value.rounded()
      guard (try? copy.setBounds(of: variable, lower: value, upper: value)) != nil else { return nil }
    }
    guard let result = try? Solver.solve(copy, options: options), result.hasSolution,
      [.optimal, .gapReached].contains(result.termination), model.model.isFeasible(result.values)
    else { return nil }
    return (
      model.model.objectiveValue(result.values), result.value(of: model.objectiveParts.npv), result.values
    )
  }

  /// The optimum of sample `i` on its own, or `nil` when not solved to optimality.
  public func optimum(sample i: Int, options: SolveOptions) -> SolveResult? {
    guard let result = try? Solver.solve(models[i].model, options: options), result.termination == .optimal,
      models[i].model.isFeasible(result.values)
    else { return nil }
    return result
  }

  /// The shared decisions of a solution of one model (or of the stacked model: its first columns).
  public func decisions(of values: [Double]) -> [Int: Double] {
    Dictionary(uniqueKeysWithValues: shared.map { ($0, values.indices.contains($0) ? values[$0] : 0) })
  }

  /// The move indicators of `plan` (centres left to the optimiser), as fixed columns.
  func moveDecisions(of plan: Plan) -> [Int: Double] {
    let reference = NearOptimalAlternatives(model: nominal).reference(plan)
    var fixed: [Int: Double] = [:]
    for moves in nominal.moves {
      for move in moves { fixed[move.variable.index] = reference[move.variable.index] }
    }
    return fixed
  }

  /// The robust plan's section of `plan.json`: solves the sample average, evaluates its decisions
  /// in every sample and solves each sample alone, all by `deadline`; `recommendation` (the plan
  /// of the scenario as given) is compared with it.
  public func run(
    options: SolveOptions, recommendation: Plan, deadline: ContinuousClock.Instant?
  ) -> Plan.RobustSection {
    var section = Plan.RobustSection(samples: draws.count, seed: seed)
    section.draws = draws.map { draw in
      .init(
        factors: Dictionary(uniqueKeysWithValues: draw.map { ($0.key.rawValue, PlanText.clean($0.value)) }),
        optimum: nil, robust: nil, regret: nil)
    }
    guard fits else {
      section.shortfall = .tooLarge
      return section
    }
    guard !draws.isEmpty else {
      section.shortfall = .noneLeft
      return section
    }
    var saaOptions = options
    saaOptions.initialSolution = nil
    // The sample average gets half of the time; the 2N single-sample solves share the rest.
    if let deadline { saaOptions.timeLimit = max(0.01, Planner.seconds(until: deadline) / 2) }
    guard let stacked = try? averageModel(), let result = try? Solver.solve(stacked, options: saaOptions),
      result.hasSolution, stacked.isFeasible(result.values)
    else {
      section.shortfall = options.stopSignal?.isRaised ?? false ? .stopped : .timeLimit
      return section
    }
    section.status = result.termination == .optimal ? .optimal : .feasible
    let robust = decisions(of: result.values)
    var sampleOptions = options
    sampleOptions.initialSolution = nil
    var objectives: [Double] = []
    var npvs: [Double] = []
    var regrets: [Double] = []
    var recommended: [Double]? = []
    let fixedRecommendation = moveDecisions(of: recommendation)
    for i in models.indices {
      if let deadline {
        let left = Planner.seconds(until: deadline)
        guard left > 0.01 else {
          section.shortfall = .timeLimit
          break
        }
        sampleOptions.timeLimit = max(0.01, left / Double(3 * (models.count - i)))
      }
      let value = evaluate(robust, in: models[i], options: sampleOptions)
      let own = optimum(sample: i, options: sampleOptions)
      if let value {
        objectives.append(value.objective)
        npvs.append(value.npv)
        section.draws[i].robust = PlanText.clean(value.objective)
      }
      if let own, let objective = own.objective {
        section.draws[i].optimum = PlanText.clean(objective)
        if let value {
          let regret = max(0, value.objective - objective)
          section.draws[i].regret = PlanText.clean(regret)
          regrets.append(regret)
        }
      }
      if let other = evaluate(fixedRecommendation, in: models[i], options: sampleOptions) {
        recommended?.append(other.objective)
      } else {
        recommended = nil
      }
    }
    if objectives.count == models.count {
      section.expectedObjective = PlanText.clean(objectives.reduce(0, +) / Double(objectives.count))
      section.expectedNPV = PlanText.clean(npvs.reduce(0, +) / Double(npvs.count))
    }
    if let recommended, recommended.count == models.count {
      section.recommendationExpectedObjective = PlanText.clean(
        recommended.reduce(0, +) / Double(recommended.count))
    }
    if !regrets.isEmpty {
      section.maximumRegret = PlanText.clean(regrets.max() ?? 0)
      section.meanRegret = PlanText.clean(regrets.reduce(0, +) / Double(regrets.count))
    }
    // What the robust decisions are, read on the scenario as given.
    var nominalOptions = sampleOptions
    if let deadline { nominalOptions.timeLimit = max(0.01, Planner.seconds(until: deadline)) }
    if let value = evaluate(robust, in: nominal, options: nominalOptions) {
      let values = SolveResult(
        termination: .optimal, hasSolution: true, objective: value.objective, bestBound: value.objective,
        gap: 0,
        values: value.values)
      let plan = PlanBuilder(model: nominal).plan(status: .feasible, result: values)
      section.changes = Plan.DecisionChange.between(recommendation.tasks, plan.tasks)
    }
    return section
  }
}
