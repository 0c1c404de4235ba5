import ZentralPlan

/// The sections of the report as a council paper (Beschlussvorlage): Sachverhalt,
/// Beschlussvorschlag, Finanzielle Auswirkungen, Personelle Auswirkungen, Alternativen, Risiken und
/// Annahmen, Anlagen; and for a scenario without a plan the conflicting rules and what would make
/// them compatible. Plain (unescaped) text; the HTML exporter renders it.
///
/// Rounding, one rule per quantity (stated in the report): money in whole euros (charts: short
/// form, `1,2 Mio. €`), workloads in FTE with one decimal, shares in whole percent.
extension ReportModel {
  /// The money and staff of one year of the horizon.
  struct YearFigures {
    var year: Int
    /// Running cost in the status quo, EUR.
    var baselineRunning: Double
    /// Running cost with the plan, EUR.
    var planRunning: Double
    /// One-time cost of the plan (transition and centre set-up), EUR.
    var oneTime: Double
    /// Discount factor of the year.
    var discountFactor: Double
    /// Discounted savings of all years up to this one (`baseline - plan - one-time`), EUR.
    var cumulativeSavings: Double

    /// Savings in running cost this year, EUR.
    var runningSavings: Double { baselineRunning - planRunning }
    /// What the year saves after its one-time cost, EUR (undiscounted).
    var balance: Double { runningSavings - oneTime }
  }

  /// Money per year, in horizon order, with the discounted cumulative savings (the payback curve).
  var years: [YearFigures] {
    var cumulative = 0.0
    return plan.waves.map { wave in
      cumulative += (wave.baselineAnnualCost - wave.annualCost - wave.oneTimeCost) * wave.discountFactor
      return YearFigures(
        year: wave.year, baselineRunning: wave.baselineAnnualCost, planRunning: wave.annualCost,
        oneTime: wave.oneTimeCost, discountFactor: wave.discountFactor,
        cumulativeSavings: PlanIndex.clean(cumulative))
    }
  }

  /// The first year whose running cost is below the status quo's (savings start then).
  var firstSavingsYear: Int? {
    years.first { $0.runningSavings >= 0.5 }?.year
  }

  /// A workload with the report's one rounding (one decimal).
  func fte(_ value: Double) -> String { format.fte(value) }

  /// A workload without its unit (in tables whose header names it), one decimal.
  func figure(_ value: Double) -> String { format.number(value, decimals: 1, fixed: true) }

  /// How far the plan may be from the best possible one, in euros of the objective (objective
  /// minus proven bound); `nil` when optimal, without a solution or without a bound.
  var gapEuros: Double? {
    guard plan.status != .optimal, plan.hasBound, let objective = plan.objective, let bound = plan.bound
    else { return nil }
    return max(0, objective - bound)
  }

  // MARK: Title and status

  /// Whether the report is about a scenario without any plan.
  var isWithoutPlan: Bool { !plan.hasSolution }

  /// How good the plan is, in a full sentence without solver jargon.
  var quality: String {
    switch plan.status {
    case .infeasible:
      return words.pick(
        "Kein Plan erfüllt alle Vorgaben des Szenarios.", "No plan meets every rule of the scenario.")
    case .optimal:
      return words.pick(
        "Der Plan ist nachweislich der günstigste aller Pläne, die alle Vorgaben erfüllen.",
        "The plan is proven to be the cheapest of all plans that meet every rule.")
    case .feasible, .timeLimit, .stopped:
      guard plan.hasSolution else {
        return words.pick(
          "Die Suche endete, bevor ein Plan gefunden war.", "The search ended before a plan was found.")
      }
      let ended =
        plan.status == .timeLimit
        ? words.pick("Die Suche endete am Zeitlimit; ", "The search ended at the time limit; ")
        : plan.status == .stopped
          ? words.pick("Die Suche wurde abgebrochen; ", "The search was stopped; ") : ""
      let plain = words.pick(
        "der Plan erfüllt alle Vorgaben", "the plan meets every rule")
      if let euros = gapEuros {
        if euros < 0.5 {
          return ended.isEmpty
            ? words.pick(
              "Der Plan erfüllt alle Vorgaben und ist nachweislich (auf den Euro) der günstigste.",
              "The plan meets every rule and is proven to be the cheapest (to the euro).")
            : ended + plain
              + words.pick(" und ist nachweislich der günstigste.", " and is proven the cheapest.")
        }
        let head =
          ended.isEmpty
          ? words.pick("Der Plan erfüllt alle Vorgaben", "The plan meets every rule") : ended + plain
        return head
          + words.pick(
            "; ein anderer Plan könnte höchstens \(format.money(euros)) (Barwert) günstiger sein.",
            "; another plan could be at most \(format.money(euros)) (NPV) cheaper.")
      }
      let head =
        ended.isEmpty
        ? words.pick("Der Plan erfüllt alle Vorgaben", "The plan meets every rule") : ended + plain
      return head
        + words.pick(
          "; ob ein anderer Plan günstiger wäre, wurde nicht bewiesen (die Suche endete vorher).",
          "; whether another plan would be cheaper was not proven (the search ended first).")
    }
  }

