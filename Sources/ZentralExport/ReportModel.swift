import ZentralPlan

/// The content of the decision report in one language, as plain (unescaped) text: key figures,
/// waves, rollout, centres, units, tasks, assumptions. The HTML and Markdown exporters render it.
struct ReportModel {
  /// A table cell.
  struct Cell {
    var text: String
    /// Right-aligned (a number).
    var numeric = false
    /// A longer explanation (HTML tooltip).
    var detail: String?
  }

  /// A table.
  struct Table {
    var headers: [String]
    /// Which columns are numeric.
    var numeric: Set<Int>
    var rows: [[Cell]]
    var footer: [Cell]?
  }

  /// One wave of the rollout.
  struct Wave {
    var year: Int
    var headline: String
    var lines: [String]
  }

  let index: PlanIndex
  let words: Vocabulary
  /// The sentences about the plan (decisions, reasons, conflicts, notes).
  let sentences: PlanWords
  /// Numbers with the report's one rounding per quantity: whole euros, FTE with one decimal.
  let format: LocaleFormat

  init(plan: Plan, language: ReportLanguage) {
    self.index = PlanIndex(plan)
    self.words = Vocabulary(language)
    self.format = LocaleFormat(language, fteDecimals: 1, fixedFTE: true)
    self.sentences = PlanWords(plan, language: language, format: format, mark: Escape.name)
  }

  var plan: Plan { index.plan }

  /// The report's title: a council paper, or for a scenario without a plan a review that says so.
  var title: String {
    if plan.status == .infeasible {
      return words.pick(
        "Prüfbericht IT-Bündelung: kein zulässiger Plan", "IT centralisation review: no feasible plan")
    }
    if !plan.hasSolution {
      return words.pick(
        "Prüfbericht IT-Bündelung: kein Plan gefunden", "IT centralisation review: no plan found")
    }
    return words.pick("Beschlussvorlage: Bündelung der IT-Aufgaben", "Council paper: centralising IT tasks")
  }

  /// The state of the search in a few words (no solver jargon): the quality sentence.
  var status: String { quality }

  // MARK: Key figures

  var keyFigures: [(label: String, value: String)] {
    guard let totals = plan.totals else {
      return [(words.pick("Barwert Status quo", "Status-quo NPV"), format.money(plan.baseline))]
    }
    let movedTasks = plan.tasks.filter { !$0.moves.isEmpty }.count
    return [
      (words.pick("Barwert Status quo", "Status-quo NPV"), format.money(totals.baselineNPV)),
      (words.pick("Barwert mit Plan", "Plan NPV"), format.money(totals.planNPV)),
      (words.pick("Einsparung (Barwert)", "NPV savings"), format.money(totals.npvSavings)),
      (
        words.pick(
          "Laufende Einsparung im Jahr \(index.lastYear) (Zielzustand)",
          "Running savings in \(index.lastYear) (steady state)"),
        format.money(totals.annualSavings) + words.pick(" pro Jahr", " a year")
      ),
      (
        words.pick("Amortisation", "Payback year"),
        plan.paybackYear.map(String.init) ?? words.pick("nicht im Zeitraum", "not within the horizon")
      ),
      (words.pick("Einmalkosten gesamt", "One-time cost, total"), format.money(totals.oneTimeCost)),
      (
        words.pick("IT-Personal", "IT staff"),
        "\(format.fte(totals.baselineFTE)) → \(format.fte(totals.steadyStateFTE))"
      ),
      (
        words.pick("Verlagert", "Moved"),
        words.pick(
          "\(movedTasks) Aufgaben, \(format.fte(totals.movedFTE))",
          "\(movedTasks) tasks, \(format.fte(totals.movedFTE))")
      ),
    ] + sentences.moneyFigures(totals, lastYear: index.lastYear) + fundingFigures
  }

  // MARK: Waves

