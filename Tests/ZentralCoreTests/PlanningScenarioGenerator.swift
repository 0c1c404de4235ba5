import ZentralPlan

@testable import ZentralCore

/// Builds small random scenarios (2-4 tasks, 1-2 providers, 1-2 families, 1-3 waves) that
/// exercise every element of the model, and records which elements each one uses.
struct PlanningScenarioGenerator {
  var random: SplitMix64
  /// A second stream for the rules of law and organisation (legal forms, confidential tasks,
  /// separation, retained roles), so that every other draw, and with it the scenarios the other
  /// suites were tuned on, stays as it was.
  var rules: SplitMix64
  /// A stream of its own for the full-cost elements, so that the rest of each scenario stays as
  /// it was before they were added.
  var fullCostRandom: SplitMix64

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
    rules = SplitMix64(seed: seed ^ 0x5EED_1E6A)
    fullCostRandom = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
  }

  private mutating func ruleChance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rules) < p }

  private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
  private mutating func amount(_ range: ClosedRange<Double>, step: Double) -> Double {
    let steps = Int(((range.upperBound - range.lowerBound) / step).rounded())
    return range.lowerBound + Double(Int.random(in: 0...steps, using: &random)) * step
  }
  private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

  /// A scenario and the names of the model elements it uses.
  mutating func next(allowDivisible: Bool) -> (Scenario, Set<String>) {
    var used: Set<String> = []
    let years = Int.random(in: 1...3, using: &random)
    if years > 1 { used.insert("several waves") }
    let discount = chance(0.4) ? amount(0.01...0.1, step: 0.01) : 0
    if discount > 0 { used.insert("discount rate") }

    // Units.
    var providerIDs = ["it", "kdn"]
    if chance(0.45) { providerIDs = [pick(providerIDs)] } else { used.insert("two providers") }
    var units = [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(
        id: "a", name: "A", kind: .department, parent: "city",
        costPerFTE: amount(60_000...100_000, step: 5_000)),
      OrgUnit(
        id: "a1", name: "A1", kind: .department, parent: "a",
        costPerFTE: amount(60_000...100_000, step: 5_000)),
      OrgUnit(
        id: "b", name: "B", kind: .department, parent: "city",
        costPerFTE: amount(60_000...100_000, step: 5_000)),
    ]
    for id in providerIDs {
      var capacity: YearValues?
      if chance(0.3) {
        used.insert("capacity")
        capacity =
          chance(0.5)
          ? YearValues(constant: amount(1...6, step: 0.5))
          : YearValues(byYear: [2025: amount(0.5...4, step: 0.5), 2026: amount(2...7, step: 0.5)])
      }
      let central = id == "it"
      units.append(
        OrgUnit(
          id: id, name: id.uppercased(), kind: central ? .central : .shared, parent: central ? "city" : nil,
          costPerFTE: amount(45_000...95_000, step: 5_000),
          pricePerFTE: central ? nil : amount(40_000...95_000, step: 5_000), capacityFTE: capacity))
    }

    // Families.
    let familyCount = chance(0.5) ? 2 : 1
    if familyCount == 2 { used.insert("two families") }
    var families: [TaskFamily] = []
    for f in 0..<familyCount {
      var providers = providerIDs.filter { _ in chance(0.8) }
      if providers.isEmpty && chance(0.6) { providers = [pick(providerIDs)] }
      var centre = CentreTerms()
      if chance(0.4) { centre.setupCost = amount(5_000...60_000, step: 5_000); used.insert("setup cost") }
      if chance(0.4) { centre.annualOverhead = amount(5_000...40_000, step: 5_000); used.insert("overhead") }
      if chance(0.3) { centre.minFTE = amount(0.5...3, step: 0.5); used.insert("critical mass") }
      var scale: [ScalePoint] = []
      if chance(0.5) {
        used.insert("scale curve")
        scale = [ScalePoint(pooled: 0, effective: 0)]
        var slope = amount(0.6...1, step: 0.05)
        var x = 0.0
        var y = 0.0
        for _ in 0..<Int.random(in: 1...3, using: &random) {
          let length = amount(0.5...3, step: 0.5)
          x += length
          y += slope * length
          scale.append(ScalePoint(pooled: x, effective: y))
          slope *= amount(0.4...1, step: 0.1)
        }
      }
      var centres: [String: ProviderCentre] = [:]
      for p in providers where chance(0.25) {
        var local = ProviderCentre()
        used.insert("provider centre terms")
        if chance(0.5) { local.setupCost = amount(0...40_000, step: 5_000) }
        if chance(0.5) { local.minFTE = amount(0...2, step: 0.5) }
        if chance(0.3) {
          local.scale = [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 2, effective: 1.6)]
        }
        if chance(0.5) {
          local.existingFTE = amount(0.5...3, step: 0.5)
          local.isOpen = true
          used.insert("existing centre")
        }
        centres[p] = local
      }
      families.append(
        TaskFamily(
          id: "f\(f + 1)", name: "Family \(f + 1)", providers: providers, centre: centre, centres: centres,
          scale: scale,
          transitionCostPerFTE: amount(0...20_000, step: 2_500)))
      if providers.isEmpty { used.insert("family without providers") }
    }

    // Tasks.
    var tasks: [ITTask] = []
    for t in 0..<Int.random(in: 2...4, using: &random) {
      let family = pick(families)
      var task = ITTask(
        id: "t\(t + 1)", name: "Task \(t + 1)", family: family.id, unit: pick(["a", "a1", "b"]),
        fte: amount(0.5...3, step: 0.5))
      if chance(0.1) { task.dedicated = true; used.insert("dedicated") }
      if allowDivisible && chance(0.4) { task.divisible = true; used.insert("divisible") }
      if chance(0.3) { task.concern = amount(1_000...30_000, step: 1_000); used.insert("concern") }
      if chance(0.15) {
        task.transitionCost = amount(0...40_000, step: 5_000); used.insert("task transition cost")
      }
      if family.providers.count > 1 && chance(0.3) {
        task.providers = [pick(family.providers)]
        used.insert("task provider list")
      }
      for p in task.providers ?? family.providers where chance(0.3) {
        var offer = ProviderOffer()
        if chance(0.5) {
          offer.fte = task.fte * amount(0.5...1.2, step: 0.1); used.insert("workload at provider")
        }
        if chance(0.5) {
          offer.annualCost = task.fte * amount(40_000...110_000, step: 5_000); used.insert("quote")
        }
        if chance(0.3) {
          offer.transitionCost = amount(0...30_000, step: 5_000); used.insert("offer transition cost")
        }
        task.at[p] = offer
      }
      tasks.append(task)
    }

    // Policy.
    var policy = Policy()
    let ids = tasks.map(\.id)
    if chance(0.2) {
      policy.retained = RetainedOrganisation(
        minShare: amount(0...0.6, step: 0.1), minFTE: amount(0...2, step: 0.5))
      used.insert("retained")
    }
    if chance(0.25) {
      policy.budget =
        chance(0.5)
        ? YearValues(constant: amount(10_000...80_000, step: 5_000))
        : YearValues(byYear: [
          2025: amount(0...40_000, step: 5_000), 2026: amount(20_000...90_000, step: 5_000),
        ])
      used.insert("budget")
    }
    if chance(0.2) {
      policy.maxMovedFTEPerWave = YearValues(constant: amount(0.5...4, step: 0.5))
      used.insert("change capacity")
    }
    if chance(0.2) {
      policy.pilots = [Pilot(family: pick(families).id, unit: pick(["a", "b", "a1"]))]
      used.insert("pilot")
    }
    if chance(0.15) {
      policy.deadlines = [
        Deadline(family: pick(families).id, year: 2025 + Int.random(in: 0..<years, using: &random))
      ]
      used.insert("deadline")
    }
    if chance(0.2) {
      let first = pick(ids)
      let second = pick(ids.filter { $0 != first })
      policy.together = [[first, second]]
      used.insert("together")
    }
    if chance(0.2) { policy.mustMove = [pick(ids)]; used.insert("must-move") }
    if chance(0.15) { policy.mustStay = [pick(ids)]; used.insert("must-stay") }
    if chance(0.25) {
      var target = SavingsTarget()
      if chance(0.6) {
        target.annualCost = amount(0...30_000, step: 2_500); used.insert("savings target (cost)")
      }
      if target.annualCost == nil || chance(0.4) {
        target.fte = amount(0...1.5, step: 0.25); used.insert("savings target (FTE)")
      }
      policy.savingsTarget = target
    }
    var disruption = 0.0
    if chance(0.2) { disruption = amount(1_000...10_000, step: 1_000); used.insert("disruption weight") }
    addLegalRules(units: &units, families: &families, tasks: &tasks, policy: policy, used: &used)

    // Staff (drawn last, so that the scenarios above stay as they were): posts of divisible
    // tasks (up to 3, so that the oracle can enumerate every split), the smallest part that may
    // move, no layoffs with attrition, transfer costs per receiving unit.
    for t in tasks.indices where tasks[t].divisible && chance(0.5) {
      tasks[t].posts = Int.random(in: 1...3, using: &random)
      used.insert("posts")
    }
    if chance(0.5) {
      policy.minMoveFTE = pick([0, 0.25, 1, 1.5])
      used.insert(policy.minMoveFTE == 0 ? "no minimum move" : "minimum move")
    }
    if chance(0.3) {
      policy.noLayoffs = NoLayoffs(attritionRate: pick([0, 0.04, 0.1, 0.5]))
      used.insert("no layoffs")
    }
    for u in units.indices where units[u].isProvider && chance(0.25) {
      units[u].transfer = StaffTransfer(
        form: pick(TransferForm.allCases), oneTimeCostPerFTE: amount(0...10_000, step: 1_000),
        annualCostPerFTE: amount(0...8_000, step: 1_000))
      used.insert("transfer cost")
    }

    var scenario = Scenario(
      name: "random", horizon: Horizon(start: 2025, years: years), discountRate: discount, units: units,
      families: families, tasks: tasks, policy: policy, objective: Objective(disruptionWeight: disruption))
    addFullCosts(to: &scenario, used: &used)
    addReplanning(to: &scenario, used: &used)
    return (scenario, used)
  }

  /// Re-planning and funding, drawn after everything else (so the scenarios drawn before these
  /// elements existed stay as they were): a must-move year, a task's own deadline, a decision
  /// already carried out, funding of a task, a home unit or a provider. Only what the loader
  /// accepts: no done move of a task that cannot move, none after one of its deadlines.
  private mutating func addReplanning(to scenario: inout Scenario, used: inout Set<String>) {
    let years = scenario.horizon.years
    let mustStay = Set(scenario.policy.mustStay)
    let families = Dictionary(uniqueKeysWithValues: scenario.families.map { ($0.id, $0) })
    let movable = scenario.tasks.filter { task in
      !task.dedicated && !mustStay.contains(task.id)
        && !(task.providers ?? families[task.family]?.providers ?? []).isEmpty
    }
    if chance(0.2), !movable.isEmpty {
      let task = pick(movable)
      let year = 2025 + Int.random(in: 0..<years, using: &random)
      if !scenario.policy.mustMove.contains(task.id) { scenario.policy.mustMove.append(task.id) }
      scenario.policy.mustMoveBy[task.id] = year
      used.insert("must-move year")
    }
    if chance(0.2), !movable.isEmpty {
      let task = pick(movable)
      scenario.policy.taskDeadlines = [
        TaskDeadline(task: task.id, year: 2025 + Int.random(in: 0..<years, using: &random))
      ]
      used.insert("task deadline")
    }
    if chance(0.25), !movable.isEmpty {
      let task = pick(movable)
      let providers = task.providers ?? families[task.family]?.providers ?? []
      let year = 2025 + Int.random(in: 0..<years, using: &random)
      var limits = scenario.policy.deadlines.filter { $0.family == task.family }.map(\.year)
      limits += scenario.policy.taskDeadlines.filter { $0.task == task.id }.map(\.year)
      if let by = scenario.policy.mustMoveBy[task.id] { limits.append(by) }
      if limits.allSatisfy({ $0 >= year }) {
        scenario.policy.done = [DoneMove(task: task.id, provider: pick(providers), year: year)]
        used.insert("done")
      }
    }
    if chance(0.3) {
      let share = amount(0.1...0.9, step: 0.1)
      let until = 2025 + Int.random(in: 0..<years, using: &random)
      if chance(0.4) {
        scenario.funding = [Funding(target: .task(pick(scenario.tasks).id), share: share, until: until)]
        used.insert("funding (task)")
      } else if chance(0.5) {
        scenario.funding = [Funding(target: .unit(pick(["a", "b", "a1"])), share: share, until: until)]
        used.insert("funding (unit)")
      } else {
        let providers = scenario.units.filter(\.isProvider).map(\.id)
        scenario.funding = [Funding(target: .unit(pick(providers)), share: share, until: until)]
        used.insert("funding (provider)")
      }
    }
  }

  /// A scenario of ``next(allowDivisible:)`` at a city's scale: workloads times 10 to 60 (tasks of
  /// 5 to 180 FTE), set-up costs of 0.1 to 20 M EUR and, in most scenarios, a one-time budget of 0.2
  /// to 3 M EUR per wave, so that a set-up cost often exceeds the budget. These are the proportions
  /// under which GLPK, unscaled, called feasible centralisation models infeasible.
  mutating func nextRealistic() -> (Scenario, Set<String>) {
    var (scenario, used) = next(allowDivisible: true)
    let k = amount(10...60, step: 5)
    func scaled(_ values: YearValues?) -> YearValues? {
      guard let values else { return nil }
      if let constant = values.constant { return YearValues(constant: constant * k) }
      return YearValues(
        byYear: Dictionary(uniqueKeysWithValues: values.steps.map { ($0.year, $0.value * k) }))
    }
    func scaled(_ curve: [ScalePoint]) -> [ScalePoint] {
      curve.map { ScalePoint(pooled: $0.pooled * k, effective: $0.effective * k) }
    }
    for u in scenario.units.indices { scenario.units[u].capacityFTE = scaled(scenario.units[u].capacityFTE) }
    for f in scenario.families.indices {
      var family = scenario.families[f]
      family.centre.setupCost = chance(0.8) ? amount(100_000...20_000_000, step: 50_000) : 0
      family.centre.annualOverhead *= k
      family.centre.minFTE *= k
      family.scale = scaled(family.scale)
      for (p, var local) in family.centres {
        local.setupCost = local.setupCost.map { _ in amount(100_000...20_000_000, step: 50_000) }
        local.minFTE = local.minFTE.map { $0 * k }
        local.scale = local.scale.map(scaled)
        local.existingFTE *= k
        family.centres[p] = local
      }
      scenario.families[f] = family
    }
    for t in scenario.tasks.indices {
      var task = scenario.tasks[t]
      task.fte *= k
      task.concern *= k
      task.transitionCost = task.transitionCost.map { $0 * k }
      task.nonStaffCost *= k
      for (p, var offer) in task.at {
        offer.nonStaffCost = offer.nonStaffCost.map { $0 * k }
        offer.fte = offer.fte.map { $0 * k }
        offer.annualCost = offer.annualCost.map { $0 * k }
        offer.transitionCost = offer.transitionCost.map { $0 * k }
        task.at[p] = offer
      }
      scenario.tasks[t] = task
    }
    var policy = scenario.policy
    if chance(0.7) {
      policy.budget =
        chance(0.7)
        ? YearValues(constant: amount(200_000...3_000_000, step: 50_000))
        : YearValues(byYear: [
          2025: amount(0...1_000_000, step: 50_000), 2026: amount(500_000...5_000_000, step: 50_000),
        ])
      used.insert("budget")
    }
    policy.maxMovedFTEPerWave = scaled(policy.maxMovedFTEPerWave)
    policy.retained = policy.retained.map {
      RetainedOrganisation(minShare: $0.minShare, minFTE: $0.minFTE * k)
    }
    if let target = policy.savingsTarget {
      policy.savingsTarget = SavingsTarget(
        annualCost: target.annualCost.map { $0 * k }, fte: target.fte.map { $0 * k })
    }
    scenario.policy = policy
    return (scenario, used)
  }

  /// Legal forms of providers (a private `kdn` often, a private `it` rarely), confidential tasks,
  /// tasks kept apart from the other family, and a retained-role family when the policy has a
  /// retained organisation; drawn from ``rules``.
  private mutating func addLegalRules(
    units: inout [OrgUnit], families: inout [TaskFamily], tasks: inout [ITTask], policy: Policy,
    used: inout Set<String>
  ) {
    for u in units.indices where units[u].isProvider && ruleChance(0.5) {
      let isPrivate = ruleChance(units[u].kind == .shared ? 0.7 : 0.25)
      units[u].legalForm = isPrivate ? .private : units[u].kind == .shared ? .publicBody : .own
      used.insert("legal form")
      if isPrivate { used.insert("private provider") }
    }
    for t in tasks.indices {
      if ruleChance(0.3) {
        tasks[t].confidential = true
        used.insert("confidential")
      }
    }
    // One task kept apart from the other family (a separation joins the two families in one block
    // of the decomposition, so it stays in fewer than half of the two-family scenarios).
    if families.count == 2, ruleChance(0.45) {
      let t = Int.random(in: 0..<tasks.count, using: &rules)
      tasks[t].separateFrom = families.map(\.id).filter { $0 != tasks[t].family }
      used.insert("separation")
    }
    if policy.retained != nil, ruleChance(0.6) {
      let f = Int.random(in: 0..<families.count, using: &rules)
      families[f].retainedRole = true
      used.insert("retained role")
    }
  }
}
