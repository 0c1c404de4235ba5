public import ZentralPlan
public import ZentralSolver

/// How firm a recommendation is: scales one uncertain input at a time by a factor within
/// ``lowest``...``highest`` (by default 0.5...1.5, ±50 %), re-solves the full MIP and finds the
/// range of factors over which the recommended decisions stay optimal, and for each task whose
/// decision changes inside that range its break-even factor.
///
/// A *decision* is where a task goes: it stays, or the provider it moves to (the one taking the
/// largest share); the wave and a divisible task's share are not counted. The recommended decisions
/// *stay optimal* at a factor when the re-solve there has the same decisions, or when the
/// recommended solution (feasible in the scaled model) is as good as the re-solve's optimum within
/// 1e-7 relative (a tie is not a change).
///
/// Method: re-solves on a grid of factors (``step`` apart) outward from 1 on each side, then for
/// each change of the whole set and of each task a bisection between the last factor without the
/// change and the first with it, until the two are at most ``tolerance`` apart; the break-even is
/// their midpoint. Every re-solve is a full MIP solve of the scaled scenario, started from the
/// recommended solution when that satisfies every row of the scaled model; results are cached by
/// factor. The time limit of ``options`` bounds the whole analysis: an input whose re-solves did not
/// all finish says so (`complete: false`) and reports what was proven.
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

  /// Creates an analysis of `scenario` (a scenario the loader has validated).
  public init(
    scenario: Scenario, inputs: [SensitivityInput] = SensitivityInput.defaults,
    options: SolveOptions = SolveOptions()
  ) {
    self.scenario = scenario
    self.inputs = inputs
    self.options = options
  }

  /// One re-solve: the decision of each task (the provider, `nil` when it stays) and whether the
  /// recommended solution is still optimal there.
  struct Outcome: Equatable {
    var decisions: [String?]
    var recommendedOptimal: Bool
  }

  /// Runs the analysis; returns `nil` when the recommendation itself (factor 1) could not be
  /// solved to optimality within the time limit.
  public func run() throws(PlanningError) -> Plan.Sensitivity? {
    let started = ContinuousClock.now
    let deadline = options.timeLimit.map { started + .seconds($0) }
    var solves = 0
    let baseModel = try PlanningError.wrap { try CentralisationModel(scenario: scenario) }
    guard let base = solve(baseModel, start: nil, deadline: deadline) else { return nil }
    solves += 1
    let baseDecisions = Self.decisions(baseModel, values: base.values)
    var entries: [Plan.Sensitivity.Input] = []
    for input in inputs {
      var cache: [Double: Outcome?] = [1: Outcome(decisions: baseDecisions, recommendedOptimal: true)]
      let evaluate: (Double) -> Outcome? = { factor in
        let key = (factor * 1e9).rounded() / 1e9
        if let known = cache[key] { return known }
        let scaled = input.scaled(scenario, by: key)
        let outcome: Outcome? = {
          guard let model = try? CentralisationModel(scenario: scaled) else { return nil }
          solves += 1
          guard let result = solve(model, start: base.values, deadline: deadline) else {
            // A scaled scenario without any plan (a savings target out of reach) is a change of
            // the whole set, not of one decision.
            return infeasible(model, deadline: deadline)
              ? Outcome(decisions: [], recommendedOptimal: false) : nil
          }
          var same = false
          if model.model.columns.count == base.values.count, model.model.isFeasible(base.values),
            let optimum = result.objective
          {
            let recommended = model.model.objectiveValue(base.values)
            same = recommended <= optimum + 1e-7 * max(1, abs(optimum))
          }
          return Outcome(decisions: Self.decisions(model, values: result.values), recommendedOptimal: same)
        }()
        cache[key] = outcome
        return outcome
      }
      entries.append(examine(input, base: baseDecisions, facts: baseModel.facts, evaluate: evaluate))
    }
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Plan.Sensitivity(
      lowest: lowest, highest: highest, tolerance: tolerance, solves: solves,
      seconds: PlanText.clean((seconds * 1000).rounded() / 1000), inputs: entries)
  }

  /// The range and the flips of one input.
  private func examine(
    _ input: SensitivityInput, base: [String?], facts: ScenarioFacts, evaluate: (Double) -> Outcome?
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
      var previous = 1.0
      var end: Double? = nil
      var flipped = Set<Int>()
      for factor in grid {
        guard let outcome = evaluate(factor) else {
          complete = false
          if end == nil { end = previous }
          break
        }
        let changed = !outcome.recommendedOptimal && outcome.decisions != base
        if changed && end == nil {
          let found = bisect(previous, factor) { f in
            evaluate(f).map { !$0.recommendedOptimal && $0.decisions != base }
          }
          if found.unsolved { complete = false }
          end = found.point
        }
        if changed {
          for t in tasks.indices
          where !outcome.decisions.isEmpty && !flipped.contains(t) && outcome.decisions[t] != base[t] {
            flipped.insert(t)
            let found = bisect(previous, factor) { f in
              evaluate(f).map {
                !$0.recommendedOptimal && !$0.decisions.isEmpty && $0.decisions[t] != base[t]
              }
            }
            if found.unsolved { complete = false }
            let beyond = found.beyond.flatMap { evaluate($0) }?.decisions ?? []
            let to = beyond.isEmpty ? outcome.decisions[t] : beyond[t]
            let value = input.baseValue(task: t, provider: base[t] ?? to, facts: facts).map {
              PlanText.clean($0 * found.point)
            }
            flips.append(
              .init(
                task: tasks[t].id, factor: PlanText.clean(found.point), value: value, from: base[t], to: to))
          }
        }
        previous = factor
      }
      ends.append(PlanText.clean(end ?? limit))
    }
    flips.sort {
      abs($0.factor - 1) < abs($1.factor - 1) || abs($0.factor - 1) == abs($1.factor - 1) && $0.task < $1.task
    }
    return .init(key: input.description, low: ends[0], high: ends[1], complete: complete, flips: flips)
  }

  /// Bisection between `inside` (no change) and `outside` (changed) until they are at most
  /// ``tolerance`` apart: the midpoint, the first factor seen changed, and whether a re-solve failed.
  private func bisect(
    _ inside: Double, _ outside: Double, changed: (Double) -> Bool?
  ) -> (point: Double, beyond: Double?, unsolved: Bool) {
    var (a, b) = (inside, outside)
    while abs(b - a) > tolerance {
      let middle = (a + b) / 2
      guard let isChanged = changed(middle) else { return ((a + b) / 2, b, true) }
      if isChanged { b = middle } else { a = middle }
    }
    return (((a + b) / 2 * 1e6).rounded() / 1e6, b, false)
  }

  /// One full MIP solve within what is left until `deadline`, started from `start` when that
  /// satisfies every row; `nil` unless proven optimal.
  private func solve(
    _ model: CentralisationModel, start: [Double]?, deadline: ContinuousClock.Instant?
  ) -> SolveResult? {
    var solveOptions = options
    if let start, start.count == model.model.columns.count, model.model.isFeasible(start) {
      solveOptions.initialSolution = start
    }
    guard let result = Self.solve(model.model, options: solveOptions, deadline: deadline),
      result.termination == .optimal,
      result.hasSolution, model.model.isFeasible(result.values)
    else { return nil }
    return result
  }

  /// Whether `model` has no plan at all (GLPK's verdict, within what is left until `deadline`).
  private func infeasible(_ model: CentralisationModel, deadline: ContinuousClock.Instant?) -> Bool {
    var solveOptions = options
    if let deadline {
      let left = Planner.seconds(until: deadline)
      guard left > 0.01 else { return false }
      solveOptions.timeLimit = left
    }
    guard let result = try? Solver.solve(model.model, options: solveOptions) else { return false }
    return !result.hasSolution && [.infeasible, .infeasibleOrUnbounded].contains(result.termination)
  }

  /// One MIP solve of `model` bounded by `deadline`. GLPK's own time limit (`tm_lim`) made its
  /// branch-and-cut fail numerically on some ε-models of the Pareto front that it solves without
  /// one (Iserlohn's first, started from the status quo); such a failure is retried once without
  /// `tm_lim`, the deadline then enforced through the progress callback (which stops the search).
  static func solve(
    _ model: LinearModel, options: SolveOptions, deadline: ContinuousClock.Instant?
  ) -> SolveResult? {
    var limited = options
    if let deadline {
      let left = Planner.seconds(until: deadline)
      guard left > 0.01 else { return nil }
      limited.timeLimit = left
    }
    guard let first = try? Solver.solve(model, options: limited) else { return nil }
    guard first.termination == .numericalFailure, let deadline, Planner.seconds(until: deadline) > 0.01 else {
      return first
    }
    var open = options
    open.timeLimit = nil
    return (try? Solver.solve(model, options: open, progress: { _ in ContinuousClock.now < deadline }))
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
