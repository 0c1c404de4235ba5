import ZentralPlan

/// The report's blocks on decision support: the near-optimal alternatives (a subsection of the
/// council paper's "Alternativen" section) and the robust plan over sampled scenarios (a subsection
/// of "Risiken und Annahmen"), each only when `plan.json` has it. Self-contained: the HTML report
/// calls ``alternatives(of:language:)`` and ``robust(of:language:)`` where the sections are.
enum DecisionSupportHTML {
  /// The near-optimal alternatives as an HTML block (empty when the plan has none).
  static func alternatives(of plan: Plan, language: ReportLanguage) -> String {
    plan.alternatives.map { alternatives($0, plan: plan, language: language) } ?? ""
  }

  /// The robust plan as an HTML block (empty when the plan has none).
  static func robust(of plan: Plan, language: ReportLanguage) -> String {
    plan.robust.map { robust($0, plan: plan, language: language) } ?? ""
  }

  private static func pick(_ language: ReportLanguage, _ german: String, _ english: String) -> String {
    language == .de ? german : english
  }

  /// `+1.234 €` / `+EUR 1,234`, signed.
  private static func signed(_ value: Double, _ format: LocaleFormat) -> String {
    (value > 0 ? "+" : "") + format.money(value)
  }

  /// Why less was found than asked for, in a sentence.
  private static func reason(_ shortfall: Plan.AnalysisShortfall, _ language: ReportLanguage) -> String {
    switch shortfall {
    case .noneLeft:
      pick(
        language, "Kein weiterer abweichender Plan liegt innerhalb der Grenze.",
        "No further distinct plan lies within the bound.")
    case .timeLimit: pick(language, "Die Zeitgrenze beendete die Suche.", "The time limit ended the search.")
    case .stopped: pick(language, "Die Suche wurde abgebrochen.", "The search was stopped.")
    case .tooLarge:
      pick(
        language, "Das Modell ist für diese Auswertung zu groß (es wird familienweise gelöst).",
        "The model is too large for this analysis (it is solved family by family).")
    case .noPlan:
      pick(
        language, "Es gibt keinen Plan, zu dem verglichen werden könnte.", "There is no plan to compare with."
      )
    }
  }

