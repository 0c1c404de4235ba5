import ArgumentParser
import Foundation
import ZentralCore
import ZentralExport
import ZentralPlan
import ZentralSolver

extension Zentral {
  /// `zentral compare A B [C ...]`: plans side by side.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compares plans: figures side by side, the decisions that differ, the changes from A to B.",
      discussion: """
        Each file is a scenario (planned on the fly with the planner options of 'zentral plan') or a \
        plan.json written by 'zentral plan'. The first is A, the reference. Formats: text (aligned, for a \
        terminal), html (a page with the changes from A to B as a chart), md (Markdown with a Mermaid \
        chart). Without --out the result goes to standard output; with --out the file is replaced only \
        once the new one is complete.
        """)

    @Argument(
      help: ArgumentHelp("Two or more scenario files or plan.json files.", valueName: "file"),
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Option(help: "The format to write: text, html or md.")
    var format: ComparisonReport.Format = .text

    @Option(
      help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
      completion: .file())
    var out: String?

    @Option(help: ArgumentHelp("Language (default: the language of the first plan).", valueName: "language"))
    var lang: ReportLanguage?

    @Option(
      help: ArgumentHelp("Time limit of each scenario's solve, as in 'zentral plan'.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(
      help: ArgumentHelp(
        "Relative gap at which each solve stops, as in 'zentral plan' (0.01 or 1%).", valueName: "fraction"))
    var gap: RelativeGap?

    @OptionGroup(title: "Solver options (expert)", visibility: .hidden)
    var solver: SolverOptions

    func validate() throws {
      try SolveLimitChecks.check(timeLimit: timeLimit, gap: gap)
      if let out, out.isEmpty {
        throw ValidationError(
          "--out is empty; name the file to write, or leave --out out for standard output")
      }
    }

    func run() throws {
      if files.count < 2 {
        throw CommandFailure(
          "give at least two files to compare, e.g. 'zentral compare krefeld.yaml variante.yaml' (got \(files.count))"
        )
      }
      if let out { try OutputPath.checkFolder(of: out, option: "--out") }
      var solve = SolveOptions(timeLimit: timeLimit, relativeGap: gap?.fraction)
      solver.apply(to: &solve)
      var options = PlanningOptions(solve: solve)
      options.threads = 2
      var entries: [PlanComparison.Entry] = []
      var failures: [String] = []
      for (index, file) in files.enumerated() {
        do {
          let plan = try PlanSource.plan(
            of: file, options: options, decomposition: solver.decomposition ?? .automatic)
          entries.append(PlanComparison.Entry(label: PlanComparison.label(index), source: file, plan: plan))
        } catch {
          failures += error.lines
        }
      }
      if !failures.isEmpty { throw CommandFailure(lines: failures) }
      let text = ComparisonReport(PlanComparison(entries), language: lang).render(format)
      if let out {
        do {
          try AtomicFile.write(text, to: URL(fileURLWithPath: out))
        } catch {
          throw CommandFailure(error.description)
        }
      } else {
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    }
  }
}
