import ZentralPlan
import ZentralSolver

/// The plan's entries for re-planning and funding: the reasons of tasks fixed by a decision
/// already carried out, by a must-move year or a deadline, and the funding summary.
extension PlanBuilder {
  /// The rule that decides a movable task `t` regardless of money, if any: a decision already
  /// carried out first, then must-move (with its year), then the earliest deadline (its family's
  /// or its own).
  func replanningReason(_ t: Int) -> TaskReason? {
    let task = scenario.tasks[t]
    let replanning = facts.replanning
    if let done = replanning.done[t] { return .init(rule: .done, year: done.year) }
    if scenario.policy.mustMove.contains(task.id) {
      return .init(rule: .mustMove, year: replanning.mustMoveYear[t])
    }
    let family = facts.hasDeadline(t) ? facts.deadlineYear[task.family] : nil
    let own = replanning.taskDeadlineYear[t]
    if let own, own < family ?? .max {
      var reason = TaskReason(rule: .deadline, year: own)
      reason.own = true
      return reason
    }
    if let family { return .init(rule: .deadline, year: family) }
    return nil
  }

  /// The funding summary of a solution; `nil` when the scenario has no funding.
  func fundingSummary(result: SolveResult) -> Plan.FundingSummary? {
    guard !scenario.funding.isEmpty else { return nil }
    let programmes = scenario.funding.map { funding -> Plan.FundingSummary.Programme in
      switch funding.target {
      case .task(let id): .init(task: id, unit: nil, share: funding.share, until: funding.until)
      case .unit(let id): .init(task: nil, unit: id, share: funding.share, until: funding.until)
      }
    }
    var years: [Plan.FundingSummary.Year] = []
    var total = 0.0
    var totalNPV = 0.0
    var baselineTotal = 0.0
    for (k, year) in facts.years.enumerated() {
      let planned = result.value(of: model.funded[k])
      let baseline = facts.baselineFunded(wave: k)
      years.append(.init(year: year, plan: PlanText.clean(planned), baseline: PlanText.clean(baseline)))
      total += planned
      totalNPV += facts.discount[k] * planned
      baselineTotal += baseline
    }
    return .init(
      programmes: programmes, years: years, total: PlanText.clean(total), totalNPV: PlanText.clean(totalNPV),
      baselineTotal: PlanText.clean(baselineTotal))
  }
}
