import ZentralSolver

/// Re-planning and funding in the centralisation model (docs/model.md, "Re-planning" and
/// "Funding"): per-task years of `must_move` and `deadlines`, decisions already carried out
/// (`done(task)` rows, sunk one-off costs) and the funded share of running costs.
extension CentralisationModel {
  /// The last year in which task `t` may move under the per-task rules and its family's deadline
  /// (`familyDeadline`, already `nil` when relaxed), leaving out relaxed rule groups; `nil`: no
  /// limit.
  func lastMoveYear(_ t: Int, familyDeadline: Int?, relaxed: Set<RuleGroup>) -> Int? {
    let replanning = facts.replanning
    let id = scenario.tasks[t].id
    var years: [Int] = familyDeadline.map { [$0] } ?? []
    if let year = replanning.mustMoveYear[t], !relaxed.contains(.mustMove(task: id)) { years.append(year) }
    if let year = replanning.taskDeadlineYear[t], !relaxed.contains(.taskDeadline(task: id)) {
      years.append(year)
    }
    return years.min()
  }

  /// Whether a per-task rule (a per-task deadline or a done move) makes task `t` move in full.
  func mustMoveByReplanning(_ t: Int, relaxed: Set<RuleGroup>) -> Bool {
    let replanning = facts.replanning
    let id = scenario.tasks[t].id
    return (replanning.taskDeadlineYear[t] != nil && !relaxed.contains(.taskDeadline(task: id)))
      || (replanning.done[t] != nil && !relaxed.contains(.done(task: id)))
  }

  /// The rule groups of per-task deadlines and done moves, in task order.
  mutating func addReplanningGroups() {
    for t in scenario.tasks.indices where !moves[t].isEmpty {
      if facts.replanning.taskDeadlineYear[t] != nil { addGroup(.taskDeadline(task: scenario.tasks[t].id)) }
    }
    for t in scenario.tasks.indices where !moves[t].isEmpty {
      if facts.replanning.done[t] != nil { addGroup(.done(task: scenario.tasks[t].id)) }
    }
  }

  /// `done(task)`: `x(task,to,year) = 1` for every decision already carried out.
  mutating func addDone(relaxed: Set<RuleGroup>) throws(ModelError) {
    for t in scenario.tasks.indices {
      guard let done = facts.replanning.done[t] else { continue }
      let id = scenario.tasks[t].id
      guard !relaxed.contains(.done(task: id)) else { continue }
      var row = LinearExpression()
      for move in moves[t] where move.provider == done.provider && move.wave == done.wave {
        row.add(1, move.variable)
      }
      // A done move the model has no variable for (the loader refuses these) leaves an empty row
      // `0 = 1`: infeasible, and diagnosed as this rule.
      try model.addConstraint(.equal(row, 1), name: "done(\(id))")
    }
  }

  /// Whether the move of task `t` to `provider` in wave `k` is a decision already carried out
  /// (its transition cost is sunk).
  func isDone(_ t: Int, provider: String, wave k: Int) -> Bool {
    guard let done = facts.replanning.done[t] else { return false }
    return done.provider == provider && done.wave == k
  }

  /// Whether the set-up cost of centre `c` is sunk (a done move goes there).
  func setupIsSunk(_ c: Int) -> Bool { facts.replanning.doneCentres.contains(facts.centres[c].key) }

  /// The funded amount in wave `k`, EUR/year: for each funded task the share of its home cost
  /// while it stays, `s_tk h_t (1 - m(t,k))`, and for each funded provider the share of its
  /// centres' posts, `s_pk rate_p E(p,f,k)`.
  func fundedAmount(wave k: Int) -> LinearExpression {
    let replanning = facts.replanning
    var funded = LinearExpression()
    for (t, shares) in replanning.homeShare.sorted(by: { $0.key < $1.key }) where shares[k] > 0 {
      let amount = shares[k] * facts.staffCost(t)
      guard amount != 0 else { continue }
      funded.constant += amount
      funded.add(movedShare(t, by: k), times: -amount)
    }
    for (p, shares) in replanning.providerShare.sorted(by: { $0.key < $1.key }) where shares[k] > 0 {
      for c in facts.centresOfProvider[p] ?? [] where facts.centres[c].rate != 0 {
        funded.add(shares[k] * facts.centres[c].rate, effective[c][k])
      }
    }
    return funded
  }
}

extension ScenarioFacts {
  /// The funded amount of the status quo in wave `k`, EUR/year (funded tasks at home, funded
  /// providers' centres open today with their effective FTE).
  func baselineFunded(wave k: Int) -> Double {
    var total = 0.0
    for (t, shares) in replanning.homeShare.sorted(by: { $0.key < $1.key }) {
      total += shares[k] * staffCost(t)
    }
    for (p, shares) in replanning.providerShare.sorted(by: { $0.key < $1.key }) {
      for c in centresOfProvider[p] ?? [] where centres[c].isOpen {
        total += shares[k] * centres[c].rate * centres[c].baselineEffective
      }
    }
    return total
  }

  /// The staff cost of task `t` at home, EUR/year: its FTE at its unit's cost per FTE (what
  /// funding of posts refinances; non-staff costs are not funded).
  func staffCost(_ t: Int) -> Double {
    let task = scenario.tasks[t]
    return task.fte * (units[task.unit]?.costPerFTE ?? 0)
  }

  /// Annual running cost of the status quo in wave `k` net of funding, EUR/year.
  func baselineAnnualNet(wave k: Int) -> Double { baselineAnnual - baselineFunded(wave: k) }
}
