import CGLPK
import Foundation

/// Solves a ``LinearModel`` with GLPK: the simplex method for LPs, branch-and-cut for MIPs.
///
/// A solve is one synchronous call: the GLPK problem is created, solved, read back and
/// deleted on the calling thread, and this thread's GLPK environment is freed afterwards.
/// Independent solves may run at the same time on different threads (Debian's GLPK keeps its
/// state in thread-local storage).
public enum Solver {
  /// Solves `model`.
  ///
  /// - Parameters:
  ///   - model: the model; it was checked when it was built.
  ///   - options: limits and algorithm controls.
  ///   - log: receives GLPK's terminal output (nothing is printed to the terminal).
  ///   - progress: called on every branch-and-bound callback with the incumbent, the bound and
  ///     the gap; return `false` to stop the search and keep the best solution found.
  /// - Returns: why the solver stopped and the best solution found. "Infeasible" and "time
  ///   limit" are results, not errors.
  /// - Throws: ``SolverError`` only for invalid options or a GLPK failure.
  public static func solve(
    _ model: LinearModel,
    options: SolveOptions = SolveOptions(),
    log: ((String) -> Void)? = nil,
    progress: ((SolveProgress) -> Bool)? = nil
  ) throws(SolverError) -> SolveResult {
    try options.validate()
    let started = Date()
    var options = options
    if options.firstPlan, model.isMIP { options.initialSolution = firstPlanStart(model, options: options) }
    let context = SolveContext(log: log, progress: progress, stopSignal: options.stopSignal, started: started)
    let unmanaged = Unmanaged.passRetained(context)
    defer { unmanaged.release() }
    let info = unmanaged.toOpaque()
    var result = GLPKSession.run(hook: terminalHook, info: info) {
      let problem = GLPKProblem(model)
      problem.scale()
      return model.isMIP
        ? solveMIP(problem, model: model, options: options, context: context, info: info)
        : solveLP(problem, options: options)
    }
    if model.isMIP, !result.hasSolution || result.termination == .numericalFailure,
      let start = options.initialSolution ?? options.fallbackSolution, model.isFeasible(start)
    {
      result = recheckVerdict(of: model, start: start, options: options, context: context, info: info)
    }
    result.seconds = Date().timeIntervalSince(started)
    return result
  }

