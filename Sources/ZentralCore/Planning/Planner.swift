public import ZentralPlan
public import ZentralSolver

/// Turns a scenario into a ``Plan``: builds the centralisation MIP, solves it with GLPK, explains
/// every decision (the rule behind it, or what flipping it would cost) and, when no plan is
/// feasible, names the rules that conflict.
///
/// ```swift
/// let planner = try Planner(scenario: scenario)
/// let plan = try planner.plan(options: PlanningOptions(solve: SolveOptions(timeLimit: 60)))
/// ```
public struct Planner: Sendable {
  /// Whether the model is solved as one MIP or family by family.
  public enum Decomposition: String, Sendable, CaseIterable {
    /// Family by family for models of at least ``Planner/decompositionThreshold`` columns with
    /// two or more families; one MIP otherwise.
    case automatic
    /// Always family by family (the LP relaxation gives the bound; flip costs are not computed).
    case always
    /// Always one MIP (GLPK's branch-and-cut over the whole model).
    case never
  }

  /// Models with at least this many columns are solved family by family under
  /// ``Decomposition/automatic``. Measured (BENCHMARKS.md): on the generated big city (5,881
  /// columns) one MIP stops at a 10.5 % gap after 30 s, the decomposition reaches about 2 %;
  /// the largest seed scenario (München) has under 1,000 columns and is solved to optimality as one MIP.
  public static let decompositionThreshold = 5_000

  /// The scenario planned.
  public let scenario: Scenario
  /// The model that is solved (export it with ``ZentralSolver/ModelFile``). A decomposed model
  /// links moves to centres in aggregated form (``CentralisationModel`` `compactLinks`): the same
  /// plans, a fifth of the rows on the state-scale case.
  public let model: CentralisationModel
  /// Whether ``plan(options:progress:)`` solves family by family.
  public let decomposes: Bool
  /// The number of blocks a decomposed solve works on (families, or families linked by a
  /// together group); 0 when the model is solved as one MIP.
  let blocks: Int

  /// Builds the model of `scenario` (a scenario the loader has validated).
  public init(scenario: Scenario, decomposition: Decomposition = .automatic) throws(PlanningError) {
    self.scenario = scenario
    let facts = ScenarioFacts(scenario)
    // The decision needs only the column count (the same in both link forms) and the blocks, both
    // known from the facts: the model is built once, in the form that is solved.
    let decomposes =
      switch decomposition {
      case .never: false
      case .always: true
      case .automatic:
        facts.blockCount >= 2 && CentralisationModel.columnCount(of: facts) >= Self.decompositionThreshold
      }
    self.decomposes = decomposes
    blocks = decomposes ? facts.blockCount : 0
    model = try PlanningError.wrap { try CentralisationModel(facts: facts, compactLinks: decomposes) }
  }

  /// The status-quo NPV (nothing moves; centres that exist stay open), EUR.
  public var baselineNPV: Double { PlanBuilder(model: model).baselineNPV }

