import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import ZentralCore
import ZentralExport
import ZentralPlan
import ZentralSolver

extension Zentral {
  /// `zentral plan SCENARIO`: solves the centralisation MIP and writes `plan.json`.
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Finds the best centralisation plan for a scenario and writes FOLDER/plan.json.",
      discussion: """
        Exit status: 0 a plan was written, 1 invalid input, 2 the scenario has no feasible plan \
        (plan.json then names the conflicting rules). Ctrl-C, SIGTERM or SIGHUP stop the search and \
        write the best plan found so far with its gap (exit status 0); a second one ends the run at \
        once, writing nothing. The output folder is written as one set (staged beside it, then swapped \
        in) and used by one run at a time. The expert solver options (cuts, branching, backtracking, \
        heuristics, decomposition) are listed by 'zentral plan --help-hidden'.
        """)

    @Argument(
      help: ArgumentHelp("The scenario file (.yaml, .yml or .json).", valueName: "scenario-file"),
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var scenario: String

    @Option(
      help: ArgumentHelp(
        "Output folder, replaced as one set; other files in it are kept (default: out/<scenario file name>).",
        valueName: "folder"),
      completion: .directory)
    var out: String?

    @Option(
      help: ArgumentHelp(
        "Time limit of the whole run (reading, search, explanations, exports); see docs/model.md.",
        valueName: "seconds"))
    var timeLimit: Double?

    @Option(
      help: ArgumentHelp(
        "Stop once the relative gap between the plan and the bound is at most this: a fraction (0.01) or a "
          + "percentage (1%).", valueName: "fraction"))
    var gap: RelativeGap?

    @Option(
      help: ArgumentHelp("Write the exact MIP solved to this file, .mps or .lp.", valueName: "file"),
      completion: .file(extensions: ["mps", "lp"]))
    var exportModel: String?

    @Option(
      help: ArgumentHelp(
        "Language of the summary, the progress line and the report (default: the scenario's language).",
        valueName: "language"))
    var lang: ReportLanguage?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Skip the flip costs of decisions taken on the merits (faster).")
    var noExplain = false

    @Option(
      help: ArgumentHelp(
        "Seconds for all flip costs together (default: the explanations end 7 s plus twice the search's time "
          + "after the run began); a flip cut short is given as a range, or as not computed.",
        valueName: "seconds"))
    var explainBudget: Double?

    @Flag(help: "Write only plan.json, not the org chart and report.html.")
    var noExports = false

    @Flag(
      help:
        "Print the wall time and the CPU time of each phase (parse, build, solve, explain, export) to standard error."
    )
    var timings = false

    @OptionGroup(title: "Decision support")
    var support: DecisionSupportOptions

    @OptionGroup(title: "Solver options (expert)", visibility: .hidden)
    var solver: SolverOptions

    @OptionGroup(title: "Flip speed-ups (benchmarks)", visibility: .hidden)
    var flipSpeedups: FlipSpeedupOptions

    func validate() throws {
      try SolveLimitChecks.check(timeLimit: timeLimit, gap: gap)
      try SolveLimitChecks.checkSeconds(explainBudget, option: "--explain-budget")
      if let out, out.isEmpty {
        throw ValidationError("--out is empty; name the folder for the results, e.g. --out out/krefeld")
      }
      if let exportModel, Self.modelFormat(exportModel) == nil {
        throw ValidationError("--export-model '\(exportModel)' must end in .mps or .lp")
      }
      try support.validate()
    }

    func run() throws {
      try InputFile.checkScenario(scenario)
      if let out { try OutputPath.checkFolder(of: out, option: "--out") }
      if let exportModel, !isInOutputFolder(exportModel) {
        try OutputPath.checkFolder(of: exportModel, option: "--export-model")
      }
      let clock = PhaseClock()
      var solveOptions = SolveOptions(timeLimit: timeLimit, relativeGap: gap?.fraction)
      solver.apply(to: &solveOptions)

      let started = ContinuousClock.now
      let deadline = timeLimit.map { started + .seconds($0) }
      let folder: OutputFolder
      do {
        folder = try OutputFolder(path: out ?? defaultDirectory(), ownNames: Self.ownNames)
      } catch {
        throw CommandFailure(error.description)
      }
      defer { folder.abandon() }
      let stop = StopSignal()
      let quiet = self.quiet
      // The notice of a stop signal speaks the run's language once the scenario is read.
      let language = Mutex<ReportLanguage>(lang ?? .en)
      let signals = StopOnSignals(
        stop: stop,
        announce: { name in
          if !quiet {
            printError(
              language.withLock { $0 } == .de
                ? "\nzentral: \(name): die Suche wird beendet und der beste gefundene Plan geschrieben (ein "
                  + "zweites Signal beendet sofort, ohne etwas zu schreiben)"
                : "\nzentral: \(name): stopping the search and writing the best plan found (send it again to end "
                  + "at once, writing nothing)")
          }
        },
        abandon: { folder.abandon() })
      defer { signals.cancel() }

      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario)
      } catch {
        throw CommandFailure(
          lines: error.diagnostics.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
      }
      if !quiet { for warning in loaded.warnings { printError("\(warning)") } }
      language.withLock { $0 = lang ?? loaded.scenario.language }
      let inputs =
        support.sensitivity
        ? try DecisionSupport.inputs(support.sensitivityInputs, scenario: loaded.scenario, file: scenario)
        : []
      clock.lap("parse")

      let planner: Planner
      do {
        planner = try Planner(scenario: loaded.scenario, decomposition: solver.decomposition ?? .automatic)
      } catch {
        throw CommandFailure("\(scenario): \(error.description)")
      }
      clock.lap("build")
      if let exportModel, let exportFormat = Self.modelFormat(exportModel) {
        do {
          // The output folder of this run is created for a model written into it.
          let parent = URL(fileURLWithPath: exportModel).deletingLastPathComponent()
          try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: false)
          try ModelFile.write(planner.model.model, format: exportFormat, to: exportModel)
        } catch {
          throw CommandFailure(error.description)
        }
      }
      clock.lap("export")

      let line = ProgressLine(
        enabled: !quiet && isatty(STDERR_FILENO) == 1, words: ProgressWords(lang ?? loaded.scenario.language))
      var options = PlanningOptions(solve: solveOptions)
      // The limit holds for the whole run: reading and building took part of it.
      options.solve.timeLimit = deadline.map { max(0.001, Self.seconds(until: $0)) }
      options.solve.stopSignal = stop
      options.threads = 2
      options.explain = !noExplain
      // Reading the scenario and building the model count against the default explain budget.
      options.runStarted = started
      options.centresFirst = solver.centresFirst
      if let explainBudget { options.explainBudget = .seconds(explainBudget) }
      if let chosen = flipSpeedups.chosen { options.flipSpeedups = chosen }
      if timings { options.trace = { line in printError("zentral: decomposition: \(line)") } }
      options.explainProgress = { done, total in line.explaining(done, total) }
      options.phaseFinished = { phase, seconds in clock.add(phase, seconds) }
      if support.robust != nil && loaded.scenario.uncertainty == nil {
        throw CommandFailure(
          "\(scenario): --robust samples the scenario's uncertainty: section, and this scenario has none; "
            + "add one such as 'uncertainty: {cost_per_fte: {factor: [0.9, 1.2]}}' (docs/scenario-format.md)")
      }
      var plan: ZentralPlan.Plan
      do {
        plan = try planner.plan(options: options) { progress in
          line.update(progress)
          return true
        }
      } catch {
        line.clear()
        throw CommandFailure(error.description)
      }
      line.clear()
      clock.lap("solve", excluding: ["solve", "explain"])
      do {
        try support.analyse(&plan, planner: planner, solve: options.solve, deadline: deadline)
      } catch {
        throw CommandFailure("\(scenario): \(error.description)")
      }
      if plan.hasSolution && (support.sensitivity || support.pareto != nil) {
        var analyses = DecisionSupport(
          scenario: loaded.scenario, options: solveOptions, deadline: deadline, stop: stop, quiet: quiet)
        // Like the explain budget: 30 s plus three times the search's time, for each analysis.
        analyses.budget =
          support.analysisBudget ?? AnalysisBudget.standardSeconds(afterSolveOf: clock.seconds(of: "solve"))
        if plan.status == .optimal && !planner.decomposes {
          analyses.recommendation = planner.model.values(of: plan, options: solveOptions)
        }
        if support.sensitivity { plan.sensitivity = try analyses.sensitivity(inputs, file: scenario) }
        if let pareto = support.pareto, let measure = DecisionSupport.paretoMeasure(pareto) {
          plan.pareto = try analyses.pareto(measure, points: support.paretoPoints, file: scenario)
        }
      }
      clock.lap("support")

      let file = folder.staging.appendingPathComponent(Self.planFile)
      do {
        try plan.jsonData().write(to: file)
      } catch {
        throw CommandFailure(
          "could not write \(folder.displayPath)/\(Self.planFile): \(error.localizedDescription)")
      }
      // The org chart (DOT, SVG when Graphviz is installed, Mermaid, CSV) and the HTML report,
      // within the time limit's export allowance (or after a stop signal, within that allowance).
      var written = [Self.planFile]
      if !noExports {
        let exportDeadline =
          stop.isRaised
          ? ContinuousClock.now + Self.exportAllowance
          : deadline.map { $0 + Self.exportAllowance }
        let exports = BoundedExports.render(plan, language: lang, until: exportDeadline)
        for export in exports {
          switch export.outcome {
          case .rendered(let text):
            do {
              try Data(text.utf8).write(to: folder.staging.appendingPathComponent(export.fileName))
            } catch {
              throw CommandFailure(
                "could not write \(folder.displayPath)/\(export.fileName): \(error.localizedDescription)")
            }
            written.append(export.fileName)
          case .failed(let message):
            throw CommandFailure(message)
          case .outOfTime:
            if !quiet {
              let command =
                "zentral export \(folder.displayPath)/\(Self.planFile) --format \(export.format.rawValue) --out "
                + "\(folder.displayPath)/\(export.fileName)"
              printError(
                PlanWords(plan, language: lang).pick(
                  "zentral: \(export.fileName) nicht geschrieben: die Zeit war abgelaufen (später mit '\(command)')",
                  "zentral: \(export.fileName) not written: the time was up (write it later with '\(command)')"
                ))
            }
          }
        }
      }
      do {
        try folder.commit()
      } catch {
        throw CommandFailure(error.description)
      }
      if !quiet {
        print(PlanSummary.text(plan, language: lang), terminator: "")
        let directory = URL(fileURLWithPath: folder.displayPath)
        let label = PlanWords(plan, language: lang).pick("geschrieben: ", "written: ")
        for name in written { print(label + directory.appendingPathComponent(name).path) }
      }
      clock.lap("export")
      if timings {
        printError("zentral: timings: \(clock.summary)")
        printError("zentral: cpu: \(clock.cpuSummary)")
      }
      if plan.status == .infeasible { throw ExitCode.noFeasiblePlan }
    }

    /// The plan file in the output folder.
    static let planFile = "plan.json"

    /// The files `zentral plan` writes; any other file in the output folder is kept.
    static var ownNames: Set<String> { Set(DefaultExports.fileNames.values).union([planFile]) }

    /// How long after the time limit (or after a stop signal) the exports may still run before
    /// the unfinished ones are skipped: the documented overrun of `--time-limit` (docs/model.md).
    static let exportAllowance = Duration.seconds(10)

    /// Seconds from now until `instant` (negative once it has passed).
    static func seconds(until instant: ContinuousClock.Instant) -> Double {
      let left = instant - ContinuousClock.now
      return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    }

    /// The model file format of `path`, by its extension (`.mps` or `.lp`).
    static func modelFormat(_ path: String) -> ModelFile.Format? {
      ModelFile.Format(pathExtension: URL(fileURLWithPath: path).pathExtension)
    }

    /// Whether `path` is a file directly in this run's output folder (created by the run).
    private func isInOutputFolder(_ path: String) -> Bool {
      let folder = URL(fileURLWithPath: out ?? defaultDirectory()).standardizedFileURL.path
      return URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path == folder
    }

    /// `out/<scenario file name without extension>`.
    private func defaultDirectory() -> String {
      let name = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
      return "out/\(name)"
    }
  }
}