  var wavesTable: Table {
    let headers = [
      words.pick("Welle", "Wave"), words.pick("verlagert", "moved"),
      words.pick("Übergangskosten", "Transition"),
      words.pick("Aufbau Kompetenzzentren", "Centre set-up"), words.pick("Einmalkosten", "One-time cost"),
      words.pick("laufende Kosten Plan", "Running cost, plan"),
      words.pick("laufende Kosten Status quo", "Running cost, status quo"),
    ]
    let rows = plan.waves.map { wave in
      [
        Cell(text: String(wave.year)), Cell(text: format.fte(wave.movedFTE), numeric: true),
        Cell(text: format.money(wave.transitionCost), numeric: true),
        Cell(text: format.money(wave.setupCost), numeric: true),
        Cell(text: format.money(wave.oneTimeCost), numeric: true),
        Cell(text: format.money(wave.annualCost), numeric: true),
        Cell(text: format.money(wave.baselineAnnualCost), numeric: true),
      ]
    }
    let sum: (KeyPath<Plan.WaveSummary, Double>) -> Double = { path in
      plan.waves.reduce(0) { $0 + $1[keyPath: path] }
    }
    let footer = [
      Cell(text: words.pick("Summe", "Total")),
      Cell(text: format.fte(PlanIndex.clean(sum(\.movedFTE))), numeric: true),
      Cell(text: format.money(sum(\.transitionCost)), numeric: true),
      Cell(text: format.money(sum(\.setupCost)), numeric: true),
      Cell(text: format.money(sum(\.oneTimeCost)), numeric: true),
      Cell(text: format.money(sum(\.annualCost)), numeric: true),
      Cell(text: format.money(sum(\.baselineAnnualCost)), numeric: true),
    ]
    return withFullCostColumns(
      Table(headers: headers, numeric: Set(1...6), rows: rows, footer: plan.waves.isEmpty ? nil : footer))
  }

  /// What happens in each wave: centres opened, then the moves per centre.
  var rollout: [Wave] {
    var movesByYear: [Int: [Plan.TaskDecision]] = [:]
    for task in plan.tasks {
      for year in Set(task.moves.map(\.year)).sorted() { movesByYear[year, default: []].append(task) }
    }
    var newCentres: [Int: [Plan.CentreSummary]] = [:]
    for centre in plan.centres where !centre.alreadyOpen {
      newCentres[centre.openedYear, default: []].append(centre)
    }
    return plan.waves.map { wave in
      var lines: [String] = []
      for centre in newCentres[wave.year] ?? [] {
        lines.append(
          words.pick("Neues Kompetenzzentrum ", "New competence centre ")
            + words.pick("„\(index.familyName(centre.family))“ ", "“\(index.familyName(centre.family))” ")
            + words.pick("bei ", "at ") + index.unitName(centre.provider)
            + (centre.setupCost > 0
              ? words.pick(" (Aufbau ", " (set-up ") + format.money(centre.setupCost) + ")" : ""))
      }
      // Groups and units found through dictionaries: a scan per move made 48,000 tasks quadratic.
      var groups: [(provider: String, family: String, parts: [(task: Plan.TaskDecision, fte: Double)])] = []
      var groupPosition: [[String]: Int] = [:]
      for task in movesByYear[wave.year] ?? [] {
        for part in task.moves where part.year == wave.year {
          let moved = (task, task.fte * part.share)
          if let position = groupPosition[[part.provider, task.family]] {
            groups[position].parts.append(moved)
          } else {
            groupPosition[[part.provider, task.family]] = groups.count
            groups.append((part.provider, task.family, [moved]))
          }
        }
      }
      for group in groups {
        let fte = PlanIndex.clean(group.parts.reduce(0) { $0 + $1.fte })
        // A few moves are named; many are summed per unit.
        let detail: String
        if group.parts.count <= 3 {
          detail = group.parts.map {
            "\(index.name($0.task)) (\(index.unitName($0.task.unit)), \(format.fte($0.fte)))"
          }
          .joined(separator: "; ")
        } else {
          var units: [(unit: String, fte: Double)] = []
          var unitPosition: [String: Int] = [:]
          for part in group.parts {
            if let position = unitPosition[part.task.unit] {
              units[position].fte += part.fte
            } else {
              unitPosition[part.task.unit] = units.count
              units.append((part.task.unit, part.fte))
            }
          }
          detail =
            words.pick("\(group.parts.count) Aufgaben aus ", "\(group.parts.count) tasks from ")
            + units.map { "\(index.unitName($0.unit)) (\(format.fte(PlanIndex.clean($0.fte))))" }.joined(
              separator: ", ")
        }
        lines.append(
          "\(index.familyName(group.family)) → \(index.unitName(group.provider)), \(format.fte(fte)): \(detail)"
        )
      }
      let headline =
        lines.isEmpty
        ? words.pick("\(wave.year): keine Veränderung", "\(wave.year): no change")
        : words.pick(
          "\(wave.year): \(format.fte(wave.movedFTE)) verlagert, Einmalkosten \(format.money(wave.oneTimeCost))",
          "\(wave.year): \(format.fte(wave.movedFTE)) moved, one-time cost \(format.money(wave.oneTimeCost))")
      return Wave(year: wave.year, headline: headline, lines: lines)
    }
  }

