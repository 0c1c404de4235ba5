/// How GLPK searches: limits, presolve, output and the branch-and-cut controls.
///
/// The defaults are zentral's measured choice for its models (see BENCHMARKS.md, made by
/// `scripts/bench`): MIR and clique cuts (GLPK's own defaults leave cutting planes off and can be
/// hundreds of times slower on assignment structure; Gomory cuts cost more than they gain on the
/// OR-Library assignment instances, and without cover cuts the solver needs no preprocessing probe),
/// Driebeck-Tomlin branching and best-local-bound backtracking.
public struct SolveOptions: Sendable {
  /// Wall-clock limit in seconds for the branch-and-cut search, or `nil` for none.
  public var timeLimit: Double?
  /// Stop once the relative gap between incumbent and bound is at most this (e.g. `0.01`).
  public var relativeGap: Double?
  /// Use GLPK's presolver (LP presolver for LPs, MIP preprocessing for MIPs).
  public var presolve: Bool
  /// How much GLPK prints to its terminal hook.
  public var messageLevel: MessageLevel
  /// The cutting-plane families to generate.
  public var cuts: Set<CutFamily>
  /// The branching rule.
  public var branching: BranchingRule
  /// The backtracking (node selection) rule.
  public var backtracking: BacktrackingRule
  /// MIP preprocessing at the nodes.
  public var preprocessing: Preprocessing
  /// GLPK's feasibility pump heuristic.
  public var feasibilityPump: Bool
  /// GLPK's proximity search heuristic.
  public var proximitySearch: Bool
  /// Time limit of one proximity search run, in seconds.
  public var proximitySearchTimeLimit: Double
  /// GLPK's simple rounding heuristic.
  public var roundingHeuristic: Bool
  /// A flag another thread may raise to stop the search; the best plan found so far is kept.
  public var stopSignal: StopSignal?
  /// A known solution to start a MIP from (values by variable index), e.g. "nothing changes".
  /// It is checked against the model in Swift and ignored when it breaks a bound, a row or
  /// integrality. When it is used, GLPK solves the LP relaxation first and runs branch-and-cut
  /// without its MIP presolver (whose transformed problem a start cannot be mapped to), and hands
  /// the start to the search as a heuristic solution: a time-limited solve then always has a plan.
  public var initialSolution: [Double]?
  /// A plan kept aside (e.g. the status quo), checked like ``initialSolution`` but not handed to
  /// GLPK, so its MIP presolver stays on: the result when the search stops (time limit, stop
  /// signal) before it finds a plan, or when the plan it found costs more. A search that ends
  /// with a proof never needs it.
  public var fallbackSolution: [Double]?
  /// Columns (model indices) to branch on first, e.g. the centre-opening decisions: while one
  /// of them is fractional, GLPK branches on the most fractional of them. Used only when GLPK
  /// searches the model as given (a start is used or a time limit is set), not when its MIP
  /// presolver has transformed it; empty: GLPK's branching rule alone.
  public var branchFirst: [Int] = []
  /// Search a first plan from the LP relaxation before branch-and-cut (``FirstPlan``) and start
  /// from it when it is better than ``initialSolution`` (or there is none).
  public var firstPlan: Bool = false
  /// The first-plan search's own time limit, seconds (at most a quarter of ``timeLimit``).
  public var firstPlanTimeLimit: Double = 10
  /// For LPs: a basis to start the simplex method from (GLPK's LP presolver is then off). A basis
  /// whose sizes do not match the model, or that GLPK finds invalid or singular, is dropped and
  /// the LP is solved from GLPK's own starting basis.
  public var initialBasis: Basis?

  /// Creates options; the defaults are zentral's measured defaults.
  public init(
    timeLimit: Double? = nil,
    relativeGap: Double? = nil,
    presolve: Bool = true,
    messageLevel: MessageLevel = .off,
    cuts: Set<CutFamily> = [.mir, .clique],
    branching: BranchingRule = .driebeckTomlin,
    backtracking: BacktrackingRule = .bestLocalBound,
    preprocessing: Preprocessing = .all,
    feasibilityPump: Bool = false,
    proximitySearch: Bool = false,
    proximitySearchTimeLimit: Double = 60,
    roundingHeuristic: Bool = true,
    stopSignal: StopSignal? = nil,
    initialSolution: [Double]? = nil,
    fallbackSolution: [Double]? = nil,
    initialBasis: Basis? = nil
  ) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.presolve = presolve
    self.messageLevel = messageLevel
    self.cuts = cuts
    self.branching = branching
    self.backtracking = backtracking
    self.preprocessing = preprocessing
    self.feasibilityPump = feasibilityPump
    self.proximitySearch = proximitySearch
    self.proximitySearchTimeLimit = proximitySearchTimeLimit
    self.roundingHeuristic = roundingHeuristic
    self.stopSignal = stopSignal
    self.initialSolution = initialSolution
    self.fallbackSolution = fallbackSolution
    self.initialBasis = initialBasis
  }

  /// GLPK's own defaults (no cuts), for comparison in benchmarks.
  public static var glpkDefaults: SolveOptions {
    SolveOptions(cuts: [], backtracking: .bestLocalBound)
  }

  /// Checks the options before they reach GLPK.
  func validate() throws(SolverError) {
    if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
      throw .invalidOption("time limit \(timeLimit) s; it must be a positive number of seconds")
    }
    if let relativeGap, !(relativeGap.isFinite && relativeGap >= 0) {
      throw .invalidOption("relative gap \(relativeGap); it must be 0 or more")
    }
    if !(proximitySearchTimeLimit.isFinite && proximitySearchTimeLimit > 0) {
      throw .invalidOption("proximity search time limit \(proximitySearchTimeLimit) s; it must be positive")
    }
    if !(firstPlanTimeLimit.isFinite && firstPlanTimeLimit > 0) {
      throw .invalidOption("first-plan time limit \(firstPlanTimeLimit) s; it must be positive")
    }
  }
}

/// GLPK's message levels.
public enum MessageLevel: String, Sendable, CaseIterable {
  /// No output.
  case off
  /// Errors and warnings only.
  case errors
  /// Normal progress output.
  case normal
  /// Everything, for debugging.
  case all
}

/// GLPK's cutting-plane families.
public enum CutFamily: String, Sendable, CaseIterable {
  /// Gomory's mixed-integer cuts.
  case gomory
  /// Mixed-integer rounding cuts.
  case mir
  /// Mixed cover cuts.
  case cover
  /// Clique cuts.
  case clique
  /// Lifted knapsack cover cuts, zentral's own (``KnapsackCover``), added through GLPK's cut
  /// callback on every row that is a knapsack over binary columns (e.g. provider capacity).
  case knapsack
}

/// GLPK's branching rules.
public enum BranchingRule: String, Sendable, CaseIterable {
  /// First fractional variable.
  case firstFractional
  /// Last fractional variable.
  case lastFractional
  /// Most fractional variable.
  case mostFractional
  /// Heuristic of Driebeck and Tomlin (GLPK's default).
  case driebeckTomlin
  /// Hybrid pseudo-cost.
  case pseudoCost
}

/// GLPK's backtracking rules.
public enum BacktrackingRule: String, Sendable, CaseIterable {
  /// Depth first search.
  case depthFirst
  /// Breadth first search.
  case breadthFirst
  /// Best local bound (GLPK's default).
  case bestLocalBound
  /// Best projection heuristic.
  case bestProjection
}

/// GLPK's MIP preprocessing levels.
public enum Preprocessing: String, Sendable, CaseIterable {
  /// No preprocessing.
  case none
  /// At the root only.
  case root
  /// At every node.
  case all
}
