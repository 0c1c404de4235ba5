public import ZentralSolver

/// The centralisation MIP of a scenario (docs/model.md) as a ``LinearModel``, with the maps from
/// scenario terms (task, provider, wave, centre) to its variables.
///
/// Names are deterministic and built from scenario ids: `x(task,provider,year)`,
/// `y(provider,family,year)`, `E(provider,family,year)`, rows `cap(provider,year)` and so on.
public struct CentralisationModel: Sendable {
  /// One possible move: a task to a provider in a wave.
  public struct Move: Equatable, Sendable {
    /// The provider.
    public var provider: String
    /// The wave, from 0 (the first year of the horizon).
    public var wave: Int
    /// The share of the task that moves then (binary unless the task is divisible).
    public var variable: Variable
  }

  /// The scenario the model was built from.
  public let scenario: Scenario
  /// The model GLPK solves: minimise the objective (EUR, NPV plus penalties).
  public internal(set) var model: LinearModel
  /// The rule groups the model enforces, in a fixed order.
  public private(set) var groups: [RuleGroup] = []
  /// The members of ``groups``, to add each once without a scan (5,000 retained-organisation
  /// groups on a 48,000-task city).
  private var knownGroups: Set<RuleGroup> = []
  /// The possible moves of each task (by task position; empty for a task that cannot move).
  public private(set) var moves: [[Move]]
  /// `y`: whether each centre is open, per wave (by centre position, then wave).
  private(set) var open: [[Variable]] = []
  /// `E`: effective FTE of each centre, per wave.
  private(set) var effective: [[Variable]] = []
  /// The segment variables of each centre's scale curve per wave: `d`, `z` (none for the last
  /// segment) and the segment's length; empty for a linear curve.
  private(set) var segments: [[[(delta: Variable, full: Variable?, length: Double)]]] = []
  /// Annual running cost per wave (EUR/year).
  var annual: [LinearExpression] = []
  /// Transition costs per wave (EUR).
  var transition: [LinearExpression] = []
  /// Set-up costs per wave (EUR).
  private(set) var setup: [LinearExpression] = []
  /// FTE moved per wave (home workload).
  private(set) var movedFTE: [LinearExpression] = []
  /// Funded amount per wave (EUR/year), already subtracted from ``annual`` (the surplus staff of
  /// a funded provider's centres join it in CentralisationModel+Staff.swift).
  var funded: [LinearExpression] = []
  /// The retained-organisation rows: at most `limit` FTE of the movable `tasks` of a unit move.
  struct RetainedRow: Sendable {
    /// The row's index in ``model``.
    var row: Int
    /// The unit's movable tasks (by task position).
    var tasks: [Int]
    /// FTE that may move in total.
    var limit: Double
  }

  /// The retained-organisation rows, one per unit that has one.
  private(set) var retained: [RetainedRow] = []
  /// Net present value of running and one-time costs.
  var npv = LinearExpression()
  /// Concern and disruption penalties.
  private(set) var penalty = LinearExpression()
  let facts: ScenarioFacts
  /// Whether the move-to-centre links are aggregated (see ``addCompactLinks()``).
  let compactLinks: Bool
  /// Whether each retained-organisation row gets its covers (CentralisationModel+RetainedCovers.swift).
  let retainedCovers: Bool
  /// The staff elements' variables (CentralisationModel+Staff.swift).
  var staff = StaffElements()

  /// Builds the full model of `scenario`.
  ///
  /// `retainedCovers: false` leaves out the retained covers: the analyses that solve many models
  /// under time limits without GLPK's MIP presolver (robust plan, sensitivity, Pareto front) build
  /// their models so, since the covers slow that search down (measured: Krefeld's robust plan of
  /// five samples 12.6 s without, 58.6 s with them; docs/model.md, "Retained covers").
  public init(scenario: Scenario, retainedCovers: Bool = true) throws(ModelError) {
    try self.init(facts: ScenarioFacts(scenario), retainedCovers: retainedCovers)
  }

