extension PlanWords {
  /// The full-cost figures of a plan as label and value, for the summary and the report: the
  /// static payback, VAT (net and gross savings), parallel running, the terminal values and the
  /// penalties (which are no money and in no NPV). Figures the plan does not have are left out;
  /// the static payback is always there.
  public func moneyFigures(_ totals: Plan.Totals, lastYear: Int) -> [(label: String, value: String)] {
    var figures: [(label: String, value: String)] = []
    // A plan written before the figure existed: the same quotient from its totals.
    let payback =
      totals.staticPaybackYears
      ?? (totals.annualSavings > 0 ? max(totals.oneTimeCost, 0) / totals.annualSavings : nil)
    figures.append(
      (
        pick("Statische Amortisation", "Static payback"),
        payback.map {
          pick(
            "\(format.number($0, decimals: 1, fixed: true)) Jahre (Einmalkosten und Parallelbetrieb je jährliche Einsparung)",
            "\(format.number($0, decimals: 1, fixed: true)) years (one-time cost and parallel running per annual saving)"
          )
        } ?? pick("keine (keine jährliche Einsparung)", "none (no annual saving)")
      ))
    if let vat = totals.steadyStateVAT {
      let before = totals.baselineVAT ?? 0
      let net = totals.annualSavings - before + vat
      figures.append(
        (
          pick("Umsatzsteuer im Zielzustand", "VAT at steady state"),
          pick(
            "\(format.money(vat)) pro Jahr (heute \(format.money(before))); jährliche Einsparung brutto "
              + "\(format.money(totals.annualSavings)), netto \(format.money(net))",
            "\(format.money(vat)) a year (today \(format.money(before))); annual savings gross "
              + "\(format.money(totals.annualSavings)), net \(format.money(net))")
        ))
    }
    if let parallel = totals.parallelRunningCost {
      figures.append(
        (
          pick("Parallelbetrieb", "Parallel running"),
          pick(
            "\(format.money(parallel)) (in den Barwerten, nicht im Budget je Welle)",
            "\(format.money(parallel)) (in the NPVs, not in the budget per wave)")
        ))
    }
    if let terminal = totals.terminalValue, let baseline = totals.baselineTerminalValue {
      figures.append(
        (
          pick("Restwert nach \(lastYear) (ewige Rente)", "Terminal value after \(lastYear) (perpetuity)"),
          pick(
            "Plan \(format.money(terminal)), Status quo \(format.money(baseline)) (in den Barwerten enthalten)",
            "plan \(format.money(terminal)), status quo \(format.money(baseline)) (contained in the NPVs)")
        ))
    }
    let penalty = totals.concernPenalty + totals.disruptionPenalty
    if penalty > 0 {
      figures.append(
        (
          pick("Bedenken und Umstellungsaufwand (kein Geld)", "Concerns and disruption (not money)"),
          pick(
            "\(format.money(penalty)) (nur im Zielwert, in keinem Barwert)",
            "\(format.money(penalty)) (in the objective only, in no NPV)")
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