  // MARK: Centres and units

  var centresTable: Table {
    let headers = [
      words.pick("Anbieter", "Provider"), words.pick("Aufgabenbereich", "Task family"),
      words.pick("geöffnet", "opens"),
      words.pick("VZÄ heute", "FTE today"), words.pick("VZÄ Ziel", "FTE target"),
      words.pick("Kosten heute", "Cost today"),
      words.pick("Kosten Ziel", "Cost target"), words.pick("Aufbaukosten", "Set-up cost"),
    ]
    let rows = plan.centres.map { centre in
      [
        Cell(text: index.unitName(centre.provider)), Cell(text: index.familyName(centre.family)),
        Cell(text: centre.alreadyOpen ? words.pick("besteht", "exists") : String(centre.openedYear)),
        Cell(text: format.fte(centre.fteBefore), numeric: true),
        Cell(text: format.fte(centre.fteAfter), numeric: true),
        Cell(text: format.money(centre.annualCostBefore), numeric: true),
        Cell(text: format.money(centre.annualCostAfter), numeric: true),
        Cell(text: format.money(centre.setupCost), numeric: true),
      ]
    }
    return Table(headers: headers, numeric: Set(3...7), rows: rows, footer: nil)
  }

  var unitsTable: Table {
    let headers = [
      words.pick("Einheit", "Unit"), words.pick("Art", "Kind"), words.pick("VZÄ heute", "FTE today"),
      words.pick("VZÄ Ziel", "FTE target"), words.pick("Kosten heute (Jahr)", "Cost today (year)"),
      words.pick("Kosten Ziel (Jahr)", "Cost target (year)"), words.pick("Veränderung", "Change"),
    ]
    var legalForms: [String: Plan.LegalForm] = [:]
    for node in plan.org { if let form = node.legalForm { legalForms[node.id] = form } }
    let rows = plan.units.map { unit in
      [
        Cell(text: Escape.name(unit.name)),
        Cell(text: sentences.kind(unit.kind, legalForm: legalForms[unit.id])),
        Cell(text: format.fte(unit.fteBefore), numeric: true),
        Cell(text: format.fte(unit.fteAfter), numeric: true),
        Cell(text: format.money(unit.annualCostBefore), numeric: true),
        Cell(text: format.money(unit.annualCostAfter), numeric: true),
        Cell(text: signedMoney(unit.annualCostAfter - unit.annualCostBefore), numeric: true),
      ]
    }
    return Table(headers: headers, numeric: Set(2...6), rows: rows, footer: nil)
  }

  private func signedMoney(_ value: Double) -> String {
    let rounded = value.rounded()
    return rounded > 0 ? "+" + format.money(rounded) : format.money(rounded)
  }

  // MARK: Tasks

