import ZentralPlan
import ZentralSolver

/// Reads a solution of the centralisation model back into a ``Plan``: decisions, units, centres,
/// waves, totals, and the rule that decides each task (every figure computed here, once).
struct PlanBuilder {
  let model: CentralisationModel
  var facts: ScenarioFacts { model.facts }
  var scenario: Scenario { model.scenario }

  /// The parts every plan has, whatever its status.
  func emptyPlan(status: Plan.Status) -> Plan {
    Plan(
      scenario: scenario.name, language: scenario.language,
      horizon: .init(
        start: scenario.horizon.start, years: scenario.horizon.years,
        terminalValue: scenario.horizon.terminalValue == .none ? nil : scenario.horizon.terminalValue.rawValue
      ),
      discountRate: scenario.discountRate, status: status, baseline: PlanText.clean(baselineNPV),
      org: scenario.units.map {
        .init(id: $0.id, name: $0.name, kind: $0.kind, parent: $0.parent, legalForm: $0.providerLegalForm)
      },
      families: scenario.families.map { .init(id: $0.id, name: $0.name) }, policy: policySummary())
  }

  /// The policy as the report lists it.
  func policySummary() -> Plan.PolicySummary {
    let policy = scenario.policy
    let perYear: (YearValues?) -> [Plan.YearAmount] = { values in
      guard let values else { return [] }
      return facts.years.compactMap { year in values.value(in: year).map { .init(year: year, value: $0) } }
    }
    return .init(
      retainedMinShare: policy.retained?.minShare, retainedMinFTE: policy.retained?.minFTE,
      budget: perYear(policy.budget), maxMovedFTE: perYear(policy.maxMovedFTEPerWave),
      pilots: policy.pilots.map { .init(family: $0.family, unit: $0.unit) },
      deadlines: policy.deadlines.map { .init(family: $0.family, year: $0.year) }, together: policy.together,
      mustMove: policy.mustMove, mustStay: policy.mustStay,
      savingsTargetAnnualCost: policy.savingsTarget?.annualCost, savingsTargetFTE: policy.savingsTarget?.fte,
      disruptionWeight: scenario.objective.disruptionWeight,
      retainedRoles: facts.hasRetainedRoles ? scenario.families.filter(\.retainedRole).map(\.id) : nil)
  }

  /// NPV of the status quo, net of funding, with its terminal value (which carries no funding:
  /// programmes end).
  var baselineNPV: Double {
    facts.discount.indices.reduce(0) { $0 + facts.discount[$1] * facts.baselineAnnualNet(wave: $1) }
      + facts.terminalFactor * facts.baselineAnnual
  }

