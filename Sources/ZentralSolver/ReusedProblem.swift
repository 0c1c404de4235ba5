import CGLPK
import Foundation

/// One GLPK problem loaded once and solved many times in slightly changed forms: other column
/// bounds and rows appended at the end (the flip re-solves of the explanations, and the small
/// searches that find their first plans).
///
/// Loading, scaling and the first LP relaxation are done once; every later solve changes the
/// bounds and appends the rows in place, starts the dual simplex method from the base model's
/// optimal basis (a bound change leaves it dual feasible, so a few pivots restore the optimum),
/// runs branch-and-cut without the MIP presolver, and then puts the bounds back and deletes the
/// rows. A solve may be handed a feasible plan to start from and an absolute gap at which it
/// stops.
///
/// GLPK keeps its environment per thread: ``with(_:_:)`` creates the problem, runs the body and
/// deletes the problem on the calling thread; the instance must not escape the body. Other GLPK
/// work inside the body (``Solver/solve(_:options:log:progress:)``) must run on another thread:
/// a solve frees its thread's GLPK environment when it ends, and every problem of the thread with it.
public final class ReusedProblem {
  /// The model that is loaded.
  public let base: LinearModel
  private let problem: GLPKProblem
  private let context: ReuseContext
  private let info: UnsafeMutableRawPointer
  /// The base model's optimal LP basis (GLPK's status codes of every row and column), once solved.
  private var baseBasis: (rows: [Int32], columns: [Int32])?
  /// Whether the base LP was tried (it is solved once, on the first solve).
  private var baseTried = false

  private init(_ model: LinearModel, context: ReuseContext, info: UnsafeMutableRawPointer) {
    base = model
    problem = GLPKProblem(model)
    problem.scale()
    self.context = context
    self.info = info
  }

  /// Loads `model` into a GLPK problem on the calling thread, runs `body` with it and deletes the
  /// problem and this thread's GLPK environment afterwards. The problem must not escape `body`.
  public static func with<T>(_ model: LinearModel, _ body: (ReusedProblem) -> T) -> T {
    let context = ReuseContext()
    let unmanaged = Unmanaged.passRetained(context)
    defer { unmanaged.release() }
    let info = unmanaged.toOpaque()
    return GLPKSession.run(hook: reuseTerminalHook, info: info) {
      let reused = ReusedProblem(model, context: context, info: info)
      return withExtendedLifetime(reused) { body(reused) }
    }
  }

  /// Whether `variant` differs from ``base`` only in column bounds and in rows appended after the
  /// base's rows (same columns, kinds, objective and base rows).
  public func accepts(_ variant: LinearModel) -> Bool {
    guard variant.columns.count == base.columns.count, variant.rows.count >= base.rows.count,
      variant.sense == base.sense, variant.objective == base.objective
    else { return false }
    for (a, b) in zip(variant.columns, base.columns) where a.kind != b.kind { return false }
    for i in base.rows.indices where variant.rows[i] != base.rows[i] { return false }
    return true
  }

  /// Solves `variant` (a model ``accepts(_:)`` takes) as a MIP on the loaded problem.
  ///
  /// - Parameters:
  ///   - variant: the changed model.
  ///   - options: the time limit (for the LP and the search together), the cuts, branching and
  ///     backtracking rules and the stop signal are used; the MIP presolver is not (the problem is
  ///     solved in place), nor a relative gap or ``SolveOptions/initialSolution``.
  ///   - start: a plan to hand to the search as its first incumbent (ignored unless it satisfies
  ///     every bound, row and integrality of `variant`).
  ///   - absoluteGap: stop once the best plan is within this much of the bound (`nil`: GLPK's own
  ///     tolerance); the result is then ``Termination/gapReached``.
  /// - Returns: as ``Solver/solve(_:options:log:progress:)``: infeasible, time limit and a
  ///   stopped search are results. A plan that breaks a row of `variant` is reported as
  ///   ``Termination/numericalFailure`` without a solution.
  /// - Throws: ``SolverError`` for invalid options or a model this problem does not accept.
  public func solve(
    _ variant: LinearModel, options: SolveOptions, start: [Double]? = nil, absoluteGap: Double? = nil
  ) throws(SolverError) -> SolveResult {
    try options.validate()
    if let absoluteGap, !(absoluteGap.isFinite && absoluteGap >= 0) {
      throw .invalidOption("absolute gap \(absoluteGap); it must be 0 or more")
    }
    guard accepts(variant) else {
      throw .invalidOption("a changed model with other columns, rows or objective than the loaded one")
    }
    let started = Date()
    let deadline = options.timeLimit.map { started.addingTimeInterval($0) }
    if !baseTried {
      baseTried = true
      solveBaseLP(deadline: deadline)
    }
    let changed = apply(variant)
    defer { restore(changed, extraRows: variant.rows.count - base.rows.count) }
    let checkedStart = start.flatMap { variant.isFeasible($0) ? $0 : nil }
    var result = search(
      variant, options: options, deadline: deadline, start: checkedStart, absoluteGap: absoluteGap)
    result.seconds = Date().timeIntervalSince(started)
    return result
  }

