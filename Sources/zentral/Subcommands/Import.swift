import ArgumentParser
import Foundation
import ZentralCore

extension Zentral {
  /// `zentral import`: builds a scenario from the CSV files of units and tasks planners keep, or
  /// from a filled scenario workbook (`.xlsx`, see `zentral template`).
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Builds a scenario from a scenario workbook (.xlsx) or from CSV files of units and tasks (German locale).",
      discussion: """
        WORKBOOK.xlsx: a workbook with the sheets of 'zentral template' (every key of the scenario \
        format); problems are reported as FILE: Blatt SHEET, Zelle CELL: message. Or: reads UNITS.csv (ID;Name;Art;Übergeordnet;Kosten je VZÄ) and TASKS.csv \
        (ID;Name;Aufgabenbereich;Einheit;VZÄ;Zweckgebunden;Begründung;Teilbar), with ';' or ',' \
        separators, decimal commas, UTF-8 or Windows-1252, and writes a zentral/1 scenario whose \
        '# TODO:' comments say what is still to decide. See docs/import.md. Problems go to standard \
        error as FILE:LINE:FIELD: message. Exit status: 0 written, 1 invalid input.
        """)

    @Argument(
      help: ArgumentHelp(
        "A scenario workbook (.xlsx) made from 'zentral template'; instead of --units and --tasks.",
        valueName: "workbook"),
      completion: .file(extensions: ["xlsx"]))
    var workbook: String?

    @Option(
      help: ArgumentHelp("CSV file of the organisation's units.", valueName: "file"),
      completion: .file(extensions: ["csv", "txt"]))
    var units: String?

    @Option(
      help: ArgumentHelp("CSV file of the IT tasks done today.", valueName: "file"),
      completion: .file(extensions: ["csv", "txt"]))
    var tasks: String?

    @Option(
      help: ArgumentHelp(
        "Title of the scenario (default: from the administration's name).", valueName: "title"))
    var name: String?

    @Option(help: ArgumentHelp("First year of the planning horizon (default: next year).", valueName: "year"))
    var start: Int?

    @Option(
      help: ArgumentHelp("Number of years (waves) of the horizon, 1 to 30 (default 5).", valueName: "count"))
    var years: Int?

    @Option(
      help: ArgumentHelp("The scenario file to write (.yaml).", valueName: "file"),
      completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
      if out.isEmpty {
        throw ValidationError("--out is empty; name the scenario file to write, e.g. --out stadt.yaml")
      }
      if let workbook {
        if units != nil || tasks != nil {
          throw ValidationError(
            "give either a workbook ('\(workbook)') or --units and --tasks, not both")
        }
        if name != nil || start != nil || years != nil {
          throw ValidationError(
            "--name, --start and --years are for CSV files; a workbook gives the title on its sheet "
              + "Szenario and the horizon on its sheet Zeitraum")
        }
      } else if units == nil || tasks == nil {
        throw ValidationError(
          "give a workbook (zentral import vorlage.xlsx --out s.yaml) or both --units and --tasks")
      }
    }

    func run() throws {
      try OutputPath.checkFolder(of: out, option: "--out")
      let result: ImportResult
      do {
        if let workbook {
          result = try ScenarioWorkbook.importWorkbook(path: workbook)
          try SpreadsheetImporter.write(result, to: out, inputs: [workbook], overwrite: force)
        } else if let units, let tasks {
          let startYear = start ?? Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
          let options = ImportOptions(name: name, startYear: startYear, years: years ?? 5)
          result = try SpreadsheetImporter.importFiles(unitsPath: units, tasksPath: tasks, options: options)
          try SpreadsheetImporter.write(result, to: out, inputs: [units, tasks], overwrite: force)
        } else {
          return
        }
      } catch {
        throw CommandFailure(lines: error.diagnostics.map(Self.line))
      }
      if !result.warnings.isEmpty { Zentral.write(result.warnings.map(Self.line)) }
      let scenario = result.scenario
      let todo =
        workbook == nil
        ? "; \(result.todoCount) TODO comments to settle before planning" : "; check it with zentral validate"
      print(
        "\(out): \(scenario.units.count) units, \(scenario.families.count) task families, "
          + "\(scenario.tasks.count) tasks\(todo)")
    }

    /// A diagnostic line: a problem without a line (a whole file) reads as a CLI error.
    private static func line(_ diagnostic: Diagnostic) -> String {
      CommandFailure.line(
        diagnostic.description,
        hasPlace: diagnostic.line != nil || !diagnostic.path.isEmpty || !diagnostic.isError)
    }
  }
}
