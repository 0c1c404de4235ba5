import Foundation
import ZentralCore
import ZentralPlan
import ZentralSolver

/// The decision-support analyses of `zentral plan` (`--sensitivity`, `--pareto`), run after the
/// main solve within what is left of the time limit.
struct DecisionSupport {
  /// The scenario planned.
  let scenario: Scenario
  /// The solver options of the run (the time limit is replaced by what is left until `deadline`).
  let options: SolveOptions
  /// The end of the run's time limit, if any.
  var deadline: ContinuousClock.Instant?
  /// The run's stop signal (Ctrl-C).
  let stop: StopSignal
  /// Print nothing but errors.
  let quiet: Bool
  /// Seconds each analysis may take, shared among its re-solves (`nil`: only the time limit).
  var budget: Double? = nil
  /// The recommended plan's values by column, when they could be rebuilt from the plan.
  var recommendation: [Double]? = nil

  /// The measure of `--pareto GOALS`, or `nil` for goals not offered.
  static func paretoMeasure(_ goals: String) -> Plan.ParetoFront.Measure? {
    switch goals.replacingOccurrences(of: " ", with: "").lowercased() {
    case "savings,disruption", "disruption,savings": .disruption
    case "savings,penalties", "penalties,savings": .penalties
    default: nil
    }
  }

  /// The inputs named by `--sensitivity-input` (the defaults when none is), checked against the
  /// scenario read from `file`.
  static func inputs(_ keys: [String], scenario: Scenario, file: String) throws -> [SensitivityInput] {
    guard !keys.isEmpty else { return SensitivityInput.defaults }
    var inputs: [SensitivityInput] = []
    for key in keys {
      do {
        inputs.append(try SensitivityInput(parsing: key, in: scenario))
      } catch {
        throw CommandFailure("\(file): \(error.description)")
      }
    }
    return inputs
  }

  /// The options of one analysis: the run's, limited to the time left.
  private var analysisOptions: SolveOptions {
    var solve = options
    solve.stopSignal = stop
    solve.initialSolution = nil
    if let deadline {
      let left = deadline - ContinuousClock.now
      solve.timeLimit = max(
        0.001, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18)
    }
    return solve
  }

  /// Runs the sensitivity analysis over `inputs`; `nil` when time ran out before it could start.
  func sensitivity(_ inputs: [SensitivityInput], file: String) throws -> Plan.Sensitivity? {
    if !quiet { Self.say("zentral: sensitivity: \(inputs.map(\.description).joined(separator: ", ")) …") }
    do {
      var analysis = SensitivityAnalysis(scenario: scenario, inputs: inputs, options: analysisOptions)
      analysis.budget = budget
      analysis.recommendation = recommendation
      return try analysis.run()
    } catch {
      throw CommandFailure("\(file): \(error.description)")
    }
  }

  /// Runs the Pareto analysis with `points` ε values; `nil` when time ran out.
  func pareto(_ measure: Plan.ParetoFront.Measure, points: Int, file: String) throws -> Plan.ParetoFront? {
    if !quiet { Self.say("zentral: pareto: savings against \(measure.rawValue), \(points) ε values …") }
    do {
      var analysis = ParetoAnalysis(
        scenario: scenario, measure: measure, points: points, options: analysisOptions)
      analysis.budget = budget
      analysis.recommendation = recommendation
      return try analysis.run()
    } catch {
      throw CommandFailure("\(file): \(error.description)")
    }
  }

  /// Writes one line to standard error.
  private static func say(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
