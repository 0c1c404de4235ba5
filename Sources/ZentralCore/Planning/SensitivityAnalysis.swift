public import ZentralPlan
public import ZentralSolver

/// How firm a recommendation is: scales one uncertain input at a time by a factor within
/// ``lowest``...``highest`` (by default 0.5...1.5, ±50 %), re-solves the full MIP and finds the
/// range of factors over which the recommended plan stays optimal, and for each task whose
/// decision changes inside that range its break-even factor.
///
/// A *decision* is where a task goes: it stays, or the provider it moves to (the one taking the
/// largest share); the wave and a divisible task's share are not counted. The recommended plan
/// *stays optimal* at a factor when no plan of the scaled model is better than it by more than
/// 1e-7 relative (a tie is not a change).
///
/// Method: re-solves on a grid of factors (``step`` apart) outward from 1 on each side, then
/// bisections between the last factor without a change and the first with it, until the two are
/// at most ``tolerance`` apart; the break-even is their midpoint. Every re-solve is a full MIP
/// solve of the scaled scenario, warm-started from the best of the recommended plan and the
/// nearest plan solved before that satisfies every row of the scaled model; results are cached by
/// factor. A re-solve that only has to say whether the recommended plan stays optimal (the
/// bisection of a range end) stops as soon as its bound proves it does or a better plan proves it
/// does not. The re-solves share ``budget`` (and the time limit of ``options``) like the explain
/// budget: each gets a fair share of what is left. A bisection that a cut-short re-solve ends
/// reports a bracket (the two factors proven on either side), never a guessed break-even; an input
/// whose re-solves did not all finish says so (`complete: false`) and reports what was proven.
public struct SensitivityAnalysis: Sendable {
  /// The scenario whose recommendation is examined.
  public let scenario: Scenario
  /// The inputs, examined in this order.
  public var inputs: [SensitivityInput]
  /// The smallest factor examined.
  public var lowest = 0.5
  /// The largest factor examined.
  public var highest = 1.5
  /// The distance between grid factors.
  public var step = 0.1
  /// The largest distance, in factor, between the two re-solves that enclose a break-even.
  public var tolerance = 0.005
  /// Options of every re-solve; the time limit bounds the whole analysis.
  public var options: SolveOptions
  /// Seconds for the whole analysis, shared among its re-solves; `nil`: only the time limit.
  public var budget: Double?
  /// The recommended plan's values (by column of the scenario's model), when the caller has them
  /// and they are optimal: the analysis then does not solve factor 1 again.
  public var recommendation: [Double]?

  /// Creates an analysis of `scenario` (a scenario the loader has validated).
  public init(
    scenario: Scenario, inputs: [SensitivityInput] = SensitivityInput.defaults,
    options: SolveOptions = SolveOptions()
  ) {
    self.scenario = scenario
    self.inputs = inputs
    self.options = options
  }

  /// One re-solve: whether the recommended plan is still optimal there, and the decision of each
  /// task (the provider, `nil` when it stays) in a proven optimum; `decisions` is `nil` when the
  /// re-solve stopped once a better plan than the recommendation was found (the optimum unproven),
  /// and empty when the scaled scenario has no plan at all.
  struct Outcome: Equatable {
    var decisions: [String?]?
    var recommendedOptimal: Bool
  }

  /// The mutable state of one run: the budget, the count of re-solves, the plans solved so far.
  private final class RunState {
    var solves = 0
    /// Grid factors of all inputs not yet examined: with four more, the re-solves still expected.
    var gridLeft = 0
    var starts: [[Double]] = []
    let budget: AnalysisBudget
    init(budget: AnalysisBudget) { self.budget = budget }
  }

