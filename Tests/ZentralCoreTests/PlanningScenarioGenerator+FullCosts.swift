import ZentralPlan

@testable import ZentralCore

extension PlanningScenarioGenerator {
  private mutating func fullCostChance(_ p: Double) -> Bool {
    Double.random(in: 0..<1, using: &fullCostRandom) < p
  }

  private mutating func fullCostAmount(_ range: ClosedRange<Double>, step: Double) -> Double {
    let steps = Int(((range.upperBound - range.lowerBound) / step).rounded())
    return range.lowerBound + Double(Int.random(in: 0...steps, using: &fullCostRandom)) * step
  }

  /// Adds the full-cost elements at random, drawn from ``fullCostRandom``: non-staff costs of
  /// tasks, the centres' non-staff factors, providers' non-staff figures, VAT on the shared
  /// provider, parallel running and (with a discount rate) a perpetuity.
  mutating func addFullCosts(to scenario: inout Scenario, used: inout Set<String>) {
    for t in scenario.tasks.indices where fullCostChance(0.35) {
      scenario.tasks[t].nonStaffCost = fullCostAmount(2_000...60_000, step: 2_000)
      used.insert("non-staff cost")
      for p in scenario.tasks[t].at.keys.sorted() where fullCostChance(0.3) {
        scenario.tasks[t].at[p]?.nonStaffCost = fullCostAmount(0...50_000, step: 5_000)
        used.insert("offer non-staff cost")
      }
    }
    for f in scenario.families.indices {
      if fullCostChance(0.35) {
        scenario.families[f].centre.nonStaffFactor = fullCostAmount(0.2...1.6, step: 0.1)
        used.insert("non-staff factor")
      }
      for p in scenario.families[f].providers where fullCostChance(0.15) {
        var local = scenario.families[f].centres[p] ?? ProviderCentre()
        local.nonStaffFactor = fullCostAmount(0...1.2, step: 0.1)
        scenario.families[f].centres[p] = local
        used.insert("non-staff factor")
      }
    }
    for u in scenario.units.indices where scenario.units[u].kind == .shared && fullCostChance(0.35) {
      scenario.units[u].vatRate = fullCostChance(0.7) ? 0.19 : 0.07
      used.insert("VAT")
    }
    if fullCostChance(0.25) {
      scenario.policy.parallelRunningMonths = fullCostAmount(1...12, step: 1)
      used.insert("parallel running")
    }
    if scenario.discountRate > 0 && fullCostChance(0.4) {
      scenario.horizon.terminalValue = .perpetuity
      used.insert("terminal value")
    }
  }
}
