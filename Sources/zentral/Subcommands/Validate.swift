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
        invalid. A variant (extends: BASE.yaml) is checked merged with its bases; --resolved prints the
        merged scenario as YAML instead of 'FILE: valid'. Exit status: 0 when every file is valid, 1
        otherwise.
        """)

    @Argument(
      help: ArgumentHelp(
        "Scenario files in format zentral/1 (.yaml, .yml or .json).", valueName: "scenario-file"),
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Flag(
      help: "Print the scenario as loaded (a variant merged with its bases) as YAML; give one file.")
    var resolved = false

    func run() throws {
      // In run(), not validate(): argument-parser validates before it reports an unknown option.
      if files.isEmpty {
        throw CommandFailure("give at least one scenario file, e.g. 'zentral validate krefeld.yaml'")
      }
      if resolved, files.count > 1 {
        throw CommandFailure("--resolved prints one scenario; give one file, not \(files.count)")
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
        if resolved {
          let loaded: LoadedScenario
          do {
            loaded = try ScenarioLoader.load(path: file)
          } catch {
            problems += error.diagnostics.map {
              CommandFailure.line($0.description, hasPlace: $0.line != nil)
            }
            continue
          }
          if !loaded.warnings.isEmpty {
            Zentral.write(
              loaded.warnings.map { CommandFailure.line($0.description, hasPlace: $0.line != nil) })
          }
          print("# \(file), resolved by zentral validate --resolved", terminator: "\n")
          print(ScenarioWriter.yaml(loaded.scenario), terminator: "")
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