  /// Solves `model` on a new thread of its own and returns the result, for callers in async
  /// code (an `await` may change threads, which GLPK must not see).
  public static func solveDetached(
    _ model: LinearModel,
    options: SolveOptions = SolveOptions(),
    progress: (@Sendable (SolveProgress) -> Bool)? = nil
  ) async throws(SolverError) -> SolveResult {
    let outcome: Result<SolveResult, SolverError> = await SolverThreads.detached {
      do throws(SolverError) {
        return .success(try solve(model, options: options, progress: progress))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// The better of ``SolveOptions/initialSolution`` and the first plan of ``FirstPlan`` (when it
  /// finds one), as the start of the search.
  private static func firstPlanStart(_ model: LinearModel, options: SolveOptions) -> [Double]? {
    let limit = min(options.firstPlanTimeLimit, options.timeLimit.map { $0 / 4 } ?? .infinity)
    let found = FirstPlan.find(model, timeLimit: limit, stopSignal: options.stopSignal)
    guard let values = found.values, let objective = found.objective else { return options.initialSolution }
    guard let given = options.initialSolution, model.isFeasible(given) else { return values }
    let other = model.objectiveValue(given)
    let better = model.sense == .minimize ? objective < other : objective > other
    return better ? values : given
  }

  // MARK: Verdict check

  /// GLPK found no solution (or none that holds) although `start` satisfies every bound, row and
  /// integrality of `model`: GLPK's verdict is wrong. Measured on random centralisation models
  /// with set-up costs of 10 M EUR next to shares of 1: branch-and-cut without the MIP presolver on
  /// the unscaled problem pruned every node ("basis matrix is ill-conditioned") and reported "no
  /// integer feasible solution". One re-solve from scratch on a fresh, scaled problem with GLPK's
  /// MIP presolver (no start) for the time left; if that also fails, the start is the result:
  /// `numericalFailure` with a solution and no bound.
  private static func recheckVerdict(
    of model: LinearModel, start: [Double], options: SolveOptions, context: SolveContext,
    info: UnsafeMutableRawPointer
  ) -> SolveResult {
    var retry = options
    retry.initialSolution = nil
    // The re-solve keeps the limit, which counts from the start of the first solve.
    let timeIsUp = options.timeLimit.map { Date().timeIntervalSince(context.started) >= $0 } ?? false
    context.start = nil
    context.lastBound = nil
    // Nothing starts once the time limit is up.
    let second =
      timeIsUp
      ? SolveResult(
        termination: .timeLimit, hasSolution: false, objective: nil, bestBound: nil, gap: nil, values: [])
      : GLPKSession.run(hook: terminalHook, info: info) {
        let problem = GLPKProblem(model)
        problem.scale()
        return solveMIP(problem, model: model, options: retry, context: context, info: info)
      }
    if second.hasSolution && second.termination != .numericalFailure && model.isFeasible(second.values) {
      return second
    }
    let values = integral(start, of: model)
    return SolveResult(
      termination: .numericalFailure, hasSolution: true,
      objective: model.objectiveValue(values),
      bestBound: nil, gap: nil, values: values, nodes: context.nodes)
  }

  // MARK: LP

  private static func solveLP(_ problem: GLPKProblem, options: SolveOptions) -> SolveResult {
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = messageLevel(options.messageLevel)
    parm.presolve = options.presolve ? GLP_ON : GLP_OFF
    useDualSimplex(&parm)
    if let limit = options.timeLimit { parm.tm_lim = GLPKParameters.milliseconds(limit) }
    var code: Int32
    if let basis = options.initialBasis, basis.rows.count == problem.rowCount,
      basis.columns.count == problem.columnCount
    {
      load(basis, into: problem)
      var warm = parm
      warm.presolve = GLP_OFF
      code = glp_simplex(problem.pointer, &warm)
      if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
        glp_std_basis(problem.pointer)
        code = glp_simplex(problem.pointer, &parm)
      }
    } else {
      code = glp_simplex(problem.pointer, &parm)
    }
    let p = problem.pointer
    let status = glp_get_status(p)

    let termination: Termination
    switch code {
    case 0:
      switch status {
      case GLP_OPT: termination = .optimal
      case GLP_NOFEAS, GLP_INFEAS: termination = .infeasible
      case GLP_UNBND: termination = .unbounded
      default: termination = .numericalFailure
      }
    case GLP_ENOPFS: termination = .infeasible
    case GLP_ENODFS: termination = .infeasibleOrUnbounded
    case GLP_ETMLIM: termination = .timeLimit
    default: termination = .numericalFailure
    }
    guard termination == .optimal else {
      return SolveResult(
        termination: termination, hasSolution: false, objective: nil, bestBound: nil, gap: nil, values: [])
    }
    let objective = glp_get_obj_val(p)
    let values = (0..<problem.columnCount).map { glp_get_col_prim(p, Int32($0 + 1)) }
    let duals = (0..<problem.rowCount).map { glp_get_row_dual(p, Int32($0 + 1)) }
    let reduced = (0..<problem.columnCount).map { glp_get_col_dual(p, Int32($0 + 1)) }
    var result = SolveResult(
      termination: .optimal, hasSolution: true, objective: objective, bestBound: objective, gap: 0,
      values: values, duals: duals, reducedCosts: reduced)
    result.basis = Basis(
      rows: (0..<problem.rowCount).map { basisStatus(glp_get_row_stat(p, Int32($0 + 1))) },
      columns: (0..<problem.columnCount).map { basisStatus(glp_get_col_stat(p, Int32($0 + 1))) })
    return result
  }

  /// Sets every row's and column's status (GLPK adjusts a status that does not fit the bounds;
  /// the objective constant's column is fixed).
  private static func load(_ basis: Basis, into problem: GLPKProblem) {
    let p = problem.pointer
    for (i, status) in basis.rows.enumerated() { glp_set_row_stat(p, Int32(i + 1), glpkStatus(status)) }
    for (j, status) in basis.columns.enumerated() { glp_set_col_stat(p, Int32(j + 1), glpkStatus(status)) }
    let columns = glp_get_num_cols(p)
    if columns > Int32(problem.columnCount) { glp_set_col_stat(p, columns, GLP_NS) }
  }

  private static func glpkStatus(_ status: Basis.Status) -> Int32 {
    switch status {
    case .basic: GLP_BS
    case .lower: GLP_NL
    case .upper: GLP_NU
    case .free: GLP_NF
    case .fixed: GLP_NS
    }
  }

  private static func basisStatus(_ code: Int32) -> Basis.Status {
    switch code {
    case GLP_BS: .basic
    case GLP_NU: .upper
    case GLP_NF: .free
    case GLP_NS: .fixed
    default: .lower
    }
  }

  // MARK: MIP

  private static func solveMIP(
    _ problem: GLPKProblem, model: LinearModel, options: SolveOptions, context: SolveContext,
    info: UnsafeMutableRawPointer
  ) -> SolveResult {
    var parm = GLPKParameters.search(options)
    parm.msg_lev = messageLevel(options.messageLevel)
    parm.presolve = GLP_ON  // without it GLPK needs an optimal LP basis first
    if let gap = options.relativeGap { parm.mip_gap = gap }
    if let limit = options.timeLimit { parm.tm_lim = GLPKParameters.milliseconds(limit) }
    // The time limit counts from the start of the solve: the LP relaxation, the preprocessing
    // probe and the branch-and-cut share it, and nothing starts once it is up.
    let deadline = options.timeLimit.map { context.started.addingTimeInterval($0) }
    var checkedStart: [Double]?
    var start: [Double]?
    if let initial = options.initialSolution, let values = startingPoint(initial, of: model, in: problem) {
      checkedStart = Array(values[1...model.columns.count])
      start = values
    }
    var timeIsUp = false
    if start != nil || deadline != nil {
      // Without the MIP presolver GLPK needs an optimal basis of the LP relaxation first. It is
      // solved without GLPK's LP presolver, which does not check the time limit (7 to 18 s on a
      // one-family city of 30,911 rows before the first simplex iteration), so that the simplex
      // method checks the limit from its start. With a time limit this is done without a start
      // too, because GLPK's MIP presolver does not check the limit either (30 s on that model).
      var lp = glp_smcp()
      glp_init_smcp(&lp)
      lp.msg_lev = parm.msg_lev
      lp.presolve = GLP_OFF
      useDualSimplex(&lp)
      if let deadline { lp.tm_lim = GLPKParameters.milliseconds(max(0.001, deadline.timeIntervalSinceNow)) }
      glp_adv_basis(problem.pointer, 0)
      var code = glp_simplex(problem.pointer, &lp)
      if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
        glp_std_basis(problem.pointer)
        if let deadline { lp.tm_lim = GLPKParameters.milliseconds(max(0.001, deadline.timeIntervalSinceNow)) }
        code = glp_simplex(problem.pointer, &lp)
      }
      if code == 0 && glp_get_status(problem.pointer) == GLP_OPT {
        parm.presolve = GLP_OFF
        context.start = start
      } else if code == GLP_ETMLIM {
        timeIsUp = true
      }
    }
    if parm.presolve == GLP_ON && parm.cov_cuts == GLP_ON {
      // The probe runs GLPK's MIP presolver, which does not check the time limit: with less than
      // a minute left it is skipped, and cover cuts with it (they may not run without the probe).
      if let deadline, deadline.timeIntervalSinceNow < 60 {
        parm.cov_cuts = GLP_OFF
      } else if !preprocessedProblemHasColumns(problem, parm: parm, deadline: deadline) {
        parm.cov_cuts = GLP_OFF
      }
    }
    if let deadline {
      // The LP and the preprocessing probe count against the limit too.
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { timeIsUp = true }
      parm.tm_lim = GLPKParameters.milliseconds(max(0.001, left))
    }
    context.deadline = deadline
    if options.cuts.contains(.knapsack) || options.cuts.contains(.fenchel) {
      context.knapsackCuts = KnapsackCutGenerator(
        covers: options.cuts.contains(.knapsack), exact: options.cuts.contains(.fenchel))
    }
    if parm.presolve == GLP_OFF, !options.branchFirst.isEmpty {
      context.branchFirst = options.branchFirst.filter { $0 >= 0 && $0 < model.columns.count }.map {
        Int32($0 + 1)
      }
    }
    parm.cb_func = branchAndBoundCallback
    parm.cb_info = info

    let code = timeIsUp ? GLP_ETMLIM : glp_intopt(problem.pointer, &parm)
    let p = problem.pointer
    let status = timeIsUp ? GLP_UNDEF : glp_mip_status(p)
    var hasSolution = status == GLP_OPT || status == GLP_FEAS

    let termination = GLPKParameters.termination(
      code: code, status: status, stoppedAtDeadline: context.stoppedAtDeadline)

    var objective = hasSolution ? glp_mip_obj_val(p) : nil
    var values = hasSolution ? (0..<problem.columnCount).map { glp_mip_col_val(p, Int32($0 + 1)) } : []
    if hasSolution && !model.isFeasible(values) {
      // GLPK's own tolerances are relative to its scaled problem; a plan that breaks a row of the
      // model as written is no plan.
      return SolveResult(
        termination: .numericalFailure, hasSolution: false, objective: nil, bestBound: nil, gap: nil,
        values: [], nodes: context.nodes)
    }
    if !hasSolution, let start = checkedStart ?? fallback(options, of: model),
      termination == .timeLimit || termination == .stoppedByCaller
    {
      // Stopped before GLPK took the start over (e.g. while the LP relaxation was still running):
      // the start was checked feasible above, so it is the best solution known.
      hasSolution = true
      values = start
      objective = model.objectiveValue(start)
    } else if hasSolution, termination != .optimal, let kept = fallback(options, of: model),
      let found = objective
    {
      // The plan kept aside is better than the one GLPK found before it stopped.
      let other = model.objectiveValue(kept)
      if model.sense == .minimize ? other < found : other > found {
        values = kept
        objective = other
      }
    }
    var bound: Double? = termination == .optimal ? objective : context.lastBound
    if let b = bound, let o = objective, termination != .optimal {
      // The bound can never be worse than the incumbent; keep it consistent.
      let minimise = glp_get_obj_dir(p) == GLP_MIN
      bound = minimise ? min(b, o) : max(b, o)
    }
    if hasSolution && termination == .infeasible {
      // Never "infeasible" next to a solution.
      return SolveResult(
        termination: .numericalFailure, hasSolution: true, objective: objective, bestBound: nil, gap: nil,
        values: values, nodes: context.nodes)
    }
    var gap: Double?
    if let o = objective, let b = bound { gap = abs(o - b) / (abs(o) + Double.ulpOfOne) }
    return SolveResult(
      termination: termination, hasSolution: hasSolution, objective: objective, bestBound: bound,
      gap: gap, values: values, nodes: context.nodes)
  }

  /// ``SolveOptions/fallbackSolution`` with its integer columns rounded, if it satisfies every
  /// bound, row and integrality of `model`.
  private static func fallback(_ options: SolveOptions, of model: LinearModel) -> [Double]? {
    guard let values = options.fallbackSolution, model.isFeasible(values) else { return nil }
    return integral(values, of: model)
  }

  /// `values` with the integer and binary columns of `model` rounded to their exact integers
  /// (a feasibility check allows them 1e-9 off).
  private static func integral(_ values: [Double], of model: LinearModel) -> [Double] {
    var values = values
    for (j, column) in model.columns.enumerated() where column.kind != .continuous {
      values[j] = values[j].rounded()
    }
    return values
  }

  /// The start as GLPK's column vector (1-based, the objective constant's column at 1), or `nil`
  /// if it breaks a bound, a row or integrality of `model` (GLPK would accept it unchecked).
  private static func startingPoint(
    _ start: [Double], of model: LinearModel, in problem: GLPKProblem
  ) -> [Double]? {
    guard model.isFeasible(start) else { return nil }
    // Integer columns take their exact integer values (the check allowed 1e-9).
    let values = integral(start, of: model)
    let columns = Int(glp_get_num_cols(problem.pointer))
    var vector = [0.0] + values
    while vector.count <= columns { vector.append(1) }  // the objective constant's column
    return vector
  }

  /// GLPK 5.0's cover-cut generator aborts the process (`glp_add_cols: ncs = 0`) when MIP
  /// preprocessing removes every column. This probe runs the preprocessor with cover cuts off and
  /// stops at the first branch-and-bound callback, where the preprocessed problem is visible.
  /// The probe's root LP stops at `deadline`; then no callback is reached and the answer is `false`.
  private static func preprocessedProblemHasColumns(
    _ problem: GLPKProblem, parm: glp_iocp, deadline: Date?
  ) -> Bool {
    var probe = parm
    probe.cov_cuts = GLP_OFF
    probe.msg_lev = GLP_MSG_OFF
    probe.tm_lim =
      deadline.map { GLPKParameters.milliseconds(max(0.001, $0.timeIntervalSinceNow)) } ?? Int32.max
    let context = ProbeContext()
    let unmanaged = Unmanaged.passRetained(context)
    defer { unmanaged.release() }
    probe.cb_func = probeCallback
    probe.cb_info = unmanaged.toOpaque()
    _ = glp_intopt(problem.pointer, &probe)
    return context.columns > 0
  }

  // MARK: Parameter mapping

  /// The dual simplex method with the long-step ratio test (primal simplex if the dual fails).
  /// On the centralisation models the primal simplex stalls: on the 12,000-task state-scale LP
  /// relaxation glpsol's primal simplex was still 5 % above the optimum after 60 s (9,000
  /// iterations, 110,000 dual infeasibilities), the dual one solved it in 449 s.
  private static func useDualSimplex(_ parm: inout glp_smcp) {
    parm.meth = GLP_DUALP
    parm.r_test = GLP_RT_FLIP
  }

  private static func messageLevel(_ level: MessageLevel) -> Int32 {
    switch level {
    case .off: GLP_MSG_OFF
    case .errors: GLP_MSG_ERR
    case .normal: GLP_MSG_ON
    case .all: GLP_MSG_ALL
    }
  }

}

/// State shared with GLPK's C callbacks during one solve (reached through an opaque pointer).
private final class SolveContext {
  let log: ((String) -> Void)?
  let progress: ((SolveProgress) -> Bool)?
  let stopSignal: StopSignal?
  let started: Date
  var lastBound: Double?
  var nodes = 0
  /// When the solve's time limit is up: GLPK checks its own limit only between nodes, so the
  /// callback also stops the search once this has passed (after the root's preprocessing or cut
  /// rounds, which can run long on large models).
  var deadline: Date?
  /// Whether the callback stopped the search because the deadline had passed.
  var stoppedAtDeadline = false
  /// A checked starting solution (GLPK's 1-based column vector), handed over once.
  var start: [Double]?
  /// zentral's knapsack cuts, when asked for (``CutFamily/knapsack``, ``CutFamily/fenchel``).
  var knapsackCuts: KnapsackCutGenerator?
  /// GLPK columns (1-based) to branch on first (``SolveOptions/branchFirst``).
  var branchFirst: [Int32] = []