  var tasksTable: Table {
    let headers = [
      words.pick("Aufgabe", "Task"), words.pick("Einheit", "Unit"),
      words.pick("Aufgabenbereich", "Task family"),
      words.pick("VZÄ", "FTE"), words.pick("Entscheidung", "Decision"), words.pick("Begründung", "Reason"),
      words.pick("Mehrkosten des Gegenteils (Barwert)", "Cost of the opposite (NPV)"),
      words.pick("dazu Bedenken und Aufwand (kein Geld)", "plus concerns and disruption (not money)"),
    ]
    let rows = plan.tasks.map { task in
      [
        Cell(text: index.name(task)), Cell(text: index.unitName(task.unit)),
        Cell(text: index.familyName(task.family)),
        Cell(text: format.fte(task.fte), numeric: true),
        Cell(text: sentences.decision(of: task) + decisionMark(task)),
        Cell(
          text: [sentences.reason(of: task), sentences.barred(task.reason)].compactMap { $0 }.joined(
            separator: "; ")),
        Cell(text: task.reason.flip.map { format.money($0.money) } ?? "–", numeric: true),
        Cell(text: task.reason.flip.map { format.money($0.penalty) } ?? "–", numeric: true),
      ]
    }
    return Table(headers: headers, numeric: [3, 6, 7], rows: rows, footer: nil)
  }

  // MARK: Assumptions

  var assumptions: [(label: String, value: String)] {
    let horizon = plan.horizon
    var items: [(String, String)] = [
      (words.pick("Szenario", "Scenario"), Escape.name(plan.scenario)),
      (
        words.pick("Zeitraum", "Horizon"),
        words.pick(
          "\(horizon.start)–\(index.lastYear) (\(horizon.years) Wellen, je Jahr eine)",
          "\(horizon.start)–\(index.lastYear) (\(horizon.years) waves, one per year)")
      ),
      (
        words.pick("Diskontsatz", "Discount rate"),
        format.percent(plan.discountRate, decimals: 2) + words.pick(" pro Jahr", " a year")
      ),
      (words.pick("Ergebnis der Suche", "Result of the search"), status),
    ]
    if let totals = plan.totals, totals.concernPenalty > 0 || totals.disruptionPenalty > 0 {
      items.append(
        (
          words.pick("Mitgewogene Bedenken und Umstellungsaufwand", "Concerns and disruption weighed in"),
          words.pick(
            "Bedenken der Fachbereiche \(format.money(totals.concernPenalty)), Umstellungsaufwand "
              + "\(format.money(totals.disruptionPenalty)); keine Zahlungen, nicht in den Barwerten",
            "units' concerns \(format.money(totals.concernPenalty)), disruption "
              + "\(format.money(totals.disruptionPenalty)); no payments, not in the present values")
        ))
    }
    let policy = plan.policy
    if policy.retainedMinShare != nil || policy.retainedMinFTE != nil {
      items.append(
        (
          words.pick("Verbleibende IT je Einheit", "IT kept by each unit"),
          words.pick(
            "mindestens \(format.percent(policy.retainedMinShare ?? 0, decimals: 1)) und \(format.fte(policy.retainedMinFTE ?? 0))",
            "at least \(format.percent(policy.retainedMinShare ?? 0, decimals: 1)) and \(format.fte(policy.retainedMinFTE ?? 0))"
          )
            + (policy.retainedRoles.map {
              words.pick(", nur aus ", ", only in ") + $0.map(index.familyName).joined(separator: ", ")
            } ?? "")
        ))
    }
    if !policy.budget.isEmpty {
      items.append(
        (
          words.pick("Budget je Welle", "Budget per wave"),
          policy.budget.map { "\($0.year): \(format.money($0.value))" }.joined(separator: ", ")
        ))
    }
    if !policy.maxMovedFTE.isEmpty {
      items.append(
        (
          words.pick("Veränderungskapazität je Welle", "Change capacity per wave"),
          policy.maxMovedFTE.map { "\($0.year): \(format.fte($0.value))" }.joined(separator: ", ")
        ))
    }
    if !policy.pilots.isEmpty {
      items.append(
        (
          words.pick("Piloten", "Pilots"),
          policy.pilots.map {
            words.pick(
              "„\(index.familyName($0.family))“ zuerst bei \(index.unitName($0.unit))",
              "\(index.familyName($0.family)) first at \(index.unitName($0.unit))")
          }.joined(separator: "; ")
        ))
    }
    if !policy.deadlines.isEmpty {
      items.append(
        (
          words.pick("Fristen", "Deadlines"),
          policy.deadlines.map {
            words.pick(
              "„\(index.familyName($0.family))“ bis \($0.year)",
              "\(index.familyName($0.family)) by \($0.year)")
          }.joined(separator: "; ")
        ))
    }
    if !policy.together.isEmpty {
      items.append(
        (
          words.pick("Gemeinsam zu verlagern", "Move together"),
          policy.together.map { $0.map(index.taskName).joined(separator: " + ") }.joined(separator: "; ")
        ))
    }
    if !policy.mustMove.isEmpty {
      items.append(
        (
          words.pick("Muss wechseln", "Must move"),
          policy.mustMove.map(index.taskName).joined(separator: "; ")
        ))
    }
    if !policy.mustStay.isEmpty {
      items.append(
        (words.pick("Muss bleiben", "Must stay"), policy.mustStay.map(index.taskName).joined(separator: "; "))
      )
    }
    if let cost = policy.savingsTargetAnnualCost {
      items.append(
        (words.pick("Einsparziel (Kosten)", "Savings target (cost)"), format.money(cost) + words.perYear))
    }
    if let fte = policy.savingsTargetFTE {
      items.append((words.pick("Einsparziel (Personal)", "Savings target (staff)"), format.fte(fte)))
    }
    if policy.disruptionWeight > 0 {
      items.append(
        (
          words.pick("Gewicht der Störung", "Disruption weight"),
          format.money(policy.disruptionWeight) + words.pick(" je verlagerter VZÄ", " per FTE moved")
        ))
    }
    return items + replanningAssumptions
  }