  /// Builds the model with the rule groups in `relaxed` left out; with `feasibilityOnly` the
  /// objective is 0 (the solver stops at the first feasible plan). `retainedCovers: false` leaves
  /// out the retained covers (for tests that compare both forms); a decomposed model
  /// (`compactLinks`) never has them.
  init(
    facts: ScenarioFacts, relaxing relaxed: Set<RuleGroup> = [], feasibilityOnly: Bool = false,
    compactLinks: Bool = false, retainedCovers: Bool = true
  )
    throws(ModelError)
  {
    self.facts = facts
    self.compactLinks = compactLinks
    self.retainedCovers = retainedCovers && !compactLinks
    self.scenario = facts.scenario
    self.model = try LinearModel(name: "zentral")
    self.moves = Array(repeating: [], count: facts.scenario.tasks.count)
    try build(relaxed: relaxed, feasibilityOnly: feasibilityOnly)
  }

  /// The number of waves.
  var waves: Int { facts.years.count }

  // MARK: Index maps

  /// `x`: the share of `task` that moves to `provider` in the wave of `year`, if that move exists.
  public func moveVariable(task: String, provider: String, year: Int) -> Variable? {
    guard let t = facts.taskIndex[task], let k = facts.years.firstIndex(of: year) else { return nil }
    return moves[t].first { $0.provider == provider && $0.wave == k }?.variable
  }

  /// `y`: whether the centre of `family` at `provider` is open in `year`.
  public func openVariable(provider: String, family: String, year: Int) -> Variable? {
    guard let (c, k) = centreAndWave(provider: provider, family: family, year: year) else { return nil }
    return open[c][k]
  }

  /// `E`: effective FTE of the centre of `family` at `provider` in `year`.
  public func effectiveVariable(provider: String, family: String, year: Int) -> Variable? {
    guard let (c, k) = centreAndWave(provider: provider, family: family, year: year) else { return nil }
    return effective[c][k]
  }

  /// `L`: pooled workload of the centre of `family` at `provider` in `year` (an expression).
  public func pooledWorkload(provider: String, family: String, year: Int) -> LinearExpression? {
    guard let (c, k) = centreAndWave(provider: provider, family: family, year: year) else { return nil }
    return pooledWorkload(centre: c, by: k)
  }

  /// The segment binaries `z` of the centre's scale curve in `year` (empty for a linear curve).
  public func segmentVariables(provider: String, family: String, year: Int) -> [Variable] {
    guard let (c, k) = centreAndWave(provider: provider, family: family, year: year) else { return [] }
    return segments[c][k].compactMap(\.full)
  }

  /// The position of the centre of `family` at `provider` and the wave of `year`, if both exist.
  private func centreAndWave(provider: String, family: String, year: Int) -> (c: Int, k: Int)? {
    guard let c = facts.centreIndex[.init(provider: provider, family: family)],
      let k = facts.years.firstIndex(of: year)
    else { return nil }
    return (c, k)
  }

  /// The model's objective split: NPV of running and one-time costs, and the penalties.
  public var objectiveParts: (npv: LinearExpression, penalties: LinearExpression) { (npv, penalty) }

  /// The share of task `t` moved by the end of wave `k` (cumulative).
  func movedShare(_ t: Int, by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for move in moves[t] where move.wave <= k { expression.add(1, move.variable) }
    return expression
  }

  /// The share of task `t` moved to `p` by the end of wave `k`.
  func movedShare(_ t: Int, to p: String, by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for move in moves[t] where move.wave <= k && move.provider == p { expression.add(1, move.variable) }
    return expression
  }

  // MARK: Building

  /// Adds the model's elements in the order of docs/model.md ("How the model is built"): each
  /// `add` function adds one element's variables, rows and rule groups. Elements that the model
  /// adds per centre (scale, critical mass) or per year (budget, change capacity) alternate in
  /// that loop, so that the rows, and with them the exported model and the order in which the
  /// infeasibility diagnosis tries the rule groups, stay as they are.
  private mutating func build(relaxed: Set<RuleGroup>, feasibilityOnly: Bool) throws(ModelError) {
    try addMoves(relaxed: relaxed)
    try addConfidentiality(relaxed: relaxed)
    try addCentres()
    try addOneMove(relaxed: relaxed)
    try addDone(relaxed: relaxed)
    try addOpenLinks()
    try addMonotone()
    for c in facts.centres.indices {
      try addScale(centre: c, data: facts.centres[c])
      try addCriticalMass(centre: c, relaxed: relaxed)
    }
    try addCapacity(relaxed: relaxed)
    addCosts()
    try addStaff()
    for k in 0..<waves {
      try addBudget(wave: k, relaxed: relaxed)
      try addChangeCapacity(wave: k, relaxed: relaxed)
    }
    try addPilots(relaxed: relaxed)
    try addTogether(relaxed: relaxed)
    try addRetained(relaxed: relaxed)
    try addSavingsTarget(relaxed: relaxed)
    try addSeparation(relaxed: relaxed)
    try addObjective(feasibilityOnly: feasibilityOnly)
  }

