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

    @Option(help: "CSV file of the organisation's units.", completion: .file(extensions: ["csv", "txt"]))
    var units: String

    @Option(help: "CSV file of the IT tasks done today.", completion: .file(extensions: ["csv", "txt"]))
    var tasks: String

    @Option(help: "Title of the scenario (default: from the administration's name).")
    var name: String?

    @Option(help: "First year of the planning horizon (default: next year).")
    var start: Int?

    @Option(help: "Number of years (waves) of the horizon, 1 to 30.")
    var years: Int = 5

    @Option(help: "The scenario file to write (.yaml).", completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
      var errors = StandardError()
      let startYear = start ?? Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
      let options = ImportOptions(name: name, startYear: startYear, years: years)
      do {
        let result = try SpreadsheetImporter.importFiles(unitsPath: units, tasksPath: tasks, options: options)
        try SpreadsheetImporter.write(result, to: out, inputs: [units, tasks], overwrite: force)
        for warning in result.warnings { print(line(warning), to: &errors) }
        let scenario = result.scenario
        print(
          "\(out): \(scenario.units.count) units, \(scenario.families.count) task families, "
            + "\(scenario.tasks.count) tasks; \(result.todoCount) TODO comments to settle before planning")
      } catch {
        for diagnostic in error.diagnostics { print(line(diagnostic), to: &errors) }
        throw ExitCode(1)
      }
    }

    /// A diagnostic line: a problem without a line (a whole file) reads as a CLI error.
    private func line(_ diagnostic: Diagnostic) -> String {
      (diagnostic.line == nil && diagnostic.isError ? "zentral: " : "") + diagnostic.description
    }
  }
}

extension Zentral.Import {
  /// Standard error as a text stream, for the problem lines.
  struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
      FileHandle.standardError.write(Data(string.utf8))
    }
  }
}