  /// The notes under the figures: what the numbers mean.
  var notes: [String] {
    let all = [
      roundingNote,
      words.pick(
        "Barwerte: laufende Kosten, Einmalkosten und Parallelbetrieb aller Jahre des Zeitraums, mit dem "
          + "Diskontsatz abgezinst, mit Umsatzsteuer (brutto); mit ewiger Rente zudem die laufenden Kosten des "
          + "letzten Jahres für jedes Jahr danach. Barwerte sind nur Geld: Bedenken und Umstellungsaufwand "
          + "stehen getrennt. Zielzustand: das letzte Jahr des Zeitraums.",
        "NPV: running and one-time costs and parallel running of every year of the horizon, discounted at the "
          + "discount rate, with VAT (gross); with a perpetuity also the running cost of the last year for every "
          + "year after. NPVs are money only: concerns and disruption are shown apart. Steady state: the last "
          + "year of the horizon."),
      words.pick(
        "„Mehrkosten des Gegenteils“: um wie viel der Barwert (nur Geld) steigt, wenn die Aufgabe entgegen der "
          + "Empfehlung verbleibt bzw. wechselt (neu optimiert); daneben, was sich an Bedenken und "
          + "Umstellungsaufwand (kein Geld) änderte. Beides zusammen ist die Änderung des Zielwerts.",
        "“Cost of the opposite”: how much the NPV (money only) rises if the task is kept or moved against the "
          + "recommendation (re-optimised); beside it, how the concerns and disruption (not money) change. "
          + "Together they are the change of the objective."),
    ]
    // Without a plan there is no recommendation and no cost of the opposite.
    return plan.hasSolution ? all : Array(all.prefix(2))
  }

  /// For an infeasible plan: the conflicting rules.
  var conflicts: [String] {
    (plan.diagnosis?.conflicts ?? []).map(sentences.conflict)
  }

  /// For an infeasible plan: why there is none, in one sentence.
  var diagnosis: String { sentences.diagnosis }

  /// What the reader must know about the verdict, one sentence or more each.
  var verdictNotes: [String] { plan.notes.map(sentences.note) }
}