/// Wall time and CPU time per phase of `zentral plan` for `--timings`: laps of the command itself,
/// and the planner's own phases reported through ``PlanningOptions/phaseFinished``. The CPU time is
/// the process's (user and system, every thread), split at the same moments as the wall time.
private final class PhaseClock: Sendable {
  private struct State {
    var lastLap: ContinuousClock.Instant
    var lastCPU: Double
    var phases: [String: Double] = [:]
    var cpu: [String: Double] = [:]
  }

  private let started = ContinuousClock.now
  private let startedCPU = PhaseClock.processCPU()
  private let state = Mutex(State(lastLap: .now, lastCPU: PhaseClock.processCPU()))

  /// Adds `seconds` to `phase` (from the planner), and the CPU time since the last mark.
  func add(_ phase: String, _ seconds: Double) {
    let cpu = Self.processCPU()
    state.withLock {
      $0.phases[phase, default: 0] += seconds
      $0.cpu[phase, default: 0] += max(0, cpu - $0.lastCPU)
      $0.lastCPU = cpu
    }
  }

  /// Ends a lap: its time goes to `phase`, less the time the planner reported during it for the
  /// phases in `reported` (which already have it).
  func lap(_ phase: String, excluding reported: [String] = []) {
    let cpu = Self.processCPU()
    state.withLock { state in
      let now = ContinuousClock.now
      let inner = reported.reduce(0) { sum, name in sum + (state.phases[name] ?? 0) }
      state.phases[phase, default: 0] += max(0, Self.seconds(now - state.lastLap) - inner)
      state.cpu[phase, default: 0] += max(0, cpu - state.lastCPU)
      state.lastLap = now
      state.lastCPU = cpu
    }
  }

