import ZentralPlan
import ZentralSolver

/// Finds a small set of rules that cannot all hold (deletion filtering over rule groups) and
/// states each with its numbers (``Conflict``), for ``PlanWords`` to word.
///
/// Each check solves a copy of the model without objective (the first feasible plan ends the
/// search). First whole kinds of rules are dropped where the rest stays infeasible, then single
/// rules; what remains is irreducible: dropping any one of its rules makes a plan possible.
struct InfeasibilityDiagnosis {
  let facts: ScenarioFacts
  let options: SolveOptions
  /// Applied to every model checked (e.g. a task forced the other way for a flip).
  let modify: @Sendable (CentralisationModel) throws(ModelError) -> LinearModel
  /// When the time limit of `options` is up, counted from the diagnosis's creation: every check
  /// gets what is left, and none starts after it.
  let deadline: ContinuousClock.Instant?

  init(
    facts: ScenarioFacts, options: SolveOptions,
    modify: @escaping @Sendable (CentralisationModel) throws(ModelError) -> LinearModel = { $0.model }
  ) {
    self.facts = facts
    self.options = options
    self.modify = modify
    deadline = options.timeLimit.map { ContinuousClock.now + .seconds($0) }
  }

  /// The conflicting rule groups, in model order; `nil` if the model is not infeasible, `[]` if it
  /// is infeasible even without any rule.
  func conflict() throws(PlanningError) -> [RuleGroup]? {
    let all = try PlanningError.wrap { try CentralisationModel(facts: facts, feasibilityOnly: true).groups }
    guard try isInfeasible(relaxing: []) else { return nil }
    var relaxed: Set<RuleGroup> = []
    var kinds: [String] = []
    for group in all where !kinds.contains(group.kind) { kinds.append(group.kind) }
    for kind in kinds {
      let trial = relaxed.union(all.filter { $0.kind == kind })
      if try isInfeasible(relaxing: trial) { relaxed = trial }
    }
    for group in all where !relaxed.contains(group) {
      let trial = relaxed.union([group])
      if try isInfeasible(relaxing: trial) { relaxed = trial }
    }
    return all.filter { !relaxed.contains($0) }
  }

  /// A plan that satisfies every rule (the first one the solver finds, by variable index), or
  /// `nil` if the search finds none.
  func witness() -> [Double]? {
    guard let options = optionsLeft(),
      let built = try? CentralisationModel(facts: facts, feasibilityOnly: true),
      let model = try? modify(built), let result = try? Solver.solve(model, options: options),
      result.hasSolution, model.isFeasible(result.values)
    else { return nil }
    return result.values
  }

  /// The options with the time left, or `nil` when the time is up.
  private func optionsLeft() -> SolveOptions? {
    guard let deadline else { return options }
    let left = deadline - ContinuousClock.now
    guard left > .zero else { return nil }
    var options = options
    options.timeLimit = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    return options
  }

  /// `false` when the time is up: a check not made keeps its rules in the conflict (which is then
  /// still a conflict, not necessarily an irreducible one).
  private func isInfeasible(relaxing relaxed: Set<RuleGroup>) throws(PlanningError) -> Bool {
    guard let options = optionsLeft() else { return false }
    return try PlanningError.wrap {
      let built = try CentralisationModel(facts: facts, relaxing: relaxed, feasibilityOnly: true)
      let result = try Solver.solve(try modify(built), options: options)
      return !result.hasSolution && [.infeasible, .infeasibleOrUnbounded].contains(result.termination)
    }
  }

  // MARK: Plan entries

  /// The conflict as a plan's diagnosis.
  func diagnosis(_ groups: [RuleGroup]) -> Plan.Diagnosis {
    let conflicts = groups.map(conflict)
    var named: [String] = []
    for conflict in conflicts {
      for id in (conflict.task.map { [$0] } ?? []) + (conflict.tasks ?? []) where !named.contains(id) {
        named.append(id)
      }
    }
    let tasks = named.compactMap { id in
      facts.taskIndex[id].map { Plan.TaskName(id: id, name: facts.scenario.tasks[$0].name) }
    }
    return .init(conflicts: conflicts, shortfall: shortfall(groups), tasks: tasks)
  }

