/// The one vocabulary of zentral: every sentence a person reads about a plan (the CLI summary,
/// task decisions and reasons, conflicts, notes, the report) rendered from the structured plan in
/// German or English. German is written in the register of a council paper ("Verbleib",
/// "Mehrkosten eines Verbleibs", "zweckgebunden"); names, never ids or rule tags, appear in text;
/// numbers follow the language (`1.234.567 €`, `EUR 1,234,567`).
public struct PlanWords: Sendable {
  /// The plan the words are about (names of units, families and tasks).
  public let plan: Plan
  /// The language.
  public let language: ReportLanguage
  /// Numbers in that language.
  public let format: LocaleFormat
  /// Marks a user-supplied name inside a sentence (the exporters isolate it per format).
  private let mark: @Sendable (String) -> String
  private let unitNames: [String: String]
  private let familyNames: [String: String]
  private let taskNames: [String: String]

  /// Words about `plan` in `language`; `mark` wraps every name put into a sentence.
  public init(
    _ plan: Plan, language: ReportLanguage? = nil,
    mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) {
    self.init(plan, language: language, format: nil, mark: mark)
  }

  /// Words about `plan` in `language` with numbers written by `format` (its language wins; `nil`:
  /// the language's default format); `mark` wraps every name put into a sentence.
  public init(
    _ plan: Plan, language: ReportLanguage?, format: LocaleFormat?,
    mark: @escaping @Sendable (String) -> String = PlanWords.plain
  ) {
    self.plan = plan
    self.language = format?.language ?? language ?? plan.language
    self.format = format ?? LocaleFormat(self.language)
    self.mark = mark
    var units: [String: String] = [:]
    for node in plan.org where units[node.id] == nil { units[node.id] = node.name }
    for unit in plan.units where units[unit.id] == nil { units[unit.id] = unit.name }
    unitNames = units
    var families: [String: String] = [:]
    for family in plan.families where families[family.id] == nil { families[family.id] = family.name }
    familyNames = families
    var tasks: [String: String] = [:]
    for task in plan.tasks where tasks[task.id] == nil { tasks[task.id] = task.name }
    for task in plan.diagnosis?.tasks ?? [] where tasks[task.id] == nil { tasks[task.id] = task.name }
    taskNames = tasks
  }

