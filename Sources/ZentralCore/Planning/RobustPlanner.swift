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
      models.append(
        try PlanningError.wrap { try CentralisationModel(scenario: sampled, retainedCovers: false) })
    }
    self.models = models
    nominal = try PlanningError.wrap { try CentralisationModel(scenario: scenario, retainedCovers: false) }
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
  ///
  /// `starts` are tried as the solve's start (the first that holds with `fixed`); a solve cut short
  /// by the time limit gives its best solution (an objective no lower than the optimum's).
  public func evaluate(
    _ fixed: [Int: Double], in model: CentralisationModel, options: SolveOptions, starts: [[Double]] = []
  ) -> (objective: Double, npv: Double, values: [Double])? {
    var copy = model.model
    for (j, value) in fixed {
      guard let variable = copy.variable(j) else { return nil }
      let value = copy.columns[j].kind == .continuous ? value : value.rounded()
      guard (try? copy.setBounds(of: variable, lower: value, upper: value)) != nil else { return nil }
    }
    var options = options
    options.initialSolution = starts.lazy.map { start in
      start.indices.map { j in
        copy.columns.indices.contains(j) && copy.columns[j].kind != .continuous
          ? start[j].rounded() : start[j]
      }
    }.first { copy.isFeasible($0) }
    let r = try? Solver.solve(copy, options: options)
    guard let result = r, result.hasSolution,
      [.optimal, .gapReached, .timeLimit, .stoppedByCaller].contains(result.termination),
      model.model.isFeasible(result.values)
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

  /// The move indicators of `plan` (centres left to the optimiser), as fixed columns. The shares
  /// of divisible tasks (continuous columns) are left to the optimiser too: `plan.json` rounds
  /// them, and a rounded share need not give whole posts.
  func moveDecisions(of plan: Plan) -> [Int: Double] {
    let reference = NearOptimalAlternatives(model: nominal).reference(plan)
    var fixed: [Int: Double] = [:]
    for moves in nominal.moves {
      for move in moves where nominal.model.columns[move.variable.index].kind != .continuous {
        fixed[move.variable.index] = reference[move.variable.index]
      }
    }
    return fixed
  }

  /// Without a deadline, the most seconds the sample-average MIP runs; where it stops there the
  /// section reports the best decisions found with their bound and gap.
  public static let defaultSampleAverageSeconds: Double = 60

  /// One set of shared decisions evaluated in every sample: the objective, NPV and solution of
  /// each sample with those decisions held (`nil` where they break a rule or were not solved).
  struct Candidate {
    var decisions: [Int: Double]
    var samples: [(objective: Double, npv: Double, values: [Double])?]
    /// The mean objective over the samples, when every sample has one.
    var mean: Double? {
      let objectives = samples.compactMap { $0?.objective }
      guard objectives.count == samples.count, !objectives.isEmpty else { return nil }
      return objectives.reduce(0, +) / Double(objectives.count)
    }
  }

  /// The robust plan's section of `plan.json`, all by `deadline` (without one, the sample average
  /// stops after ``defaultSampleAverageSeconds``):
  /// 1. each sample alone (its own optimum, for the regret; a third of the time);
  /// 2. the distinct decisions of those optima and of the recommendation, each evaluated in every
  ///    sample (up to half of the time left): the best mean is a plan for the sample average, so
  ///    the robust plan is never worse than any single-sample plan evaluated on all samples;
  /// 3. the sample-average MIP started from that plan (60 % of the time left); its bound gives the
  ///    section's `bound` and `gap` when it is cut short;
  /// 4. the robust decisions, and the recommendation's moves, evaluated in every sample.
  ///
  /// `averageSeconds`, when given, replaces the sample-average MIP's share of the time (a test
  /// cuts it short with it); `ownSeconds` the samples' own solves' (0: none).
  public func run(
    options: SolveOptions, recommendation: Plan, deadline: ContinuousClock.Instant?,
    averageSeconds: Double? = nil, ownSeconds: Double? = nil
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
    var sampleOptions = options
    sampleOptions.initialSolution = nil
    let stopped = { options.stopSignal?.isRaised ?? false }
    func left() -> Double? { deadline.map { Planner.seconds(until: $0) } }
    func timeIsUp() -> Bool { stopped() || (left().map { $0 <= 0.01 } ?? false) }

    // The recommendation's decisions (its moves, its centres re-optimised on the scenario as given):
    // a candidate, and the start of each sample's own solve where it satisfies that sample's rows.
    let asGiven =
      timeIsUp() ? nil : evaluate(moveDecisions(of: recommendation), in: nominal, options: sampleOptions)

    // 0. The recommendation's decisions in every sample (moves and centres held; cheap solves of
    // the per-sample columns, a quarter of the time at most): a candidate before anything else, so
    // that a robust plan exists whenever these decisions hold in every sample. Where they break a
    // rule in some sample (a budget or savings target under higher costs), the status quo's
    // decisions (nothing moves) are the fallback candidate.
    var candidates: [Candidate] = []
    var keys: [[Double]: Int] = [:]
    func key(_ decisions: [Int: Double]) -> [Double] { shared.map { ((decisions[$0] ?? 0) * 1e6).rounded() } }
    let firstEnd = left().map { ContinuousClock.now + .seconds($0 / 4) }
    let firstSets: [(decisions: [Int: Double], start: [Double])] =
      [
        asGiven.map { (decisions(of: $0.values), $0.values) },
        (decisions(of: nominal.statusQuo()), nominal.statusQuo()),
      ]
      .compactMap { $0 }
    var sets = firstSets
    var worstTried = false
    while !sets.isEmpty, !stopped(), !candidates.contains(where: { $0.mean != nil }) {
      let (decisions, start) = sets.removeFirst()
      defer {
        // The recommendation breaks a rule in some sample: the plan of the costliest sample
        // (every factor at its largest draw) is the next candidate.
        if !worstTried, !candidates.contains(where: { $0.mean != nil }),
          let worst = worstCase(options: sampleOptions, deadline: firstEnd)
        {
          worstTried = true
          sets.insert((self.decisions(of: worst), worst), at: 0)
        }
        worstTried = true
      }
      guard keys[key(decisions)] == nil else { continue }
      var first = Candidate(decisions: decisions, samples: Array(repeating: nil, count: models.count))
      for i in models.indices where !stopped() {
        var fixedOptions = sampleOptions
        if let firstEnd {
          let time = Planner.seconds(until: firstEnd)
          guard time > 0.01 else { break }
          fixedOptions.timeLimit = max(0.01, time / Double(models.count - i))
        }
        let starts = first.samples.compactMap { $0?.values } + [start, models[i].statusQuo()]
        guard let value = evaluate(decisions, in: models[i], options: fixedOptions, starts: starts) else {
          break  // breaks a rule in this sample (or not solved in time): no mean
        }
        first.samples[i] = value
      }
      keys[key(decisions)] = candidates.count
      candidates.append(first)
    }
    let firstCount = candidates.count

    // 1. Each sample alone, started from the previous sample's solution or the recommendation's
    // where that satisfies this sample's rows. A solve cut short gives a candidate, not an optimum.
    var optima: [SolveResult?] = Array(repeating: nil, count: models.count)
    var found: [SolveResult?] = Array(repeating: nil, count: models.count)
    var previous: [Double]?
    let ownEnd =
      ownSeconds.map { ContinuousClock.now + .seconds($0) }
      ?? left().map { ContinuousClock.now + .seconds($0 / 3) }
    for i in models.indices where !timeIsUp() {
      var own = sampleOptions
      if let ownEnd {
        let time = Planner.seconds(until: ownEnd)
        guard time > 0.01 else { break }
        // The whole rest of the phase: the first solve (without a start of its own) may need
        // more than its share; the later ones start from it.
        own.timeLimit = max(0.01, time)
      }
      // As the plain plan does, the status quo where nothing better holds (GLPK without a start
      // took minutes on a München sample).
      let starts =
        candidates.map { $0.samples[i]?.values } + [previous, asGiven?.values, models[i].statusQuo()]
      own.initialSolution = starts.compactMap { $0 }.first { models[i].model.isFeasible($0) }
      guard let result = try? Solver.solve(models[i].model, options: own), result.hasSolution,
        models[i].model.isFeasible(result.values)
      else { continue }
      found[i] = result
      if result.termination == .optimal { optima[i] = result }
      previous = result.values
    }

    // 2. The distinct decisions of the recommendation and of the samples' solutions (most
    // frequent first), each evaluated in every sample.
    func own(_ i: Int, _ result: SolveResult) -> (objective: Double, npv: Double, values: [Double]) {
      (
        models[i].model.objectiveValue(result.values), result.value(of: models[i].objectiveParts.npv),
        result.values
      )
    }
    func add(_ decisions: [Int: Double], own sample: Int?) {
      let index = keys[key(decisions)] ?? candidates.count
      if index == candidates.count {
        keys[key(decisions)] = index
        candidates.append(
          Candidate(decisions: decisions, samples: Array(repeating: nil, count: models.count)))
      }
      // A proven optimum is that sample's evaluation of its decisions.
      if let sample, let result = optima[sample] { candidates[index].samples[sample] = own(sample, result) }
    }
    for (i, result) in found.enumerated() {
      if let result { add(decisions(of: result.values), own: i) }
    }
    let frequency = { (c: Candidate) in c.samples.compactMap { $0 }.count }
    if candidates.count > firstCount + 1 {
      candidates[firstCount...].sort { frequency($0) > frequency($1) }
    }
    let candidatesEnd = left().map { ContinuousClock.now + .seconds($0 / 2) }
    evaluation: for c in candidates.indices {
      for i in models.indices where candidates[c].samples[i] == nil {
        if stopped() { break evaluation }
        if let end = candidatesEnd {
          let time = Planner.seconds(until: end)
          guard time > 0.01 else { break evaluation }
          sampleOptions.timeLimit = max(0.01, time / Double(models.count))
        }
        let starts = candidates[c].samples.compactMap { $0?.values } + [asGiven?.values].compactMap { $0 }
        guard
          let value = evaluate(candidates[c].decisions, in: models[i], options: sampleOptions, starts: starts)
        else {
          break  // breaks a rule in this sample: no mean
        }
        candidates[c].samples[i] = value
      }
    }
    let best = candidates.indices.filter { candidates[$0].mean != nil }.min {
      (candidates[$0].mean ?? 0) < (candidates[$1].mean ?? 0)
    }
    section.candidates = candidates.filter { $0.mean != nil }.count

    // 3. The sample average, from the best candidate.
    var saaOptions = options
    saaOptions.timeLimit =
      averageSeconds ?? left().map { max(0.01, $0 * 0.6) } ?? Self.defaultSampleAverageSeconds
    // GLPK's branch-and-cut closes the last hundredths of a per cent slowly (Münster: 0.005 %
    // left after 20 s); the same tolerance as the family decomposition's.
    // Without a time limit the sample average is proven optimal.
    if deadline != nil { saaOptions.relativeGap = min(options.relativeGap ?? 1e-4, 1e-4) }
    saaOptions.initialSolution = best.flatMap { stackedStart(candidates[$0]) }
    var robust: Candidate?
    var result: SolveResult?
    if !timeIsUp(), let stacked = try? averageModel() {
      if let solved = try? Solver.solve(stacked, options: saaOptions), solved.hasSolution,
        stacked.isFeasible(solved.values)
      {
        result = solved
        let value = stacked.objectiveValue(solved.values)
        let incumbent = best.flatMap { candidates[$0].mean }
        if incumbent.map({ value < $0 - 1e-9 * max(1, abs($0)) }) ?? true {
          robust = Candidate(
            decisions: decisions(of: solved.values), samples: Array(repeating: nil, count: models.count))
        }
      }
    }
    if robust == nil, let best { robust = candidates[best] }
    guard var robust else {
      section.shortfall = stopped() ? .stopped : .timeLimit
      return section
    }
    // 4. The robust decisions and the recommendation's moves in every sample.
    let fixedRecommendation = moveDecisions(of: recommendation)
    var recommended: [Double]? = []
    for i in models.indices {
      if let time = left() {
        guard time > 0.01 else { break }
        sampleOptions.timeLimit = max(0.01, time / Double(2 * (models.count - i) + 1))
      }
      if robust.samples[i] == nil {
        let starts =
          robust.samples.compactMap { $0?.values }
          + [result?.values].compactMap { $0 }.map { Array($0.prefix(models[i].model.columns.count)) }
        robust.samples[i] = evaluate(robust.decisions, in: models[i], options: sampleOptions, starts: starts)
      }
      if let other = evaluate(
        fixedRecommendation, in: models[i], options: sampleOptions,
        starts: [asGiven?.values].compactMap { $0 })
      {
        recommended?.append(other.objective)
      } else {
        recommended = nil
      }
    }
    var regrets: [Double] = []
    for i in models.indices {
      if let value = robust.samples[i] { section.draws[i].robust = PlanText.clean(value.objective) }
      if let objective = optima[i]?.objective {
        section.draws[i].optimum = PlanText.clean(objective)
        if let value = robust.samples[i] {
          let regret = max(0, value.objective - objective)
          section.draws[i].regret = PlanText.clean(regret)
          regrets.append(regret)
        }
      }
    }
    guard let expected = robust.mean else {
      section.shortfall = stopped() ? .stopped : .timeLimit
      return section
    }
    section.expectedObjective = PlanText.clean(expected)
    section.expectedNPV = PlanText.clean(
      robust.samples.compactMap { $0?.npv }.reduce(0, +) / Double(models.count))
    let proven = result?.termination == .optimal
    section.status = proven ? .optimal : .feasible
    if let bound = proven ? result?.objective : result?.bestBound, bound.isFinite {
      let lower = min(bound, expected)
      section.bound = PlanText.clean(lower)
      section.gap = PlanText.clean(proven ? 0 : (expected - lower) / max(1, abs(expected)))
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
    nominalOptions.timeLimit = left().map { max(0.01, $0) }
    if let value = evaluate(robust.decisions, in: nominal, options: nominalOptions) {
      let values = SolveResult(
        termination: .optimal, hasSolution: true, objective: value.objective, bestBound: value.objective,
        gap: 0,
        values: value.values)
      let plan = PlanBuilder(model: nominal).plan(status: .feasible, result: values)
      section.changes = Plan.DecisionChange.between(recommendation.tasks, plan.tasks)
    }
    return section
  }

  /// A plan of the scenario scaled by every factor's largest draw (budgets and savings targets
  /// are hardest there), by `deadline`, or `nil`.
  func worstCase(options: SolveOptions, deadline: ContinuousClock.Instant?) -> [Double]? {
    var worst: [Uncertainty.Input: Double] = [:]
    for draw in draws { for (input, factor) in draw { worst[input] = max(worst[input] ?? factor, factor) } }
    guard let model = try? CentralisationModel(scenario: scenario.scaled(by: worst), retainedCovers: false)
    else { return nil }
    var options = options
    if let deadline { options.timeLimit = max(0.01, Planner.seconds(until: deadline)) }
    options.initialSolution = model.statusQuo()
    guard let result = try? Solver.solve(model.model, options: options), result.hasSolution,
      model.model.isFeasible(result.values)
    else { return nil }
    return result.values
  }

  /// A solution of the stacked model (``averageModel()``) from a candidate's solution in every
  /// sample: sample 0's columns, then each further sample's own columns; `nil` unless every
  /// sample has one.
  func stackedStart(_ candidate: Candidate) -> [Double]? {
    let sharedSet = Set(shared)
    var start: [Double] = []
    for (i, value) in candidate.samples.enumerated() {
      guard let value, value.values.count == models[i].model.columns.count else { return nil }
      if i == 0 {
        start = value.values
      } else {
        start += value.values.indices.filter { !sharedSet.contains($0) }.map { value.values[$0] }
      }
    }
    return start
  }
}
