public import ZentralCore
public import ZentralPlan

/// Derives a small scenario (2-5 tasks, 1-2 providers, 1-2 families, 1-3 waves) from fuzz bytes,
/// with every element of the model within reach: scale curves, existing centres, quotes,
/// divisible tasks, budgets, change capacity, pilots, deadlines, together groups, must-move and
/// must-stay, savings targets, retained organisation and disruption weight; and posts,
/// confidential tasks, separation of duties, providers' legal forms, the smallest part that
/// moves, no layoffs and funding programmes.
///
/// Amounts are realistic (the ranges of the planning property tests) except when the first
/// byte asks for wide magnitudes: then money and FTE are drawn over many orders of magnitude too,
/// and set-up costs above the budget become likely (issue 17's false "infeasible").
public enum ScenarioSketch {
  /// The scenario the bytes describe (not yet validated: load it through ``ScenarioLoader``).
  public static func scenario(from input: inout FuzzInput) -> Scenario {
    let wide = input.chance(0.15)
    func money(_ range: ClosedRange<Double>, step: Double) -> Double {
      let base = input.amount(range, step: step)
      guard wide, input.chance(0.4) else { return base }
      return base * input.pick([1e-3, 0.01, 10, 100, 1_000, 1e6])
    }
    func fte(_ range: ClosedRange<Double>, step: Double) -> Double {
      let base = input.amount(range, step: step)
      guard wide, input.chance(0.4) else { return base }
      return base * input.pick([1e-4, 0.01, 0.1, 10, 50])
    }

    let years = input.int(in: 1...3)
    let discount = input.chance(0.4) ? input.amount(0.01...0.1, step: 0.01) : 0
    var providerIDs = ["it", "kdn"]
    if input.chance(0.45) { providerIDs = [input.pick(providerIDs)] }
    let homes = ["a", "a1", "b"]
    var units = [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(
        id: "a", name: "A", kind: .department, parent: "city",
        costPerFTE: money(60_000...100_000, step: 5_000)),
      OrgUnit(
        id: "a1", name: "A1", kind: .department, parent: "a", costPerFTE: money(60_000...100_000, step: 5_000)
      ),
      OrgUnit(
        id: "b", name: "B", kind: .department, parent: "city",
        costPerFTE: money(60_000...100_000, step: 5_000)),
    ]
    for id in providerIDs {
      var capacity: YearValues?
      if input.chance(0.3) {
        capacity =
          input.chance(0.5)
          ? YearValues(constant: fte(1...6, step: 0.5))
          : YearValues(byYear: [2025: fte(0.5...4, step: 0.5), 2026: fte(2...7, step: 0.5)])
      }
      let central = id == "it"
      units.append(
        OrgUnit(
          id: id, name: id.uppercased(), kind: central ? .central : .shared, parent: central ? "city" : nil,
          costPerFTE: money(45_000...95_000, step: 5_000),
          pricePerFTE: central ? nil : money(40_000...95_000, step: 5_000), capacityFTE: capacity))
    }

    var families: [TaskFamily] = []
    for f in 0..<(input.chance(0.5) ? 2 : 1) {
      var providers = providerIDs.filter { _ in input.chance(0.8) }
      if providers.isEmpty && input.chance(0.6) { providers = [input.pick(providerIDs)] }
      var centre = CentreTerms()
      if input.chance(0.4) { centre.setupCost = money(5_000...60_000, step: 5_000) }
      if input.chance(0.4) { centre.annualOverhead = money(5_000...40_000, step: 5_000) }
      if input.chance(0.3) { centre.minFTE = fte(0.5...3, step: 0.5) }
      var scale: [ScalePoint] = []
      if input.chance(0.5) {
        scale = [ScalePoint(pooled: 0, effective: 0)]
        var slope = input.amount(0.6...1, step: 0.05)
        var x = 0.0
        var y = 0.0
        for _ in 0..<input.int(in: 1...3) {
          let length = input.amount(0.5...3, step: 0.5)
          x += length
          y += slope * length
          scale.append(ScalePoint(pooled: x, effective: y))
          slope *= input.amount(0.4...1, step: 0.1)
        }
      }
      var centres: [String: ProviderCentre] = [:]
      for p in providers where input.chance(0.25) {
        var local = ProviderCentre()
        if input.chance(0.5) { local.setupCost = money(0...40_000, step: 5_000) }
        if input.chance(0.5) { local.minFTE = fte(0...2, step: 0.5) }
        if input.chance(0.3) {
          local.scale = [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 2, effective: 1.6)]
        }
        if input.chance(0.5) {
          local.existingFTE = fte(0.5...3, step: 0.5)
          local.isOpen = true
        }
        centres[p] = local
      }
      families.append(
        TaskFamily(
          id: "f\(f + 1)", name: "Family \(f + 1)", providers: providers, centre: centre, centres: centres,
          scale: scale, transitionCostPerFTE: money(0...20_000, step: 2_500)))
    }