  /// Solves and explains.
  ///
  /// - Parameters:
  ///   - options: solver limits and the analyses to run.
  ///   - progress: called from the main solve's branch-and-bound callback; return `false` to stop.
  /// - Returns: the plan; "infeasible", "time limit" and "stopped" are plans, not errors.
  public func plan(
    options: PlanningOptions = PlanningOptions(), progress: ((SolveProgress) -> Bool)? = nil
  ) throws(PlanningError) -> Plan {
    let builder = PlanBuilder(model: model)
    // The status quo, checked in exact terms: when it satisfies every rule, a plan exists and no
    // solver verdict may say otherwise.
    let statusQuo = model.statusQuo()
    let statusQuoHolds = model.model.isFeasible(statusQuo)
    let start = options.warmStart && statusQuoHolds ? statusQuo : nil
    var solveOptions = options.solve
    let solveStarted = ContinuousClock.now
    // The time limit holds for the whole call: what the search leaves goes to the analyses.
    let deadline = options.solve.timeLimit.map { solveStarted + .seconds($0) }
    var result: SolveResult
    if decomposes {
      solveOptions.initialSolution = nil
      result = FamilyDecomposition(
        model: model, options: solveOptions, threads: options.threads, trace: options.trace
      )
      .solve(start: start, progress: progress)
    } else {
      if let start {
        // Handed to GLPK, the start turns its MIP presolver off (docs/model.md, "Starting point").
        // Without a time limit (and without centres first, which needs the model as built) it is
        // only kept aside: measured on Münster over 5 and 10 years, the presolved search is 2 to
        // 4 times faster.
        if options.solve.timeLimit == nil && !options.centresFirst {
          solveOptions.fallbackSolution = start
        } else {
          solveOptions.initialSolution = start
        }
      }
      if options.centresFirst { solveOptions.branchFirst = model.centreOpeningColumns }
      result = try PlanningError.wrap {
        try Solver.solve(model.model, options: solveOptions, progress: progress)
      }
    }
    var notes: [Plan.Note] = []
    // The check and any re-solve it needs get what is left of the time limit.
    var verdictOptions = options.solve
    if let deadline { verdictOptions.timeLimit = max(0.001, Self.seconds(until: deadline)) }
    result = try checkedVerdict(
      result, statusQuo: statusQuoHolds ? statusQuo : nil, options: verdictOptions, notes: &notes)
    options.phaseFinished?("solve", Self.seconds(since: solveStarted))
    let analysisStarted = ContinuousClock.now
    defer { options.phaseFinished?("explain", Self.seconds(since: analysisStarted)) }
    let status: Plan.Status
    switch result.termination {
    case .optimal: status = .optimal
    case .gapReached: status = .feasible
    case .timeLimit: status = .timeLimit
    case .stoppedByCaller: status = .stopped
    case .infeasible, .infeasibleOrUnbounded: status = .infeasible
    case .numericalFailure where result.hasSolution: status = .feasible
    case .unbounded, .numericalFailure: throw .numericalFailure
    }
    guard result.hasSolution else {
      var plan = builder.emptyPlan(status: status)
      plan.notes = notes
      var diagnosisOptions = options.solve
      diagnosisOptions.timeLimit = deadline.map { Self.seconds(until: $0) }
      if status == .infeasible && options.diagnose && (diagnosisOptions.timeLimit ?? 1) > 0.01 {
        let diagnosis = InfeasibilityDiagnosis(facts: model.facts, options: diagnosisOptions)
        if let groups = try diagnosis.conflict() { plan.diagnosis = diagnosis.diagnosis(groups) }
      }
      return plan
    }
    var plan = builder.plan(status: status, result: result)
    if let hidden = precisionWarning(objective: plan.objective ?? 0) { notes.append(hidden) }
    if decomposes { notes.append(.init(kind: .decomposed, blocks: blocks, bounded: plan.hasBound)) }
    plan.notes = notes
    // Why flips stay unpriced unless `explain` prices them below.
    let unpriced: TaskReason.NotComputed =
      decomposes
      ? .decomposed
      : status == .timeLimit
        ? .timeLimit : status == .stopped ? .stopped : !plan.hasBound ? .noBound : .notRequested
    for t in plan.tasks.indices where plan.tasks[t].reason.rule == .notComputed {
      plan.tasks[t].reason.why = unpriced
    }
    if decomposes { return plan }
    // Flips are priced against an optimal plan, or one proven within the requested gap (then a
    // flip cost is exact up to that gap); a plan cut short by a time limit or Ctrl-C is not.
    if [.optimal, .feasible].contains(status) && plan.hasBound && options.explain,
      let objective = result.objective
    {
      let budget = options.explainBudget.seconds(
        afterSolveOf: Self.seconds(since: solveStarted),
        elapsed: Self.seconds(since: min(options.runStarted ?? solveStarted, solveStarted)))
      explain(
        &plan, objective: objective, npv: result.value(of: model.objectiveParts.npv), options: options,
        deadline: deadline, budget: budget, optimum: result.values)
    }
    return plan
  }

