import ArgumentParser
import Foundation
import ZentralCore

extension Zentral {
  /// `zentral validate FILE...`: checks scenario files and lists every problem found.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Checks scenario files and lists every problem found.",
      discussion: """
        Prints 'FILE: valid' for each valid file. Problems go to standard error, one a line:
        FILE:LINE:COLUMN: key.path: what is wrong, and what is expected. Warnings do not make a file
        invalid. Exit status: 0 when every file is valid, 1 otherwise.
        """)

    @Argument(
      help: ArgumentHelp(
        "Scenario files in format zentral/1 (.yaml, .yml or .json).", valueName: "scenario-file"),
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    func run() throws {
      // In run(), not validate(): argument-parser validates before it reports an unknown option.
      if files.isEmpty {
        throw CommandFailure("give at least one scenario file, e.g. 'zentral validate krefeld.yaml'")
      }
      // Every file is checked; the problems of all of them are reported together at the end.
      var problems: [String] = []
      for file in files {
        do {
          try InputFile.checkScenario(file)
        } catch {
          problems += error.lines
          continue
        }
        let diagnostics = ScenarioLoader.diagnostics(path: file)
        let lines = diagnostics.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) }
        if diagnostics.contains(where: \.isError) {
          problems += lines
        } else {
          if !lines.isEmpty { Zentral.write(lines) }
          print("\(file): valid")
        }
      }
      if !problems.isEmpty { throw CommandFailure(lines: problems) }
    }
  }
}
