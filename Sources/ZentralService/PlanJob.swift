import Foundation
import ZentralCore
import ZentralExport
import ZentralPlan
public import ZentralSolver

#if canImport(Glibc)
import Glibc
#endif

/// One plan run, done synchronously on the calling thread (GLPK's problem is created, solved and
/// deleted on one thread): loads the scenario as `zentral plan` does, plans with the same
/// planner and options, and writes `plan.json` and the exports into the run's staging folder,
/// which is renamed to the run folder only when everything is written. A stopped, failed or
/// cancelled run leaves no folder.
public struct PlanJob: Sendable {
  /// How a run ended.
  public enum Outcome: Sendable, Equatable {
    /// The run folder is in place; `message` says the plan's status.
    case done(message: String)
    /// The run failed; nothing was kept.
    case failed(message: String)
    /// The run was cancelled; nothing was kept.
    case cancelled
  }

  /// The files of a run besides `plan.json`, with the formats they are made from.
  static let extraFiles: [(format: ExportFormat, name: String)] = [(.md, "plan.md"), (.xlsx, "plan.xlsx")]

  /// Every file name a run folder may hold (the download list); `report.pdf` is printed on first
  /// download when Chromium is installed.
  public static let fileNames: Set<String> = Set(DefaultExports.fileNames.values)
    .union(extraFiles.map(\.name)).union(["plan.json", "report.pdf"])

  /// The data folder.
  public let folder: DataFolder
  /// The run.
  public let run: RunID
  /// The scenario.
  public let scenario: ScenarioID

  /// A job for `run` of `scenario` in `folder`.
  public init(folder: DataFolder, run: RunID, scenario: ScenarioID) {
    self.folder = folder
    self.run = run
    self.scenario = scenario
  }

  /// SHA-256 of `scenario` as resolved (a variant merged with its bases) in hex, or of the file's
  /// bytes when it does not load.
  public static func inputHash(folder: DataFolder, scenario: ScenarioID) -> String {
    let path = folder.scenarioFile(scenario).path
    let bytes: Data
    if let loaded = try? ScenarioLoader.load(path: path) {
      bytes = Data(ScenarioWriter.yaml(loaded.scenario).utf8)
    } else {
      bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
    }
    return SHA256Digest.hex(bytes)
  }

  /// Runs the job; `progress` gets one line of German progress text now and then, `stop` cancels.
  public func execute(stop: StopSignal, progress: @escaping @Sendable (String) -> Void) -> Outcome {
    let staging = folder.stagingFolder(run)
    try? FileManager.default.removeItem(at: staging)
    defer { try? FileManager.default.removeItem(at: staging) }
    let path = folder.scenarioFile(scenario).path
    let loaded: LoadedScenario
    do {
      loaded = try ScenarioLoader.load(path: path)
    } catch {
      return .failed(message: "Das Szenario ist ungültig: " + (error.diagnostics.first?.description ?? ""))
    }
    progress(
      "Szenario gelesen: \(loaded.scenario.units.count) Einheiten, \(loaded.scenario.tasks.count) Aufgaben")
    if stop.isRaised { return .cancelled }
    let planner: Planner
    do {
      planner = try Planner(scenario: loaded.scenario)
    } catch {
      return .failed(message: "\(scenario.fileName): \(error.description)")
    }
    var options = PlanningOptions(solve: SolveOptions())
    options.solve.stopSignal = stop
    options.threads = 1
    options.explain = true
    let words = ProgressWords(.de)
    options.explainProgress = { done, total in progress(words.explaining(done: done, total: total)) }
    let throttle = ProgressThrottle()
    let plan: Plan
    do {
      plan = try planner.plan(options: options) { report in
        if throttle.shouldReport() {
          progress(
            Self.withoutKeyHint(
              words.search(
                elapsed: report.elapsed, incumbent: report.incumbent, bound: report.bound, gap: report.gap,
                nodes: report.nodes)))
        }
        return !stop.isRaised
      }
    } catch {
      return .failed(message: "\(scenario.fileName): \(error.description)")
    }
    if stop.isRaised { return .cancelled }
    progress("Plan gefunden; Bericht und Organigramme werden geschrieben")
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      try plan.jsonData().write(to: staging.appendingPathComponent("plan.json"))
      let exportOptions = DefaultExports.options(for: plan)
      for format in DefaultExports.formats(for: plan) {
        if stop.isRaised { return .cancelled }
        var text = ""
        try format.exporter(options: exportOptions).write(plan, to: &text)
        let name = DefaultExports.fileNames[format] ?? "orgchart.\(format.fileExtension)"
        try Data(text.utf8).write(to: staging.appendingPathComponent(name))
      }
      if plan.hasSolution {
        for extra in Self.extraFiles {
          if stop.isRaised { return .cancelled }
          if let binary = extra.format.binaryExporter(options: exportOptions) {
            try binary.data(plan, file: extra.name).write(to: staging.appendingPathComponent(extra.name))
          } else {
            var text = ""
            try extra.format.exporter(options: exportOptions).write(plan, to: &text)
            try Data(text.utf8).write(to: staging.appendingPathComponent(extra.name))
          }
        }
      }
    } catch {
      return .failed(message: "Die Ergebnisse konnten nicht geschrieben werden: \(error)")
    }
    if stop.isRaised { return .cancelled }
    guard rename(staging.path, folder.runFolder(run).path) == 0 else {
      return .failed(
        message: "Der Ergebnisordner konnte nicht angelegt werden: \(String(cString: strerror(errno)))")
    }
    return .done(message: Self.statusText(plan))
  }

  /// The plan's status in German, one sentence.
  static func statusText(_ plan: Plan) -> String {
    switch plan.status {
    case .optimal: "Bester Plan gefunden (optimal)."
    case .feasible: "Plan gefunden (innerhalb der Lücke)."
    case .timeLimit: "Zeitgrenze erreicht; der beste gefundene Plan ist geschrieben."
    case .stopped: "Suche angehalten; der beste gefundene Plan ist geschrieben."
    case .infeasible: "Kein zulässiger Plan: die Regeln widersprechen sich (siehe Bericht)."
    }
  }

  /// The progress line without the terminal's key hint "(Strg-C: …)".
  static func withoutKeyHint(_ line: String) -> String {
    guard let range = line.range(of: "  (") else { return line }
    return String(line[..<range.lowerBound])
  }
}
