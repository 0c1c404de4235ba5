/// The re-planning and funding facts of a scenario, derived once (docs/model.md, "Re-planning"
/// and "Funding"): per-task years from `must_move` and `deadlines`, decisions already carried out,
/// and the funded share of each task and provider per wave.
///
/// Owned by ``ScenarioFacts`` (its ``ScenarioFacts/replanning``); the model, the plan builder and
/// the diagnosis read them there.
struct ReplanningFacts: Sendable {
  /// A decision already carried out, in model terms.
  struct Done: Sendable, Equatable {
    /// The provider the task moved to.
    var provider: String
    /// The wave of the move (0 is the first year of the horizon).
    var wave: Int
    /// The calendar year of the move.
    var year: Int
  }

  /// The year from `must_move: [{task, by}]`, by task position.
  let mustMoveYear: [Int: Int]
  /// The earliest per-task deadline (`deadlines: [{task, by}]`), by task position.
  let taskDeadlineYear: [Int: Int]
  /// Decisions already carried out, by task position.
  let done: [Int: Done]
  /// The centres a done move goes to (provider and family): their set-up cost is sunk.
  let doneCentres: Set<ScenarioFacts.Centre>
  /// The funded share of each funded task's home cost per wave (task and unit funding added up,
  /// at most 1), by task position.
  let homeShare: [Int: [Double]]
  /// The funded share of each funded provider's centre posts per wave, by provider id.
  let providerShare: [String: [Double]]

  init(_ scenario: Scenario, years: [Int], taskIndex: [String: Int], providerIDs: Set<String>) {
    var mustMoveYear: [Int: Int] = [:]
    for (id, year) in scenario.policy.mustMoveBy {
      guard let t = taskIndex[id] else { continue }
      mustMoveYear[t] = min(mustMoveYear[t] ?? year, year)
    }
    self.mustMoveYear = mustMoveYear
    var taskDeadlineYear: [Int: Int] = [:]
    for deadline in scenario.policy.taskDeadlines {
      guard let t = taskIndex[deadline.task] else { continue }
      taskDeadlineYear[t] = min(taskDeadlineYear[t] ?? deadline.year, deadline.year)
    }
    self.taskDeadlineYear = taskDeadlineYear
    var done: [Int: Done] = [:]
    var doneCentres: Set<ScenarioFacts.Centre> = []
    for move in scenario.policy.done {
      guard let t = taskIndex[move.task], done[t] == nil, let wave = years.firstIndex(of: move.year) else {
        continue
      }
      done[t] = Done(provider: move.provider, wave: wave, year: move.year)
      doneCentres.insert(.init(provider: move.provider, family: scenario.tasks[t].family))
    }
    self.done = done
    self.doneCentres = doneCentres

    var homeShare: [Int: [Double]] = [:]
    var providerShare: [String: [Double]] = [:]
    let perWave: (Funding) -> [Double] = { funding in years.map { $0 <= funding.until ? funding.share : 0 } }
    func add(_ shares: [Double], to existing: [Double]?) -> [Double] {
      let base = existing ?? Array(repeating: 0, count: years.count)
      return zip(base, shares).map { min(1, $0 + $1) }
    }
    var tasksOfUnit: [String: [Int]] = [:]
    for (t, task) in scenario.tasks.enumerated() { tasksOfUnit[task.unit, default: []].append(t) }
    for funding in scenario.funding {
      let shares = perWave(funding)
      switch funding.target {
      case .task(let id):
        guard let t = taskIndex[id] else { continue }
        homeShare[t] = add(shares, to: homeShare[t])
      case .unit(let id):
        for t in tasksOfUnit[id] ?? [] { homeShare[t] = add(shares, to: homeShare[t]) }
        if providerIDs.contains(id) { providerShare[id] = add(shares, to: providerShare[id]) }
      }
    }
    self.homeShare = homeShare
    self.providerShare = providerShare
  }

  /// Whether the scenario has any funding that pays in some wave.
  var hasFunding: Bool {
    homeShare.values.contains { $0.contains { $0 > 0 } }
      || providerShare.values.contains { $0.contains { $0 > 0 } }
  }
}