  /// The number of columns the model of `facts` has (the same with and without compact links),
  /// counted without building it: `x` per movable task, provider and wave; `y` and `E` per centre
  /// and wave; per centre with a curve of two or more segments, `d` per segment and `z` per
  /// segment but the last, per wave.
  static func columnCount(of facts: ScenarioFacts) -> Int {
    let waves = facts.years.count
    var count = facts.providers.reduce(0) { $0 + $1.count } * waves
    for centre in facts.centres {
      let pieces = centre.pieces.count
      count += waves * (2 + (pieces > 1 ? 2 * pieces - 1 : 0))
    }
    return count + StaffElements.columnCount(of: facts)
  }

  /// `x(task,provider,year)` for every movable task, with the deadline as upper bounds (`x = 0`
  /// after the deadline year); records the must-move and deadline rule groups.
  private mutating func addMoves(relaxed: Set<RuleGroup>) throws(ModelError) {
    for (t, task) in scenario.tasks.enumerated() where facts.fixed[t] == nil {
      let deadlineYear = lastMoveYear(
        t,
        familyDeadline: relaxed.contains(.deadline(family: task.family))
          ? nil : facts.deadlineYear[task.family],
        relaxed: relaxed)
      for p in facts.providers[t] {
        for (k, year) in facts.years.enumerated() {
          let upper: Double = (deadlineYear.map { year > $0 } ?? false) ? 0 : 1
          let variable = try model.addVariable(
            "x(\(task.id),\(p),\(year))", kind: task.divisible ? .continuous : .binary, lower: 0, upper: upper
          )
          moves[t].append(Move(provider: p, wave: k, variable: variable))
        }
      }
    }
    for task in scenario.policy.mustMove where facts.taskIndex[task] != nil {
      addGroup(.mustMove(task: task))
    }
    for deadline in scenario.policy.deadlines { addGroup(.deadline(family: deadline.family)) }
    addReplanningGroups()
  }

  /// `y(provider,family,year)` (fixed to 1 for a centre open today) and `E(provider,family,year)`.
  private mutating func addCentres() throws(ModelError) {
    for centre in facts.centres {
      let c = centre.key
      var ys: [Variable] = []
      var es: [Variable] = []
      for year in facts.years {
        ys.append(
          try model.addVariable(
            "y(\(c.provider),\(c.family),\(year))", kind: .binary, lower: centre.isOpen ? 1 : 0, upper: 1))
        es.append(try model.addVariable("E(\(c.provider),\(c.family),\(year))", lower: 0))
      }
      open.append(ys)
      effective.append(es)
      segments.append(Array(repeating: [], count: waves))
    }
  }

  /// `one(task)`: each task moves at most once, exactly once when it must (must-move, deadline).
  private mutating func addOneMove(relaxed: Set<RuleGroup>) throws(ModelError) {
    let mustMoveTasks = Set(scenario.policy.mustMove)
    for (t, task) in scenario.tasks.enumerated() {
      let mustMove = mustMoveTasks.contains(task.id) && !relaxed.contains(.mustMove(task: task.id))
      let deadline =
        facts.hasDeadline(t) && !relaxed.contains(.deadline(family: task.family))
        || mustMoveByReplanning(t, relaxed: relaxed)
      guard facts.fixed[t] == nil || mustMove else { continue }
      let total = movedShare(t, by: waves - 1)
      let row = mustMove || deadline ? LinearConstraint.equal(total, 1) : total <= 1
      try model.addConstraint(row, name: "one(\(task.id))")
    }
  }

  /// `open(task,provider,year)`: no move without an open centre (in aggregated form with
  /// ``compactLinks``, see ``addCompactLinks()``).
  private mutating func addOpenLinks() throws(ModelError) {
    if compactLinks { return try addCompactLinks() }
    for (t, task) in scenario.tasks.enumerated() {
      for move in moves[t] {
        guard let c = facts.centreIndex[.init(provider: move.provider, family: task.family)] else { continue }
        try model.addConstraint(
          move.variable - LinearExpression(open[c][move.wave]) <= 0,
          name: "open(\(task.id),\(move.provider),\(facts.years[move.wave]))")
      }
    }
  }

