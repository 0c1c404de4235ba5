import ArgumentParser
import Foundation
import ZentralCore
import ZentralExport
import ZentralPlan

extension Zentral {
  /// `zentral template --out vorlage.xlsx`: the scenario workbook to fill in, empty or with a
  /// scenario laid out in it.
  struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Writes a scenario workbook (.xlsx) to fill in, for 'zentral import'.",
      discussion: """
        One sheet per part of the scenario (Szenario, Zeitraum, Einheiten, Aufgabenbereiche, \
        Anbieter, Skalen, Aufgaben, Angebote, Regeln, Regelliste, Jahreswerte, Weitere), every key of the \
        scenario format; under each heading a note gives the unit and the range. With --from the \
        sheets hold that scenario. See docs/import.md.
        """)

    @Option(
      help: ArgumentHelp("The workbook to write (.xlsx).", valueName: "file"),
      completion: .file(extensions: ["xlsx"]))
    var out: String

    @Option(
      help: ArgumentHelp("Language of sheet names, headings and notes (default: de).", valueName: "language"))
    var lang: ReportLanguage?

    @Option(
      help: ArgumentHelp(
        "A scenario to lay out in the workbook instead of empty sheets.", valueName: "scenario"),
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var from: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
      if out.isEmpty {
        throw ValidationError("--out is empty; name the workbook to write, e.g. --out vorlage.xlsx")
      }
    }

    func run() throws {
      try OutputPath.checkFolder(of: out, option: "--out")
      var scenario: Scenario?
      if let from {
        do {
          scenario = try ScenarioLoader.load(path: from).scenario
        } catch {
          throw CommandFailure(lines: error.diagnostics.filter(\.isError).map(\.description))
        }
        let target = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath()
        if URL(fileURLWithPath: from).standardizedFileURL.resolvingSymlinksInPath() == target {
          throw CommandFailure("\(out): is the scenario given with --from; write the workbook to a new file")
        }
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
        if isDirectory.boolValue {
          throw CommandFailure("\(out): is a directory; give the path of the workbook to write")
        }
        if !force { throw CommandFailure("\(out): exists already; pass --force to replace it") }
      }
      let english = (lang ?? scenario?.language ?? .de) == .en
      do {
        let data = try ScenarioWorkbook.xlsx(for: scenario, english: english, file: out)
        try AtomicFile.write(data, to: URL(fileURLWithPath: out))
      } catch let error as ImportError {
        throw CommandFailure(lines: error.diagnostics.map(\.description))
      } catch let error as ExportError {
        throw CommandFailure(error.description)
      }
      let sheets = WorkbookLayout.sheets.count
      print(
        scenario == nil
          ? "\(out): \(sheets) sheets to fill in; then: zentral import \(out) --out scenario.yaml"
          : "\(out): \(sheets) sheets with the scenario of \(from ?? "")")
    }
  }
}
