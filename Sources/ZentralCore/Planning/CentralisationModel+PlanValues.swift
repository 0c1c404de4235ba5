public import ZentralPlan
public import ZentralSolver

extension CentralisationModel {
  /// The values of every column for `plan` (a plan of this model's scenario): its moves held at
  /// their shares and the rest (centres, staff, money) re-optimised in one small solve; `nil` when
  /// that solve fails or its objective differs from the plan's by more than 1e-6 relative, so that
  /// a caller never mistakes another plan for the recommendation.
  public func values(of plan: Plan, options: SolveOptions = SolveOptions()) -> [Double]? {
    guard plan.hasSolution, plan.tasks.count == moves.count, let objective = plan.objective else {
      return nil
    }
    let reference = NearOptimalAlternatives(model: self).reference(plan)
    var fixed = model
    for moves in moves {
      for move in moves {
        guard let variable = fixed.variable(move.variable.index) else { return nil }
        let value = reference[move.variable.index]
        let held = fixed.columns[move.variable.index].kind == .continuous ? value : value.rounded()
        guard (try? fixed.setBounds(of: variable, lower: held, upper: held)) != nil else { return nil }
      }
    }
    var solveOptions = options
    solveOptions.initialSolution = nil
    guard let result = try? Solver.solve(fixed, options: solveOptions), result.termination == .optimal,
      result.hasSolution, model.isFeasible(result.values)
    else { return nil }
    let value = model.objectiveValue(result.values)
    guard abs(value - objective) <= 1e-6 * max(1, abs(objective)) + 0.01 else { return nil }
    return result.values
  }
}
