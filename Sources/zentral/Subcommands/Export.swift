import ArgumentParser
import Foundation
import ZentralExport
import ZentralPlan

extension Zentral {
  /// `zentral export PLAN.json --format FORMAT`: org charts and the decision report from a plan.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Writes the org chart or the decision report of a plan.",
      discussion: """
        Formats: dot (Graphviz), svg (laid out by Graphviz 'dot' when installed), mermaid \
        (GitLab/GitHub Markdown), csv (Visio Organization Chart Wizard, draw.io), json (tree with \
        nested children), html (self-contained report for the council), md (summary for a wiki), \
        pdf (the report on A4, printed by headless Chromium, Debian package 'chromium'). \
        Without --out the result goes to standard output; with --out the file is replaced only \
        once the new one is complete.
        """)

    @Argument(
      help: ArgumentHelp("The plan.json written by 'zentral plan'.", valueName: "plan-file"),
      completion: .file(extensions: ["json"]))
    var plan: String

    @Option(help: "The format to write.")
    var format: ExportFormat

    @Option(
      help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
      completion: .file())
    var out: String?

    @Option(help: ArgumentHelp("Language of labels (default: the plan's language).", valueName: "language"))
    var lang: ReportLanguage?

    @Option(help: "Org chart view: target (recommended), current (today) or changes (moves as arrows).")
    var view: ChartView = .target

    func validate() throws {
      if let out, out.isEmpty {
        throw ValidationError(
          "--out is empty; name the file to write, or leave --out out to write to standard output")
      }
    }

    func run() throws {
      try InputFile.checkPlan(plan)
      if let out { try OutputPath.checkFolder(of: out, option: "--out") }
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: plan))
      } catch {
        throw CommandFailure("\(plan): cannot be read: \((error as NSError).localizedDescription)")
      }
      let decoded: ZentralPlan.Plan
      do {
        decoded = try ZentralPlan.Plan.decode(from: data, file: plan)
      } catch {
        throw CommandFailure(error.description)
      }
      let options = ExportOptions(language: lang, view: view)
      var text = ""
      do {
        try format.exporter(options: options).write(decoded, to: &text)
        let data = format == .pdf ? try ChromiumPDF.pdf(fromHTML: text) : Data(text.utf8)
        if let out {
          try AtomicFile.write(data, to: URL(fileURLWithPath: out))
        } else {
          FileHandle.standardOutput.write(data)
        }
      } catch {
        throw CommandFailure(error.description)
      }
    }
  }
}