  init(log: ((String) -> Void)?, progress: ((SolveProgress) -> Bool)?, stopSignal: StopSignal?, started: Date)
  {
    self.log = log
    self.progress = progress
    self.stopSignal = stopSignal
    self.started = started
  }
}

/// GLPK's terminal hook: hands the text to the log closure and suppresses printing.
private func terminalHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
  guard let info, let text else { return 1 }
  let context = Unmanaged<SolveContext>.fromOpaque(info).takeUnretainedValue()
  context.log?(String(cString: text))
  return 1
}

/// GLPK's branch-and-cut callback: reads incumbent, bound and gap on every call (heuristic
/// incumbents do not raise GLP_IBINGO) and stops the search when asked.
private func branchAndBoundCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
  guard let tree, let info else { return }
  let context = Unmanaged<SolveContext>.fromOpaque(info).takeUnretainedValue()
  let best = glp_ios_best_node(tree)
  // GLPK reports -DBL_MAX (or +DBL_MAX) for a node whose LP has not been solved yet: no bound.
  if best != 0, let bound = computedBound(glp_ios_node_bound(tree, best)) { context.lastBound = bound }
  var active: Int32 = 0
  var total: Int32 = 0
  var all: Int32 = 0
  glp_ios_tree_size(tree, &active, &total, &all)
  context.nodes = Int(all)
  let reason = glp_ios_reason(tree)
  if reason == GLP_ICUTGEN, let cuts = context.knapsackCuts { cuts.generate(tree) }
  if reason == GLP_IBRANCH, !context.branchFirst.isEmpty { branchFirst(tree, columns: context.branchFirst) }
  if reason == GLP_IHEUR, let start = context.start {
    context.start = nil
    _ = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
  }
  if let deadline = context.deadline, Date() >= deadline {
    context.stoppedAtDeadline = true
    glp_ios_terminate(tree)
    return
  }
  if context.stopSignal?.isRaised == true {
    glp_ios_terminate(tree)
    return
  }
  guard let progress = context.progress else { return }
  let problem = glp_ios_get_prob(tree)
  let status = glp_mip_status(problem)
  let incumbent: Double? = (status == GLP_FEAS || status == GLP_OPT) ? glp_mip_obj_val(problem) : nil
  let gap: Double? = incumbent != nil && context.lastBound != nil ? computedBound(glp_ios_mip_gap(tree)) : nil
  let report = SolveProgress(
    elapsed: Date().timeIntervalSince(context.started), incumbent: incumbent, bound: context.lastBound,
    gap: gap,
    nodes: context.nodes)
  if !progress(report) { glp_ios_terminate(tree) }
}

