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
    subcommands: [Validate.self, Import.self, Plan.self, Generate.self, Export.self]
  )

  /// Runs the command line. Usage errors (an unknown option, a missing argument) exit with
  /// status 1 like every other input error, not with argument-parser's 64, so scripts need to
  /// tell apart only "input wrong" (1) and "no feasible plan" (2).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(1)
      }
      exit(withError: error)
    }
  }
}
