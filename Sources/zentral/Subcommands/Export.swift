import ArgumentParser
import Foundation
import ZentralExport
import ZentralPlan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Zentral {
  /// `zentral export PLAN.json --format FORMAT`: org charts and the decision report from a plan.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Writes the org chart or the decision report of a plan.",
      discussion: """
        Formats: dot (Graphviz), svg (laid out by Graphviz 'dot' when installed), mermaid \
        (GitLab/GitHub Markdown), csv (Visio Organization Chart Wizard; --excel for a German \
        Excel), drawio (CSV with draw.io's import directives), json (tree with nested children), \
        html (self-contained report for the council), md (summary for a wiki), xlsx (the plan's \
        tables as an Excel workbook), pdf (the report on A4, printed by headless Chromium, Debian \
        package 'chromium'). \
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

    @Flag(help: "CSV for a German Excel: ';' between fields, decimal commas, UTF-8 with byte order mark.")
    var excel = false

    func validate() throws {
      if let out, out.isEmpty {
        throw ValidationError(
          "--out is empty; name the file to write, or leave --out out to write to standard output")
      }
      if excel && format != .csv {
        throw ValidationError("--excel is for --format csv (the org chart for a German Excel); leave it out")
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
      var options = ExportOptions(language: lang, view: view)
      options.excel = excel
      if let binary = format.binaryExporter(options: options) {
        if out == nil, isatty(STDOUT_FILENO) != 0 {
          throw CommandFailure(
            "'\(format.rawValue)' is a workbook, a file of bytes, not text for the terminal; "
              + "write it with --out FILE.\(format.fileExtension)")
        }
        do {
          let bytes = try binary.data(decoded, file: out ?? "-")
          if let out {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: out))
          } else {
            FileHandle.standardOutput.write(bytes)
          }
        } catch {
          throw CommandFailure(error.description)
        }
        return
      }
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