  /// One change as "Name: Anbieter 2025 → bleibt".
  private static func change(_ change: Plan.DecisionChange, plan: Plan, language: ReportLanguage) -> String {
    let names = Dictionary(plan.tasks.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let units = Dictionary(plan.org.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    func place(_ provider: String?, _ year: Int?, _ share: Double) -> String {
      guard let provider, share > 0 else { return pick(language, "bleibt", "stays") }
      let name = units[provider] ?? provider
      let part = share < 1 - 1e-6 ? " (\(LocaleFormat(language).number(share * 100)) %)" : ""
      return "\(name) \(year.map(String.init) ?? "")\(part)"
    }
    let task = names[change.task] ?? change.task
    if let provider = change.fromProvider, provider == change.toProvider, let from = change.fromYear,
      let to = change.toYear, abs(change.fromShare - change.toShare) <= 1e-6
    {
      return "\(task): \(units[provider] ?? provider) \(from) → \(to)"
    }
    return "\(task): \(place(change.fromProvider, change.fromYear, change.fromShare)) → "
      + place(change.toProvider, change.toYear, change.toShare)
  }

  static func alternatives(
    _ section: Plan.AlternativesSection, plan: Plan, language: ReportLanguage
  ) -> String {
    let h = Escape.html
    let format = LocaleFormat(language)
    var html =
      "<div id=\"alternatives\" class=\"decision-support\">\n"
      + "<h3>\(h(pick(language, "Nahezu gleichwertige Pläne", "Near-optimal plans")))</h3>\n"
    let percent = format.number(section.within * 100, decimals: 2)
    html +=
      "<p>"
      + h(
        pick(
          language,
          "Pläne, die höchstens \(percent) % mehr kosten als die Empfehlung (Zielwert bis \(format.money(section.bound))) "
            + "und dabei möglichst viele Entscheidungen anders treffen: der tatsächliche Spielraum.",
          "Plans that cost at most \(percent) % more than the recommendation (objective up to "
            + "\(format.money(section.bound))) while deciding as much as possible differently: the real room for choice."
        )) + "</p>\n"
    if let shortfall = section.shortfall {
      html += "<p class=\"notes\">\(h(reason(shortfall, language)))</p>\n"
    }
    for (index, alternative) in section.alternatives.enumerated() {
      html +=
        "<div class=\"alternative\">\n<h4>\(h(pick(language, "Alternative", "Alternative"))) \(index + 1)</h4>\n"
      html += "<ul>\n"
      html +=
        "<li>\(h(pick(language, "Mehrkosten (Zielwert)", "Extra cost (objective)"))): "
        + "\(h(signed(alternative.costDifference, format)))</li>\n"
      html +=
        "<li>\(h(pick(language, "davon Geld (Barwert)", "of which money (NPV)"))): "
        + "\(h(signed(alternative.moneyDifference, format))); "
        + "\(h(pick(language, "Bedenken und Umstellungsaufwand", "concerns and disruption"))): "
        + "\(h(signed(alternative.penaltyDifference, format)))</li>\n"
      html +=
        "<li>\(h(pick(language, "anders entschieden", "decided differently"))): \(alternative.changes.count) "
        + "\(h(pick(language, "Aufgaben", "tasks")))</li>\n"
      html += "</ul>\n<ul class=\"changes\">\n"
      for item in alternative.changes {
        html += "<li>\(h(change(item, plan: plan, language: language)))</li>\n"
      }
      html += "</ul>\n</div>\n"
    }
    return html + "</div>\n"
  }

  static func robust(_ section: Plan.RobustSection, plan: Plan, language: ReportLanguage) -> String {
    let h = Escape.html
    let format = LocaleFormat(language)
    var html =
      "<div id=\"robust\" class=\"decision-support\">\n"
      + "<h3>\(h(pick(language, "Robuster Plan", "Robust plan")))</h3>\n"
    html +=
      "<p>"
      + h(
        pick(
          language,
          "Die eine Entscheidung, die über \(section.samples) zufällig gezogene Szenarien (Startwert \(section.seed)) "
            + "im Mittel am günstigsten ist, verglichen mit dem jeweils besten Plan jedes Szenarios (Bedauern).",
          "The one set of decisions with the lowest mean cost over \(section.samples) sampled scenarios (seed "
            + "\(section.seed)), compared with each scenario's own best plan (regret)."
        )) + "</p>\n"
    if let shortfall = section.shortfall {
      html += "<p class=\"notes\">\(h(reason(shortfall, language)))</p>\n"
    }
    html += "<dl class=\"assumptions\">\n"
    func item(_ label: String, _ value: Double?) {
      guard let value else { return }
      html += "<dt>\(h(label))</dt><dd>\(h(format.money(value)))</dd>\n"
    }
    item(pick(language, "Erwarteter Zielwert", "Expected objective"), section.expectedObjective)
    item(pick(language, "Erwarteter Barwert", "Expected NPV"), section.expectedNPV)
    item(
      pick(language, "Erwarteter Zielwert der Empfehlung", "Expected objective of the recommendation"),
      section.recommendationExpectedObjective)
    item(pick(language, "Größtes Bedauern", "Largest regret"), section.maximumRegret)
    item(pick(language, "Mittleres Bedauern", "Mean regret"), section.meanRegret)
    html += "</dl>\n"
    if section.changes.isEmpty && section.expectedObjective != nil {
      html +=
        "<p>\(h(pick(language, "Der robuste Plan trifft dieselben Entscheidungen wie die Empfehlung.", "The robust plan decides every task as the recommendation does.")))</p>\n"
    } else if !section.changes.isEmpty {
      html +=
        "<p>\(h(pick(language, "Anders als die Empfehlung:", "Unlike the recommendation:")))</p>\n<ul class=\"changes\">\n"
      for item in section.changes { html += "<li>\(h(change(item, plan: plan, language: language)))</li>\n" }
      html += "</ul>\n"
    }
    html += "<table id=\"robust-table\">\n<thead><tr><th>\(h(pick(language, "Szenario", "Sample")))</th>"
    html += "<th>\(h(pick(language, "Faktoren", "Factors")))</th>"
    for header in [
      pick(language, "Bester Plan", "Own optimum"), pick(language, "Robuster Plan", "Robust plan"),
      pick(language, "Bedauern", "Regret"),
    ] {
      html += "<th class=\"num\">\(h(header))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for (index, draw) in section.draws.enumerated() {
      let factors = draw.factors.keys.sorted().map {
        "\($0) \(format.number(draw.factors[$0] ?? 1, decimals: 3))"
      }
      .joined(separator: ", ")
      html += "<tr><td>\(index + 1)</td><td>\(h(factors))</td>"
      for value in [draw.optimum, draw.robust, draw.regret] {
        html += "<td class=\"num\">\(h(value.map(format.money) ?? "–"))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n"
  }
}
