import ZentralPlan

/// The facts behind the rules of law and organisation: the legal form of providers, the private
/// providers a confidential task is kept from, the families a task is kept apart from, and the
/// tasks that count for the retained organisation.
extension ScenarioFacts {
  /// Whether any family is marked `retained_role`: then only tasks of marked families count for
  /// `policy.retained`.
  var hasRetainedRoles: Bool { scenario.families.contains { $0.retainedRole } }

  /// The tasks of `unit` that count for `policy.retained` (by task position, ascending): all of
  /// them, or those of retained-role families when the scenario marks any.
  func retainedTasks(unit: String) -> [Int] {
    let tasks = tasksOfUnit[unit] ?? []
    guard hasRetainedRoles else { return tasks }
    return tasks.filter { families[scenario.tasks[$0].family]?.retainedRole == true }
  }

  /// The legal form of provider `p` (`nil` for a unit that is not a provider).
  func legalForm(of p: String) -> LegalForm? { units[p]?.providerLegalForm }

  /// The eligible providers that confidential task `t` is kept from (private ones, in the order
  /// of its providers); empty for a task that is not confidential or cannot move.
  func barredProviders(_ t: Int) -> [String] {
    guard scenario.tasks[t].confidential else { return [] }
    return providers[t].filter { legalForm(of: $0)?.holdsConfidentialWork == false }
  }

  /// The families task `t` is kept apart from (listed once, never its own family).
  func separatedFamilies(_ t: Int) -> [String] {
    let task = scenario.tasks[t]
    var result: [String] = []
    for f in task.separateFrom where f != task.family && !result.contains(f) && families[f] != nil {
      result.append(f)
    }
    return result
  }

  /// For the decomposition blocks: each task kept apart from other families, as the list of its
  /// family and those families (a separation row links a task's moves with their centres).
  static func separationLinks(_ scenario: Scenario) -> [[String]] {
    scenario.tasks.compactMap { task in
      task.separateFrom.isEmpty ? nil : [task.family] + task.separateFrom
    }
  }
}
