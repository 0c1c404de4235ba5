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
      abstract: "Finds the best centralisation plan for a scenario and writes DIR/plan.json.",
      discussion: """
        Exit status: 0 a plan was written, 1 invalid input, 2 the scenario has no feasible plan \
        (plan.json then names the conflicting rules). Ctrl-C, SIGTERM or SIGHUP stop the search and \
        write the best plan found so far with its gap (exit status 0); a second one ends the run at \
        once, writing nothing. The output folder is written as one set (staged beside it, then swapped \
        in) and used by one run at a time.
        """)

    @Argument(help: "The scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Option(
      name: .customLong("out"),
      help: ArgumentHelp(
        "Output folder, replaced as one set; other files in it are kept (default: out/<scenario file name>).",
        valueName: "folder"))
    var out: String?

    @Option(
      name: .customLong("time-limit"),
      help: ArgumentHelp(
        "Time limit of the whole run (reading, search, explanations, exports), seconds; see docs/model.md.",
        valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .customLong("gap"), help: "Stop once the relative gap is at most this, e.g. 0.01.")
    var gap: Double?

    @Option(name: .customLong("export-model"), help: "Write the exact MIP solved to FILE.mps or FILE.lp.")
    var exportModel: String?

    @Flag(name: .customLong("quiet"), help: "Print nothing but errors.")
    var quiet = false

    @Flag(
      name: .customLong("no-explain"), help: "Skip the flip costs of decisions taken on the merits (faster).")
    var noExplain = false

    @Flag(name: .customLong("no-exports"), help: "Write only plan.json, not the org chart and report.html.")
    var noExports = false

    @Flag(
      name: .customLong("timings"),
      help: "Print the wall time of each phase (parse, build, solve, explain, export) to standard error.")
    var timings = false

    @Option(
      name: .customLong("cuts"),
      help: ArgumentHelp(
        "Solver (expert): GLPK cut families, comma-separated from gomory, mir, cover, clique, or 'none' "
          + "(default: zentral's measured choice, see BENCHMARKS.md).", valueName: "list"))
    var cuts: String?

    @Option(
      name: .customLong("branching"),
      help: ArgumentHelp(
        "Solver (expert): first-fractional, last-fractional, most-fractional, driebeck-tomlin or pseudo-cost.",
        valueName: "rule"))
    var branching: String?

    @Option(
      name: .customLong("backtracking"),
      help: ArgumentHelp(
        "Solver (expert): depth-first, breadth-first, best-local-bound or best-projection.", valueName: "rule"
      ))
    var backtracking: String?

    @Option(
      name: .customLong("heuristics"),
      help: ArgumentHelp(
        "Solver (expert): GLPK primal heuristics, comma-separated from rounding, fpump (feasibility pump), "
          + "proximity (proximity search), or 'none'.", valueName: "list"))
    var heuristics: String?

    @Option(
      name: .customLong("decomposition"),
      help: ArgumentHelp(
        "auto (family by family for models of 5,000 or more variables), always, or never (one MIP).",
        valueName: "mode"))
    var decomposition: String?

    func run() throws {
      var decompositionMode = Planner.Decomposition.automatic
      if let decomposition {
        switch decomposition.lowercased() {
        case "auto", "automatic": decompositionMode = .automatic
        case "always": decompositionMode = .always
        case "never": decompositionMode = .never
        default: throw fail("--decomposition: '\(decomposition)' is not a mode; use auto, always or never")
        }
      }
      if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
        throw fail("--time-limit must be a positive number of seconds, not \(timeLimit)")
      }
      if let gap, !(gap.isFinite && gap >= 0) { throw fail("--gap must be 0 or more, not \(gap)") }
      let clock = PhaseClock()
      var solveOptions = SolveOptions(timeLimit: timeLimit, relativeGap: gap)
      if let cuts {
        let names = cuts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var families = Set<CutFamily>()
        for name in names where name != "none" {
          guard let family = CutFamily(rawValue: name) else {
            throw fail("--cuts: '\(name)' is not a cut family; use gomory, mir, cover, clique or none")
          }
          families.insert(family)
        }
        solveOptions.cuts = families
      }
      if let heuristics {
        let names = heuristics.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        for name in names where !["none", "rounding", "fpump", "proximity"].contains(name) {
          throw fail("--heuristics: '\(name)' is not a heuristic; use rounding, fpump, proximity or none")
        }
        solveOptions.roundingHeuristic = names.contains("rounding")
        solveOptions.feasibilityPump = names.contains("fpump")
        solveOptions.proximitySearch = names.contains("proximity")
      }
      if let branching {
        guard let rule = Self.rule(branching, of: BranchingRule.self) else {
          throw fail(
            "--branching: '\(branching)' is not a branching rule; use first-fractional, last-fractional, "
              + "most-fractional, driebeck-tomlin or pseudo-cost")
        }
        solveOptions.branching = rule
      }
      if let backtracking {
        guard let rule = Self.rule(backtracking, of: BacktrackingRule.self) else {
          throw fail(
            "--backtracking: '\(backtracking)' is not a backtracking rule; use depth-first, breadth-first, "
              + "best-local-bound or best-projection")
        }
        solveOptions.backtracking = rule
      }
      var exportFormat: ModelFile.Format?
      if let exportModel {
        guard let format = ModelFile.Format(pathExtension: URL(fileURLWithPath: exportModel).pathExtension)
        else {
          throw fail("--export-model '\(exportModel)' must end in .mps or .lp")
        }
        exportFormat = format
      }

      let started = ContinuousClock.now
      let deadline = timeLimit.map { started + .seconds($0) }
      let folder: OutputFolder
      do {
        folder = try OutputFolder(path: out ?? defaultDirectory(), ownNames: Self.ownNames)
      } catch {
        throw fail(error.description)
      }
      defer { folder.abandon() }
      let stop = StopSignal()
      let quiet = self.quiet
      let signals = StopOnSignals(
        stop: stop,
        announce: { name in
          if !quiet {
            printError(
              "\nzentral: \(name): stopping the search and writing the best plan found (send it again to end "
                + "at once, writing nothing)")
          }
        },
        abandon: { folder.abandon() })
      defer { signals.cancel() }

      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario)
      } catch {
        for diagnostic in error.diagnostics { printError("\(diagnostic)") }
        throw ExitCode(1)
      }
      if !quiet { for warning in loaded.warnings { printError("\(warning)") } }
      clock.lap("parse")

      let planner: Planner
      do {
        planner = try Planner(scenario: loaded.scenario, decomposition: decompositionMode)
      } catch {
        throw fail("\(scenario): \(error.description)")
      }
      clock.lap("build")
      if let exportModel, let exportFormat {
        do {
          let parent = URL(fileURLWithPath: exportModel).deletingLastPathComponent()
          try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
          try ModelFile.write(planner.model.model, format: exportFormat, to: exportModel)
        } catch {
          throw fail(error.description)
        }
      }
      clock.lap("export")

      let line = ProgressLine(
        enabled: !quiet && isatty(STDERR_FILENO) == 1, words: ProgressWords(loaded.scenario.language))
      var options = PlanningOptions(solve: solveOptions)
      // The limit holds for the whole run: reading and building took part of it.
      options.solve.timeLimit = deadline.map { max(0.001, Self.seconds(until: $0)) }
      options.solve.stopSignal = stop
      options.threads = 2
      options.explain = !noExplain
      if timings { options.trace = { line in printError("zentral: decomposition: \(line)") } }
      options.explainProgress = { done, total in line.explaining(done, total) }
      options.phaseFinished = { phase, seconds in clock.add(phase, seconds) }
      let plan: ZentralPlan.Plan
      do {
        plan = try planner.plan(options: options) { progress in
          line.update(progress)
          return true
        }
      } catch {
        line.clear()
        throw fail(error.description)
      }
      line.clear()
      clock.lap("solve", excluding: ["solve", "explain"])

      let file = folder.staging.appendingPathComponent(Self.planFile)
      do {
        try plan.jsonData().write(to: file)
      } catch {
        throw fail("could not write \(folder.displayPath)/\(Self.planFile): \(error.localizedDescription)")
      }
      // The org chart (DOT, SVG when Graphviz is installed, Mermaid, CSV) and the HTML report,
      // within the time limit's export allowance (or after a stop signal, within that allowance).
      var written = [Self.planFile]
      if !noExports {
        let exportDeadline =
          stop.isRaised
          ? ContinuousClock.now + Self.exportAllowance
          : deadline.map { $0 + Self.exportAllowance }
        let exports = BoundedExports.render(plan, until: exportDeadline)
        for export in exports {
          switch export.outcome {
          case .rendered(let text):
            do {
              try Data(text.utf8).write(to: folder.staging.appendingPathComponent(export.fileName))
            } catch {
              throw fail(
                "could not write \(folder.displayPath)/\(export.fileName): \(error.localizedDescription)")
            }
            written.append(export.fileName)
          case .failed(let message):
            throw fail(message)
          case .outOfTime:
            if !quiet {
              printError(
                "zentral: \(export.fileName) not written: the time was up (write it later with 'zentral export "
                  + "\(folder.displayPath)/\(Self.planFile) --format \(export.format.rawValue) --out "
                  + "\(folder.displayPath)/\(export.fileName)')")
            }
          }
        }
      }
      do {
        try folder.commit()
      } catch {
        throw fail(error.description)
      }
      if !quiet {
        print(PlanSummary.text(plan), terminator: "")
        let directory = URL(fileURLWithPath: folder.displayPath)
        let label = PlanWords(plan).pick("geschrieben: ", "written: ")
        for name in written { print(label + directory.appendingPathComponent(name).path) }
      }
      clock.lap("export")
      if timings { printError("zentral: timings: \(clock.summary)") }
      if plan.status == .infeasible { throw ExitCode(2) }
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

    /// The case of `Rule` whose name matches `text` written in kebab case (`pseudo-cost` for `pseudoCost`).
    private static func rule<Rule: CaseIterable & RawRepresentable<String>>(
      _ text: String, of: Rule.Type
    ) -> Rule? {
      let key = text.lowercased().replacingOccurrences(of: "-", with: "")
      return Rule.allCases.first { $0.rawValue.lowercased() == key }
    }

    /// `out/<scenario file name without extension>`.
    private func defaultDirectory() -> String {
      let name = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
      return "out/\(name)"
    }

    private func fail(_ message: String) -> ExitCode {
      printError("zentral: \(message)")
      return ExitCode(1)
    }
  }
}

