import Foundation
import ZentralCore
import ZentralPlan
import ZentralSolver

/// The plan of a file given to `zentral compare`: a plan.json read as it is, or a scenario (a variant
/// too) planned on the fly with the same planner and options as `zentral plan` (flip costs included,
/// so that each decision has its reason).
enum PlanSource {
  /// The plan of the file at `path`; a scenario is planned with `options`.
  static func plan(
    of path: String, options: PlanningOptions, decomposition: Planner.Decomposition
  ) throws(CommandFailure) -> Plan {
    try InputFile.checkExists(path, extensions: InputFile.scenarioExtensions)
    switch InputFile.kind(of: path) {
    case .plan:
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw CommandFailure("\(path): cannot be read: \((error as NSError).localizedDescription)")
      }
      do {
        return try Plan.decode(from: data, file: path)
      } catch {
        throw CommandFailure(error.description)
      }
    case .spreadsheet:
      throw CommandFailure(
        "\(path) is a spreadsheet; compare scenarios (.yaml) or plans (plan.json), and build a scenario from "
          + "a spreadsheet with 'zentral import' (docs/import.md)")
    case .scenario, .other:
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: path)
      } catch {
        throw CommandFailure(
          lines: error.diagnostics.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
      }
      if !loaded.warnings.isEmpty {
        Zentral.write(loaded.warnings.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
      }
      do {
        let planner = try Planner(scenario: loaded.scenario, decomposition: decomposition)
        return try planner.plan(options: options) { _ in true }
      } catch {
        throw CommandFailure("\(path): \(error.description)")
      }
    }
  }
}