  // MARK: Sachverhalt

  /// What was examined, in a few sentences.
  var facts: [String] {
    let families = Set(plan.tasks.map(\.family)).count
    let horizon = "\(plan.horizon.start)–\(plan.lastYear)"
    var lines: [String] = []
    if let totals = plan.totals {
      let unitsWithWork = Set(plan.tasks.map(\.unit)).count
      lines.append(
        words.pick(
          "Geprüft wurde, welche von \(plan.tasks.count) IT-Aufgaben aus \(unitsWithWork) Einheiten "
            + "(\(families) Aufgabenbereiche, zusammen \(fte(totals.baselineFTE)) und laufende Kosten von "
            + "\(format.money(totals.baselineAnnualCost)) im Jahr) an zentrale IT-Einheiten oder gemeinsame "
            + "Dienstleister wechseln sollen, in \(plan.horizon.years) jährlichen Wellen \(horizon).",
          "The question was which of \(plan.tasks.count) IT tasks of \(unitsWithWork) units (\(families) task "
            + "families, together \(fte(totals.baselineFTE)) and a running cost of "
            + "\(format.money(totals.baselineAnnualCost)) a year) should move to central IT units or shared "
            + "providers, in \(plan.horizon.years) yearly waves \(horizon)."))
    } else {
      lines.append(
        words.pick(
          "Geprüft wurde, welche IT-Aufgaben in \(plan.horizon.years) jährlichen Wellen \(horizon) an zentrale "
            + "IT-Einheiten oder gemeinsame Dienstleister wechseln sollen.",
          "The question was which IT tasks should move to central IT units or shared providers in "
            + "\(plan.horizon.years) yearly waves \(horizon)."))
    }
    guard plan.hasSolution else {
      lines.append(quality)
      return lines
    }
    lines.append(
      words.pick(
        "Verglichen wurden alle Pläne, die die Vorgaben des Szenarios erfüllen (siehe „Risiken und Annahmen“), "
          + "nach dem Barwert ihrer Kosten gegenüber dem Status quo.",
        "All plans that meet the scenario's rules (see “Risks and assumptions”) were compared by the present "
          + "value of their costs against the status quo."))
    lines.append(quality)
    return lines
  }

  /// The figures at the top: savings, payback, one-time cost, staff and moves (the finance section
  /// has the rest); without a plan the status quo's present value.
  var briefFigures: [(label: String, value: String)] {
    guard let totals = plan.totals else { return keyFigures }
    let movedTasks = plan.tasks.filter { !$0.moves.isEmpty }.count
    return [
      (
        words.pick(
          "Einsparung (Barwert, \(plan.horizon.years) Jahre)", "Savings (NPV, \(plan.horizon.years) years)"),
        format.money(totals.npvSavings)
      ),
      (
        words.pick("Amortisation", "Payback"),
        plan.paybackYear.map(String.init) ?? words.pick("nicht im Zeitraum", "not within the horizon")
      ),
      (words.pick("Einmalkosten gesamt", "One-time cost, total"), format.money(totals.oneTimeCost)),
      (words.pick("IT-Personal", "IT staff"), "\(fte(totals.baselineFTE)) → \(fte(totals.steadyStateFTE))"),
      (
        words.pick("Verlagert", "Moved"),
        words.pick(
          "\(movedTasks) Aufgaben, \(fte(totals.movedFTE))", "\(movedTasks) tasks, \(fte(totals.movedFTE))")
      ),
    ]
  }

