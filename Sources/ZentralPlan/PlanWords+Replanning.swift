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

extension PlanWords {
  /// One close call for lists: "Virenschutz: Verbleib – Alternative: der Wechsel 2027 an das
  /// IT-Referat; sie kostet nur 500 € mehr (Schwelle 1.000 €)"; a flip of 0 € reads "sie kostet
  /// gleich viel (Gleichstand)" / "it costs the same (a tie)".
  public func closeCallLine(_ task: Plan.TaskDecision) -> String? {
    guard let close = task.reason.closeCall, let flip = task.reason.flip else { return nil }
    let cost =
      abs(flip.total) < 0.5
      ? pick("sie kostet gleich viel (Gleichstand)", "it costs the same (a tie)")
      : flip.total > 0
        ? pick(
          "sie kostet nur \(format.money(flip.total)) mehr", "it costs only \(format.money(flip.total)) more")
        : pick(
          "sie wäre sogar \(format.money(-flip.total)) günstiger (innerhalb der Lücke)",
          "it would even save \(format.money(-flip.total)) (within the gap)")
    return pick(
      "\(self.task(task.id)): \(decision(of: task)) – Alternative: \(alternative(close)); \(cost) "
        + "(Schwelle \(format.money(close.threshold)))",
      "\(self.task(task.id)): \(decision(of: task)) – alternative: \(alternative(close)); \(cost) "
        + "(threshold \(format.money(close.threshold)))")
  }

  /// The summary's lines about funding, decisions already carried out and close calls (none when
  /// the plan has none of them).
  public func replanningLines(_ plan: Plan) -> [String] {
    var lines: [String] = []
    if let funding = plan.funding { lines.append(self.funding(funding)) }
    let done = plan.tasks.filter { $0.reason.rule == .done }
    if !done.isEmpty {
      lines.append(
        pick(
          "bereits umgesetzt (feststehend, einmalige Kosten nicht erneut gezählt):",
          "already done (fixed, one-off costs not counted again):"))
      for task in done { lines.append("  - \(self.task(task.id)): \(decision(of: task))") }
    }
    let close = plan.tasks.compactMap(closeCallLine)
    if !close.isEmpty {
      lines.append(pick("knapp entschieden:", "close calls:"))
      for line in close { lines.append("  - " + line) }
    }
    return lines
  }
}