/// Branches on the most fractional of `columns` that GLPK may branch on, if any.
private func branchFirst(_ tree: OpaquePointer, columns: [Int32]) {
  guard let problem = glp_ios_get_prob(tree) else { return }
  var best: Int32 = 0
  var distance = 0.0
  for j in columns where glp_ios_can_branch(tree, j) != 0 {
    let value = glp_get_col_prim(problem, j)
    let fraction = min(value - value.rounded(.down), value.rounded(.up) - value)
    if fraction > distance {
      distance = fraction
      best = j
    }
  }
  if best != 0 { glp_ios_branch_upon(tree, best, GLP_NO_BRNCH) }
}

/// `value` if GLPK computed it: finite and below 1e300 in magnitude (GLPK writes ±DBL_MAX where
/// a node bound or a gap does not exist yet).
private func computedBound(_ value: Double) -> Double? {
  value.isFinite && abs(value) < 1e300 ? value : nil
}

/// What the preprocessing probe saw.
private final class ProbeContext {
  var columns: Int32 = 0
}

/// Callback of the preprocessing probe: records the preprocessed problem's columns and stops.
private func probeCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
  guard let tree, let info else { return }
  let context = Unmanaged<ProbeContext>.fromOpaque(info).takeUnretainedValue()
  context.columns = glp_get_num_cols(glp_ios_get_prob(tree))
  glp_ios_terminate(tree)
}