  // MARK: Beschlussvorschlag

  /// The proposed resolution, one numbered item each.
  var proposal: [String] {
    guard let totals = plan.totals else { return [] }
    var items: [String] = []
    let moved = plan.tasks.filter { !$0.moves.isEmpty }
    let providers = list(orderedUnique(moved.flatMap { $0.moves.map(\.provider) }).map(index.unitName))
    let takers = moved.isEmpty ? 0 : Set(moved.flatMap { $0.moves.map(\.provider) }).count
    if moved.isEmpty {
      items.append(
        words.pick(
          "Alle IT-Aufgaben verbleiben in ihren Einheiten; eine Bündelung ist unter den Vorgaben nicht wirtschaftlich.",
          "Every IT task stays in its unit; under the rules centralisation does not pay."))
    } else {
      let waveYears = plan.waves.filter { $0.movedFTE > 0 }.map(\.year)
      let span =
        waveYears.count > 1
        ? "\(waveYears[0])–\(waveYears[waveYears.count - 1])" : "\(waveYears.first ?? plan.horizon.start)"
      items.append(
        words.pick(
          "\(moved.count) von \(plan.tasks.count) IT-Aufgaben mit zusammen \(fte(totals.movedFTE)) wechseln "
            + "\(span), wie in Anlage 1 je Aufgabe aufgeführt; "
            + (takers == 1 ? "übernehmende Stelle: " : "übernehmende Stellen: ") + "\(providers).",
          "\(moved.count) of \(plan.tasks.count) IT tasks with \(fte(totals.movedFTE)) in all move "
            + "in \(span), as listed task by task in Annex 1; taken over by \(providers)."))
    }
    let opened = plan.centres.filter { !$0.alreadyOpen }
    if !opened.isEmpty {
      items.append(
        words.pick("Neu eingerichtet werden die Kompetenzzentren ", "New competence centres: ")
          + list(
            opened.map {
              words.pick(
                "„\(index.familyName($0.family))“ (\(index.unitName($0.provider)), \($0.openedYear))",
                "\(index.familyName($0.family)) at \(index.unitName($0.provider)) (\($0.openedYear))")
            }) + ".")
    }
    if totals.oneTimeCost >= 0.5 {
      let perWave = plan.waves.filter { $0.oneTimeCost >= 0.5 }.map {
        "\($0.year): \(format.money($0.oneTimeCost))"
      }
      items.append(
        words.pick(
          "Für die Umstellung werden einmalig \(format.money(totals.oneTimeCost)) bereitgestellt (\(perWave.joined(separator: "; "))).",
          "One-time funds of \(format.money(totals.oneTimeCost)) are provided for the change (\(perWave.joined(separator: "; ")))."
        ))
    }
    items.append(
      words.pick(
        "Die Verwaltung berichtet nach jeder Welle über Umsetzung, Kosten und Personal.",
        "The administration reports after each wave on progress, cost and staff."))
    return items
  }

  // MARK: Finanzielle Auswirkungen

  /// The money in a few figures.
  var financeFigures: [(label: String, value: String)] {
    guard let totals = plan.totals else { return [] }
    let last = plan.lastYear
    var figures: [(String, String)] = [
      (words.pick("Barwert Status quo", "Status-quo NPV"), format.money(totals.baselineNPV)),
      (words.pick("Barwert mit Plan", "Plan NPV"), format.money(totals.planNPV)),
      (
        words.pick(
          "Einsparung (Barwert, \(plan.horizon.years) Jahre)", "Savings (NPV, \(plan.horizon.years) years)"),
        format.money(totals.npvSavings)
      ),
      (words.pick("Einmalkosten gesamt", "One-time cost, total"), format.money(totals.oneTimeCost)),
      (
        words.pick(
          "Laufende Einsparung im Jahr \(last) (Zielzustand)", "Running savings in \(last) (steady state)"),
        format.money(totals.annualSavings) + words.pick(" pro Jahr", " a year")
      ),
      (
        words.pick("Amortisation", "Payback"),
        plan.paybackYear.map { words.pick("im Jahr \($0)", "in \($0)") }
          ?? words.pick("nicht im Zeitraum", "not within the horizon")
      ),
    ]
    if let first = firstSavingsYear, first != last {
      figures.insert(
        (words.pick("Laufende Einsparung ab", "Running savings from"), String(first)),
        at: 4)
    }
    return figures
  }

