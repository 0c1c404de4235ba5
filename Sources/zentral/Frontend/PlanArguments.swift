import ArgumentParser
import ZentralCore
import ZentralSolver

/// The planner options of a command written back as arguments of `zentral plan`, for the jobs of
/// a sweep: the same time limit, gap and expert options reach every variant's run.
enum PlanArguments {
  /// `--time-limit`, `--gap` and the expert options that were given, as arguments.
  static func of(timeLimit: Double?, gap: RelativeGap?, solver: SolverOptions) -> [String] {
    var arguments: [String] = []
    if let timeLimit { arguments += ["--time-limit", "\(timeLimit)"] }
    if let gap { arguments += ["--gap", "\(gap.fraction)"] }
    if let cuts = solver.cuts { arguments += ["--cuts", cuts.map(\.rawValue).joined(separator: ",")] }
    if let branching = solver.branching, let index = BranchingRule.allCases.firstIndex(of: branching) {
      arguments += [
        "--branching",
        BranchingRule.allValueStrings[
          BranchingRule.allCases.distance(from: BranchingRule.allCases.startIndex, to: index)],
      ]
    }
    if let backtracking = solver.backtracking,
      let index = BacktrackingRule.allCases.firstIndex(of: backtracking)
    {
      arguments += [
        "--backtracking",
        BacktrackingRule.allValueStrings[
          BacktrackingRule.allCases.distance(from: BacktrackingRule.allCases.startIndex, to: index)],
      ]
    }
    if let heuristics = solver.heuristics {
      arguments += ["--heuristics", heuristics.map(\.rawValue).joined(separator: ",")]
    }
    if solver.centresFirst { arguments.append("--centres-first") }
    if let decomposition = solver.decomposition {
      let names: [Planner.Decomposition: String] = [.automatic: "auto", .always: "always", .never: "never"]
      arguments += ["--decomposition", names[decomposition] ?? "auto"]
    }
    return arguments
  }
}
