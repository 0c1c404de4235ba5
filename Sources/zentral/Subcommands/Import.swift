import ArgumentParser
import Foundation
import ZentralCore

extension Zentral {
  /// `zentral import`: builds a scenario from the CSV files of units and tasks planners keep.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Builds a scenario from CSV files of units and tasks (Excel or LibreOffice, German locale).",
      discussion: """
        Reads UNITS.csv (ID;Name;Art;Übergeordnet;Kosten je VZÄ) and TASKS.csv \
        (ID;Name;Aufgabenbereich;Einheit;VZÄ;Zweckgebunden;Begründung;Teilbar), with ';' or ',' \
        separators, decimal commas, UTF-8 or Windows-1252, and writes a zentral/1 scenario whose \
        '# TODO:' comments say what is still to decide. See docs/import.md. Problems go to standard \
        error as FILE:LINE:FIELD: message. Exit status: 0 written, 1 invalid input.
        """)

    @Option(
      help: ArgumentHelp("CSV file of the organisation's units.", valueName: "file"),
      completion: .file(extensions: ["csv", "txt"]))
    var units: String

    @Option(
      help: ArgumentHelp("CSV file of the IT tasks done today.", valueName: "file"),
      completion: .file(extensions: ["csv", "txt"]))
    var tasks: String

    @Option(
      help: ArgumentHelp(
        "Title of the scenario (default: from the administration's name).", valueName: "title"))
    var name: String?

    @Option(help: ArgumentHelp("First year of the planning horizon (default: next year).", valueName: "year"))
    var start: Int?

    @Option(help: ArgumentHelp("Number of years (waves) of the horizon, 1 to 30.", valueName: "count"))
    var years: Int = 5

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
    }

    func run() throws {
      try OutputPath.checkFolder(of: out, option: "--out")
      let startYear = start ?? Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
      let options = ImportOptions(name: name, startYear: startYear, years: years)
      let result: ImportResult
      do {
        result = try SpreadsheetImporter.importFiles(unitsPath: units, tasksPath: tasks, options: options)
        try SpreadsheetImporter.write(result, to: out, inputs: [units, tasks], overwrite: force)
      } catch {
        throw CommandFailure(lines: error.diagnostics.map(Self.line))
      }
      if !result.warnings.isEmpty { Zentral.write(result.warnings.map(Self.line)) }
      let scenario = result.scenario
      print(
        "\(out): \(scenario.units.count) units, \(scenario.families.count) task families, "
          + "\(scenario.tasks.count) tasks; \(result.todoCount) TODO comments to settle before planning")
    }

    /// A diagnostic line: a problem without a line (a whole file) reads as a CLI error.
    private static func line(_ diagnostic: Diagnostic) -> String {
      CommandFailure.line(diagnostic.description, hasPlace: diagnostic.line != nil || !diagnostic.isError)
    }
  }
}
