/// Writing the re-planning and funding keys: `must_move` entries with a year, task deadlines,
/// `done`, `tie_threshold` and `funding`.
extension ScenarioWriter {
  /// `[a, {task: b, by: 2027}]`: plain ids, and `{task, by}` for tasks with a must-move year.
  static func mustMoveList(_ policy: Policy) -> String {
    let entries = policy.mustMove.map { id in
      policy.mustMoveBy[id].map { "{task: \(scalar(id, inFlow: true)), by: \($0)}" }
        ?? scalar(id, inFlow: true)
    }
    return "[" + entries.joined(separator: ", ") + "]"
  }

  /// The `{task, by}` entries of `deadlines` (after the families' entries).
  static func writeTaskDeadlines(_ deadlines: [TaskDeadline], to out: inout YAMLLines) {
    for deadline in deadlines {
      out.line("    - {task: \(scalar(deadline.task, inFlow: true)), by: \(deadline.year)}")
    }
  }

  /// `done` and `tie_threshold`, at the end of the policy.
  static func writeReplanning(_ policy: Policy, to out: inout YAMLLines) {
    if !policy.done.isEmpty {
      out.line("  done:")
      for done in policy.done {
        out.line(
          "    - {task: \(scalar(done.task, inFlow: true)), to: \(scalar(done.provider, inFlow: true)), "
            + "wave: \(done.year)}")
      }
    }
    if let threshold = policy.tieThreshold { out.line("  tie_threshold: \(decimal(threshold))") }
  }

  /// Top-level `funding`, after the objective.
  static func writeFunding(_ funding: [Funding], to out: inout YAMLLines) {
    guard !funding.isEmpty else { return }
    out.blank()
    out.line("funding:")
    for programme in funding {
      let target =
        switch programme.target {
        case .task(let id): "task: \(scalar(id, inFlow: true))"
        case .unit(let id): "unit: \(scalar(id, inFlow: true))"
        }
      out.line("  - {\(target), share: \(decimal(programme.share)), until: \(programme.until)}")
    }
  }
}
