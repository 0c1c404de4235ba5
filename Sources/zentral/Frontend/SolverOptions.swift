import ArgumentParser
import ZentralCore
import ZentralSolver

/// The expert options of `zentral plan`: how GLPK searches and whether the model is solved family
/// by family. Hidden from `--help` (zentral's defaults are measured, see BENCHMARKS.md) and
/// listed by `--help-hidden`. Each value is read through ``ChoiceArgument``, so that a mistyped
/// one is answered with the allowed values although the option is hidden.
struct SolverOptions: ParsableArguments {
  /// A GLPK cut family, or `none`.
  enum Cut: String, CaseIterable, ExpressibleByArgument {
    case gomory, mir, cover, clique, knapsack, fenchel, none
  }

  /// A GLPK primal heuristic, or `none`.
  enum Heuristic: String, CaseIterable, ExpressibleByArgument {
    case rounding, fpump, proximity, none
    /// zentral's first plan from the LP relaxation (``FirstPlan``), GLPK's first incumbent.
    case firstPlan = "first-plan"
  }

  @Option(
    help: ArgumentHelp(
      "Cut families, comma-separated from gomory, mir, cover, clique (GLPK's), knapsack (zentral's lifted covers), "
        + "fenchel (zentral's exact knapsack cuts), or 'none' (default: zentral's "
        + "measured choice, see BENCHMARKS.md).",
      valueName: "list"),
    transform: ChoiceArgument<Cut>.list)
  var cuts: [Cut]?

  @Option(
    help: ArgumentHelp(
      "GLPK's branching rule: first-fractional, last-fractional, most-fractional, driebeck-tomlin "
        + "(default) or pseudo-cost.", valueName: "rule"),
    transform: ChoiceArgument<BranchingRule>.one)
  var branching: BranchingRule?

  @Option(
    help: ArgumentHelp(
      "GLPK's backtracking rule: depth-first, breadth-first, best-local-bound (default) or "
        + "best-projection.", valueName: "rule"),
    transform: ChoiceArgument<BacktrackingRule>.one)
  var backtracking: BacktrackingRule?

  @Option(
    help: ArgumentHelp(
      "Primal heuristics, comma-separated: rounding, fpump (feasibility pump), proximity "
        + "(proximity search) (GLPK's), first-plan (zentral's first plan from the LP), or 'none'.",
      valueName: "list"),
    transform: ChoiceArgument<Heuristic>.list)
  var heuristics: [Heuristic]?

  @Option(
    help: ArgumentHelp(
      "auto (default): family by family for models of 5,000 or more variables, else one MIP; "
        + "always: family by family (no flip costs); never: one MIP.", valueName: "mode"),
    transform: ChoiceArgument<Planner.Decomposition>.one)
  var decomposition: Planner.Decomposition?

  @Flag(help: "Branch on the centre-opening decisions first (one MIP only; docs/model.md, \"Search\").")
  var centresFirst = false

  func validate() throws {
    if let cuts, cuts.contains(.none), cuts.count > 1 {
      throw ValidationError("--cuts: 'none' cannot be combined with cut families; give one or the other")
    }
    if let heuristics, heuristics.contains(.none), heuristics.count > 1 {
      throw ValidationError("--heuristics: 'none' cannot be combined with heuristics; give one or the other")
    }
  }

  /// Sets the chosen options in `options`; the others keep their defaults.
  func apply(to options: inout SolveOptions) {
    if let cuts {
      options.cuts = Set(cuts.compactMap { CutFamily(rawValue: $0.rawValue) })
    }
    if let heuristics {
      options.roundingHeuristic = heuristics.contains(.rounding)
      options.feasibilityPump = heuristics.contains(.fpump)
      options.proximitySearch = heuristics.contains(.proximity)
      options.firstPlan = heuristics.contains(.firstPlan)
    }
    if let branching { options.branching = branching }
    if let backtracking { options.backtracking = backtracking }
  }
}