  /// `mono(provider,family,year)`: a centre, once opened, stays open.
  private mutating func addMonotone() throws(ModelError) {
    for (c, centre) in facts.centres.enumerated() where !centre.isOpen {
      for k in 1..<max(waves, 1) {
        try model.addConstraint(
          open[c][k - 1] - LinearExpression(open[c][k]) <= 0,
          name: "mono(\(centre.key.provider),\(centre.key.family),\(facts.years[k]))")
      }
    }
  }

  /// `mass(provider,family,year)`: critical mass of centre `c`, `E >= min_fte * y`.
  private mutating func addCriticalMass(centre c: Int, relaxed: Set<RuleGroup>) throws(ModelError) {
    let centre = facts.centres[c]
    guard centre.terms.minFTE > 0 else { return }
    let group = RuleGroup.criticalMass(provider: centre.key.provider, family: centre.key.family)
    addGroup(group)
    guard !relaxed.contains(group) else { return }
    for k in 0..<waves {
      try model.addConstraint(
        effective[c][k] - centre.terms.minFTE * open[c][k] >= 0,
        name: "mass(\(centre.key.provider),\(centre.key.family),\(facts.years[k]))")
    }
  }

  /// `cap(provider,year)`: headcount ceiling of each provider per year.
  private mutating func addCapacity(relaxed: Set<RuleGroup>) throws(ModelError) {
    for unit in scenario.units where unit.isProvider {
      guard let capacity = unit.capacityFTE else { continue }
      guard facts.centresOfProvider[unit.id] != nil else { continue }
      for (k, year) in facts.years.enumerated() {
        guard let limit = capacity.value(in: year) else { continue }
        let group = RuleGroup.capacity(provider: unit.id, year: year)
        addGroup(group)
        guard !relaxed.contains(group) else { continue }
        try model.addConstraint(
          providerFTE(unit.id, by: k) <= LinearExpression(constant: limit), name: "cap(\(unit.id),\(year))")
      }
    }
  }

  /// The cost expressions per wave (running, transition, set-up, FTE moved) and the NPV with
  /// parallel running and the terminal value (CentralisationModel+FullCosts.swift); no variables
  /// or rows.
  private mutating func addCosts() {
    for k in 0..<waves {
      var running = LinearExpression()
      var transitionCost = LinearExpression()
      var moved = LinearExpression()
      for (t, task) in scenario.tasks.enumerated() {
        let home = facts.homeCost(t)
        running.constant += home
        running.add(movedShare(t, by: k), times: -home)
        for move in moves[t] {
          if let quote = facts.quote(t, at: move.provider), move.wave <= k {
            running.add(quote, move.variable)
          }
          if move.wave == k && !isDone(t, provider: move.provider, wave: k) {
            transitionCost.add(facts.transitionCost(t, to: move.provider), move.variable)
          }
          if move.wave == k {
            moved.add(task.fte, move.variable)
          }
        }
      }
      var setupCost = LinearExpression()
      for (c, centre) in facts.centres.enumerated() {
        running.add(centre.rate, effective[c][k])
        running.add(centre.terms.annualOverhead, open[c][k])
        if !centre.isOpen && centre.terms.setupCost != 0 && !setupIsSunk(c) {
          setupCost.add(centre.terms.setupCost, open[c][k])
          if k > 0 { setupCost.add(-centre.terms.setupCost, open[c][k - 1]) }
        }
      }
      running.add(nonStaffAtProviders(by: k))
      let fundedAmount = fundedAmount(wave: k)
      running.add(fundedAmount, times: -1)
      funded.append(fundedAmount)
      annual.append(running)
      transition.append(transitionCost)
      setup.append(setupCost)
      movedFTE.append(moved)
      npv.add(running + transitionCost + setupCost, times: facts.discount[k])
      npv.add(parallelRunning(wave: k), times: facts.discount[k])
    }
    npv.add(terminalValue)
  }

