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
        nested children), html (self-contained report for the council), md (summary for a wiki). \
        Without --out the result goes to standard output; with --out the file is replaced only \
        once the new one is complete.
        """)

    @Argument(help: "The plan.json written by 'zentral plan'.")
    var plan: String

    @Option(help: "dot, svg, mermaid, csv, json, html or md.")
    var format: String

    @Option(help: "Write to FILE instead of standard output.")
    var out: String?

    @Option(help: "Language of labels: de or en (default: the plan's language).")
    var lang: String?

    @Option(help: "Org chart view: target (recommended), current (today) or changes (moves as arrows).")
    var view: String = ChartView.target.rawValue

    func run() throws {
      guard let format = ExportFormat(rawValue: format.lowercased()) else {
        throw fail(
          "unknown format '\(format)'; use one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      guard let chartView = ChartView(rawValue: view.lowercased()) else {
        throw fail(
          "unknown view '\(view)'; use one of \(ChartView.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      var language: ReportLanguage?
      if let lang {
        guard let chosen = ReportLanguage(rawValue: lang.lowercased()) else {
          throw fail("unknown language '\(lang)'; use de or en")
        }
        language = chosen
      }
      if let out, out.isEmpty {
        throw fail("--out is empty; name the file to write, or leave --out out to write to standard output")
      }
      guard FileManager.default.fileExists(atPath: plan) else {
        throw fail("cannot read \(plan): no such file (write one with 'zentral plan SCENARIO')")
      }
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: plan))
      } catch {
        throw fail("cannot read \(plan): \((error as NSError).localizedDescription)")
      }
      let decoded: ZentralPlan.Plan
      do {
        decoded = try ZentralPlan.Plan.decode(from: data, file: plan)
      } catch {
        throw fail(error.description)
      }
      let options = ExportOptions(language: language, view: chartView)
      var text = ""
      do {
        try format.exporter(options: options).write(decoded, to: &text)
        if let out {
          try AtomicFile.write(text, to: URL(fileURLWithPath: out))
        } else {
          FileHandle.standardOutput.write(Data(text.utf8))
        }
      } catch {
        throw fail(error.description)
      }
    }

    private func fail(_ message: String) -> ExitCode {
      FileHandle.standardError.write(Data("zentral: \(message)\n".utf8))
      return ExitCode(1)
    }
  }
}