  // MARK: Changes

  /// Sets the bounds of the columns whose bounds differ and appends the extra rows; returns the
  /// changed columns (0-based).
  private func apply(_ variant: LinearModel) -> [Int] {
    let p = problem.pointer
    var changed: [Int] = []
    for (j, (a, b)) in zip(variant.columns, base.columns).enumerated()
    where a.lower != b.lower || a.upper != b.upper {
      let (type, lower, upper) = Self.boundType(a.lower, a.upper)
      glp_set_col_bnds(p, Int32(j + 1), type, lower, upper)
      changed.append(j)
    }
    let extra = variant.rows.count - base.rows.count
    if extra > 0 {
      let first = glp_add_rows(p, Int32(extra))
      for (offset, row) in variant.rows[base.rows.count...].enumerated() {
        let i = first + Int32(offset)
        let (type, lower, upper) = Self.boundType(row.constraint.lower, row.constraint.upper)
        glp_set_row_bnds(p, i, type, lower, upper)
        var indices: [Int32] = [0]
        var values: [Double] = [0]
        for (j, coefficient) in zip(row.terms.indices, row.terms.coefficients) where coefficient != 0 {
          indices.append(Int32(j + 1))
          values.append(coefficient)
        }
        glp_set_mat_row(p, i, Int32(indices.count - 1), indices, values)
      }
    }
    return changed
  }

  /// Puts the base's bounds back on `changed` columns and deletes the `extraRows` last rows.
  private func restore(_ changed: [Int], extraRows: Int) {
    let p = problem.pointer
    for j in changed {
      let column = base.columns[j]
      let (type, lower, upper) = Self.boundType(column.lower, column.upper)
      glp_set_col_bnds(p, Int32(j + 1), type, lower, upper)
    }
    if extraRows > 0 {
      let rows = glp_get_num_rows(p)
      let doomed: [Int32] = [0] + ((rows - Int32(extraRows) + 1)...rows).map { $0 }
      glp_del_rows(p, Int32(extraRows), doomed)
    }
  }

  // MARK: LP

  /// Solves the base model's LP relaxation once and keeps its optimal basis.
  private func solveBaseLP(deadline: Date?) {
    let p = problem.pointer
    glp_adv_basis(p, 0)
    guard simplex(deadline: deadline) == 0, glp_get_status(p) == GLP_OPT else { return }
    let rows = (0..<Int(glp_get_num_rows(p))).map { glp_get_row_stat(p, Int32($0 + 1)) }
    let columns = (0..<Int(glp_get_num_cols(p))).map { glp_get_col_stat(p, Int32($0 + 1)) }
    baseBasis = (rows, columns)
  }

  /// Loads the base's optimal basis (extra rows basic), or GLPK's advanced basis without one.
  private func loadBaseBasis() {
    let p = problem.pointer
    guard let basis = baseBasis else {
      glp_adv_basis(p, 0)
      return
    }
    for (i, status) in basis.rows.enumerated() { glp_set_row_stat(p, Int32(i + 1), status) }
    let rows = glp_get_num_rows(p)
    if rows > Int32(basis.rows.count) {
      for i in (Int32(basis.rows.count) + 1)...rows { glp_set_row_stat(p, i, GLP_BS) }
    }
    for (j, status) in basis.columns.enumerated() { glp_set_col_stat(p, Int32(j + 1), status) }
  }

