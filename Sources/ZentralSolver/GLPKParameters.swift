import CGLPK

/// The translation of zentral's solver settings into GLPK's constants and units, shared by every
/// place that sets up a GLPK problem or a solve (``Solver``, ``GLPKProblem``, ``ReusedProblem``).
enum GLPKParameters {
  /// GLPK's bound type and values for optional bounds (infinite values count as absent).
  static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
    let lower = lower.flatMap { $0.isFinite ? $0 : nil }
    let upper = upper.flatMap { $0.isFinite ? $0 : nil }
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let l?, nil): return (GLP_LO, l, 0)
    case (nil, let u?): return (GLP_UP, 0, u)
    case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
    }
  }

  /// Seconds as GLPK's time limit in whole milliseconds, rounded up and capped at `Int32.max`.
  static func milliseconds(_ seconds: Double) -> Int32 {
    Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
  }

  /// GLPK's branching technique for a ``BranchingRule``.
  static func branching(_ rule: BranchingRule) -> Int32 {
    switch rule {
    case .firstFractional: GLP_BR_FFV
    case .lastFractional: GLP_BR_LFV
    case .mostFractional: GLP_BR_MFV
    case .driebeckTomlin: GLP_BR_DTH
    case .pseudoCost: GLP_BR_PCH
    }
  }

  /// GLPK's backtracking technique for a ``BacktrackingRule``.
  static func backtracking(_ rule: BacktrackingRule) -> Int32 {
    switch rule {
    case .depthFirst: GLP_BT_DFS
    case .breadthFirst: GLP_BT_BFS
    case .bestLocalBound: GLP_BT_BLB
    case .bestProjection: GLP_BT_BPH
    }
  }

  /// GLPK's MIP preprocessing level for a ``Preprocessing`` setting.
  static func preprocessing(_ level: Preprocessing) -> Int32 {
    switch level {
    case .none: GLP_PP_NONE
    case .root: GLP_PP_ROOT
    case .all: GLP_PP_ALL
    }
  }

  /// GLPK's branch-and-cut settings for ``SolveOptions``: branching, backtracking, preprocessing,
  /// cut families and heuristics. Message level, presolve, gap and time limit are the caller's.
  static func search(_ options: SolveOptions) -> glp_iocp {
    var parm = glp_iocp()
    glp_init_iocp(&parm)
    parm.br_tech = branching(options.branching)
    parm.bt_tech = backtracking(options.backtracking)
    parm.pp_tech = preprocessing(options.preprocessing)
    parm.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
    parm.mir_cuts = options.cuts.contains(.mir) ? GLP_ON : GLP_OFF
    parm.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
    parm.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
    parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
    parm.ps_heur = options.proximitySearch ? GLP_ON : GLP_OFF
    parm.ps_tm_lim = milliseconds(options.proximitySearchTimeLimit)
    parm.sr_heur = options.roundingHeuristic ? GLP_ON : GLP_OFF
    return parm
  }

  /// How a branch-and-cut ended, from `glp_intopt`'s return code and `glp_mip_status`.
  /// - Parameters:
  ///   - stoppedAtDeadline: the callback stopped the search because the deadline passed.
  ///   - closeEnough: the callback stopped the search because the plan was within the gap asked.
  static func termination(
    code: Int32, status: Int32, stoppedAtDeadline: Bool, closeEnough: Bool = false
  )
    -> Termination
  {
    switch code {
    case 0:
      switch status {
      case GLP_OPT: .optimal
      case GLP_NOFEAS: .infeasible
      default: .numericalFailure
      }
    case GLP_ENOPFS: .infeasible
    case GLP_ENODFS: .infeasibleOrUnbounded
    case GLP_EMIPGAP: .gapReached
    case GLP_ETMLIM: .timeLimit
    case GLP_ESTOP: closeEnough ? .gapReached : stoppedAtDeadline ? .timeLimit : .stoppedByCaller
    default: .numericalFailure
    }
  }
}