  /// One rule with its numbers.
  func conflict(_ group: RuleGroup) -> Conflict {
    let scenario = facts.scenario
    switch group {
    case .capacity(let p, let year):
      let limit = facts.units[p]?.capacityFTE?.value(in: year) ?? 0
      return .init(rule: .capacity, provider: p, year: year, limit: PlanText.clean(limit))
    case .budget(let year):
      let limit = scenario.policy.budget?.value(in: year) ?? 0
      return .init(rule: .budget, year: year, limit: PlanText.clean(limit))
    case .changeCapacity(let year):
      let limit = scenario.policy.maxMovedFTEPerWave?.value(in: year) ?? 0
      return .init(rule: .changeCapacity, year: year, limit: PlanText.clean(limit))
    case .pilot(let family):
      let units = scenario.policy.pilots.filter { $0.family == family }.map(\.unit)
      return .init(rule: .pilotOrder, family: family, units: units)
    case .deadline(let family):
      let year = facts.deadlineYear[family] ?? 0
      return .init(rule: .deadline, family: family, year: year)
    case .together(let index):
      return .init(rule: .together, tasks: scenario.policy.together[index])
    case .mustMove(let task):
      let year = facts.taskIndex[task].flatMap { facts.replanning.mustMoveYear[$0] }
      return .init(rule: .mustMove, task: task, year: year)
    case .retained(let unit):
      let (total, keep) = facts.retainedFTE(unit: unit) ?? (0, 0)
      return .init(rule: .retained, unit: unit, limit: PlanText.clean(keep), total: PlanText.clean(total))
    case .savingsCost:
      let target = scenario.policy.savingsTarget?.annualCost ?? 0
      return .init(
        rule: .savingsTarget, year: scenario.horizon.end, limit: PlanText.clean(target), measure: .annualCost)
    case .savingsFTE:
      let target = scenario.policy.savingsTarget?.fte ?? 0
      return .init(
        rule: .savingsTarget, year: scenario.horizon.end, limit: PlanText.clean(target), measure: .fte)
    case .criticalMass(let p, let family):
      let minimum = facts.families[family]?.terms(at: p).minFTE ?? 0
      return .init(rule: .criticalMass, provider: p, family: family, limit: PlanText.clean(minimum))
    case .taskDeadline(let task):
      let year = facts.taskIndex[task].flatMap { facts.replanning.taskDeadlineYear[$0] } ?? 0
      return .init(rule: .deadline, task: task, year: year)
    case .done(let task):
      let done = facts.taskIndex[task].flatMap { facts.replanning.done[$0] }
      return .init(rule: .done, provider: done?.provider, task: task, year: done?.year)
    case .confidential(let task):
      let barred = facts.taskIndex[task].map(facts.barredProviders) ?? []
      return .init(rule: .confidential, task: task, units: barred)
    case .separation(let task):
      let families = facts.taskIndex[task].map(facts.separatedFamilies) ?? []
      return .init(rule: .separation, task: task, families: families)
    case .retainedRole(let unit):
      let (total, keep) = facts.retainedFTE(unit: unit) ?? (0, 0)
      let roles = scenario.families.filter(\.retainedRole).map(\.id)
      return .init(
        rule: .retainedRole, unit: unit, limit: PlanText.clean(keep), total: PlanText.clean(total),
        families: roles)
    }
  }

  /// Forced moves against one capacity row ("must-move tasks of IT security need 140 FTE at the
  /// IT-Referat in 2026, capacity there is 120"), when that is the whole conflict.
  private func shortfall(_ groups: [RuleGroup]) -> Plan.Shortfall? {
    var capacity: (String, Int)?
    var forced: [Int] = []
    var mustMove = false
    var deadline = false
    for group in groups {
      switch group {
      case .capacity(let p, let year):
        guard capacity == nil else { return nil }
        capacity = (p, year)
      case .mustMove(let task), .taskDeadline(let task), .done(let task):
        guard let t = facts.taskIndex[task] else { return nil }
        forced.append(t)
        mustMove = true
      case .deadline(let family):
        forced += facts.scenario.tasks.indices.filter {
          facts.scenario.tasks[$0].family == family && facts.fixed[$0] == nil
        }
        deadline = true
      default: return nil
      }
    }
    guard let (p, year) = capacity, !forced.isEmpty else { return nil }
    let tasks = forced.filter { facts.providers[$0].contains(p) }
    var need = 0.0
    for centre in facts.centres where centre.key.provider == p {
      let members = tasks.filter { facts.scenario.tasks[$0].family == centre.key.family }
      var pooled = centre.existingFTE
      for t in members {
        if facts.quote(t, at: p) == nil {
          pooled += facts.workload(t, at: p)
        } else {
          need += facts.workload(t, at: p)
        }
      }
      if !members.isEmpty || centre.isOpen {
        need += max(centre.curve.value(at: pooled), centre.terms.minFTE)
      }
    }
    var families: [String] = []
    for t in forced {
      let family = facts.scenario.tasks[t].family
      if !families.contains(family) { families.append(family) }
    }
    let limit = facts.units[p]?.capacityFTE?.value(in: year) ?? 0
    return .init(
      provider: p, year: year, need: PlanText.clean(need), limit: PlanText.clean(limit), families: families,
      mustMove: mustMove, deadline: deadline)
  }
}
