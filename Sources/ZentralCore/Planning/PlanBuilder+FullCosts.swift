import ZentralPlan
import ZentralSolver

extension PlanBuilder {
  /// Adds the full-cost figures to a plan with a solution: parallel running and VAT per wave and
  /// in total (only when the scenario uses them, so that other plans stay as they were), the
  /// terminal values and the static payback in years.
  func addFullCosts(to plan: inout Plan, result: SolveResult) {
    let usesParallel = facts.parallelShare > 0
    let usesVAT = scenario.units.contains { ScenarioFacts.vatRate(of: $0) > 0 }
    var parallelTotal = 0.0
    for k in plan.waves.indices where k < model.waves {
      let parallel = result.value(of: model.parallelRunning(wave: k))
      parallelTotal += parallel
      if usesParallel { plan.waves[k].parallelRunningCost = PlanText.clean(parallel) }
      if usesVAT { plan.waves[k].vat = PlanText.clean(result.value(of: model.vat(by: k))) }
    }
    guard var totals = plan.totals else { return }
    if facts.terminalFactor != 0 {
      totals.terminalValue = PlanText.clean(result.value(of: model.terminalValue))
      totals.baselineTerminalValue = PlanText.clean(facts.terminalFactor * facts.baselineAnnual)
    }
    if usesParallel { totals.parallelRunningCost = PlanText.clean(parallelTotal) }
    if usesVAT {
      totals.baselineVAT = PlanText.clean(facts.baselineVAT)
      totals.steadyStateVAT = plan.waves.last?.vat
    }
    let saving = totals.annualSavings
    let oneOff = totals.oneTimeCost + parallelTotal
    totals.staticPaybackYears =
      saving > 1e-9 * max(1, facts.baselineAnnual) ? PlanText.clean(max(oneOff, 0) / saving) : nil
    plan.totals = totals
  }
}