  /// The dual simplex method without presolve until `deadline`; GLPK's return code.
  private func simplex(deadline: Date?) -> Int32 {
    var parm = glp_smcp()
    glp_init_smcp(&parm)
    parm.msg_lev = GLP_MSG_OFF
    parm.presolve = GLP_OFF
    parm.meth = GLP_DUALP
    parm.r_test = GLP_RT_FLIP
    if let deadline { parm.tm_lim = Self.milliseconds(max(0.001, deadline.timeIntervalSinceNow)) }
    var code = glp_simplex(problem.pointer, &parm)
    if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
      glp_adv_basis(problem.pointer, 0)
      if let deadline { parm.tm_lim = Self.milliseconds(max(0.001, deadline.timeIntervalSinceNow)) }
      code = glp_simplex(problem.pointer, &parm)
    }
    return code
  }

  // MARK: MIP

  private func search(
    _ variant: LinearModel, options: SolveOptions, deadline: Date?, start: [Double]?, absoluteGap: Double?
  ) -> SolveResult {
    let p = problem.pointer
    let noSolution = { (termination: Termination) in
      SolveResult(
        termination: termination, hasSolution: false, objective: nil, bestBound: nil, gap: nil, values: [])
    }
    // Stopped before the search: the start, when there is one, is the best plan known.
    let cutShort = { (termination: Termination) -> SolveResult in
      guard let start else { return noSolution(termination) }
      return SolveResult(
        termination: termination, hasSolution: true, objective: variant.objectiveValue(start), bestBound: nil,
        gap: nil, values: start)
    }
    if options.stopSignal?.isRaised == true { return cutShort(.stoppedByCaller) }
    loadBaseBasis()
    let code = simplex(deadline: deadline)
    if code == GLP_ETMLIM { return cutShort(.timeLimit) }
    guard code == 0 else { return cutShort(.numericalFailure) }
    switch glp_get_status(p) {
    case GLP_OPT: break
    case GLP_NOFEAS: return noSolution(.infeasible)
    case GLP_UNBND: return noSolution(.unbounded)
    default: return cutShort(.numericalFailure)
    }
    if let deadline, deadline.timeIntervalSinceNow <= 0 { return cutShort(.timeLimit) }

    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.msg_lev = GLP_MSG_OFF
    parm.presolve = GLP_OFF
    parm.br_tech = Self.branching(options.branching)
    parm.bt_tech = Self.backtracking(options.backtracking)
    parm.pp_tech = Self.preprocessing(options.preprocessing)
    parm.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
    parm.mir_cuts = options.cuts.contains(.mir) ? GLP_ON : GLP_OFF
    // Cover cuts need GLPK's preprocessing probe (see Solver); the in-place search leaves them out.
    parm.cov_cuts = GLP_OFF
    parm.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
    parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
    parm.ps_heur = options.proximitySearch ? GLP_ON : GLP_OFF
    parm.ps_tm_lim = Self.milliseconds(options.proximitySearchTimeLimit)
    parm.sr_heur = options.roundingHeuristic ? GLP_ON : GLP_OFF
    if let deadline { parm.tm_lim = Self.milliseconds(max(0.001, deadline.timeIntervalSinceNow)) }
    context.reset(
      deadline: deadline, stopSignal: options.stopSignal, absoluteGap: absoluteGap,
      start: start.map { [0] + $0 + Array(repeating: 1, count: max(0, Int(glp_get_num_cols(p)) - $0.count)) })
    parm.cb_func = reuseBranchAndBoundCallback
    parm.cb_info = info
    let code2 = glp_intopt(p, &parm)
    let status = glp_mip_status(p)
    var hasSolution = status == GLP_OPT || status == GLP_FEAS
    let termination: Termination
    switch code2 {
    case 0:
      switch status {
      case GLP_OPT: termination = .optimal
      case GLP_NOFEAS: termination = .infeasible
      default: termination = .numericalFailure
      }
    case GLP_ENOPFS: termination = .infeasible
    case GLP_ENODFS: termination = .infeasibleOrUnbounded
    case GLP_ETMLIM: termination = .timeLimit
    case GLP_ESTOP:
      termination =
        context.closeEnough ? .gapReached : context.stoppedAtDeadline ? .timeLimit : .stoppedByCaller
    default: termination = .numericalFailure
    }
    var objective = hasSolution ? glp_mip_obj_val(p) : nil
    var values = hasSolution ? (0..<problem.columnCount).map { glp_mip_col_val(p, Int32($0 + 1)) } : []
    if hasSolution && !variant.isFeasible(values) {
      return noSolution(.numericalFailure)
    }
    if !hasSolution, let start, [.timeLimit, .stoppedByCaller, .gapReached].contains(termination) {
      hasSolution = true
      values = start
      objective = variant.objectiveValue(start)
    }
    if hasSolution && termination == .infeasible { return noSolution(.numericalFailure) }
    var bound: Double? = termination == .optimal ? objective : context.lastBound
    if let b = bound, let o = objective, termination != .optimal {
      bound = variant.sense == .minimize ? min(b, o) : max(b, o)
    }
    var gap: Double?
    if let o = objective, let b = bound { gap = abs(o - b) / (abs(o) + Double.ulpOfOne) }
    return SolveResult(
      termination: termination, hasSolution: hasSolution, objective: objective, bestBound: bound, gap: gap,
      values: values, nodes: context.nodes)
  }

  // MARK: Parameter mapping

  private static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
    let lower = lower.flatMap { $0.isFinite ? $0 : nil }
    let upper = upper.flatMap { $0.isFinite ? $0 : nil }
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let l?, nil): return (GLP_LO, l, 0)
    case (nil, let u?): return (GLP_UP, 0, u)
    case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
    }
  }

  private static func milliseconds(_ seconds: Double) -> Int32 {
    Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
  }

  private static func branching(_ rule: BranchingRule) -> Int32 {
    switch rule {
    case .firstFractional: GLP_BR_FFV
    case .lastFractional: GLP_BR_LFV
    case .mostFractional: GLP_BR_MFV
    case .driebeckTomlin: GLP_BR_DTH
    case .pseudoCost: GLP_BR_PCH
    }
  }

  private static func backtracking(_ rule: BacktrackingRule) -> Int32 {
    switch rule {
    case .depthFirst: GLP_BT_DFS
    case .breadthFirst: GLP_BT_BFS
    case .bestLocalBound: GLP_BT_BLB
    case .bestProjection: GLP_BT_BPH
    }
  }

  private static func preprocessing(_ level: Preprocessing) -> Int32 {
    switch level {
    case .none: GLP_PP_NONE
    case .root: GLP_PP_ROOT
    case .all: GLP_PP_ALL
    }
  }
}

