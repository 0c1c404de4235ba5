import ZentralPlan

/// Checks of the re-planning and funding keys that need the whole scenario: references, and
/// plain contradictions between a decision already carried out and the other rules
/// (docs/scenario-format.md, "Re-planning" and "Funding"). Contradictions that need the solver
/// (capacity, budget, pilots) are the infeasibility diagnosis's.
extension ScenarioValidator {
  /// The positions in `policy.deadlines` of the families' deadlines and of the tasks' deadlines,
  /// each in list order (the decoder keeps the two kinds apart).
  func deadlinePositions() -> (family: [Int], task: [Int]) {
    let policy = scenario.policy
    var family: [Int] = []
    var task: [Int] = []
    var position = 0
    while family.count + task.count < policy.deadlines.count + policy.taskDeadlines.count {
      let path = NodeReader.element("policy.deadlines", position)
      if reader.hasKey(NodeReader.member(path, "task")) {
        task.append(position)
      } else {
        family.append(position)
      }
      position += 1
    }
    return (family, task)
  }

  /// Whether `task` can move at all (not dedicated, not on must_stay, an eligible provider).
  private func canMove(_ task: ITTask) -> Bool {
    !task.dedicated && !scenario.policy.mustStay.contains(task.id) && !eligibleProviders(of: task).isEmpty
  }

  /// Per-task deadlines and done decisions.
  func checkReplanning() {
    let policy = scenario.policy
    let positions = deadlinePositions().task
    for (index, deadline) in policy.taskDeadlines.enumerated() {
      let position = index < positions.count ? positions[index] : index
      let path = NodeReader.member(NodeReader.element("policy.deadlines", position), "task")
      guard let task = task(deadline.task, at: path, role: "a deadline's task is the id of a task") else {
        continue
      }
      if !canMove(task) {
        reader.error(
          path,
          "task '\(task.id)' cannot move (dedicated, in must_stay or without an eligible provider), so it "
            + "cannot have a deadline; remove the deadline or let the task move")
      }
    }
    var seen: Set<String> = []
    for (position, done) in policy.done.enumerated() {
      let path = NodeReader.element("policy.done", position)
      guard let task = task(done.task, at: NodeReader.member(path, "task"), role: "done names task ids")
      else {
        continue
      }
      guard seen.insert(task.id).inserted else {
        reader.error(
          NodeReader.member(path, "task"),
          "task '\(task.id)' is already listed in policy.done; a task moves once, list it once")
        continue
      }
      checkDone(done, task: task, path: path)
    }
  }

  /// One done decision against the task's other rules.
  private func checkDone(_ done: DoneMove, task: ITTask, path: String) {
    let policy = scenario.policy
    let taskPath = NodeReader.member(path, "task")
    if task.dedicated {
      reader.error(
        taskPath,
        "task '\(task.id)' is dedicated (it stays with its unit), but policy.done says it moved; "
          + "remove it from done or set dedicated: false")
      return
    }
    if policy.mustStay.contains(task.id) {
      reader.error(
        taskPath,
        "task '\(task.id)' is in must_stay, but policy.done says it already moved; a task that moved "
          + "cannot stay, remove one of the two")
      return
    }
    let toPath = NodeReader.member(path, "to")
    guard !done.provider.isEmpty, unit(done.provider, at: toPath, role: "'to' is the id of a provider") != nil
    else { return }
    let eligible = eligibleProviders(of: task).filter { id in
      scenario.units.contains { $0.id == id && $0.isProvider }
    }
    if !eligible.contains(done.provider) {
      reader.error(
        toPath,
        "'\(done.provider)' is not an eligible provider of task '\(task.id)' ("
          + (eligible.isEmpty ? "it has none" : "eligible: \(eligible.joined(separator: ", "))")
          + "); a done move goes to one of them")
    } else if task.confidential,
      scenario.units.first(where: { $0.id == done.provider })?.providerLegalForm == .private
    {
      reader.error(
        toPath,
        "task '\(task.id)' is confidential (social, tax or personnel data), but policy.done says it moved "
          + "to '\(done.provider)', a private company; such tasks go only to own units or public bodies, "
          + "correct the provider or its legal_form")
    }
    let wavePath = NodeReader.member(path, "wave")
    guard done.year != 0 else { return }
    var limits: [(String, Int)] = []
    if let year = policy.mustMoveBy[task.id] { limits.append(("must_move gives \(year)", year)) }
    for deadline in policy.taskDeadlines where deadline.task == task.id {
      limits.append(("its deadline is \(deadline.year)", deadline.year))
    }
    for deadline in policy.deadlines where deadline.family == task.family {
      limits.append(("the deadline of family '\(task.family)' is \(deadline.year)", deadline.year))
    }
    for (what, year) in limits where year < done.year {
      reader.error(
        wavePath,
        "task '\(task.id)' moved in \(done.year) by policy.done, but \(what); a deadline before a done "
          + "move cannot be met, correct the year of one of them")
    }
  }

  /// Funding programmes: references, and at most the whole cost funded in any year.
  func checkFunding() {
    var taskShares: [String: [Int: Double]] = [:]
    var unitShares: [String: [Int: Double]] = [:]
    let years = scenario.horizon.calendarYears
    for (position, funding) in scenario.funding.enumerated() {
      let path = NodeReader.element("funding", position)
      switch funding.target {
      case .task(let id):
        guard
          task(id, at: NodeReader.member(path, "task"), role: "a funding programme's task is a task id")
            != nil
        else { continue }
        for year in years where year <= funding.until {
          taskShares[id, default: [:]][year, default: 0] += funding.share
        }
      case .unit(let id):
        guard !id.isEmpty,
          unit(id, at: NodeReader.member(path, "unit"), role: "a funding programme's unit is a unit id")
            != nil
        else { continue }
        for year in years where year <= funding.until {
          unitShares[id, default: [:]][year, default: 0] += funding.share
        }
      }
    }
    var reported: Set<String> = []
    for (position, funding) in scenario.funding.enumerated() {
      let path = NodeReader.member(NodeReader.element("funding", position), "share")
      let tasks: [ITTask]
      switch funding.target {
      case .task(let id): tasks = scenario.tasks.filter { $0.id == id }
      case .unit(let id):
        tasks = scenario.tasks.filter { $0.unit == id }
        if let year = years.first(where: { (unitShares[id]?[$0] ?? 0) > 1 + 1e-9 }),
          reported.insert(id).inserted
        {
          reader.error(
            path,
            "the programmes for unit '\(id)' fund \(LocaleNumber.written(unitShares[id]?[year] ?? 0, germanFile: false)) of its cost "
              + "in \(year); together they fund at most all of it (1)")
        }
      }
      for task in tasks {
        let total: (Int) -> Double = { (taskShares[task.id]?[$0] ?? 0) + (unitShares[task.unit]?[$0] ?? 0) }
        guard let year = years.first(where: { total($0) > 1 + 1e-9 }), reported.insert(task.id).inserted
        else {
          continue
        }
        reader.error(
          path,
          "the programmes for task '\(task.id)' and its unit '\(task.unit)' fund "
            + "\(LocaleNumber.written(total(year), germanFile: false)) of its cost in \(year); together they fund at most all of it (1)"
        )
      }
    }
  }
}