  /// Runs the analysis; returns `nil` when the recommendation itself (factor 1) could not be
  /// solved to optimality within the time limit.
  public func run() throws(PlanningError) -> Plan.Sensitivity? {
    let started = ContinuousClock.now
    let deadline = options.timeLimit.map { started + .seconds($0) }
    let state = RunState(budget: AnalysisBudget(seconds: budget, deadline: deadline))
    let baseModel = try PlanningError.wrap {
      try CentralisationModel(scenario: scenario, retainedCovers: false)
    }
    let base: [Double]
    if let recommendation, recommendation.count == baseModel.model.columns.count,
      baseModel.model.isFeasible(recommendation)
    {
      base = recommendation
    } else {
      var first = options
      first.timeLimit = state.budget.left.map { max(0.01, $0) }
      guard let result = Self.solve(baseModel.model, options: first),
        result.termination == .optimal, result.hasSolution, baseModel.model.isFeasible(result.values)
      else { return nil }
      state.solves += 1
      base = result.values
    }
    let baseDecisions = Self.decisions(baseModel, values: base)
    let perSide = Int(((1 - lowest) / step).rounded(.up)) + Int(((highest - 1) / step).rounded(.up))
    state.gridLeft = inputs.count * perSide
    var entries: [Plan.Sensitivity.Input?] = Array(repeating: nil, count: inputs.count)
    var caches = Array(
      repeating: [1.0: Outcome(decisions: baseDecisions, recommendedOptimal: true)], count: inputs.count)
    // A first pass over every input; then, while budget is left, passes over the inputs not
    // complete: proven outcomes stay cached, the re-solves cut short get the larger shares left.
    for pass in 0..<3 {
      if pass > 0 && (state.budget.isUsedUp || entries.allSatisfy { $0?.complete ?? false }) { break }
      if pass > 0 { state.gridLeft = entries.filter { !($0?.complete ?? false) }.count * perSide / 2 }
      for (i, input) in inputs.enumerated() where !(entries[i]?.complete ?? false) {
        state.starts = [base]
        let evaluate: (Double, Bool) -> Outcome? = { factor, needDecisions in
          let key = (factor * 1e9).rounded() / 1e9
          if let known = caches[i][key], known.decisions != nil || !needDecisions { return known }
          let scaled = input.scaled(scenario, by: key)
          guard let model = try? CentralisationModel(scenario: scaled, retainedCovers: false) else {
            return nil
          }
          let outcome = evaluateModel(model, base: base, needDecisions: needDecisions, state: state)
          if let outcome { caches[i][key] = outcome }
          return outcome
        }
        entries[i] = examine(
          input, base: baseDecisions, facts: baseModel.facts, state: state, evaluate: evaluate)
      }
    }
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Plan.Sensitivity(
      lowest: lowest, highest: highest, tolerance: tolerance, solves: state.solves,
      seconds: PlanText.clean((seconds * 1000).rounded() / 1000), inputs: entries.compactMap { $0 })
  }

  /// One re-solve of a scaled `model` within its share of the budget: `nil` when it proved
  /// neither that the recommendation `base` stays optimal nor that a better plan exists.
  private func evaluateModel(
    _ model: CentralisationModel, base: [Double], needDecisions: Bool, state: RunState
  ) -> Outcome? {
    let linear = model.model
    let share = state.budget.share(waiting: state.gridLeft + 4)
    if let share, share <= 0 { return nil }
    state.solves += 1
    // The recommendation's objective in the scaled model, when it satisfies every row there.
    let recommended =
      base.count == linear.columns.count && linear.isFeasible(base) ? linear.objectiveValue(base) : nil
    let tie = recommended.map { 1e-7 * max(1, abs($0)) } ?? 0
    var solveOptions = options
    solveOptions.timeLimit = share ?? options.timeLimit
    solveOptions.initialSolution =
      state.starts.filter { $0.count == linear.columns.count && linear.isFeasible($0) }
      .min { linear.objectiveValue($0) < linear.objectiveValue($1) }
    let stop: (SolveProgress) -> Bool = { progress in
      guard let recommended else { return true }
      if let bound = progress.bound, bound >= recommended - tie { return false }
      if !needDecisions, let incumbent = progress.incumbent, incumbent < recommended - tie { return false }
      return true
    }
    guard let result = Self.solve(linear, options: solveOptions, progress: stop) else { return nil }
    if !result.hasSolution {
      // A scaled scenario without any plan (a savings target out of reach) is a change of the
      // whole set, not of one decision.
      let none = [.infeasible, .infeasibleOrUnbounded].contains(result.termination)
      return none ? Outcome(decisions: [], recommendedOptimal: false) : nil
    }
    guard linear.isFeasible(result.values), let objective = result.objective else { return nil }
    if result.termination == .optimal {
      state.starts = Array(([result.values] + state.starts).prefix(3))
      let same = recommended.map { $0 <= objective + tie } ?? false
      return Outcome(decisions: Self.decisions(model, values: result.values), recommendedOptimal: same)
    }
    if let recommended, let bound = result.bestBound, bound >= recommended - tie {
      return Outcome(decisions: Self.decisions(model, values: base), recommendedOptimal: true)
    }
    if let recommended, objective < recommended - tie {
      state.starts = Array(([result.values] + state.starts).prefix(3))
      return Outcome(decisions: nil, recommendedOptimal: false)
    }
    return nil
  }