  /// Money per year: running costs, one-time costs, balance and the discounted cumulative savings.
  var financeTable: Table {
    let headers = [
      words.pick("Jahr", "Year"), words.pick("laufende Kosten Status quo", "Running cost, status quo"),
      words.pick("laufende Kosten mit Plan", "Running cost, plan"),
      words.pick("Einsparung laufend", "Running savings"), words.pick("Einmalkosten", "One-time cost"),
      words.pick("Saldo des Jahres", "Balance of the year"),
      words.pick("kumuliert, abgezinst", "Cumulative, discounted"),
    ]
    let rows = years.map { year in
      [
        Cell(text: String(year.year)), Cell(text: format.money(year.baselineRunning), numeric: true),
        Cell(text: format.money(year.planRunning), numeric: true),
        Cell(text: format.money(year.runningSavings), numeric: true),
        Cell(text: format.money(year.oneTime), numeric: true),
        Cell(text: format.money(year.balance), numeric: true),
        Cell(text: format.money(year.cumulativeSavings), numeric: true),
      ]
    }
    let footer = [
      Cell(text: words.pick("Summe", "Total")),
      Cell(text: format.money(years.reduce(0) { $0 + $1.baselineRunning }), numeric: true),
      Cell(text: format.money(years.reduce(0) { $0 + $1.planRunning }), numeric: true),
      Cell(text: format.money(years.reduce(0) { $0 + $1.runningSavings }), numeric: true),
      Cell(text: format.money(years.reduce(0) { $0 + $1.oneTime }), numeric: true),
      Cell(text: format.money(years.reduce(0) { $0 + $1.balance }), numeric: true),
      Cell(text: format.money(years.last?.cumulativeSavings ?? 0), numeric: true),
    ]
    return Table(headers: headers, numeric: Set(1...6), rows: rows, footer: years.isEmpty ? nil : footer)
  }

  /// Concerns and disruption weighed in the choice, in plain words (they are no payments).
  var weighedConcerns: String? {
    guard let totals = plan.totals, totals.concernPenalty >= 0.5 || totals.disruptionPenalty >= 0.5 else {
      return nil
    }
    var german: [String] = []
    var english: [String] = []
    if totals.concernPenalty >= 0.5 {
      german.append("Bedenken der Fachbereiche mit \(format.money(totals.concernPenalty))")
      english.append("the units' concerns at \(format.money(totals.concernPenalty))")
    }
    if totals.disruptionPenalty >= 0.5 {
      german.append("der Umstellungsaufwand mit \(format.money(totals.disruptionPenalty))")
      english.append("the disruption at \(format.money(totals.disruptionPenalty))")
    }
    return words.pick(
      "Bei der Auswahl wurden außerdem \(german.joined(separator: " und ")) bewertet und mitgewogen. Das sind "
        + "keine Zahlungen; sie sind in den Barwerten nicht enthalten.",
      "The choice also weighed \(english.joined(separator: " and ")). These are no payments and are not in the "
        + "present values.")
  }

  // MARK: Personelle Auswirkungen

