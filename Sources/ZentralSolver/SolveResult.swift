/// Why the solver stopped. What solution exists is separate: see ``SolveResult/hasSolution``.
public enum Termination: String, Sendable, Equatable, CaseIterable {
  /// Proven optimal.
  case optimal
  /// A solution whose gap to the bound is within the requested relative gap.
  case gapReached
  /// No solution exists.
  case infeasible
  /// The objective can improve without limit.
  case unbounded
  /// The LP relaxation has no dual feasible solution: infeasible or unbounded.
  case infeasibleOrUnbounded
  /// The time limit was reached (the best solution found so far is kept, if any).
  case timeLimit
  /// The caller stopped the search (the best solution found so far is kept, if any).
  case stoppedByCaller
  /// GLPK failed numerically, or its verdict was wrong: it returned a solution that breaks a row,
  /// or found none although the checked ``SolveOptions/initialSolution`` is feasible. In the
  /// latter case the result holds that start (or the solution of a safer re-solve), without a
  /// bound.
  case numericalFailure
}

/// The outcome of one solve: why it stopped, and the best solution and bound found.
public struct SolveResult: Sendable, Equatable {
  /// Why the solver stopped.
  public var termination: Termination
  /// Whether ``values`` hold a feasible solution.
  public var hasSolution: Bool
  /// Objective value of the solution (including the objective's constant), if any.
  public var objective: Double?
  /// Best proven bound on the optimum (equal to ``objective`` when optimal), only if one was
  /// computed (GLPK's ±DBL_MAX for a node not yet solved is no bound).
  public var bestBound: Double?
  /// Relative gap `|objective - bound| / (|objective| + eps)`, if both are known.
  public var gap: Double?
  /// Value of each variable, by index; empty when there is no solution.
  public var values: [Double]
  /// For LPs: the dual value of each constraint, by row index.
  public var duals: [Double]?
  /// For LPs: the reduced cost of each variable, by index.
  public var reducedCosts: [Double]?
  /// For LPs: the optimal basis (a start for a related LP, see ``SolveOptions/initialBasis``).
  public var basis: Basis?
  /// Branch-and-bound nodes explored (0 for LPs).
  public var nodes: Int
  /// Wall time of the solve in seconds.
  public var seconds: Double

  /// Creates a result.
  public init(
    termination: Termination, hasSolution: Bool, objective: Double?, bestBound: Double?, gap: Double?,
    values: [Double], duals: [Double]? = nil, reducedCosts: [Double]? = nil, nodes: Int = 0,
    seconds: Double = 0
  ) {
    self.termination = termination
    self.hasSolution = hasSolution
    self.objective = objective
    self.bestBound = bestBound
    self.gap = gap
    self.values = values
    self.duals = duals
    self.reducedCosts = reducedCosts
    self.nodes = nodes
    self.seconds = seconds
  }

  /// The value of a variable in the solution (0 when there is no solution).
  public subscript(variable: Variable) -> Double {
    values.indices.contains(variable.index) ? values[variable.index] : 0
  }

  /// The value of an expression at the solution.
  public func value(of expression: LinearExpression) -> Double { expression.value { self[$0] } }
}

/// Progress of a branch-and-bound search, as reported to a progress closure.
public struct SolveProgress: Sendable, Equatable {
  /// Seconds since the solve started.
  public var elapsed: Double
  /// Objective of the best solution found so far, if any.
  public var incumbent: Double?
  /// Best bound over the open nodes, if known.
  public var bound: Double?
  /// Relative gap between the two, if both are known.
  public var gap: Double?
  /// Nodes explored so far.
  public var nodes: Int

  /// Creates a progress report.
  public init(elapsed: Double, incumbent: Double?, bound: Double?, gap: Double?, nodes: Int) {
    self.elapsed = elapsed
    self.incumbent = incumbent
    self.bound = bound
    self.gap = gap
    self.nodes = nodes
  }
}

/// Errors of the solver layer (misuse or system failures, never "no solution").
public enum SolverError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The model is invalid.
  case model(ModelError)
  /// A solve option is out of range.
  case invalidOption(String)
  /// Writing a model file failed.
  case writeFailed(path: String, reason: String)
  /// GLPK reported an error it should not have, e.g. a failing call.
  case glpk(call: String, code: Int)

  /// One sentence saying what is wrong.
  public var description: String {
    switch self {
    case .model(let error): error.description
    case .invalidOption(let text): "Invalid solver option: \(text)."
    case .writeFailed(let path, let reason): "Could not write the model to \(path): \(reason)."
    case .glpk(let call, let code): "GLPK's \(call) failed with code \(code)."
    }
  }
}