  /// The solver's verdict, made true: a plan is kept only when it satisfies every row of the model
  /// (checked in Swift); "infeasible" stands only when neither the status quo nor a feasibility
  /// search finds a plan. A wrong verdict is replaced by a re-solve from a checked plan, or by
  /// that plan itself (`numericalFailure` with a solution and no bound), and explained in
  /// `notes`.
  func checkedVerdict(
    _ result: SolveResult, statusQuo: [Double]?, options: SolveOptions, notes: inout [Plan.Note]
  ) throws(PlanningError) -> SolveResult {
    let full = model.model
    var result = result
    if result.hasSolution && !full.isFeasible(result.values) {
      notes.append(.init(kind: .brokenPlan))
      result = SolveResult(
        termination: .numericalFailure, hasSolution: false, objective: nil, bestBound: nil, gap: nil,
        values: [], nodes: result.nodes, seconds: result.seconds)
    }
    if result.hasSolution || [.timeLimit, .stoppedByCaller].contains(result.termination) && statusQuo == nil {
      return result
    }
    // No plan: is there really none? The status quo, else a search for any plan that satisfies
    // every rule (the first step of the infeasibility diagnosis, here used to refute the verdict).
    var witness = statusQuo
    if witness == nil, [.infeasible, .infeasibleOrUnbounded, .numericalFailure].contains(result.termination),
      !(options.stopSignal?.isRaised ?? false)
    {
      witness = InfeasibilityDiagnosis(facts: model.facts, options: options).witness()
        .flatMap { full.isFeasible($0) ? $0 : nil }
    }
    guard let witness else { return result }
    if [.infeasible, .infeasibleOrUnbounded, .numericalFailure, .unbounded].contains(result.termination) {
      let said: Plan.Note.Verdict =
        [.infeasible, .infeasibleOrUnbounded].contains(result.termination) ? .infeasible : .numericalFailure
      notes.append(.init(kind: .wrongVerdict, said: said))
    }
    var retry = options
    retry.initialSolution = witness
    if let second = try? Solver.solve(full, options: retry), second.hasSolution,
      full.isFeasible(second.values)
    {
      return second
    }
    return SolveResult(
      termination: .numericalFailure, hasSolution: true,
      objective: full.objectiveValue(witness),
      bestBound: nil, gap: nil, values: witness, nodes: result.nodes, seconds: result.seconds)
  }

  /// A warning when the objective is so large that GLPK's precision hides savings. GLPK prunes a
  /// branch whose bound is within `1e-7 (1 + |objective|)` of the incumbent (its `tol_obj`), so
  /// plans closer than that are equal to it. The warning is given when that amount exceeds 1 % of
  /// a typical decision's weight (the median magnitude of the objective's coefficients): then the
  /// choice between moving and keeping a typical task is decided by rounding, not by money. On the
  /// seed scenarios the ratio is below 1e-5; a status-quo cost of 1e16 EUR next to tasks of
  /// 100,000 EUR gives a ratio of 10.
  func precisionWarning(objective: Double) -> Plan.Note? {
    let weights = model.model.objective.terms.values.map(abs).filter { $0 > 0 }.sorted()
    guard !weights.isEmpty else { return nil }
    let typical = weights[weights.count / 2]
    let noise = 1e-7 * (1 + abs(objective))
    guard noise > 0.01 * typical else { return nil }
    return .init(
      kind: .hiddenSavings, noise: PlanText.clean(noise), objective: PlanText.clean(objective),
      typical: PlanText.clean(typical))
  }

  /// Wall time since `start`, in seconds.
  private static func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// Seconds from now until `deadline` (negative once it has passed).
  static func seconds(until deadline: ContinuousClock.Instant) -> Double {
    -seconds(since: deadline)
  }

