import ArgumentParser

/// The checks of the limits that `plan`, `compare` and `sweep` share: one wording for each.
enum SolveLimitChecks {
  /// Refuses a time limit that is not a positive number of seconds and a negative gap.
  static func check(timeLimit: Double?, gap: RelativeGap?) throws {
    try checkSeconds(timeLimit, option: "--time-limit")
    if let gap, !(gap.fraction.isFinite && gap.fraction >= 0) {
      throw ValidationError("--gap must be 0 or more, not \(gap.fraction)")
    }
  }

  /// Refuses seconds for `option` that are not a positive finite number.
  static func checkSeconds(_ seconds: Double?, option: String) throws {
    if let seconds, !(seconds.isFinite && seconds > 0) {
      throw ValidationError("\(option) must be a positive number of seconds, not \(seconds)")
    }
  }
}
