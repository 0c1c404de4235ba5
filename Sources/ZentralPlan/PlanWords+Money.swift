extension PlanWords {
  /// The full-cost figures of a plan as a label (with what the figure means) and a short value,
  /// for the summary and the report's key figures: the static payback, VAT and the annual savings
  /// net of it, parallel running, the terminal values and the penalties (no money, in no NPV).
  /// Figures the plan does not have are left out; the static payback is always there.
  public func moneyFigures(_ totals: Plan.Totals, lastYear: Int) -> [(label: String, value: String)] {
    var figures: [(label: String, value: String)] = []
    // A plan written before the figure existed: the same quotient from its totals.
    let payback =
      totals.staticPaybackYears
      ?? (totals.annualSavings > 0 ? max(totals.oneTimeCost, 0) / totals.annualSavings : nil)
    figures.append(
      (
        pick(
          "Statische Amortisation (Einmalkosten und Parallelbetrieb je jährliche Einsparung)",
          "Static payback (one-time cost and parallel running per annual saving)"),
        payback.map {
          pick(
            "\(format.number($0, decimals: 1, fixed: true)) Jahre",
            "\(format.number($0, decimals: 1, fixed: true)) years")
        } ?? pick("keine (keine jährliche Einsparung)", "none (no annual saving)")
      ))
    if let vat = totals.steadyStateVAT {
      let before = totals.baselineVAT ?? 0
      figures.append(
        (
          pick(
            "Umsatzsteuer im Zielzustand (heute \(format.money(before)))",
            "VAT at steady state (today \(format.money(before)))"),
          format.money(vat) + pick(" pro Jahr", " a year")
        ))
      figures.append(
        (
          pick("Jährliche Einsparung netto (ohne Umsatzsteuer)", "Annual savings net (without VAT)"),
          format.money(totals.annualSavings - before + vat) + pick(" pro Jahr", " a year")
        ))
    }
    if let parallel = totals.parallelRunningCost {
      figures.append(
        (
          pick(
            "Parallelbetrieb (in den Barwerten, nicht im Budget)",
            "Parallel running (in the NPVs, not in the budget)"),
          format.money(parallel)
        ))
    }
    if let terminal = totals.terminalValue, let baseline = totals.baselineTerminalValue {
      figures.append(
        (
          pick(
            "Restwert Status quo nach \(lastYear) (ewige Rente, im Barwert)",
            "Status-quo terminal value after \(lastYear) (perpetuity, in the NPV)"),
          format.money(baseline)
        ))
      figures.append(
        (
          pick(
            "Restwert Plan nach \(lastYear) (ewige Rente, im Barwert)",
            "Plan terminal value after \(lastYear) (perpetuity, in the NPV)"),
          format.money(terminal)
        ))
    }
    let penalty = totals.concernPenalty + totals.disruptionPenalty
    if penalty > 0 {
      figures.append(
        (
          pick(
            "Bedenken und Umstellungsaufwand (kein Geld, nur im Zielwert)",
            "Concerns and disruption (not money, in the objective only)"),
          format.money(penalty)
        ))
    }
    return figures
  }

  /// How far the NPV savings reach: `über 5 Jahre`, or with a terminal value `über 5 Jahre und
  /// danach (ewige Rente)`.
  public func savingsReach(_ plan: Plan) -> String {
    let years = plan.horizon.years
    return plan.horizon.terminalValue == nil
      ? pick(" über \(years) Jahre", " over \(years) years")
      : pick(" über \(years) Jahre und danach (ewige Rente)", " over \(years) years and after (perpetuity)")
  }
}