  /// IT FTE of each unit in each year of the horizon: home units lose what moved by then,
  /// providers gain what their centres do (effective and quoted FTE).
  var staffTable: Table {
    let yearList = plan.waves.map(\.year)
    var headers = [words.pick("Einheit", "Unit"), words.pick("heute", "today")]
    headers += yearList.map(String.init)
    let rows = plan.units.map { unit in
      [Cell(text: Escape.name(unit.name)), Cell(text: figure(unit.fteBefore), numeric: true)]
        + yearList.map { Cell(text: figure(staff(of: unit, in: $0)), numeric: true) }
    }
    let footer =
      [
        Cell(text: words.pick("Summe", "Total")),
        Cell(text: figure(plan.units.reduce(0) { $0 + $1.fteBefore }), numeric: true),
      ]
      + yearList.map { year in
        Cell(text: figure(plan.units.reduce(0) { $0 + staff(of: $1, in: year) }), numeric: true)
      }
    return Table(
      headers: headers, numeric: Set(1..<headers.count), rows: rows, footer: plan.units.isEmpty ? nil : footer
    )
  }

  /// The IT FTE of `unit` in `year`.
  func staff(of unit: Plan.UnitSummary, in year: Int) -> Double {
    guard year < plan.lastYear else { return unit.fteAfter }
    let centres = plan.centres.filter { $0.provider == unit.id }
    var value = unit.fteBefore
    for centre in centres {
      value -= centre.fteBefore
      if let figures = centre.years.first(where: { $0.year == year }) {
        value += figures.open ? figures.effectiveFTE + figures.quotedFTE : 0
      }
    }
    for task in index.tasksByUnit[unit.id] ?? [] {
      for part in task.moves where part.year <= year { value -= task.fte * part.share }
    }
    return PlanIndex.clean(max(0, value))
  }

  /// The moves summed per task family and provider, for the changes chart.
  struct MoveGroup {
    var family: String
    var provider: String
    var tasks: Int
    var units: Int
    var fte: Double
  }

  /// Moves per family and provider, in family order and then by FTE.
  var moveGroups: [MoveGroup] {
    var groups: [[String]: (tasks: Int, units: Set<String>, fte: Double)] = [:]
    var order: [[String]] = []
    for task in plan.tasks {
      for part in task.moves {
        let key = [task.family, part.provider]
        if groups[key] == nil {
          groups[key] = (0, [], 0)
          order.append(key)
        }
        groups[key]?.tasks += 1
        groups[key]?.units.insert(task.unit)
        groups[key]?.fte += task.fte * part.share
      }
    }
    return order.map { key in
      let group = groups[key] ?? (0, [], 0)
      return MoveGroup(
        family: key[0], provider: key[1], tasks: group.tasks, units: group.units.count,
        fte: PlanIndex.clean(group.fte))
    }
    .sorted {
      let left = index.familyIndex[$0.family] ?? 0
      let right = index.familyIndex[$1.family] ?? 0
      return left != right ? left < right : $0.fte > $1.fte
    }
  }

  // MARK: Alternativen

  /// The alternatives in words: keeping the status quo, and what else was (not) computed.
  var alternatives: [String] {
    guard let totals = plan.totals else { return [] }
    var lines = [
      words.pick(
        "Status quo (alles bleibt, wie es ist): Barwert \(format.money(totals.baselineNPV)), also "
          + "\(format.money(totals.npvSavings)) mehr als mit dem Plan über \(plan.horizon.years) Jahre.",
        "Status quo (everything stays as it is): NPV \(format.money(totals.baselineNPV)), that is "
          + "\(format.money(totals.npvSavings)) more than the plan over \(plan.horizon.years) years.")
    ]
    lines.append(
      closestDecisions == nil
        ? words.pick(
          "Andere Varianten und nahezu gleich gute Pläne lagen diesem Bericht nicht vor, und was die Umkehr "
            + "einzelner Entscheidungen kosten würde, wurde nicht beziffert.",
          "No other variants or near-optimal plans were available for this report, and the cost of reversing "
            + "single decisions was not computed.")
        : words.pick(
          "Andere Varianten und nahezu gleich gute Pläne lagen diesem Bericht nicht vor. Wie knapp die Empfehlung "
            + "ist, zeigen die Entscheidungen, deren Umkehr am wenigsten kosten würde (neu berechnet mit der "
            + "jeweils anderen Entscheidung):",
          "No other variants or near-optimal plans were available for this report. How close the recommendation "
            + "is shows in the decisions whose reversal would cost least (re-computed with the other decision):"
        ))
    if plan.alternatives != nil {
      // The near-optimal plans are in this report after all (`zentral plan --alternatives`).
      lines[lines.count - 1] =
        closestDecisions == nil
        ? words.pick(
          "Andere Varianten lagen diesem Bericht nicht vor; nahezu gleich gute Pläne stehen unter „Nahezu "
            + "gleichwertige Pläne“. Was die Umkehr einzelner Entscheidungen kosten würde, wurde nicht beziffert.",
          "No other variants were available for this report; near-optimal plans are listed under \u{201C}Near-optimal "
            + "plans\u{201D}. The cost of reversing single decisions was not computed.")
        : words.pick(
          "Andere Varianten lagen diesem Bericht nicht vor; nahezu gleich gute Pläne stehen unter „Nahezu "
            + "gleichwertige Pläne“. Wie knapp die Empfehlung ist, zeigen auch die Entscheidungen, deren Umkehr am "
            + "wenigsten kosten würde (neu berechnet mit der jeweils anderen Entscheidung):",
          "No other variants were available for this report; near-optimal plans are listed under \u{201C}Near-optimal "
            + "plans\u{201D}. How close the recommendation is also shows in the decisions whose reversal would cost "
            + "least (re-computed with the other decision):")
    }
    return lines
  }

