import Foundation
import FuzzSupport
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// libFuzzer target: small valid scenarios through the planner, against the status-quo checks.
///
/// The bytes describe a scenario (``ScenarioSketch``); it is written as YAML and loaded through
/// ``ScenarioLoader``, and inputs the loader refuses are skipped, so every scenario planned is
/// one `zentral plan` would accept. The planner then runs with short limits, and:
/// - the solver's answer to the same model from the same start satisfies every bound, row and
///   integrality of the model (``LinearModel/isFeasible(_:)``);
/// - when the status quo satisfies every row, the plan is never worse than it and never
///   "infeasible";
/// - "infeasible" only when the status quo breaks a row too.
/// A crash, trap or GLPK abort is a finding as well.
///
/// With `ZENTRAL_FUZZ_MODELS=DIR` set, each input planned also writes `DIR/<hash>.mps` and
/// `DIR/<hash>.verdict` (status and objective) for the HiGHS re-check of `scripts/fuzz --highs`.
@main
enum FuzzPlanner {
  static func main() { runFuzzer { data, size in testOneInput(fuzzBytes(data, size)) } }
}

/// Limits that keep one input well under a second on the tiny models the sketch makes.
private let solveOptions = SolveOptions(timeLimit: 2)

/// Plans one input; a broken promise stops the process through ``finding(_:)``.
private func testOneInput(_ bytes: [UInt8]) -> CInt {
  var input = FuzzInput(bytes)
  let sketch = ScenarioSketch.scenario(from: &input)
  guard let loaded = try? ScenarioLoader.load(text: ScenarioWriter.yaml(sketch), fileName: "fuzz.yaml") else {
    return 0
  }
  let scenario = loaded.scenario
  // The scenario is printed with every finding, so a crashing input reads as a scenario file.
  findingContext = "scenario:\n" + ScenarioWriter.yaml(scenario)
  let planner: Planner
  do {
    planner = try Planner(scenario: scenario, decomposition: input.chance(0.2) ? .always : .never)
  } catch {
    // A validated scenario whose model cannot be built is refused in words, not a crash.
    return 0
  }
  let linear = planner.model.model
  let statusQuo = planner.model.statusQuo()
  let statusQuoFeasible = linear.isFeasible(statusQuo)
  let statusQuoObjective = linear.objective.value { statusQuo[$0.index] }

  // The solver's own answer, checked against every row.
  var options = solveOptions
  if statusQuoFeasible { options.initialSolution = statusQuo }
  let result: SolveResult
  do {
    result = try Solver.solve(linear, options: options)
  } catch {
    finding("the solver refused a validated scenario's model: \(error)")
  }
  if result.hasSolution && !linear.isFeasible(result.values) {
    finding(
      "the solver's solution (\(result.termination)) breaks the model: \(violation(of: linear, by: result.values))"
    )
  }

  let plan: Plan
  do {
    plan = try planner.plan(options: PlanningOptions(solve: solveOptions, threads: 1))
  } catch {
    finding("the planner failed on a valid scenario: \(error)")
  }
  if let directory = ProcessInfo.processInfo.environment["ZENTRAL_FUZZ_MODELS"] {
    record(bytes, model: linear, plan: plan, in: directory)
  }
  if statusQuoFeasible {
    guard plan.status != .infeasible else {
      finding(
        "the plan says infeasible, but the status quo satisfies every row (objective \(statusQuoObjective))")
    }
    guard let objective = plan.objective else {
      finding("no plan (\(plan.status.rawValue)), but the status quo satisfies every row")
    }
    if objective > statusQuoObjective + 1e-6 * max(1, abs(statusQuoObjective)) {
      finding("the plan (\(objective)) is worse than the status quo (\(statusQuoObjective))")
    }
  }
  if plan.status == .infeasible && result.hasSolution {
    finding("the plan says infeasible, but the solver found a solution that satisfies every row")
  }
  if let objective = plan.objective, !objective.isFinite {
    finding("the plan's objective is \(objective)")
  }
  return 0
}

/// Writes the model and the planner's verdict for the HiGHS re-check.
private func record(_ bytes: [UInt8], model: LinearModel, plan: Plan, in directory: String) {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  let base = directory + "/" + String(hash, radix: 16)
  do {
    try ModelFile.write(model, format: .freeMPS, to: base + ".mps")
    let objective = plan.objective.map { String($0) } ?? "-"
    try Data("\(plan.status.rawValue) \(objective)\n".utf8).write(to: URL(fileURLWithPath: base + ".verdict"))
  } catch {
    finding("could not record the model in \(directory): \(error)")
  }
}

/// The first bound, integrality or row of `model` that `values` break, in words.
private func violation(of model: LinearModel, by values: [Double]) -> String {
  for (j, column) in model.columns.enumerated() {
    let value = values[j]
    if column.kind != .continuous && abs(value - value.rounded()) > 1e-9 {
      return "\(column.name) = \(value) is not integral"
    }
    if let lower = column.lower, value < lower - 1e-9 * max(1, abs(value)) {
      return "\(column.name) = \(value) < \(lower)"
    }
    if let upper = column.upper, value > upper + 1e-9 * max(1, abs(value)) {
      return "\(column.name) = \(value) > \(upper)"
    }
  }
  for row in model.rows {
    let activity = row.constraint.expression.value { values[$0.index] }
    let tolerance = 1e-7 * max(1, abs(activity))
    if let lower = row.constraint.lower, activity < lower - tolerance {
      return "row \(row.name): \(activity) < \(lower)"
    }
    if let upper = row.constraint.upper, activity > upper + tolerance {
      return "row \(row.name): \(activity) > \(upper)"
    }
  }
  return "no violation found on a second look"
}