  /// The order in which `jobs` are priced: the report's weightiest decisions first (by the task's
  /// annual cost at home, then by the given order), so that when the explain budget runs out the
  /// flips left unpriced are the small ones.
  func flipOrder(_ jobs: [FlipExplainer.Job]) -> [FlipExplainer.Job] {
    let weight = jobs.map { model.facts.homeCost($0.task) }
    return jobs.indices.sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }.map {
      jobs[$0]
    }
  }

  /// Fills in flip costs (or the rules that forbid the flip) for tasks decided on the merits, each
  /// re-solve within what is left until `deadline` and of the explain `budget` (seconds for all
  /// flips together, `nil`: none); flips cut short are brackets or say why they were not priced.
  private func explain(
    _ plan: inout Plan, objective: Double, npv: Double, options: PlanningOptions,
    deadline: ContinuousClock.Instant?, budget: Double?, optimum: [Double]
  ) {
    let facts = model.facts
    // One re-solve per together group: its members flip with it.
    let groupOf = facts.togetherGroupOfTask
    var jobs: [Int: FlipExplainer.Job] = [:]
    var representative: [Int: FlipExplainer.Job] = [:]
    for (t, decision) in plan.tasks.enumerated() where decision.reason.rule == .notComputed {
      if let only = options.explainOnly, !only.contains(decision.id) { continue }
      let job = FlipExplainer.Job(task: t, toStay: decision.share > 0)
      if let g = groupOf[t], let shared = representative[g], shared.toStay == job.toStay {
        jobs[t] = shared
      } else {
        jobs[t] = job
        if let g = groupOf[t] { representative[g] = job }
      }
    }
    var unique: [FlipExplainer.Job] = []
    for t in jobs.keys.sorted() where !unique.contains(jobs[t]!) { unique.append(jobs[t]!) }
    unique = flipOrder(unique)
    var flipOptions = options.solve
    flipOptions.relativeGap = nil
    flipOptions.cuts = options.flipCuts
    var explainer = FlipExplainer(
      model: model, options: flipOptions, threads: options.threads, deadline: deadline)
    if let budget { explainer.budgetEnd = ContinuousClock.now + .seconds(budget) }
    explainer.optimum = optimum
    explainer.speedups = options.flipSpeedups
    let outcomes = explainer.run(unique, progress: options.explainProgress)
    let diagnosis = InfeasibilityDiagnosis(facts: facts, options: flipOptions)
    // A flipped plan's objective change, split into the change of the NPV and the rest (penalty).
    func split(_ flipped: Double, npv flippedNPV: Double) -> TaskReason.Flip {
      .init(
        money: PlanText.clean(flippedNPV - npv),
        penalty: PlanText.clean((flipped - flippedNPV) - (objective - npv)))
    }
    for t in jobs.keys.sorted() {
      guard let job = jobs[t], let outcome = outcomes[job] else { continue }
      switch outcome {
      case .objective(let flipped, let flippedNPV, let move):
        let flip = split(flipped, npv: flippedNPV)
        plan.tasks[t].reason.rule = .economic
        plan.tasks[t].reason.why = nil
        plan.tasks[t].reason.flip = flip
        plan.tasks[t].reason.closeCall = closeCall(t, flip: flip, move: move)
      case .bracket(let bound, let flipped, let flippedNPV):
        // The best flipped plan found gives the money and penalty (an upper estimate); the
        // re-solve's bound gives the least the flip can cost (never below 0 against an optimum).
        let flip = split(flipped, npv: flippedNPV)
        plan.tasks[t].reason.rule = .economic
        plan.tasks[t].reason.why = nil
        plan.tasks[t].reason.flip = .init(
          money: flip.money, penalty: flip.penalty,
          atLeast: PlanText.clean(max(0, min(bound, flipped) - objective)))
        // A close call only when even the most the flip can cost is below the threshold; for a
        // moved task (the alternative is to keep it: a bracket does not say where a move goes).
        if plan.tasks[t].share > 0 { plan.tasks[t].reason.closeCall = closeCall(t, flip: flip, move: nil) }
      case .infeasible(let groups):
        plan.tasks[t].reason.rule = .infeasibleFlip
        plan.tasks[t].reason.why = nil
        plan.tasks[t].reason.conflicts = groups.map(diagnosis.conflict)
      case .unsolved(let reason):
        plan.tasks[t].reason.why =
          switch reason {
          case .timeLimit: .timeLimit
          case .stopped: .stopped
          case .unproven: .unproven
          case .budget: .explainBudget
          }
      }
    }
  }
}
