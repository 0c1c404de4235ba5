import ZentralPlan

/// The report's parts about funding, decisions already carried out and close calls.
extension ReportModel {
  /// Key figures of the funding (none without funding).
  var fundingFigures: [(label: String, value: String)] {
    guard let funding = plan.funding else { return [] }
    return [
      (words.pick("Förderung im Plan (gesamt)", "Funding in the plan (total)"), format.money(funding.total))
    ]
  }

  /// Under the costs per wave when the plan has funding: the running costs are net of it.
  var netOfFunding: String? {
    guard plan.funding != nil else { return nil }
    return words.pick(
      "Laufende Kosten netto nach Förderung (was die Stadt trägt); die Förderung steht unter „Förderung“.",
      "Running costs net of funding (what the city pays); the funding is shown under “Funding”.")
  }

  /// The funding section's sentence: the programmes, and that every cost is net of funding.
  var fundingText: String? { plan.funding.map(sentences.funding) }

  /// Funded amount per year in the plan and in the status quo, with the total.
  var fundingTable: Table? {
    guard let funding = plan.funding else { return nil }
    let headers = [
      words.pick("Jahr", "Year"), words.pick("Förderung Plan", "Funding, plan"),
      words.pick("Förderung Status quo", "Funding, status quo"),
    ]
    let rows = funding.years.map { year in
      [
        Cell(text: String(year.year)), Cell(text: format.money(year.plan), numeric: true),
        Cell(text: format.money(year.baseline), numeric: true),
      ]
    }
    let footer = [
      Cell(text: words.pick("Summe", "Total")), Cell(text: format.money(funding.total), numeric: true),
      Cell(text: format.money(funding.baselineTotal), numeric: true),
    ]
    return Table(headers: headers, numeric: [1, 2], rows: rows, footer: footer)
  }

  /// The assumptions of re-planning and funding, from the tasks' reasons and the funding: the
  /// decisions already carried out, the per-task years, the funding programmes.
  var replanningAssumptions: [(label: String, value: String)] {
    var items: [(label: String, value: String)] = []
    let done = plan.tasks.filter { $0.reason.rule == .done }
    if !done.isEmpty {
      items.append(
        (
          words.pick("Bereits umgesetzt", "Already done"),
          done.map { "\(index.name($0)) (\(sentences.decision(of: $0)))" }.joined(separator: "; ")
        ))
    }
    let years = plan.tasks.filter { task in
      task.reason.year != nil && (task.reason.rule == .mustMove || task.reason.own == true)
    }
    if !years.isEmpty {
      items.append(
        (
          words.pick("Wechsel bis", "Move by"),
          years.map { "\(index.name($0)) \(words.pick("bis", "by")) \($0.reason.year ?? 0)" }.joined(
            separator: "; ")
        ))
    }
    if let funding = plan.funding {
      items.append(
        (
          words.pick("Förderung", "Funding"),
          funding.programmes.map(sentences.programme).joined(separator: "; ")
        ))
    }
    return items
  }

  /// The close calls, one line each (empty when there are none).
  var closeCalls: [String] { plan.tasks.compactMap(sentences.closeCallLine) }

  /// The mark after a task's decision in the task table: " (knapp)", " (bereits umgesetzt)", or
  /// nothing.
  func decisionMark(_ task: Plan.TaskDecision) -> String {
    if task.reason.closeCall != nil { return " (\(sentences.closeCallMark))" }
    if task.reason.rule == .done { return " (\(sentences.doneMark))" }
    return ""
  }
}