/// State shared with GLPK's C callbacks during the solves of one ``ReusedProblem``.
private final class ReuseContext {
  var lastBound: Double?
  var nodes = 0
  var deadline: Date?
  var stoppedAtDeadline = false
  var stopSignal: StopSignal?
  var absoluteGap: Double?
  /// Whether the search stopped because the best plan came within ``absoluteGap`` of the bound.
  var closeEnough = false
  /// A checked start (GLPK's 1-based column vector), handed over once.
  var start: [Double]?

  func reset(deadline: Date?, stopSignal: StopSignal?, absoluteGap: Double?, start: [Double]?) {
    lastBound = nil
    nodes = 0
    self.deadline = deadline
    stoppedAtDeadline = false
    self.stopSignal = stopSignal
    self.absoluteGap = absoluteGap
    closeEnough = false
    self.start = start
  }
}

/// GLPK's terminal hook for a ``ReusedProblem``: prints nothing.
private func reuseTerminalHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 { 1 }

/// Branch-and-cut callback of a ``ReusedProblem``: keeps the bound, hands over the start, and
/// stops at the deadline, on the stop signal, or once the best plan is within the absolute gap.
private func reuseBranchAndBoundCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
  guard let tree, let info else { return }
  let context = Unmanaged<ReuseContext>.fromOpaque(info).takeUnretainedValue()
  let best = glp_ios_best_node(tree)
  if best != 0 {
    let bound = glp_ios_node_bound(tree, best)
    if bound.isFinite && abs(bound) < 1e300 { context.lastBound = bound }
  }
  var active: Int32 = 0
  var total: Int32 = 0
  var all: Int32 = 0
  glp_ios_tree_size(tree, &active, &total, &all)
  context.nodes = Int(all)
  if glp_ios_reason(tree) == GLP_IHEUR, let start = context.start {
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
  if let gap = context.absoluteGap, let bound = context.lastBound {
    let problem = glp_ios_get_prob(tree)
    let status = glp_mip_status(problem)
    if status == GLP_FEAS || status == GLP_OPT, abs(glp_mip_obj_val(problem) - bound) <= gap {
      context.closeEnough = true
      glp_ios_terminate(tree)
    }
  }
}