  /// `budget(year)`: one-time money of wave `k`.
  private mutating func addBudget(wave k: Int, relaxed: Set<RuleGroup>) throws(ModelError) {
    let year = facts.years[k]
    guard let limit = scenario.policy.budget?.value(in: year) else { return }
    addGroup(.budget(year: year))
    guard !relaxed.contains(.budget(year: year)) else { return }
    try model.addConstraint(
      transition[k] + setup[k] <= LinearExpression(constant: limit), name: "budget(\(year))")
  }

  /// `change(year)`: FTE moved in wave `k`.
  private mutating func addChangeCapacity(wave k: Int, relaxed: Set<RuleGroup>) throws(ModelError) {
    let year = facts.years[k]
    guard let limit = scenario.policy.maxMovedFTEPerWave?.value(in: year) else { return }
    addGroup(.changeCapacity(year: year))
    guard !relaxed.contains(.changeCapacity(year: year)) else { return }
    try model.addConstraint(movedFTE[k] <= LinearExpression(constant: limit), name: "change(\(year))")
  }

  /// `pilot(family,task,year)`: outside the pilot units a family moves only after a pilot task.
  private mutating func addPilots(relaxed: Set<RuleGroup>) throws(ModelError) {
    for family in facts.pilotFamilies {
      addGroup(.pilot(family: family))
      guard !relaxed.contains(.pilot(family: family)) else { continue }
      let pilots = facts.pilotTasks(of: family)
      let pilotSet = Set(pilots)
      for t in facts.tasksOfFamily[family] ?? [] where !pilotSet.contains(t) && !moves[t].isEmpty {
        let task = scenario.tasks[t]
        for (k, year) in facts.years.enumerated() {
          var row = LinearExpression()
          for move in moves[t] where move.wave == k { row.add(1, move.variable) }
          for pilot in pilots { for move in moves[pilot] where move.wave < k { row.add(-1, move.variable) } }
          try model.addConstraint(row <= 0, name: "pilot(\(family),\(task.id),\(year))")
        }
      }
    }
  }

  /// `tog(group,task,provider,year)`: the members of a together group move alike.
  private mutating func addTogether(relaxed: Set<RuleGroup>) throws(ModelError) {
    for group in facts.togetherGroups {
      let g = group.index
      addGroup(.together(index: g))
      guard !relaxed.contains(.together(index: g)) else { continue }
      var providers: [String] = []
      for t in group.tasks {
        for p in facts.providers[t] where !providers.contains(p) { providers.append(p) }
      }
      let first = group.tasks[0]
      for t in group.tasks.dropFirst() {
        for p in providers {
          for (k, year) in facts.years.enumerated() {
            let a = moves[first].first { $0.provider == p && $0.wave == k }?.variable
            let b = moves[t].first { $0.provider == p && $0.wave == k }?.variable
            guard a != nil || b != nil else { continue }
            var row = LinearExpression()
            if let a { row.add(1, a) }
            if let b { row.add(-1, b) }
            try model.addConstraint(
              .equal(row, 0), name: "tog(\(g + 1),\(scenario.tasks[t].id),\(p),\(year))")
          }
        }
      }
    }
  }

  /// `retain(unit)`: every department keeps its IT coordination.
  private mutating func addRetained(relaxed: Set<RuleGroup>) throws(ModelError) {
    guard scenario.policy.retained != nil else { return }
    for unit in facts.homeUnits {
      guard let (total, keep) = facts.retainedFTE(unit: unit) else { continue }
      let movable = facts.retainedTasks(unit: unit).filter { !moves[$0].isEmpty }
      guard !movable.isEmpty, keep > 0 else { continue }
      let group = facts.hasRetainedRoles ? RuleGroup.retainedRole(unit: unit) : .retained(unit: unit)
      addGroup(group)
      guard !relaxed.contains(group) else { continue }
      var row = LinearExpression()
      for t in movable { row.add(movedShare(t, by: waves - 1), times: scenario.tasks[t].fte) }
      try model.addConstraint(row <= LinearExpression(constant: total - keep), name: "retain(\(unit))")
      retained.append(RetainedRow(row: model.rows.count - 1, tasks: movable, limit: total - keep))
      if retainedCovers { try addRetainedCovers(unit: unit, tasks: movable, limit: total - keep) }
    }
  }

