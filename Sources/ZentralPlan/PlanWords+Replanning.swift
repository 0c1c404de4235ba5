/// Sentences about re-planning, close calls and funding, in German or English.
extension PlanWords {
  /// "bereits umgesetzt (2025); die einmaligen Kosten sind bereits angefallen" / "already done
  /// (2025); its one-off costs are sunk".
  func doneText(_ reason: TaskReason) -> String {
    let year = reason.year.map { " (\($0))" } ?? ""
    return pick(
      "bereits umgesetzt\(year); die einmaligen Kosten sind bereits angefallen",
      "already done\(year); its one-off costs are sunk")
  }

  /// The close-call mark of a reason with its alternative, or nothing.
  func closeCallText(_ close: CloseCall?) -> String {
    guard let close else { return "" }
    return pick(
      " – knapp (unter der Schwelle von \(format.money(close.threshold))): die Alternative wäre "
        + alternative(close),
      " – close call (below the threshold of \(format.money(close.threshold))): the alternative would be "
        + alternative(close))
  }

  /// What the other decision of a close call would be: "der Verbleib" / "staying", "der Wechsel
  /// 2026 an das IT-Referat" / "moving to IT-Referat in 2026".
  public func alternative(_ close: CloseCall) -> String {
    guard close.alternative != .stay else { return pick("der Verbleib", "staying") }
    guard let provider = close.provider, let year = close.year else {
      return pick("ein vollständiger Wechsel", "moving it in full")
    }
    return pick("der Wechsel \(year) \(toUnit(provider))", "moving \(toUnit(provider)) in \(year)")
  }

  /// "knapp" / "close call": the mark of a close call in tables.
  public var closeCallMark: String { pick("knapp", "close call") }

  /// "bereits umgesetzt" / "already done".
  public var doneMark: String { pick("bereits umgesetzt", "already done") }

  /// One funding programme: "50 % der Stabsstelle Digitalisierung bis 2024" / "50 % of
  /// Stabsstelle Digitalisierung until 2024".
  public func programme(_ programme: Plan.FundingSummary.Programme) -> String {
    let share = format.percent(programme.share, decimals: 0)
    let what = programme.task.map(task) ?? programme.unit.map(unit) ?? ""
    return pick("\(share) von \(what) bis \(programme.until)", "\(share) of \(what) until \(programme.until)")
  }

  /// The funding line of a summary: "Förderung: 50 % von … bis 2024; gefördert im Plan 210.000 €
  /// (Barwert 205.000 €), Kosten netto nach Förderung".
  public func funding(_ funding: Plan.FundingSummary) -> String {
    let programmes = funding.programmes.map(programme).joined(separator: "; ")
    return pick(
      "Förderung: \(programmes); gefördert im Plan \(format.money(funding.total)) "
        + "(Barwert \(format.money(funding.totalNPV))), im Status quo \(format.money(funding.baselineTotal)); "
        + "alle Kosten und Barwerte netto nach Förderung",
      "Funding: \(programmes); funded in the plan \(format.money(funding.total)) "
        + "(NPV \(format.money(funding.totalNPV))), in the status quo \(format.money(funding.baselineTotal)); "
        + "every cost and NPV is net of funding")
  }
}
