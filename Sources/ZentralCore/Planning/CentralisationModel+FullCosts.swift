import ZentralSolver

/// The full-cost terms of the model (docs/model.md, "Costs and objective"): non-staff costs at
/// providers, parallel running, VAT and the terminal value. Expressions only: no variables, no rows.
extension CentralisationModel {
  /// Non-staff cost of the moved tasks at their providers in wave `k`, EUR/year:
  /// `sum over moves with wave <= k of nonStaff(t,p) * x(t,p,wave)`. The home side's non-staff cost
  /// is part of the home cost, saved by the share moved.
  func nonStaffAtProviders(by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for (t, task) in scenario.tasks.enumerated() {
      // Most tasks of a large city have no non-staff cost at all: skip them without a lookup.
      guard task.nonStaffCost != 0 || task.at.values.contains(where: { $0.nonStaffCost != nil }) else {
        continue
      }
      for move in moves[t] where move.wave <= k {
        let cost = facts.nonStaffCost(t, at: move.provider)
        if cost != 0 { expression.add(cost, move.variable) }
      }
    }
    return expression
  }

  /// Parallel running in wave `k`, EUR: the home cost (staff and non-staff) of every share moved in
  /// that wave goes on for `parallel_running_months / 12` of the year besides its new cost.
  func parallelRunning(wave k: Int) -> LinearExpression {
    var expression = LinearExpression()
    let share = facts.parallelShare
    guard share > 0 else { return expression }
    for t in scenario.tasks.indices {
      let home = facts.homeCost(t)
      guard home != 0 else { continue }
      for move in moves[t] where move.wave == k { expression.add(share * home, move.variable) }
    }
    return expression
  }

  /// VAT contained in the annual cost of wave `k`, EUR/year: the VAT share `v/(1+v)` of each
  /// shared provider's price per effective FTE and of its quotes.
  func vat(by k: Int) -> LinearExpression {
    var expression = LinearExpression()
    for (c, centre) in facts.centres.enumerated() {
      let share = facts.vatShare(centre.key.provider)
      if share != 0 && centre.rate != 0 { expression.add(share * centre.rate, effective[c][k]) }
    }
    for t in scenario.tasks.indices {
      for move in moves[t] where move.wave <= k {
        let share = facts.vatShare(move.provider)
        if share != 0, let quote = facts.quote(t, at: move.provider) {
          expression.add(share * quote, move.variable)
        }
      }
    }
    return expression
  }

  /// The terminal value of the plan, EUR: the running cost of the last wave valued as a perpetuity
  /// (``ScenarioFacts/terminalFactor``); empty without a terminal value.
  var terminalValue: LinearExpression {
    let factor = facts.terminalFactor
    guard factor != 0, let last = annual.last else { return LinearExpression() }
    // Funding programmes end: the perpetuity after the horizon carries the last year's cost
    // without funding (CentralisationModel+Replanning.swift).
    return factor * (last + (funded.last ?? LinearExpression()))
  }
}