  /// A plan from a solution.
  func plan(status: Plan.Status, result: SolveResult) -> Plan {
    let value: (LinearExpression) -> Double = { result.value(of: $0) }
    let last = model.waves - 1
    var plan = emptyPlan(status: status)
    let objective = result.objective ?? value(model.npv + model.penalty)
    let npv = value(model.npv)
    plan.objective = PlanText.clean(objective)
    plan.npv = PlanText.clean(npv)
    // A gap only with a bound that was computed (an optimum is its own bound).
    let bound = status == .optimal ? objective : result.bestBound.flatMap { $0.isFinite ? $0 : nil }
    let gap = status == .optimal ? 0 : result.gap.flatMap { $0.isFinite && bound != nil ? $0 : nil }
    plan.gap = gap.map(PlanText.clean)
    plan.bound = gap == nil ? nil : bound.map(PlanText.clean)
    plan.savings = PlanText.clean(baselineNPV - npv)

    let shares = scenario.tasks.indices.map { t in model.moves[t].map { result[$0.variable] } }
    let groups = togetherGroups()
    plan.tasks = scenario.tasks.indices.map { decision($0, shares: shares[$0], together: groups[$0]) }

    // Centres. Tasks by family, looked up once (a scan of every task per centre and year took
    // 4 s on a 48,000-task city with 80 centres).
    let tasksOfFamily = facts.tasksOfFamily
    var effectiveLast: [Double] = []
    var opened: [(c: Int, year: Int, years: [Plan.CentreYear])] = []
    for (c, centre) in facts.centres.enumerated() {
      var years: [Plan.CentreYear] = []
      var openedYear: Int?
      for (k, year) in facts.years.enumerated() {
        let isOpen = result[model.open[c][k]] > 0.5
        if isOpen && openedYear == nil { openedYear = year }
        let pooled = value(model.pooledWorkload(centre: c, by: k))
        var effective = centre.curve.value(at: pooled)
        if isOpen { effective = max(effective, centre.terms.minFTE) }
        var quoted = 0.0
        for t in tasksOfFamily[centre.key.family] ?? [] where facts.quote(t, at: centre.key.provider) != nil {
          quoted +=
            facts.workload(t, at: centre.key.provider)
            * value(model.movedShare(t, to: centre.key.provider, by: k))
        }
        years.append(
          .init(
            year: year, open: isOpen, pooledFTE: PlanText.clean(pooled),
            effectiveFTE: PlanText.clean(effective),
            quotedFTE: PlanText.clean(quoted)))
        if k == last { effectiveLast.append(effective + quoted) }
      }
      if let openedYear { opened.append((c, openedYear, years)) }
    }
    plan.centres = opened.map { c, openedYear, years in
      let centre = facts.centres[c]
      let figures = centreFigures(c, effectiveLast: effectiveLast, result: result)
      return .init(
        provider: centre.key.provider, family: centre.key.family, alreadyOpen: centre.isOpen,
        openedYear: openedYear,
        setupCost: PlanText.clean(centre.isOpen || model.setupIsSunk(c) ? 0 : centre.terms.setupCost),
        years: years, fteBefore: PlanText.clean(figures.fteBefore),
        fteAfter: PlanText.clean(figures.fteAfter),
        annualCostBefore: PlanText.clean(figures.costBefore),
        annualCostAfter: PlanText.clean(figures.costAfter))
    }

    // Waves.
    var cumulative = 0.0
    var paybackIndex: Int?
    for (k, year) in facts.years.enumerated() {
      let transition = value(model.transition[k])
      let setup = value(model.setup[k])
      let annual = value(model.annual[k])
      plan.waves.append(
        .init(
          year: year, movedFTE: PlanText.clean(value(model.movedFTE[k])),
          transitionCost: PlanText.clean(transition),
          setupCost: PlanText.clean(setup), oneTimeCost: PlanText.clean(transition + setup),
          annualCost: PlanText.clean(annual),
          baselineAnnualCost: PlanText.clean(facts.baselineAnnualNet(wave: k)),
          discountFactor: facts.discount[k]))
      let parallel = value(model.parallelRunning(wave: k))
      cumulative +=
        facts.discount[k] * (facts.baselineAnnualNet(wave: k) - annual - transition - setup - parallel)
      if cumulative >= -1e-6 * max(1, facts.baselineAnnual) {
        if paybackIndex == nil { paybackIndex = k }
      } else {
        paybackIndex = nil
      }
    }
    let changes = plan.tasks.contains { $0.share > 0 } || plan.centres.contains { !$0.alreadyOpen }
    plan.paybackYear = changes ? paybackIndex.map { facts.years[$0] } : nil

    plan.units = unitSummaries(shares: shares, effectiveLast: effectiveLast, result: result)

    var concern = 0.0
    var disruption = 0.0
    for (t, task) in scenario.tasks.enumerated() {
      let moved = value(model.movedShare(t, by: last))
      concern += task.concern * moved
      disruption += scenario.objective.disruptionWeight * task.fte * moved
    }
    let steadyAnnual = value(model.annual[last])
    plan.totals = .init(
      baselineNPV: PlanText.clean(baselineNPV), planNPV: PlanText.clean(npv),
      npvSavings: PlanText.clean(baselineNPV - npv),
      baselineAnnualCost: PlanText.clean(facts.baselineAnnualNet(wave: last)),
      steadyStateAnnualCost: PlanText.clean(steadyAnnual),
      annualSavings: PlanText.clean(facts.baselineAnnualNet(wave: last) - steadyAnnual),
      baselineFTE: PlanText.clean(facts.baselineFTE),
      steadyStateFTE: PlanText.clean(
        scenario.tasks.indices.reduce(0) {
          $0 + scenario.tasks[$1].fte * (1 - value(model.movedShare($1, by: last)))
        }
          + effectiveLast.reduce(0, +)),
      oneTimeCost: PlanText.clean(plan.waves.reduce(0) { $0 + $1.oneTimeCost }),
      movedFTE: PlanText.clean(plan.waves.reduce(0) { $0 + $1.movedFTE }),
      concernPenalty: PlanText.clean(concern),
      disruptionPenalty: PlanText.clean(disruption))
    addStaffFigures(to: &plan, result: result)
    addFullCosts(to: &plan, result: result)
    plan.funding = fundingSummary(result: result)
    return plan
  }

  // MARK: Tasks

