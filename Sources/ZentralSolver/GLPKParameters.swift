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
}
