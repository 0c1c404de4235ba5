import ZentralSolver

/// The staff side of the centralisation model (docs/model.md, "Staff"): posts (a divisible task
/// moves in whole posts), the smallest part that may move, the surplus staff under the no-layoffs
/// rule, and the cost of staff transfers.
extension CentralisationModel {
  /// The variables of the staff elements.
  struct StaffElements: Sendable {
    /// `n(task,provider,year)`: posts of a divisible task moved in each of its moves (by task
    /// position, then move position; `nil` for a task that moves whole).
    var posts: [[Variable?]] = []
    /// `b(task,provider,year)`: whether that part moves at all, for divisible tasks whose single
    /// post is smaller than `policy.min_move_fte` (same positions; `nil` where not needed).
    var moving: [[Variable?]] = []
    /// `U(provider,family,year)`: surplus staff of each centre per wave (by centre position, then
    /// wave); empty without `policy.no_layoffs`.
    var surplus: [[Variable]] = []

    /// The number of staff columns the model of `facts` has, counted without building it: `n`
    /// per move of a divisible task, `b` per such move whose post is below the minimum, `U` per
    /// centre and wave under the no-layoffs rule.
    static func columnCount(of facts: ScenarioFacts) -> Int {
      let waves = facts.years.count
      var count = 0
      for (t, task) in facts.scenario.tasks.enumerated() where task.divisible {
        let moves = facts.providers[t].count * waves
        count += moves
        if minimumPosts(task, policy: facts.scenario.policy) > 1 { count += moves }
      }
      if facts.scenario.policy.noLayoffs != nil { count += facts.centres.count * waves }
      return count
    }

    /// The fewest posts of `task` a part of a move may hold: enough for `policy.min_move_fte`,
    /// at most all of them (a whole task always may move).
    static func minimumPosts(_ task: ITTask, policy: Policy) -> Int {
      let posts = task.postCount
      let minimum = policy.minMoveFTE
      guard minimum > 0 else { return 1 }
      let perPost = task.ftePerPost
      guard perPost > 0, perPost.isFinite else { return posts }
      let needed = (minimum / perPost - 1e-9).rounded(.up)
      guard needed.isFinite, needed < Double(posts) else { return posts }
      return max(1, Int(needed))
    }
  }

  /// Adds the staff elements after the cost expressions (so that transfer costs count in the
  /// budget rows and surplus costs in the savings target): `n`, `b`, `U` and the rows `posts`,
  /// `minmove`, `maxmove`, `surplus`; transfer and surplus costs join the annual and one-time
  /// cost expressions and the NPV.
  mutating func addStaff() throws(ModelError) {
    try addPosts()
    try addSurplus()
    addTransferCosts()
  }

  /// `posts(t,p,year)`: `P_t x(t,p,k) = n(t,p,k)`, `n` a whole number; with a minimum part,
  /// `minmove(t,p,year)`: `n >= nmin_t b` and `maxmove(t,p,year)`: `n <= P_t b`, `b` binary.
  private mutating func addPosts() throws(ModelError) {
    staff.posts = moves.map { Array(repeating: nil, count: $0.count) }
    staff.moving = staff.posts
    for (t, task) in scenario.tasks.enumerated() where task.divisible {
      let posts = Double(task.postCount)
      let minimum = StaffElements.minimumPosts(task, policy: scenario.policy)
      for (i, move) in moves[t].enumerated() {
        let name = "\(task.id),\(move.provider),\(facts.years[move.wave])"
        let upper = model.columns[move.variable.index].upper ?? 1
        let n = try model.addVariable(
          "n(\(name))", kind: .integer, lower: 0, upper: (posts * upper).rounded())
        staff.posts[t][i] = n
        try model.addConstraint(
          .equal(posts * move.variable - LinearExpression(n), 0), name: "posts(\(name))")
        guard minimum > 1 else { continue }
        let b = try model.addVariable("b(\(name))", kind: .binary, upper: upper > 0 ? 1 : 0)
        staff.moving[t][i] = b
        try model.addConstraint(n - Double(minimum) * LinearExpression(b) >= 0, name: "minmove(\(name))")
        try model.addConstraint(n - posts * LinearExpression(b) <= 0, name: "maxmove(\(name))")
      }
    }
  }

  /// Staff that join centre `c` in wave `k` less the quoted workload they take on there, FTE:
  /// `sum_t w_t x(t,p,k) - sum_{t quoted at p} w_tp x(t,p,k)` over the tasks of the centre's family.
  func arrivingStaff(centre c: Int, wave k: Int) -> LinearExpression {
    let key = facts.centres[c].key
    var expression = LinearExpression()
    for t in facts.tasksOfFamily[key.family] ?? [] {
      for move in moves[t] where move.wave == k && move.provider == key.provider {
        var net = scenario.tasks[t].fte
        if facts.quote(t, at: key.provider) != nil { net -= facts.workload(t, at: key.provider) }
        if net != 0 { expression.add(net, move.variable) }
      }
    }
    return expression
  }