    var tasks: [ITTask] = []
    for t in 0..<input.int(in: 2...5) {
      let family = input.pick(families)
      var task = ITTask(
        id: "t\(t + 1)", name: "Task \(t + 1)", family: family.id, unit: input.pick(homes),
        fte: fte(0.5...3, step: 0.5))
      if input.chance(0.1) { task.dedicated = true }
      if input.chance(0.3) { task.divisible = true }
      if input.chance(0.3) { task.concern = money(1_000...30_000, step: 1_000) }
      if input.chance(0.15) { task.transitionCost = money(0...40_000, step: 5_000) }
      if family.providers.count > 1 && input.chance(0.3) { task.providers = [input.pick(family.providers)] }
      for p in task.providers ?? family.providers where input.chance(0.3) {
        var offer = ProviderOffer()
        if input.chance(0.5) { offer.fte = task.fte * input.amount(0.5...1.2, step: 0.1) }
        if input.chance(0.5) { offer.annualCost = task.fte * money(40_000...110_000, step: 5_000) }
        if input.chance(0.3) { offer.transitionCost = money(0...30_000, step: 5_000) }
        task.at[p] = offer
      }
      tasks.append(task)
    }

    var policy = Policy()
    let ids = tasks.map(\.id)
    if input.chance(0.2) {
      policy.retained = RetainedOrganisation(
        minShare: input.amount(0...0.6, step: 0.01), minFTE: fte(0...2, step: 0.5))
    }
    if input.chance(0.25) {
      policy.budget =
        input.chance(0.5)
        ? YearValues(constant: money(10_000...80_000, step: 5_000))
        : YearValues(byYear: [
          2025: money(0...40_000, step: 5_000), 2026: money(20_000...90_000, step: 5_000),
        ])
    }
    if input.chance(0.2) { policy.maxMovedFTEPerWave = YearValues(constant: fte(0.5...4, step: 0.5)) }
    if input.chance(0.2) { policy.pilots = [Pilot(family: input.pick(families).id, unit: input.pick(homes))] }
    if input.chance(0.15) {
      policy.deadlines = [
        Deadline(family: input.pick(families).id, year: 2025 + input.int(in: 0...years - 1))
      ]
    }
    if input.chance(0.2) {
      let first = input.pick(ids)
      policy.together = [[first, input.pick(ids.filter { $0 != first })]]
    }
    if input.chance(0.2) { policy.mustMove = [input.pick(ids)] }
    if input.chance(0.15) { policy.mustStay = [input.pick(ids)] }
    if input.chance(0.25) {
      var target = SavingsTarget()
      if input.chance(0.6) { target.annualCost = money(0...30_000, step: 2_500) }
      if target.annualCost == nil || input.chance(0.4) { target.fte = input.amount(0...1.5, step: 0.25) }
      policy.savingsTarget = target
    }
    let disruption = input.chance(0.2) ? money(1_000...10_000, step: 1_000) : 0
    var scenario = Scenario(
      name: "fuzz", language: input.chance(0.5) ? .de : .en, horizon: Horizon(start: 2025, years: years),
      discountRate: discount, units: units, families: families, tasks: tasks, policy: policy,
      objective: Objective(disruptionWeight: disruption))
    // Drawn after everything above, so that older inputs still describe the same core scenario.
    addStaffAndFunding(to: &scenario, from: &input, years: years)
    return scenario
  }

  /// Posts, confidential data, separation of duties, legal forms, the smallest part that moves,
  /// no layoffs and funding programmes.
  private static func addStaffAndFunding(to scenario: inout Scenario, from input: inout FuzzInput, years: Int)
  {
    let familyIDs = scenario.families.map(\.id)
    for i in scenario.tasks.indices {
      if input.chance(0.3) {
        let least = max(1, Int(scenario.tasks[i].fte.rounded(.up)))
        scenario.tasks[i].posts = input.int(in: least...least + 2)
      }
      if input.chance(0.15) { scenario.tasks[i].confidential = true }
      if input.chance(0.1) { scenario.tasks[i].separateFrom = [input.pick(familyIDs)] }
    }
    for i in scenario.units.indices where scenario.units[i].isProvider && input.chance(0.3) {
      scenario.units[i].legalForm = input.pick([LegalForm.own, .publicBody, .private])
    }
    if input.chance(0.3) { scenario.policy.minMoveFTE = input.amount(0...1.5, step: 0.25) }
    if input.chance(0.2) {
      scenario.policy.noLayoffs = NoLayoffs(attritionRate: input.amount(0...0.2, step: 0.02))
    }
    if input.chance(0.2) {
      let target: Funding.Target =
        input.chance(0.6)
        ? .task(input.pick(scenario.tasks.map(\.id))) : .unit(input.pick(scenario.units.map(\.id)))
      scenario.funding = [
        Funding(
          target: target, share: input.amount(0.1...1, step: 0.1), until: 2025 + input.int(in: 0...years))
      ]
    }
  }
}
