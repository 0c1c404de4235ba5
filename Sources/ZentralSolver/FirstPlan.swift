import Foundation

/// A first solution of a MIP before branch-and-cut, from its LP relaxation (relaxation-enforced
/// neighbourhood search): the integer columns whose LP value is integral are fixed at it, and the
/// small MIP over the rest is solved with a short limit. When that finds nothing, a second try
/// fixes only the columns at their upper bound of 1 in the LP (the LP's choices), leaving the
/// zeros free. The result is checked against the model in Swift; ``SolveOptions/firstPlan`` hands
/// it to GLPK as its first incumbent.
public enum FirstPlan {
  /// What the heuristic did, for `zentral plan --timings` and the benchmarks.
  public struct Outcome: Sendable {
    /// The solution found (values by column), or `nil`.
    public var values: [Double]?
    /// Its objective value.
    public var objective: Double?
    /// The LP relaxation's optimum (a bound on the MIP), if solved.
    public var lpBound: Double?
    /// Wall time, seconds.
    public var seconds: Double
  }

  /// Searches for a first solution of `model` within `timeLimit` seconds.
  public static func find(_ model: LinearModel, timeLimit: Double, stopSignal: StopSignal? = nil) -> Outcome {
    let started = Date()
    func left() -> Double { max(0.001, timeLimit - Date().timeIntervalSince(started)) }
    var outcome = Outcome(values: nil, objective: nil, lpBound: nil, seconds: 0)
    defer { outcome.seconds = Date().timeIntervalSince(started) }
    guard model.isMIP, timeLimit > 0 else { return outcome }
    var lpOptions = SolveOptions(timeLimit: left())
    lpOptions.stopSignal = stopSignal
    guard let lp = try? Solver.solve(model.relaxation(), options: lpOptions), lp.termination == .optimal,
      lp.values.count == model.columns.count
    else { return outcome }
    outcome.lpBound = lp.objective
    for onlyOnes in [false, true] {
      guard Date().timeIntervalSince(started) < timeLimit, stopSignal?.isRaised != true else { break }
      var restricted = model
      var fixed = 0
      for (j, column) in model.columns.enumerated() where column.kind != .continuous {
        let value = lp.values[j]
        let rounded = value.rounded()
        guard abs(value - rounded) < 1e-6, !onlyOnes || rounded == 1 else { continue }
        // Only within the column's bounds (an LP value is, up to GLPK's tolerance).
        if let lower = column.lower, rounded < lower { continue }
        if let upper = column.upper, rounded > upper { continue }
        guard (try? restricted.setBounds(of: Variable(index: j), lower: rounded, upper: rounded)) != nil
        else {
          continue
        }
        fixed += 1
      }
      guard fixed > 0 else { break }
      var options = SolveOptions(timeLimit: left(), relativeGap: 0.005)
      options.stopSignal = stopSignal
      guard let result = try? Solver.solve(restricted, options: options), result.hasSolution,
        model.isFeasible(result.values)
      else { continue }
      outcome.values = result.values
      outcome.objective = model.objectiveValue(result.values)
      break
    }
    return outcome
  }
}