  /// `surplus(p,f,year)`: `U(c,k) >= (1 - a) (U(c,k-1) + E(c,k-1)) + arriving(c,k) - E(c,k)`:
  /// of last year's staff `U + E` a share `a` leaves; the rest plus the staff arriving with moved
  /// tasks, less this year's need `E`, is the surplus. `U(c,-1) = 0` and `E(c,-1)` is the
  /// centre's effective FTE today; `U >= 0` costs the centre's rate a year.
  private mutating func addSurplus() throws(ModelError) {
    guard let rule = scenario.policy.noLayoffs else { return }
    let keep = 1 - rule.attritionRate
    for (c, centre) in facts.centres.enumerated() {
      var row: [Variable] = []
      for (k, year) in facts.years.enumerated() {
        let name = "\(centre.key.provider),\(centre.key.family),\(year)"
        let u = try model.addVariable("U(\(name))", lower: 0)
        var expression =
          LinearExpression(u) + LinearExpression(effective[c][k]) - arrivingStaff(centre: c, wave: k)
        if k > 0 {
          if keep != 0 {
            expression.add(-keep, row[k - 1])
            expression.add(-keep, effective[c][k - 1])
          }
        } else {
          expression.constant -= keep * centre.baselineEffective
        }
        try model.addConstraint(expression >= 0, name: "surplus(\(name))")
        row.append(u)
        if centre.rate != 0 { addAnnualCost(centre.rate, u, wave: k) }
        addFundedSurplus(u, centre: centre, wave: k)
      }
      staff.surplus.append(row)
    }
  }

  /// A funded provider's programme pays its share of the surplus staff `U` of its centres too,
  /// `s_pk rate_p U(c,k)`, as it pays for their effective FTE `E`: the surplus is staff of the
  /// centre, and `E` may exceed the centre's need where that costs the same (the surplus then
  /// counts as `E`), so a programme that paid for `E` alone would pay for a surplus booked as `E`
  /// and not for the same surplus booked as `U`. Subtracted from the running cost and the NPV,
  /// added to ``funded``; not in the terminal value (programmes end).
  private mutating func addFundedSurplus(_ u: Variable, centre: ScenarioFacts.CentreData, wave k: Int) {
    let share = facts.replanning.providerShare[centre.key.provider]?[k] ?? 0
    guard share > 0, centre.rate != 0 else { return }
    let amount = share * centre.rate
    annual[k].add(-amount, u)
    funded[k].add(amount, u)
    npv.add(-facts.discount[k] * amount, u)
  }

  /// Transfer costs of each move to a provider with a transfer rule: one-time
  /// `once_p w_t x(t,p,k)` in wave `k`, annual `annual_p w_t x(t,p,k)` in wave `k` and later.
  private mutating func addTransferCosts() {
    for (t, task) in scenario.tasks.enumerated() {
      for move in moves[t] {
        guard let transfer = facts.units[move.provider]?.transfer, task.fte > 0 else { continue }
        let once = transfer.oneTimeCostPerFTE * task.fte
        if once != 0 {
          transition[move.wave].add(once, move.variable)
          npv.add(once * facts.discount[move.wave], move.variable)
        }
        let yearly = transfer.annualCostPerFTE * task.fte
        guard yearly != 0 else { continue }
        for k in move.wave..<waves { addAnnualCost(yearly, move.variable, wave: k) }
      }
    }
  }

  /// Adds `coefficient * variable` to the running cost of wave `k` and to the NPV, and in the
  /// last wave to the terminal value too (which values that wave's running cost as a perpetuity,
  /// CentralisationModel+FullCosts.swift): a surplus in the last year counts as if it stayed.
  private mutating func addAnnualCost(_ coefficient: Double, _ variable: Variable, wave k: Int) {
    annual[k].add(coefficient, variable)
    var weight = facts.discount[k]
    if k == waves - 1 { weight += facts.terminalFactor }
    npv.add(weight * coefficient, variable)
  }

  /// Puts the staff columns into the blocks of the family decomposition: `n` and `b` with their
  /// task's family, `U` with its centre's.
  func assignStaffBlocks(_ blocks: inout [Int]) {
    let facts = self.facts
    for (t, row) in staff.posts.enumerated() {
      guard let b = facts.blockOfFamily[scenario.tasks[t].family] else { continue }
      for variable in row.compactMap({ $0 }) + staff.moving[t].compactMap({ $0 }) {
        blocks[variable.index] = b
      }
    }
    for (c, row) in staff.surplus.enumerated() {
      guard let b = facts.blockOfFamily[facts.centres[c].key.family] else { continue }
      for variable in row { blocks[variable.index] = b }
    }
  }
}