  /// The decisions closest to going the other way: the smallest costs of the opposite.
  var closestDecisions: Table? {
    let priced = plan.tasks.compactMap { task in task.reason.flip.map { (task, $0) } }
      .sorted { $0.1.total < $1.1.total }
      .prefix(8)
    guard !priced.isEmpty else { return nil }
    let headers = [
      words.pick("Aufgabe", "Task"), words.pick("Einheit", "Unit"),
      words.pick("Empfehlung", "Recommendation"),
      words.pick("Mehrkosten der anderen Entscheidung (Barwert)", "Extra cost of the other decision (NPV)"),
    ]
    let rows = priced.map { task, flip in
      [
        Cell(text: index.name(task)), Cell(text: index.unitName(task.unit)),
        Cell(text: sentences.decision(of: task)), Cell(text: format.money(flip.total), numeric: true),
      ]
    }
    return Table(headers: headers, numeric: [3], rows: Array(rows), footer: nil)
  }

  // MARK: Risiken und Annahmen

  /// What could change the recommendation, in plain words.
  var risks: [String] {
    var items: [String] = []
    if let euros = gapEuros, euros >= 0.5 {
      items.append(
        words.pick(
          "Die Suche hat nicht bewiesen, dass der Plan der günstigste ist: ein anderer könnte bis zu "
            + "\(format.money(euros)) (Barwert) günstiger sein.",
          "The search did not prove the plan the cheapest: another could be up to \(format.money(euros)) (NPV) "
            + "cheaper."))
    }
    let flips = plan.tasks.compactMap { task in task.reason.flip.map { (task, $0.total) } }
    let ties = flips.filter { $0.1 < 0.5 }
    if !ties.isEmpty {
      items.append(
        words.pick(
          "\(ties.count == 1 ? "Eine Entscheidung ist" : "\(ties.count) Entscheidungen sind") ein Gleichstand: die "
            + "andere Entscheidung kostet nicht mehr (z. B. \(index.name(ties[0].0))). Hier können andere Gründe "
            + "entscheiden, ohne dass der Plan teurer wird.",
          "\(ties.count == 1 ? "One decision is" : "\(ties.count) decisions are") a tie: the other decision costs "
            + "no more (e.g. \(index.name(ties[0].0))). Other reasons may decide these without making the plan "
            + "dearer."))
    }
    if let totals = plan.totals, totals.npvSavings > 0,
      let closest = flips.filter({ $0.1 >= 0.5 }).min(by: { $0.1 < $1.1 })
    {
      let share = closest.1 / totals.npvSavings
      items.append(
        words.pick(
          "Die knappste Entscheidung mit Kostenunterschied (\(index.name(closest.0))) kippt bei "
            + "\(format.money(closest.1)) (\(format.percent(share, decimals: 0)) der Einsparung): ändern sich Kosten "
            + "oder VZÄ dieser Aufgabe, kann die andere Entscheidung günstiger werden (siehe „Alternativen“).",
          "The closest decision with a cost difference (\(index.name(closest.0))) turns at "
            + "\(format.money(closest.1)) (\(format.percent(share, decimals: 0)) of the savings): if the task's cost "
            + "or FTE change, the other decision may become cheaper (see “Alternatives”)."))
    }
    if plan.paybackYear == nil, plan.hasSolution {
      items.append(
        words.pick(
          "Die Einmalkosten sind bis \(plan.lastYear) nicht wieder eingespielt.",
          "The one-time cost is not recovered by \(plan.lastYear)."))
    }
    if let concerns = weighedConcerns { items.append(concerns) }
    if plan.sensitivity != nil {
      items.append(
        words.pick(
          "Alle Beträge beruhen auf den Kostensätzen je VZÄ, Angeboten und Skaleneffekten des Szenarios; sie sind "
            + "Schätzungen, keine Haushaltsansätze. Wie weit sie sich ändern dürfen, bevor sich die Empfehlung "
            + "ändert, zeigt die Empfindlichkeitsrechnung unten.",
          "Every amount rests on the scenario's cost per FTE, quotes and economies of scale; they are estimates, not "
            + "budget lines. How far they may change before the recommendation changes is shown by the "
            + "sensitivity analysis below."))
    } else {
      items.append(
        words.pick(
          "Alle Beträge beruhen auf den Kostensätzen je VZÄ, Angeboten und Skaleneffekten des Szenarios; sie sind "
            + "Schätzungen, keine Haushaltsansätze. Eine Empfindlichkeitsrechnung (andere Kostensätze, andere "
            + "Vorgaben) lag diesem Bericht nicht vor.",
          "Every amount rests on the scenario's cost per FTE, quotes and economies of scale; they are estimates, not "
            + "budget lines. No sensitivity analysis (other rates, other rules) was available for this report."
        )
      )
    }
    return items
  }

