import ArgumentParser
import Foundation

/// The `zentral` command: plan which IT tasks of a city administration to centralise.
@main
struct Zentral: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zentral",
    abstract: "Plans which IT tasks of a city administration to centralise, and proves it.",
    discussion: """
      Exit status: 0 success, 1 invalid input or usage, 2 the scenario has no feasible plan.
      """,
    version: "0.1.0",
    subcommands: [
      Validate.self, Import.self, Plan.self, Generate.self, Export.self, Template.self, Compare.self,
      Sweep.self, Serve.self,
    ]
  )

  /// Runs the command line; every error of every subcommand leaves through ``report(_:)``.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      Foundation.exit(report(error))
    }
  }

  /// The one path for error output: writes `error` to standard error as `zentral: …` lines (or
  /// `FILE:LINE:COLUMN: …` for a problem at a place in a file) and returns the exit status.
  ///
  /// Usage errors (an unknown option, a missing argument, a value `validate()` refuses) exit with
  /// status 1 like every other input error, not with argument-parser's 64, so scripts need to
  /// tell apart only "input wrong" (1) and "no feasible plan" (2). `--help`, `--help-hidden` and
  /// `--version` are argument-parser's to print (status 0).
  static func report(_ error: any Error) -> Int32 {
    switch error {
    case let failure as CommandFailure:
      write(failure.lines)
      return failure.status
    case let code as ExitCode:
      return code.rawValue
    default:
      let status = exitCode(for: error)
      if status == .success { exit(withError: error) }
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      write(("zentral: " + message).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
      return ExitCode.invalidInput.rawValue
    }
  }

  /// Writes `lines` to standard error.
  static func write(_ lines: [String]) {
    var text = lines.joined(separator: "\n")
    if !text.hasSuffix("\n") { text += "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