  /// The range and the flips of one input.
  private func examine(
    _ input: SensitivityInput, base: [String?], facts: ScenarioFacts, state: RunState,
    evaluate: (Double, Bool) -> Outcome?
  ) -> Plan.Sensitivity.Input {
    var complete = true
    var ends: [Double] = []
    var flips: [Plan.Sensitivity.Flip] = []
    let tasks = facts.scenario.tasks
    for side in [-1.0, 1.0] {
      let limit = side < 0 ? lowest : highest
      var grid: [Double] = []
      var k = 1.0
      while true {
        let next = 1 + side * k * step
        if side < 0 ? next <= limit + 1e-12 : next >= limit - 1e-12 {
          grid.append(limit)
          break
        }
        grid.append(next)
        k += 1
      }
      // The last factor where the recommended plan was proven optimal, and the last one whose
      // optimal decisions were proven.
      var lastSame = 1.0
      var lastProven = 1.0
      var end: Double? = nil
      var flipped = Set<Int>()
      for factor in grid {
        state.gridLeft = max(0, state.gridLeft - 1)
        guard let outcome = evaluate(factor, true) else {
          complete = false
          continue
        }
        if !outcome.recommendedOptimal && end == nil {
          let found = bisect(lastSame, factor) { f in evaluate(f, false).map { !$0.recommendedOptimal } }
          if found.bracket != nil { complete = false }
          // Cut short: the range ends where it was last proven, not at a guess.
          end = found.bracket == nil ? found.point : found.inside
        }
        if outcome.recommendedOptimal { lastSame = factor }
        guard let decisions = outcome.decisions else {
          complete = false
          continue
        }
        for t in tasks.indices where !decisions.isEmpty && !flipped.contains(t) && decisions[t] != base[t] {
          flipped.insert(t)
          let found = bisect(lastProven, factor) { f in
            evaluate(f, true).flatMap { outcome in
              outcome.recommendedOptimal
                ? false : outcome.decisions.flatMap { $0.isEmpty ? true : $0[t] != base[t] }
            }
          }
          if found.bracket != nil { complete = false }
          let beyond = evaluate(found.beyond, true)?.decisions ?? []
          let to = beyond.isEmpty ? decisions[t] : beyond[t]
          let value = input.baseValue(task: t, provider: base[t] ?? to, facts: facts).map {
            PlanText.clean($0 * found.point)
          }
          flips.append(
            .init(
              task: tasks[t].id, factor: PlanText.clean(found.point), value: value, from: base[t], to: to,
              bracket: found.bracket))
        }
        lastProven = factor
      }
      if end == nil && !complete { end = lastSame }
      ends.append(PlanText.clean(end ?? limit))
    }
    flips.sort {
      abs($0.factor - 1) < abs($1.factor - 1) || abs($0.factor - 1) == abs($1.factor - 1) && $0.task < $1.task
    }
    return .init(key: input.description, low: ends[0], high: ends[1], complete: complete, flips: flips)
  }

  /// Bisection between `inside` (no change) and `outside` (changed) until they are at most
  /// ``tolerance`` apart: the midpoint, the last factor proven without the change, the first
  /// proven with it, and the bracket `[low, high]` (by value) when a re-solve was cut short
  /// before the two came within the tolerance.
  private func bisect(
    _ inside: Double, _ outside: Double, changed: (Double) -> Bool?
  ) -> (point: Double, inside: Double, beyond: Double, bracket: [Double]?) {
    var (a, b) = (inside, outside)
    while abs(b - a) > tolerance {
      let middle = (a + b) / 2
      guard let isChanged = changed(middle) else {
        let bracket = [min(a, b), max(a, b)].map { PlanText.clean(($0 * 1e6).rounded() / 1e6) }
        return (((a + b) / 2 * 1e6).rounded() / 1e6, a, b, bracket)
      }
      if isChanged { b = middle } else { a = middle }
    }
    return (((a + b) / 2 * 1e6).rounded() / 1e6, a, b, nil)
  }

  /// One MIP solve of `model` within `options.timeLimit`, `progress` able to stop it early. GLPK's
  /// own time limit (`tm_lim`) made its branch-and-cut fail numerically on some ε-models of the
  /// Pareto front that it solves without one (Iserlohn's first, started from the status quo); such
  /// a failure is retried once without `tm_lim`, the rest of the limit then enforced through the
  /// progress callback (which stops the search).
  static func solve(
    _ model: LinearModel, options: SolveOptions, progress: @escaping (SolveProgress) -> Bool = { _ in true }
  ) -> SolveResult? {
    let started = ContinuousClock.now
    guard let first = try? Solver.solve(model, options: options, progress: progress) else { return nil }
    guard first.termination == .numericalFailure, let limit = options.timeLimit else { return first }
    let end = started + .milliseconds(Int64(min(max(0, limit), 3.2e7) * 1000))
    guard Planner.seconds(until: end) > 0.01 else { return first }
    var open = options
    open.timeLimit = nil
    return (try? Solver.solve(model, options: open, progress: { ContinuousClock.now < end && progress($0) }))
      ?? first
  }

  /// The decision of each task in a solution: the provider taking the largest share, `nil` when
  /// it stays.
  static func decisions(_ model: CentralisationModel, values: [Double]) -> [String?] {
    model.moves.map { moves in
      var shares: [String: Double] = [:]
      for move in moves { shares[move.provider, default: 0] += values[move.variable.index] }
      guard let best = shares.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
        shares.values.reduce(0, +) > 1e-6
      else { return nil }
      return best.key
    }
  }
}