  /// The rounding rule of the report, in one sentence.
  var roundingNote: String {
    words.pick(
      "Rundung: Beträge auf volle Euro (in Grafiken auf Tausend oder Millionen), VZÄ auf eine Nachkommastelle, "
        + "Anteile auf ganze Prozent; Summen sind aus ungerundeten Werten gebildet.",
      "Rounding: money to whole euros (in charts to thousands or millions), FTE to one decimal, shares to whole "
        + "percent; totals are summed before rounding.")
  }

  // MARK: Infeasible

  /// What would make the conflicting rules compatible, one suggestion per rule, with the numbers.
  var remedies: [String] {
    guard let diagnosis = plan.diagnosis else { return [] }
    var items: [String] = []
    if let shortfall = diagnosis.shortfall {
      let missing = max(0, shortfall.need - shortfall.limit)
      items.append(
        words.pick(
          "Die Kapazität bei \(index.unitName(shortfall.provider)) im Jahr \(shortfall.year) um mindestens "
            + "\(fte(missing)) auf \(fte(shortfall.need)) erhöhen, oder die vorgegebenen Wechsel bzw. Fristen "
            + "entsprechend später legen.",
          "Raise the capacity of \(index.unitName(shortfall.provider)) in \(shortfall.year) by at least "
            + "\(fte(missing)) to \(fte(shortfall.need)), or move the forced moves or deadlines later accordingly."
        ))
    }
    for conflict in diagnosis.conflicts {
      let year = conflict.year.map(String.init) ?? ""
      let limit = conflict.limit ?? 0
      switch conflict.rule {
      case .capacity:
        if diagnosis.shortfall?.provider == conflict.provider && diagnosis.shortfall?.year == conflict.year {
          continue
        }
        items.append(
          words.pick(
            "die Kapazität bei \(index.unitName(conflict.provider ?? "")) \(year) über \(fte(limit)) anheben",
            "raise the capacity of \(index.unitName(conflict.provider ?? "")) in \(year) above \(fte(limit))")
        )
      case .budget:
        items.append(
          words.pick(
            "das Einmalbudget \(year) über \(format.money(limit)) anheben",
            "raise the one-time budget for \(year) above \(format.money(limit))"))
      case .changeCapacity:
        items.append(
          words.pick(
            "die Veränderungskapazität \(year) über \(fte(limit)) anheben",
            "raise the change capacity for \(year) above \(fte(limit))"))
      case .pilotOrder:
        items.append(
          words.pick(
            "die Pilotierung von „\(index.familyName(conflict.family ?? ""))“ früher beginnen oder aufgeben",
            "start the pilot of \(index.familyName(conflict.family ?? "")) earlier or drop it"))
      case .deadline:
        items.append(
          words.pick(
            "die Frist für „\(index.familyName(conflict.family ?? ""))“ später als \(year) legen",
            "set the deadline of \(index.familyName(conflict.family ?? "")) later than \(year)"))
      case .together:
        items.append(
          words.pick(
            "die Aufgaben \(list((conflict.tasks ?? []).map(index.taskName))) einzeln wechseln lassen",
            "let tasks \(list((conflict.tasks ?? []).map(index.taskName))) move one by one"))
      case .mustMove:
        items.append(
          words.pick(
            "die Vorgabe, dass \(index.taskName(conflict.task ?? "")) wechseln muss, aufheben oder später erfüllen",
            "drop the rule that \(index.taskName(conflict.task ?? "")) must move, or meet it later"))
      case .retained:
        items.append(
          words.pick(
            "die Mindest-IT, die \(index.unitName(conflict.unit ?? "")) behält, unter \(fte(limit)) senken",
            "lower the IT \(index.unitName(conflict.unit ?? "")) keeps below \(fte(limit))"))
      case .savingsTarget:
        items.append(
          conflict.measure == .fte
            ? words.pick(
              "das Einsparziel von \(fte(limit)) bis \(year) senken oder später erreichen",
              "lower the savings target of \(fte(limit)) by \(year), or reach it later")
            : words.pick(
              "das Einsparziel von \(format.money(limit)) jährlich bis \(year) senken oder später erreichen",
              "lower the savings target of \(format.money(limit)) a year by \(year), or reach it later"))
      case .criticalMass:
        items.append(
          words.pick(
            "die Mindestgröße von \(fte(limit)) für das Kompetenzzentrum „\(index.familyName(conflict.family ?? ""))“ "
              + "bei \(index.unitName(conflict.provider ?? "")) senken",
            "lower the critical mass of \(fte(limit)) of the \(index.familyName(conflict.family ?? "")) centre at "
              + "\(index.unitName(conflict.provider ?? ""))"))
      case .confidential:
        items.append(
          words.pick(
            "für \(index.taskName(conflict.task ?? "")) einen öffentlichen Anbieter zulassen oder die Vertraulichkeit "
              + "neu bewerten",
            "allow a public provider for \(index.taskName(conflict.task ?? "")), or review its confidentiality"
          ))
      case .separation:
        items.append(
          words.pick(
            "die Trennung der Aufgabe \(index.taskName(conflict.task ?? "")) von "
              + "\(list((conflict.families ?? []).map { "„" + index.familyName($0) + "“" })) aufheben oder einen "
              + "weiteren Anbieter zulassen",
            "drop the separation of task \(index.taskName(conflict.task ?? "")) from "
              + "\(list((conflict.families ?? []).map(index.familyName))), or allow another provider"))
      case .retainedRole:
        items.append(
          words.pick(
            "die Rolle, die \(index.unitName(conflict.unit ?? "")) behalten muss, kleiner fassen (mindestens "
              + "\(fte(limit)))",
            "make the role \(index.unitName(conflict.unit ?? "")) must keep smaller (at least \(fte(limit)))")
        )
      case .done:
        items.append(
          words.pick(
            "prüfen, ob der bereits umgesetzte Wechsel von \(index.taskName(conflict.task ?? "")) richtig erfasst "
              + "ist, oder die Vorgaben, die ihm widersprechen, anpassen",
            "check that the move of \(index.taskName(conflict.task ?? "")) already carried out is recorded "
              + "correctly, or change the rules that contradict it"))
      }
    }
    return items
  }

  // MARK: Helpers

  /// `a, b und c` / `a, b and c`.
  func list(_ items: [String]) -> String { sentences.list(items) }

  func orderedUnique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
