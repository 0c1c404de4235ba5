import ZentralPlan

/// The words of charts and reports in one language.
struct Vocabulary: Sendable {
  let language: ReportLanguage
  let format: LocaleFormat

  init(_ language: ReportLanguage) {
    self.language = language
    self.format = LocaleFormat(language)
  }

  /// The German or the English text.
  func pick(_ german: String, _ english: String) -> String { language == .de ? german : english }

  // MARK: Charts

  func chartTitle(_ view: ChartView, scenario: String) -> String {
    switch view {
    case .current: pick("Heute: \(scenario)", "Today: \(scenario)")
    case .target: pick("Empfehlung: \(scenario)", "Recommendation: \(scenario)")
    case .changes: pick("Veränderungen: \(scenario)", "Changes: \(scenario)")
    }
  }

  func viewName(_ view: ChartView) -> String {
    switch view {
    case .current: pick("Organisation heute", "Organisation today")
    case .target: pick("Empfohlene Organisation", "Recommended organisation")
    case .changes: pick("Verlagerungen", "Moves")
    }
  }

  /// The kind of a chart box: a unit's kind (worded by ``PlanWords``), or a box of the chart.
  func kindName(_ kind: String) -> String {
    if let unitKind = Plan.UnitKind(rawValue: kind) { return PlanWords.kind(unitKind, language: language) }
    return switch kind {
    case "centre": pick("Kompetenzzentrum", "competence centre")
    case "group": pick("Gruppe", "group")
    case "moved": pick("verlagerte Aufgabe", "moved task")
    default: kind
    }
  }

  var itToday: String { pick("IT heute", "IT today") }
  var it: String { pick("IT", "IT") }
  var perYear: String { pick("/Jahr", "/year") }
  var keeps: String { pick("behält:", "keeps:") }
  var tasksToday: String { pick("IT-Aufgaben heute:", "IT tasks today:") }
  var takesOver: String { pick("übernimmt:", "takes over:") }
  var dedicated: String { pick("zweckgebunden", "dedicated") }
  var newCentre: String { pick("neu", "new") }
  var centrePrefix: String { pick("KompZ", "CC") }
  var externalProviders: String { pick("Externe Dienstleister", "External providers") }

  /// Why a chart was laid out without Graphviz.
  func builtInLayoutNote(boxes: Int) -> String {
    let count = format.number(Double(boxes))
    let limit = format.number(Double(ChartRenderer.graphvizMaxBoxes))
    return pick(
      "Dieses Organigramm hat \(count) Kästen. Über \(limit) Kästen zeichnet zentral es mit dem eigenen Layout "
        + "statt mit Graphviz, das dafür Minuten bräuchte.",
      "This org chart has \(count) boxes. Above \(limit) boxes zentral lays it out itself instead of with "
        + "Graphviz, which would take minutes.")
  }

  func more(_ count: Int) -> String { pick("+ \(count) weitere", "+ \(count) more") }

  func fromYear(_ year: Int) -> String { pick("ab \(year)", "from \(year)") }

  func otherUnits(_ count: Int) -> String {
    pick("\(count) weitere Einheiten ohne IT-Aufgaben", "\(count) more units without IT tasks")
  }

  /// A group of units in a plan without tasks (no solution): nothing is said about their IT work.
  func otherUnitsUnknownWork(_ count: Int) -> String {
    pick("\(count) weitere Einheiten", "\(count) more units")
  }

  func movedTasks(_ count: Int, fte: Double, units: Int) -> String {
    let tasks = count == 1 ? pick("1 Aufgabe", "1 task") : pick("\(count) Aufgaben", "\(count) tasks")
    let from =
      units == 1
      ? pick("aus 1 Einheit", "from 1 unit") : pick("aus \(units) Einheiten", "from \(units) units")
    return "+ \(tasks), \(format.fte(fte)), \(from)"
  }

  func itFigures(before: Double, after: Double?) -> String {
    guard let after else { return "\(it): \(format.fte(before))" }
    return "\(it): \(format.fte(before)) → \(format.fte(after))"
  }

  func costFigures(before: Double, after: Double?) -> String {
    guard let after else { return format.shortMoney(before) + perYear }
    return format.shortMoney(before) + " → " + format.shortMoney(after) + perYear
  }
}