  /// A name for a terminal: control characters dropped.
  @Sendable public static func plain(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.unicodeScalars.filter {
          !$0.properties.isDefaultIgnorableCodePoint && $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value)
        }))
  }

  /// The German or the English text.
  public func pick(_ german: String, _ english: String) -> String { language == .de ? german : english }

  // MARK: Names

  /// A unit's name (its id only when the plan does not know it), marked.
  public func unit(_ id: String) -> String { mark(unitNames[id] ?? id) }
  /// A family's name, marked.
  public func family(_ id: String) -> String { mark(familyNames[id] ?? id) }
  /// A task's name, marked.
  public func task(_ id: String) -> String { mark(taskNames[id] ?? id) }
  /// A family's name in German quotes („…“) or plain in English.
  func quotedFamily(_ id: String) -> String { pick("„\(family(id))“", family(id)) }

  /// "an das IT-Referat" / "to IT-Referat".
  func toUnit(_ id: String) -> String {
    pick("an " + GermanArticle.accusative(unitNames[id] ?? id, marked: unit(id)), "to " + unit(id))
  }

  /// "beim IT-Referat" / "at IT-Referat".
  func atUnit(_ id: String) -> String {
    pick(GermanArticle.atDative(unitNames[id] ?? id, marked: unit(id)), "at " + unit(id))
  }

  /// `a, b und c` / `a, b and c`.
  public func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + pick(" und ", " and ") + items[items.count - 1]
  }

  // MARK: Names of things

  /// The status in a word or two.
  public func status(_ status: Plan.Status) -> String {
    switch status {
    case .optimal: pick("optimal", "optimal")
    case .feasible: pick("zulässig (mit Optimalitätslücke)", "feasible (within a gap)")
    case .infeasible: pick("unlösbar", "infeasible")
    case .timeLimit:
      pick("Zeitlimit erreicht (beste gefundene Lösung)", "time limit reached (best plan found)")
    case .stopped: pick("abgebrochen (beste gefundene Lösung)", "stopped (best plan found)")
    }
  }

  /// How far the plan may be from the optimum: "Lücke 0,52 %" ("gap 0.52%"), "Lücke < 0,01 %",
  /// or "noch keine Schranke" ("no bound yet") for a plan without a computed bound; `nil` for an
  /// optimal plan or one without a solution.
  public var gap: String? {
    guard plan.status != .optimal, plan.hasSolution else { return nil }
    guard let gap = plan.gap, plan.hasBound else { return pick("noch keine Schranke", "no bound yet") }
    if gap * 100 < 0.01 { return pick("Lücke < 0,01 %", "gap < 0.01%") }
    return pick("Lücke ", "gap ") + format.percent(gap, decimals: 2)
  }

  /// The decision in a word.
  public func decision(_ decision: Plan.Decision) -> String {
    switch decision {
    case .stay: pick("Verbleib", "stays")
    case .move: pick("Wechsel", "moves")
    case .partial: pick("teilweiser Wechsel", "moves in part")
    }
  }

  /// The kind of a unit.
  public func kind(_ kind: Plan.UnitKind) -> String { Self.kind(kind, language: language) }

  /// The kind of a unit in `language` (for texts without a plan, such as chart labels).
  public static func kind(_ kind: Plan.UnitKind, language: ReportLanguage) -> String {
    let pick: (String, String) -> String = { language == .de ? $0 : $1 }
    return switch kind {
    case .administration: pick("Verwaltung", "administration")
    case .division: pick("Dezernat", "division")
    case .department: pick("Fachbereich/Referat", "department")
    case .enterprise: pick("Eigenbetrieb", "municipal enterprise")
    case .staff: pick("Stabsstelle", "staff unit")
    case .central: pick("zentrale IT", "central IT")
    case .shared: pick("gemeinsamer Dienstleister", "shared-service provider")
    }
  }

  /// The rule that decided a task, in a few words.
  public func rule(_ rule: TaskReason.Rule) -> String {
    switch rule {
    case .dedicated: pick("zweckgebunden", "dedicated")
    case .notEligible: pick("kein Anbieter zulässig", "no eligible provider")
    case .mustStay: pick("Verbleib vorgegeben", "must stay")
    case .mustMove: pick("Wechsel vorgegeben", "must move")
    case .deadline: pick("Frist", "deadline")
    case .economic: pick("wirtschaftlich", "economic")
    case .infeasibleFlip: pick("Gegenteil unzulässig", "opposite not possible")
    case .notComputed: pick("wirtschaftlich (nicht beziffert)", "economic (not priced)")
    case .done: pick("bereits umgesetzt", "already done")
    }
  }

  /// A kind of rule in a conflict, in a few words.
  public func rule(_ rule: Conflict.Rule) -> String {
    switch rule {
    case .capacity: pick("Kapazität des Anbieters", "provider capacity")
    case .budget: pick("Budget der Welle", "wave budget")
    case .changeCapacity: pick("Veränderungskapazität der Welle", "change capacity of the wave")
    case .pilotOrder: pick("Pilotreihenfolge", "pilot order")
    case .deadline: pick("Frist", "deadline")
    case .together: pick("gemeinsamer Wechsel", "move together")
    case .mustMove: pick("Wechsel vorgegeben", "must move")
    case .retained: pick("verbleibende IT-Steuerung", "retained IT organisation")
    case .savingsTarget: pick("Einsparziel", "savings target")
    case .criticalMass: pick("Mindestgröße des Kompetenzzentrums", "critical mass of the centre")
    case .done: pick("bereits umgesetzt", "already done")
    case .confidential, .separation, .retainedRole: legalRule(rule)
    }
  }

  // MARK: Tasks

  /// What happens to a task: "Verbleib", "Wechsel 2026 an das IT-Referat", "teilweiser Wechsel:
  /// 40 % 2026 an das IT-Referat" / "stays", "moves to IT-Referat in 2026", ...
  public func decision(of task: Plan.TaskDecision) -> String {
    guard !task.moves.isEmpty else { return decision(.stay) }
    let parts = task.moves.map { part in
      let share = part.share >= 1 - 1e-6 ? "" : format.percent(part.share, decimals: 0) + " "
      return pick(
        "\(share)\(part.year) \(toUnit(part.provider))", "\(share)\(toUnit(part.provider)) in \(part.year)")
    }
    let head = task.decision == .partial ? decision(.partial) + ":" : decision(.move)
    return head + " " + parts.joined(separator: "; ")
  }

  /// Why a task is decided the way it is, with the money where it was decided on the merits.
  public func reason(of task: Plan.TaskDecision) -> String {
    let reason = task.reason
    let moved = !task.moves.isEmpty
    switch reason.rule {
    case .dedicated:
      let note = reason.note.map { ": " + mark($0) } ?? ""
      return pick(
        "zweckgebunden für "
          + GermanArticle.accusative(unitNames[task.unit] ?? task.unit, marked: unit(task.unit)),
        "dedicated to \(unit(task.unit))") + note
    case .notEligible:
      return pick(
        "kein Anbieter darf Aufgaben aus \(quotedFamily(task.family)) übernehmen",
        "no provider may take over \(family(task.family)) work")
    case .mustStay:
      return pick("der Verbleib ist vorgegeben", "the policy says it must stay")
    case .mustMove:
      if let year = reason.year {
        return pick("der Wechsel bis \(year) ist vorgegeben", "the policy says it must move by \(year)")
      }
      return pick("der Wechsel ist vorgegeben", "the policy says it must move")
    case .done:
      return doneText(reason)
    case .deadline:
      let by = reason.year.map { pick(" bis \($0)", " by \($0)") } ?? ""
      if reason.own == true {
        return pick("Frist: die Aufgabe wechselt\(by)", "deadline: the task moves\(by)")
      }
      return pick(
        "Frist: alle Aufgaben aus \(quotedFamily(task.family)) wechseln\(by)",
        "deadline: every task of \(family(task.family)) moves\(by)")
    case .economic:
      guard let flip = reason.flip else { return rule(.economic) + together(reason) }
      return flipText(flip, moved: moved) + together(reason) + closeCallText(reason.closeCall)
    case .infeasibleFlip:
      let conflicts = reason.conflicts ?? []
      let why =
        conflicts.isEmpty
        ? pick("es gäbe keinen zulässigen Plan", "there would be no feasible plan")
        : conflicts.map(conflict).joined(separator: "; ")
      let opposite =
        moved ? pick("Ein Verbleib", "Keeping it") : pick("Ein vollständiger Wechsel", "Moving it in full")
      return pick("\(opposite) ist nicht zulässig: \(why)", "\(opposite) is not possible: \(why)")
        + together(reason)
    case .notComputed:
      let cost =
        moved
        ? pick("Mehrkosten eines Verbleibs", "the cost of keeping it")
        : pick("Mehrkosten eines vollständigen Wechsels", "the cost of moving it in full")
      return pick(
        "wirtschaftlich entschieden; \(cost) nicht beziffert (\(notComputed(reason.why ?? .notRequested)))",
        "decided on the merits; \(cost) was not computed (\(notComputed(reason.why ?? .notRequested)))")
        + together(reason)
    }
  }

  /// The flip cost, split into money and penalty; a bracket when the explain budget cut the
  /// re-solve short.
  func flipText(_ flip: TaskReason.Flip, moved: Bool) -> String {
    if let least = flip.atLeast {
      let opposite =
        moved
        ? pick("Mehrkosten eines Verbleibs", "keeping it would cost")
        : pick("Mehrkosten eines vollständigen Wechsels", "moving it in full would cost")
      return pick(
        "\(opposite): mindestens \(format.money(least)), höchstens \(format.money(flip.total)) "
          + "(Geld und Bedenken zusammen; im Zeitbudget nicht genauer bestimmt)",
        "\(opposite) at least \(format.money(least)) and at most \(format.money(flip.total)) more "
          + "(money and concerns together; not narrowed further within the time budget)")
    }
    var text: String
    if moved {
      text =
        flip.money >= 0
        ? pick(
          "Mehrkosten eines Verbleibs: \(format.money(flip.money)) (Barwert)",
          "keeping it would cost \(format.money(flip.money)) more (NPV)")
        : pick(
          "ein Verbleib wäre um \(format.money(-flip.money)) günstiger (Barwert)",
          "keeping it would save \(format.money(-flip.money)) (NPV)")
    } else {
      text =
        flip.money >= 0
        ? pick(
          "Mehrkosten eines vollständigen Wechsels: \(format.money(flip.money)) (Barwert)",
          "moving it in full would cost \(format.money(flip.money)) more (NPV)")
        : pick(
          "ein vollständiger Wechsel wäre um \(format.money(-flip.money)) günstiger (Barwert)",
          "moving it in full would save \(format.money(-flip.money)) (NPV)")
    }
    if flip.penalty >= 0.5 {
      text += pick(
        "; hinzu kämen Bedenken und Umstellungsaufwand im Wert von \(format.money(flip.penalty))",
        "; it would add \(format.money(flip.penalty)) of concerns and disruption")
    } else if flip.penalty <= -0.5 {
      text += pick(
        "; Bedenken und Umstellungsaufwand im Wert von \(format.money(-flip.penalty)) entfielen",
        "; it would avoid \(format.money(-flip.penalty)) of concerns and disruption")
    }
    return text
  }

  /// " (gemeinsam mit A und B)" / " (together with A and B)", or nothing.
  func together(_ reason: TaskReason) -> String {
    guard let others = reason.together, !others.isEmpty else { return "" }
    return pick(" (gemeinsam mit ", " (together with ") + list(others.map(task)) + ")"
  }

  /// Why a flip was not priced.
  public func notComputed(_ why: TaskReason.NotComputed) -> String {
    switch why {
    case .timeLimit: pick("das Zeitlimit war erreicht", "the time limit was reached")
    case .stopped: pick("der Lauf wurde abgebrochen", "the run was stopped")
    case .noBound:
      pick(
        "ohne bewiesene Schranke wäre der Betrag nicht belastbar",
        "without a proven bound it would not be exact")
    case .unproven:
      pick("die Nachrechnung fand kein bewiesenes Optimum", "its re-solve found no proven optimum")
    case .decomposed:
      pick("bei einer nach Aufgabenbereichen zerlegten Lösung", "the plan was solved by decomposition")
    case .notRequested: pick("nicht angefordert", "not requested")
    case .explainBudget:
      pick(
        "das Zeitbudget der Erläuterungen war aufgebraucht",
        "the time budget for explanations was used up")
    }
  }

  // MARK: Conflicts

  /// One rule of a conflict with its numbers.
  public func conflict(_ conflict: Conflict) -> String {
    let year = conflict.year.map(String.init) ?? ""
    let limit = conflict.limit ?? 0
    switch conflict.rule {
    case .capacity:
      let provider = conflict.provider ?? ""
      return pick(
        "die Kapazität \(atUnit(provider)) beträgt \(year) höchstens \(format.fte(limit))",
        "capacity of \(unit(provider)) in \(year) is \(format.fte(limit))")
    case .budget:
      return pick(
        "das Einmalbudget \(year) beträgt \(format.money(limit))",
        "the one-time budget for \(year) is \(format.money(limit))")
    case .changeCapacity:
      return pick(
        "\(year) können höchstens \(format.fte(limit)) wechseln",
        "at most \(format.fte(limit)) can move in \(year)")
    case .pilotOrder:
      let family = conflict.family ?? ""
      let units = list((conflict.units ?? []).map(unit))
      return pick(
        "\(quotedFamily(family)) wird bei \(units) pilotiert: andere Einheiten wechseln erst in einer Welle "
          + "nach dem ersten Pilotwechsel",
        "\(self.family(family)) is piloted at \(units): tasks elsewhere move only in a wave after a pilot task "
          + "has moved")
    case .deadline:
      if let task = conflict.task {
        return pick(
          "die Aufgabe \(self.task(task)) muss bis \(year) wechseln",
          "task \(self.task(task)) must move by \(year)")
      }
      return pick(
        "alle wechselbaren Aufgaben aus \(quotedFamily(conflict.family ?? "")) müssen bis \(year) wechseln",
        "every movable task of \(family(conflict.family ?? "")) must move by \(year)")
    case .together:
      let tasks = list((conflict.tasks ?? []).map(task))
      return pick(
        "die Aufgaben \(tasks) wechseln gemeinsam (gleicher Anbieter, gleiche Welle, gleicher Anteil)",
        "tasks \(tasks) move together (same provider, same wave, same share)")
    case .mustMove:
      if conflict.year != nil {
        return pick(
          "für die Aufgabe \(task(conflict.task ?? "")) ist der Wechsel bis \(year) vorgegeben",
          "task \(task(conflict.task ?? "")) must move by \(year)")
      }
      return pick(
        "für die Aufgabe \(task(conflict.task ?? "")) ist der Wechsel vorgegeben",
        "task \(task(conflict.task ?? "")) must move")
    case .done:
      let provider = conflict.provider ?? ""
      return pick(
        "die Aufgabe \(task(conflict.task ?? "")) ist bereits \(year) \(toUnit(provider)) gewechselt "
          + "(bereits umgesetzt)",
        "task \(task(conflict.task ?? "")) already moved \(toUnit(provider)) in \(year) (already done)")
    case .retained:
      let unit = conflict.unit ?? ""
      let total = format.fte(conflict.total ?? 0)
      return pick(
        "\(self.unit(unit)) behält mindestens \(format.fte(limit)) seiner IT-Arbeit von \(total)",
        "\(self.unit(unit)) keeps at least \(format.fte(limit)) of its \(total) of IT work")
    case .savingsTarget:
      return conflict.measure == .fte
        ? pick(
          "der Plan muss bis \(year) \(format.fte(limit)) einsparen",
          "the plan must save \(format.fte(limit)) by \(year)")
        : pick(
          "der Plan muss bis \(year) jährlich \(format.money(limit)) einsparen",
          "the plan must save \(format.money(limit)) a year by \(year)")
    case .criticalMass:
      let family = conflict.family ?? ""
      let provider = conflict.provider ?? ""
      return pick(
        "ein Kompetenzzentrum für \(quotedFamily(family)) \(atUnit(provider)) braucht mindestens \(format.fte(limit))",
        "a \(self.family(family)) centre at \(unit(provider)) needs at least \(format.fte(limit))")
    case .confidential, .separation, .retainedRole:
      return legalConflict(conflict)
    }
  }

  /// Why an infeasible scenario has no plan, in one sentence.
  public var diagnosis: String {
    guard let diagnosis = plan.diagnosis else {
      return pick(
        "Kein Plan erfüllt alle Vorgaben; der Konflikt wurde nicht analysiert.",
        "No plan satisfies every rule; the conflict was not analysed.")
    }
    if diagnosis.conflicts.isEmpty {
      return pick(
        "Schon ohne die Vorgaben ist kein Plan möglich: die Daten des Szenarios widersprechen sich.",
        "No plan is possible even without the policy rules: the data of the scenario is contradictory.")
    }
    if let shortfall = diagnosis.shortfall {
      let label =
        shortfall.mustMove && shortfall.deadline
        ? pick("Vorgegebene Wechsel und Fristen", "Must-move tasks and tasks with a deadline")
        : shortfall.mustMove
          ? pick("Vorgegebene Wechsel", "Must-move tasks") : pick("Fristen", "Tasks with a deadline")
      let families = list(shortfall.families.map(quotedFamily))
      return pick(
        "\(label) in \(families) brauchen \(shortfall.year) \(atUnit(shortfall.provider)) "
          + "\(format.fte(shortfall.need)), die Kapazität dort beträgt \(format.fte(shortfall.limit)).",
        "\(label) of \(families) need \(format.fte(shortfall.need)) at \(unit(shortfall.provider)) in "
          + "\(shortfall.year), capacity there is \(format.fte(shortfall.limit)).")
    }
    return pick("Diese Vorgaben lassen sich nicht gleichzeitig erfüllen.", "These rules cannot all hold.")
  }

  // MARK: Notes

  /// A note on the verdict in full sentences.
  public func note(_ note: Plan.Note) -> String {
    switch note.kind {
    case .brokenPlan:
      return pick(
        "GLPK lieferte einen Plan, der bei exakter Prüfung eine Regel des Modells verletzt; er wurde verworfen.",
        "GLPK returned a plan that breaks a rule of the model when checked in exact terms; it was discarded.")
    case .wrongVerdict:
      let said =
        note.said == .infeasible
        ? pick("„keine zulässige Lösung“", "\"no feasible plan\"")
        : pick("einen numerischen Fehler", "a numerical failure")
      return pick(
        "GLPK meldete zunächst \(said), es gibt aber einen Plan, der jede Regel erfüllt (exakt geprüft); "
          + "der Plan stammt aus einer zweiten, vorsichtigeren Lösung oder ist dieser geprüfte Plan. Ohne "
          + "angegebene Lücke ist seine Güte nicht bewiesen (noch keine Schranke).",
        "GLPK first reported \(said), but a plan that satisfies every rule exists (checked in exact terms); "
          + "the plan comes from a second, safer solve or is that checked plan. Without a stated gap its quality "
          + "is not proven (no bound yet).")
    case .hiddenSavings:
      let objective = format.money(note.objective ?? 0)
      let noise = format.money(note.noise ?? 0)
      let typical = format.money(note.typical ?? 0)
      return pick(
        "Der Zielwert beträgt \(objective); GLPK unterscheidet Pläne nicht, deren Zielwerte sich um weniger als "
          + "etwa \(noise) unterscheiden (ein Zehnmillionstel davon). Das ist mehr als 1 % des Gewichts einer "
          + "typischen Entscheidung (\(typical)): Einsparungen dieser Größe können verdeckt sein. Bitte die "
          + "Beträge des Szenarios auf einen falschen Maßstab prüfen.",
        "The objective is \(objective); GLPK does not tell apart plans whose objectives differ by less than "
          + "about \(noise) (1e-7 of it). That is more than 1 % of a typical decision's weight (\(typical)): "
          + "savings of that size may be hidden. Check the scenario's amounts for a wrong scale.")
    case .decomposed:
      let blocks = note.blocks ?? 0
      let bounded = note.bounded ?? false
      return pick(
        "Gelöst nach Aufgabenbereichen zerlegt (\(blocks) Teilprobleme): "
          + (bounded
            ? "die Schranke stammt aus der LP-Relaxation des Gesamtmodells, aus der Lagrange-Relaxation der "
              + "gemeinsamen Zeilen (die Teilprobleme ganzzahlig gelöst) oder, wenn die LP-Relaxation nicht in das "
              + "Zeitlimit passte, aus denen der Teilprobleme (mit Zeitlimit verbessert durch GLPKs "
              + "Branch-and-Cut), die angegebene Lücke ist also bewiesen. "
            : "das Zeitlimit endete, bevor die LP-Relaxation des Gesamtmodells eine Schranke lieferte (noch "
              + "keine Schranke): wie weit der Plan vom Optimum entfernt ist, ist nicht bekannt. ")
          + "Was das Umkehren einzelner Entscheidungen kosten würde, wurde bei dieser Modellgröße nicht berechnet.",
        "Solved by decomposition into task families (\(blocks) subproblems): "
          + (bounded
            ? "the bound comes from the LP relaxation of the whole model, from the Lagrangian relaxation of the "
              + "shared rows (the subproblems solved as integer programs) or, when the LP relaxation did not fit the time "
              + "limit, from those of the subproblems (improved by GLPK's branch-and-cut under a time limit), so "
              + "the stated gap is proven. "
            : "the time limit ended before the LP relaxation of the whole model gave a bound (no bound yet): how "
              + "far the plan is from the optimum is not known. ")
          + "The cost of flipping single decisions was not computed at this model size.")
    }
  }
}
