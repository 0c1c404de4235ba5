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
      help: "Scenario files in format zentral/1 (.yaml, .yml or .json).",
      completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    func run() throws {
      var errors = StandardError()
      guard !files.isEmpty else {
        print("zentral: give at least one scenario file, e.g. 'zentral validate krefeld.yaml'", to: &errors)
        throw ExitCode(1)
      }
      var allValid = true
      for file in files {
        let diagnostics = ScenarioLoader.diagnostics(path: file)
        for diagnostic in diagnostics {
          // A diagnostic without a place (the file cannot be read) is a plain CLI error line.
          let prefix = diagnostic.line == nil ? "zentral: " : ""
          print(prefix + diagnostic.description, to: &errors)
        }
        if diagnostics.contains(where: \.isError) {
          allValid = false
        } else {
          print("\(file): valid")
        }
      }
      if !allValid {
        throw ExitCode(1)
      }
    }
  }
}

extension Zentral.Validate {
  /// Standard error as a text stream, for the problem lines.
  struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
      FileHandle.standardError.write(Data(string.utf8))
    }
  }
}