  /// `save_cost` and `save_fte`: the savings target at steady state (the last year).
  private mutating func addSavingsTarget(relaxed: Set<RuleGroup>) throws(ModelError) {
    guard let target = scenario.policy.savingsTarget else { return }
    let last = waves - 1
    if let cost = target.annualCost {
      addGroup(.savingsCost)
      if !relaxed.contains(.savingsCost) {
        try model.addConstraint(
          annual[last] <= LinearExpression(constant: facts.baselineAnnualNet(wave: last) - cost),
          name: "save_cost")
      }
    }
    if let fte = target.fte {
      addGroup(.savingsFTE)
      if !relaxed.contains(.savingsFTE) {
        try model.addConstraint(
          totalFTE(by: last) <= LinearExpression(constant: facts.baselineFTE - fte), name: "save_fte")
      }
    }
  }

  /// The objective: NPV plus the concern and disruption penalties (0 with `feasibilityOnly`).
  private mutating func addObjective(feasibilityOnly: Bool) throws(ModelError) {
    for (t, task) in scenario.tasks.enumerated() where !moves[t].isEmpty {
      let weight = task.concern + scenario.objective.disruptionWeight * task.fte
      if weight != 0 { penalty.add(movedShare(t, by: waves - 1), times: weight) }
    }
    try model.setObjective(feasibilityOnly ? LinearExpression() : npv + penalty, sense: .minimize)
  }

  /// The links "no move without an open centre" in aggregated form: per task and provider, all
  /// its moves there are at most the centre's opening by the last wave; per centre and wave, the
  /// moves then are at most (number of tasks) times its opening in that wave. Same integer plans,
  /// far fewer rows, a weaker LP relaxation. Rows for centres open today are left out (redundant).
  private mutating func addCompactLinks() throws(ModelError) {
    let years = facts.years
    var perWave: [Int: [LinearExpression]] = [:]
    var counts: [Int: Double] = [:]
    for (t, task) in scenario.tasks.enumerated() {
      var byProvider: [String: LinearExpression] = [:]
      for move in moves[t] {
        guard let c = facts.centreIndex[.init(provider: move.provider, family: task.family)],
          !facts.centres[c].isOpen
        else { continue }
        byProvider[move.provider, default: LinearExpression()].add(1, move.variable)
        perWave[c, default: Array(repeating: LinearExpression(), count: waves)][move.wave].add(
          1, move.variable)
      }
      for (p, sum) in byProvider.sorted(by: { $0.key < $1.key }) {
        let c = facts.centreIndex[.init(provider: p, family: task.family)]!
        counts[c, default: 0] += 1
        try model.addConstraint(
          sum - LinearExpression(open[c][waves - 1]) <= 0, name: "open(\(task.id),\(p))")
      }
    }
    for c in perWave.keys.sorted() {
      let centre = facts.centres[c].key
      for k in 0..<waves {
        try model.addConstraint(
          perWave[c]![k] - (counts[c] ?? 0) * open[c][k] <= 0,
          name: "openw(\(centre.provider),\(centre.family),\(years[k]))")
      }
    }
  }

  /// Records a rule group (once, in order of first appearance).
  mutating func addGroup(_ group: RuleGroup) {
    if knownGroups.insert(group).inserted { groups.append(group) }
  }

  /// `scale(provider,family,year)`, `pool`, `seg`, `next` and the variables `d`, `z` of one
  /// centre: pooled workload and economies of scale, `E >= scale(L)`.
  private mutating func addScale(centre c: Int, data: ScenarioFacts.CentreData) throws(ModelError) {
    let pieces = data.pieces
    guard !pieces.isEmpty else { return }
    let name = "\(data.key.provider),\(data.key.family)"
    for (k, year) in facts.years.enumerated() {
      let pooled = pooledWorkload(centre: c, by: k)
      if pieces.count == 1 {
        try model.addConstraint(
          effective[c][k] - pieces[0].slope * pooled >= 0, name: "scale(\(name),\(year))")
        continue
      }
      // The pooled workload never falls below the existing work, so the segments it covers are
      // always full: their deltas and switches are fixed, which keeps the LP relaxation tight
      // at centres that already do much of the work (München's it@M, Münster's citeq).
      var deltas: [Variable] = []
      var start = 0.0
      var filled: [Bool] = []
      for (s, piece) in pieces.enumerated() {
        let covered = min(max(data.existingFTE - start, 0), piece.length)
        deltas.append(
          try model.addVariable("d(\(name),\(year),\(s + 1))", lower: covered, upper: piece.length))
        filled.append(covered >= piece.length)
        start += piece.length
      }
      var zs: [Variable] = []
      for s in 0..<(pieces.count - 1) {
        zs.append(
          try model.addVariable("z(\(name),\(year),\(s + 1))", kind: .binary, lower: filled[s] ? 1 : 0))
      }
      let sum = LinearExpression.sum(deltas.map { LinearExpression($0) })
      try model.addConstraint(.equal(sum, pooled), name: "pool(\(name),\(year))")
      for s in 0..<(pieces.count - 1) {
        try model.addConstraint(
          deltas[s] - pieces[s].length * zs[s] >= 0, name: "seg(\(name),\(year),\(s + 1))")
        try model.addConstraint(
          deltas[s + 1] - pieces[s + 1].length * zs[s] <= 0, name: "next(\(name),\(year),\(s + 1))")
      }
      var curve = LinearExpression(effective[c][k])
      for (s, piece) in pieces.enumerated() { curve.add(-piece.slope, deltas[s]) }
      try model.addConstraint(curve >= 0, name: "scale(\(name),\(year))")
      segments[c][k] = pieces.indices.map { (deltas[$0], $0 < zs.count ? zs[$0] : nil, pieces[$0].length) }
    }
  }