/// Wall time per phase of `zentral plan` for `--timings`: laps of the command itself, and the
/// planner's own phases reported through ``PlanningOptions/phaseFinished``.
private final class PhaseClock: Sendable {
  private let started = ContinuousClock.now
  private let state = Mutex<(lastLap: ContinuousClock.Instant, phases: [String: Double])>((.now, [:]))

  /// Adds `seconds` to `phase` (from the planner).
  func add(_ phase: String, _ seconds: Double) {
    state.withLock { $0.phases[phase, default: 0] += seconds }
  }

  /// Ends a lap: its time goes to `phase`, less the time the planner reported during it for the
  /// phases in `reported` (which already have it).
  func lap(_ phase: String, excluding reported: [String] = []) {
    state.withLock { state in
      let now = ContinuousClock.now
      let inner = reported.reduce(0) { sum, name in sum + (state.phases[name] ?? 0) }
      state.phases[phase, default: 0] += max(0, Self.seconds(now - state.lastLap) - inner)
      state.lastLap = now
    }
  }

  /// `parse=0.0123 build=… solve=… explain=… export=… total=…`, in seconds.
  var summary: String {
    let total = Self.seconds(ContinuousClock.now - started)
    let phases = state.withLock { $0.phases }
    let names = ["parse", "build", "solve", "explain", "export"]
    let parts = names.map { "\($0)=\(String(format: "%.4f", phases[$0] ?? 0))" }
    return (parts + ["total=\(String(format: "%.4f", total))"]).joined(separator: " ")
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
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
