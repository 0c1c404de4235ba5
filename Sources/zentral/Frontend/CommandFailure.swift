import ArgumentParser

/// Why a subcommand stopped: the lines it reports on standard error and its exit status.
///
/// Every subcommand throws this (or argument-parser's own usage errors) and none prints its own
/// errors: ``Zentral/report(_:)`` writes them all the same way, so that every error of every
/// subcommand starts with `zentral: ` (or, for a problem at a place in a file, with
/// `FILE:LINE:COLUMN:`) and ends the run with a documented status.
struct CommandFailure: Error, Equatable {
  /// The lines for standard error, each complete (with its `zentral: ` prefix where it has one).
  var lines: [String]
  /// The exit status: 1 invalid input or usage (README, "Exit status").
  var status: Int32 = ExitCode.invalidInput.rawValue

  /// One sentence, reported as `zentral: MESSAGE`.
  init(_ message: String) {
    lines = ["zentral: " + message]
  }

  /// Diagnostics already formatted as lines (`FILE:LINE:COLUMN: …` or `zentral: …`).
  init(lines: [String]) {
    self.lines = lines
  }

  /// The line of a diagnostic: one with a place in the file reads `FILE:LINE:COLUMN: …`, one
  /// about a whole file (it cannot be read) reads like every other CLI error, `zentral: FILE: …`.
  static func line(_ description: String, hasPlace: Bool) -> String {
    hasPlace ? description : "zentral: " + description
  }
}

extension ExitCode {
  /// Exit status 1: the input or the command line is wrong.
  static let invalidInput = ExitCode(1)
  /// Exit status 2: the scenario has no feasible plan (the plan names the conflicting rules).
  static let noFeasiblePlan = ExitCode(2)
}