  /// The status quo as a solution of the model: nothing moves, centres open today stay open
  /// with their existing work (a feasible start unless a rule forces change).
  func statusQuo() -> [Double] {
    var values = Array(repeating: 0.0, count: model.columns.count)
    for (c, centre) in facts.centres.enumerated() where centre.isOpen {
      for k in 0..<waves {
        values[open[c][k].index] = 1
        values[effective[c][k].index] = centre.baselineEffective
        var remaining = centre.existingFTE
        for piece in segments[c][k] {
          let used = min(piece.length, remaining)
          values[piece.delta.index] = used
          remaining -= used
          if let z = piece.full { values[z.index] = used >= piece.length ? 1 : 0 }
        }
      }
    }
    return values
  }

  /// `L`: existing plus moved unquoted workload of a centre by the end of wave `k`.
  func pooledWorkload(centre c: Int, by k: Int) -> LinearExpression {
    let data = facts.centres[c]
    var pooled = LinearExpression(constant: data.existingFTE)
    for t in facts.tasksOfFamily[data.key.family] ?? [] {
      guard facts.quote(t, at: data.key.provider) == nil else { continue }
      pooled.add(movedShare(t, to: data.key.provider, by: k), times: facts.workload(t, at: data.key.provider))
    }
    return pooled
  }

  /// Quoted workload at provider `p` by the end of wave `k`, FTE.
  func quotedWorkload(_ p: String, by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for t in scenario.tasks.indices where facts.quote(t, at: p) != nil {
      expression.add(movedShare(t, to: p, by: k), times: facts.workload(t, at: p))
    }
    return expression
  }

  /// Staff a provider needs in wave `k`: effective FTE of its centres plus quoted workload.
  func providerFTE(_ p: String, by k: Int) -> LinearExpression {
    var expression = quotedWorkload(p, by: k)
    for c in facts.centresOfProvider[p] ?? [] { expression.add(1, effective[c][k]) }
    return expression
  }

  /// IT staff of the whole city (own plus bought) in wave `k`, FTE.
  func totalFTE(by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for (t, task) in scenario.tasks.enumerated() {
      expression.constant += task.fte
      expression.add(movedShare(t, by: k), times: -task.fte)
      for p in facts.providers[t] where facts.quote(t, at: p) != nil {
        expression.add(movedShare(t, to: p, by: k), times: facts.workload(t, at: p))
      }
    }
    for c in facts.centres.indices { expression.add(1, effective[c][k]) }
    return expression
  }

  // MARK: Variants for re-solves

  /// A copy of the model with task `t` kept at home.
  func forcingStay(_ t: Int) throws(ModelError) -> LinearModel {
    var copy = model
    for move in moves[t] { try copy.setBounds(of: move.variable, lower: 0, upper: 0) }
    return copy
  }

  /// A copy of the model with task `t` moved in full (somewhere, some wave).
  func forcingMove(_ t: Int) throws(ModelError) -> LinearModel {
    var copy = model
    try copy.addConstraint(.equal(movedShare(t, by: waves - 1), 1), name: "flip(\(scenario.tasks[t].id))")
    return copy
  }
}
