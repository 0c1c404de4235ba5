/// The words of a plan comparison (`zentral compare`), in German or English: row labels, headings
/// and the decision of a task in one plan. Task decisions and reasons are ``PlanWords``' sentences.
public struct ComparisonWords: Sendable {
  /// The language.
  public let language: ReportLanguage
  /// Numbers in that language.
  public let format: LocaleFormat

  /// Words in `language`.
  public init(_ language: ReportLanguage) {
    self.language = language
    self.format = LocaleFormat(language)
  }

  /// The German or the English text.
  public func pick(_ german: String, _ english: String) -> String { language == .de ? german : english }

  /// The title of the comparison.
  public var title: String { pick("Vergleich der Pläne", "Plans compared") }
  /// The heading of the table of figures.
  public var figuresHeading: String { pick("Kennzahlen", "Figures") }
  /// The heading of the list of differing decisions, with their number.
  public func differencesHeading(_ count: Int) -> String {
    pick("Entscheidungen, die sich unterscheiden (\(count))", "Decisions that differ (\(count))")
  }
  /// Said when every decision is the same.
  public var noDifferences: String {
    pick(
      "Alle Aufgaben sind in allen Plänen gleich entschieden.",
      "Every task is decided the same way in every plan.")
  }
  /// The heading of the changes from the plan labelled `from` to the plan labelled `to`.
  public func changesHeading(from: String, to: String) -> String {
    pick("Änderungen von \(from) nach \(to)", "Changes from \(from) to \(to)")
  }
  /// The heading of the legend of plans.
  public var plansHeading: String { pick("Pläne", "Plans") }
  /// The column of the difference of the second plan against the first.
  public func deltaColumn(_ first: String, _ second: String) -> String { "\(second) − \(first)" }
  /// Said of a task a plan does not have.
  public var missingTask: String { pick("nicht im Szenario", "not in the scenario") }
  /// Said of a figure a plan without a solution does not have.
  public var noValue: String { "–" }

  /// The row labels of the table, in order.
  public var rowLabels: [String] {
    [
      pick("Ergebnis", "status"),
      pick("Barwert des Plans", "plan NPV"),
      pick("Einsparung (Barwert)", "savings (NPV)"),
      pick("jährliche Einsparung im Zielzustand", "annual savings at steady state"),
      pick("Einmalkosten", "one-off cost"),
      pick("Amortisation", "payback year"),
      pick("gewechselte VZÄ", "FTE moved"),
      pick("gewechselte Stellen", "posts moved"),
      pick("wechselnde Aufgaben", "tasks moved"),
      pick("neue Kompetenzzentren", "centres opened"),
    ]
  }

  /// The cells of one plan's column, in the order of ``rowLabels``.
  public func cells(_ figures: PlanComparison.Figures, plan: Plan) -> [String] {
    let words = PlanWords(plan, language: language)
    return [
      words.status(plan.status),
      figures.npv.map(format.money) ?? noValue,
      figures.npvSavings.map(format.money) ?? noValue,
      figures.annualSavings.map(format.money) ?? noValue,
      figures.oneTimeCost.map(format.money) ?? noValue,
      plan.hasSolution ? (figures.paybackYear.map(String.init) ?? pick("keine", "none")) : noValue,
      figures.movedFTE.map(format.fte) ?? noValue,
      figures.movedPosts.map(String.init) ?? noValue,
      "\(figures.movedTasks)",
      "\(figures.centresOpened.count)",
    ]
  }

  /// The centres a plan opens, `family at provider from year`, or "none"; `mark` wraps names.
  public func centresOpened(
    in plan: Plan, mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) -> String {
    let words = PlanWords(plan, language: language, mark: mark)
    let opened = plan.centres.filter { !$0.alreadyOpen }
    guard plan.hasSolution, !opened.isEmpty else { return plan.hasSolution ? pick("keine", "none") : noValue }
    return opened.map { centre in
      pick(
        "\(words.family(centre.family)) \(words.atUnit(centre.provider)) ab \(centre.openedYear)",
        "\(words.family(centre.family)) at \(words.unit(centre.provider)) from \(centre.openedYear)")
    }.joined(separator: "; ")
  }

  /// The heading of the centres each plan opens.
  public var centresHeading: String { pick("Neue Kompetenzzentren", "Centres opened") }

  /// The difference `second − first` of each row that is a number (empty cells for the others).
  public func deltas(_ first: PlanComparison.Figures, _ second: PlanComparison.Figures) -> [String] {
    func money(_ a: Double?, _ b: Double?) -> String {
      guard let a, let b else { return "" }
      return signed(b - a, format.money)
    }
    func signed(_ value: Double, _ show: (Double) -> String) -> String {
      abs(value) < 0.5e-2 ? "0" : (value > 0 ? "+" : "") + show(value)
    }
    let payback: String =
      if let a = first.paybackYear, let b = second.paybackYear {
        b == a ? "0" : (b > a ? "+" : "") + "\(b - a)"
      } else { "" }
    let fte: String =
      if let a = first.movedFTE, let b = second.movedFTE { signed(b - a, format.fte) } else { "" }
    let posts: String =
      if let a = first.movedPosts, let b = second.movedPosts {
        b == a ? "0" : (b > a ? "+" : "") + "\(b - a)"
      } else { "" }
    let tasks = second.movedTasks - first.movedTasks
    let centres = second.centresOpened.count - first.centresOpened.count
    return [
      "",
      money(first.npv, second.npv),
      money(first.npvSavings, second.npvSavings),
      money(first.annualSavings, second.annualSavings),
      money(first.oneTimeCost, second.oneTimeCost),
      payback,
      fte,
      posts,
      tasks == 0 ? "0" : (tasks > 0 ? "+" : "") + "\(tasks)",
      centres == 0 ? "0" : (centres > 0 ? "+" : "") + "\(centres)",
    ]
  }

  /// One plan's decision on a task, `label: decision (reason)`, or that the plan lacks it;
  /// `mark` wraps names.
  public func decision(
    _ task: Plan.TaskDecision?, in plan: Plan, label: String,
    mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) -> String {
    guard let task else { return "\(label): \(missingTask)" }
    let words = PlanWords(plan, language: language, mark: mark)
    return "\(label): \(words.decision(of: task)) (\(words.reason(of: task)))"
  }

  /// A short form of a decision for a chart box: `Verbleib`, `2026 → FB E-Gov`, `40 % 2026 → …`.
  public func shortDecision(
    _ task: Plan.TaskDecision?, in plan: Plan, mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) -> String {
    guard let task else { return missingTask }
    let words = PlanWords(plan, language: language, mark: mark)
    guard !task.moves.isEmpty else { return words.decision(.stay) }
    return task.moves.map { part in
      let share = part.share >= 1 - 1e-6 ? "" : format.percent(part.share, decimals: 0) + " "
      return "\(share)\(part.year) → \(words.unit(part.provider))"
    }.joined(separator: "; ")
  }
}
