import ArgumentParser
import ZentralCore
import ZentralPlan
import ZentralSolver

/// The decision-support options of `zentral plan`: near-optimal alternatives, the robust plan, the
/// sensitivity analysis and the Pareto front (docs/cli.md, docs/model.md).
struct DecisionSupportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Also find this many near-optimal alternatives, each as different as possible from the plan and from each "
        + "other (see --within).", valueName: "count"))
  var alternatives: Int?

  @Option(
    help: ArgumentHelp(
      "How much more an alternative may cost than the plan: a fraction (0.02) or a percentage (2%); default 2%.",
      valueName: "fraction"))
  var within: RelativeGap?

  @Option(
    help: ArgumentHelp(
      "Also find the robust plan over this many scenarios sampled from the scenario's uncertainty: section.",
      valueName: "samples"))
  var robust: Int?

  @Option(
    help: ArgumentHelp(
      "Seed of the --robust sampling (default 1); the same seed, the same samples.", valueName: "seed"))
  var seed: UInt64?

  @Flag(
    help: ArgumentHelp(
      "Scale each uncertain input by 0.5 to 1.5 and report the range over which the decisions stay optimal "
        + "and each decision's break-even (plan.json 'sensitivity', report)."))
  var sensitivity = false

  @Option(
    name: .customLong("sensitivity-input"),
    help: ArgumentHelp(
      "An input for --sensitivity (repeatable; default: cost_per_fte, transition_costs, scale_curves, "
        + "provider_prices, discount_rate), or a key path such as families.ID.transition_cost_per_fte.",
      valueName: "key"))
  var sensitivityInputs: [String] = []

  @Option(
    help: ArgumentHelp(
      "The efficient plans between savings and a second goal: 'savings,disruption' (FTE moved) or "
        + "'savings,penalties' (plan.json 'pareto', report).", valueName: "goals"))
  var pareto: String?

  @Option(help: ArgumentHelp("Number of ε values of --pareto (2 to 50).", valueName: "n"))
  var paretoPoints = 9

  @Option(
    help: ArgumentHelp(
      "Seconds each of --sensitivity and --pareto may take, shared among its re-solves (default: 30 plus three "
        + "times the search's time); a break-even cut short is a bracket.", valueName: "seconds"))
  var analysisBudget: Double?

  /// The most alternatives one run looks for.
  static let maximumAlternatives = 20
  /// The most samples of a robust plan.
  static let maximumSamples = 200

  func validate() throws {
    if let alternatives, !(1...Self.maximumAlternatives).contains(alternatives) {
      throw ValidationError("--alternatives must be 1 to \(Self.maximumAlternatives), not \(alternatives)")
    }
    if let within {
      guard within.fraction.isFinite && within.fraction >= 0 && within.fraction <= 1 else {
        throw ValidationError("--within must be 0 to 100%, not \(within.fraction)")
      }
      guard alternatives != nil else { throw ValidationError("--within goes with --alternatives K") }
    }
    if let robust, !(1...Self.maximumSamples).contains(robust) {
      throw ValidationError("--robust must be 1 to \(Self.maximumSamples) samples, not \(robust)")
    }
    if seed != nil && robust == nil { throw ValidationError("--seed goes with --robust N") }
    if let pareto, DecisionSupport.paretoMeasure(pareto) == nil {
      throw ValidationError("--pareto must be 'savings,disruption' or 'savings,penalties', not '\(pareto)'")
    }
    if !(2...50).contains(paretoPoints) {
      throw ValidationError("--pareto-points must be 2 to 50, not \(paretoPoints)")
    }
    if !sensitivityInputs.isEmpty && !sensitivity {
      throw ValidationError("--sensitivity-input needs --sensitivity")
    }
    try SolveLimitChecks.checkSeconds(analysisBudget, option: "--analysis-budget")
    if analysisBudget != nil && !sensitivity && pareto == nil {
      throw ValidationError("--analysis-budget goes with --sensitivity or --pareto")
    }
  }

  /// Adds the sections asked for to `plan`, within `deadline`.
  func analyse(
    _ plan: inout ZentralPlan.Plan, planner: Planner, solve: SolveOptions, deadline: ContinuousClock.Instant?
  ) throws(PlanningError) {
    var options = solve
    options.relativeGap = nil
    if let alternatives {
      let within = self.within?.fraction ?? 0.02
      if planner.decomposes {
        plan.alternatives = .init(
          requested: alternatives, within: within,
          bound: NearOptimalAlternatives.bound(objective: plan.objective ?? 0, within: within),
          alternatives: [],
          shortfall: .tooLarge)
      } else {
        plan.alternatives = NearOptimalAlternatives(model: planner.model, options: options)
          .find(count: alternatives, within: within, recommendation: plan, deadline: deadline)
      }
    }
    if let robust {
      let seed = self.seed ?? 1
      let columns = planner.model.model.columns.count
      if !plan.hasSolution || robust * columns > RobustPlanner.maximumColumns {
        var section = ZentralPlan.Plan.RobustSection(samples: robust, seed: seed)
        section.shortfall = plan.hasSolution ? .tooLarge : .noPlan
        plan.robust = section
      } else {
        plan.robust = try RobustPlanner(scenario: planner.scenario, samples: robust, seed: seed)
          .run(options: options, recommendation: plan, deadline: deadline)
      }
    }
  }
}