  private func decision(_ t: Int, shares: [Double], together: [String]?) -> Plan.TaskDecision {
    let task = scenario.tasks[t]
    var parts: [Plan.MovePart] = []
    for (move, share) in zip(model.moves[t], shares) where share > 1e-7 {
      parts.append(.init(provider: move.provider, year: facts.years[move.wave], share: PlanText.clean(share)))
    }
    let share = PlanText.clean(parts.reduce(0) { $0 + $1.share })
    let main = parts.max { $0.share < $1.share }
    let kind: Plan.Decision = share >= 1 - 1e-6 ? .move : share <= 1e-6 ? .stay : .partial
    var reason = fixedReason(t) ?? .init(rule: .notComputed, why: .notRequested, together: together)
    let barred = facts.barredProviders(t)
    if !barred.isEmpty { reason.barred = barred }
    return .init(
      id: task.id, name: task.name, family: task.family, unit: task.unit, fte: PlanText.clean(task.fte),
      decision: kind, provider: main?.provider, year: main?.year, share: share, moves: parts,
      reason: reason)
  }

  /// For each task in a together group of two or more tasks (the first that holds it, as
  /// ``ScenarioFacts/togetherGroupOfTask`` says): the other members, which flip with it.
  func togetherGroups() -> [Int: [String]] {
    facts.togetherGroupOfTask.reduce(into: [:]) { others, entry in
      let (t, g) = entry
      others[t] = scenario.policy.together[g].filter { $0 != scenario.tasks[t].id }
    }
  }

  /// The rule that decides task `t` regardless of money, if any.
  func fixedReason(_ t: Int) -> TaskReason? {
    let task = scenario.tasks[t]
    switch facts.fixed[t] {
    case .dedicated: return .init(rule: .dedicated, note: task.reason)
    case .notEligible: return .init(rule: .notEligible)
    case .mustStay: return .init(rule: .mustStay)
    case nil:
      return replanningReason(t)
    }
  }

  // MARK: Units

  private func unitSummaries(
    shares: [[Double]], effectiveLast: [Double], result: SolveResult
  ) -> [Plan.UnitSummary] {
    let last = model.waves - 1
    var summaries: [Plan.UnitSummary] = []
    for unit in scenario.units {
      var fteBefore = 0.0
      var fteAfter = 0.0
      var costBefore = 0.0
      var costAfter = 0.0
      var relevant = false
      for t in facts.tasksOfUnit[unit.id] ?? [] {
        let task = scenario.tasks[t]
        relevant = true
        let kept = 1 - result.value(of: model.movedShare(t, by: last))
        fteBefore += task.fte
        fteAfter += task.fte * kept
        costBefore += facts.homeCost(t)
        costAfter += facts.homeCost(t) * kept
      }
      for c in facts.centresOfProvider[unit.id] ?? [] {
        relevant = true
        let figures = centreFigures(c, effectiveLast: effectiveLast, result: result)
        fteBefore += figures.fteBefore
        costBefore += figures.costBefore
        fteAfter += figures.fteAfter
        costAfter += figures.costAfter
      }
      guard relevant else { continue }
      summaries.append(
        .init(
          id: unit.id, name: unit.name, kind: unit.kind, fteBefore: PlanText.clean(fteBefore),
          fteAfter: PlanText.clean(fteAfter), annualCostBefore: PlanText.clean(costBefore),
          annualCostAfter: PlanText.clean(costAfter)))
    }
    return summaries
  }

  /// Effective FTE and annual cost of centre `c` today and in the last year of the plan.
  private func centreFigures(
    _ c: Int, effectiveLast: [Double], result: SolveResult
  ) -> (
    fteBefore: Double, fteAfter: Double, costBefore: Double, costAfter: Double
  ) {
    let last = model.waves - 1
    let centre = facts.centres[c]
    let provider = centre.key.provider
    let isOpen = result[model.open[c][last]] > 0.5
    let costBefore = centre.isOpen ? centre.rate * centre.baselineEffective + centre.terms.annualOverhead : 0
    var quotedCost = 0.0
    var quotedFTE = 0.0
    for t in facts.tasksOfFamily[centre.key.family] ?? [] {
      guard let quote = facts.quote(t, at: provider) else { continue }
      let moved = result.value(of: model.movedShare(t, to: provider, by: last))
      quotedCost += quote * moved
      quotedFTE += facts.workload(t, at: provider) * moved
    }
    let effective = effectiveLast[c] - quotedFTE
    let costAfter = centre.rate * effective + (isOpen ? centre.terms.annualOverhead : 0) + quotedCost
    return (centre.baselineEffective, effectiveLast[c], costBefore, costAfter)
  }
}