  /// The seconds counted so far for `phase`.
  func seconds(of phase: String) -> Double {
    state.withLock { $0.phases[phase] ?? 0 }
  }

  /// `parse=0.0123 build=… solve=… explain=… export=… total=…`, wall seconds.
  var summary: String {
    Self.line(state.withLock { $0.phases }, total: Self.seconds(ContinuousClock.now - started))
  }

  /// The same phases in CPU seconds of the process (all threads).
  var cpuSummary: String { Self.line(state.withLock { $0.cpu }, total: Self.processCPU() - startedCPU) }

  private static func line(_ phases: [String: Double], total: Double) -> String {
    let names = ["parse", "build", "solve", "explain", "support", "export"]
    let parts = names.map { "\($0)=\(String(format: "%.4f", phases[$0] ?? 0))" }
    return (parts + ["total=\(String(format: "%.4f", total))"]).joined(separator: " ")
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  /// User and system CPU seconds of this process so far.
  private static func processCPU() -> Double {
    var usage = rusage()
    #if os(Linux)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}

/// Writes one line to standard error.
private func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The live progress line on a terminal: elapsed time, incumbent, bound and gap, at most five
/// updates a second; then the flip re-solves done. Written from the solving thread and the flip
/// threads, so its state is behind a lock.
private final class ProgressLine: Sendable {
  private let enabled: Bool
  private let words: ProgressWords
  private let state = Mutex((last: -1.0, shown: false))

  init(enabled: Bool, words: ProgressWords) {
    self.enabled = enabled
    self.words = words
  }

  func update(_ progress: SolveProgress) {
    guard enabled else { return }
    let due = state.withLock { state in
      guard progress.elapsed - state.last >= 0.2 else { return false }
      state = (progress.elapsed, true)
      return true
    }
    guard due else { return }
    let text = words.search(
      elapsed: progress.elapsed, incumbent: progress.incumbent, bound: progress.bound, gap: progress.gap,
      nodes: progress.nodes)
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
  }

  func explaining(_ done: Int, _ total: Int) {
    guard enabled else { return }
    state.withLock { state in
      state.shown = true
      FileHandle.standardError.write(Data(("\r\u{1B}[2K" + words.explaining(done: done, total: total)).utf8))
    }
  }

  func clear() {
    let shown = state.withLock { state in
      defer { state.shown = false }
      return state.shown
    }
    guard enabled, shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
