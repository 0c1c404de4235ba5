/// The short text summary of a plan that `zentral plan` prints, in the plan's language (or the
/// one given): status, baseline and plan NPV, savings, payback year, FTE moved per wave, centres
/// opened; for an infeasible scenario the conflicting rules. A gap is shown only with a computed
/// bound ("noch keine Schranke" / "no bound yet" otherwise); the plan's notes follow the status.
public enum PlanSummary {
  /// The summary, one fact a line, ending in a newline; `mark` wraps every name (by default
  /// control characters are dropped).
  public static func text(
    _ plan: Plan, language: ReportLanguage? = nil,
    mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) -> String {
    let words = PlanWords(plan, language: language, mark: mark)
    let format = words.format
    let pick = words.pick
    var lines: [String] = []
    lines.append(
      pick("Ergebnis: ", "status: ") + words.status(plan.status) + (words.gap.map { " (\($0))" } ?? ""))
    for note in plan.notes where note.kind != .decomposed {
      lines.append(pick("Hinweis: ", "warning: ") + words.note(note))
    }
    lines.append(pick("Barwert heute: ", "baseline NPV: ") + format.money(plan.baseline))
    guard plan.hasSolution, let npv = plan.npv else {
      if plan.status == .infeasible {
        lines.append(words.diagnosis)
        for conflict in plan.diagnosis?.conflicts ?? [] { lines.append("  - " + words.conflict(conflict)) }
      } else {
        lines.append(
          pick(
            "Vor dem Ende der Suche wurde kein Plan gefunden.", "No plan was found before the search ended."))
      }
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append(pick("Barwert des Plans: ", "plan NPV: ") + format.money(npv))
    if let objective = plan.objective, abs(objective - npv) > 1e-6 {
      lines.append(
        pick("Zielwert: ", "objective: ") + format.money(objective)
          + pick(
            " (Barwert zuzüglich Bedenken und Umstellungsaufwand)",
            " (NPV plus concern and disruption penalties)"))
    }
    lines.append(
      pick("Einsparung: ", "savings: ") + format.money(plan.savings ?? 0) + words.savingsReach(plan))
    if let totals = plan.totals {
      lines.append(
        pick("jährliche Einsparung im Zielzustand: ", "annual savings at steady state: ")
          + format.money(totals.annualSavings) + pick(" pro Jahr", " a year"))
      for figure in words.moneyFigures(totals, lastYear: plan.lastYear) {
        lines.append("\(figure.label): \(figure.value)")
      }
    }
    lines.append(
      pick("Amortisation: ", "payback year: ")
        + (plan.paybackYear.map(String.init)
          ?? pick("nicht innerhalb des Zeitraums", "none within the horizon")))
    let waves = plan.waves.map { "\($0.year): \(format.fte($0.movedFTE))" }
    lines.append(pick("Wechsel je Welle: ", "moved per wave: ") + waves.joined(separator: ", "))
    lines += words.staffLines
    let opened = plan.centres.filter { !$0.alreadyOpen }
    if opened.isEmpty {
      lines.append(pick("neue Kompetenzzentren: keine", "centres opened: none"))
    } else {
      lines.append(pick("neue Kompetenzzentren:", "centres opened:"))
      for centre in opened {
        lines.append(
          "  - "
            + pick(
              "\(words.family(centre.family)) \(words.atUnit(centre.provider)) ab \(centre.openedYear)",
              "\(words.family(centre.family)) at \(words.unit(centre.provider)) from \(centre.openedYear)"))
      }
    }
    let moved = plan.tasks.filter { $0.share > 0 }.count
    lines.append(
      pick(
        "Aufgaben: \(moved) von \(plan.tasks.count) wechseln", "tasks: \(moved) of \(plan.tasks.count) move"))
    lines += words.replanningLines(plan)
    for note in plan.notes where note.kind == .decomposed {
      lines.append(pick("Hinweis: ", "note: ") + words.note(note))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
