import Foundation
import Testing
import ZentralExport
import ZentralPlan

/// Every sentence rendered from a plan is in the plan's language: German text holds no English
/// words, English text no German ones (names, which come from the user, left aside).
@Suite("One vocabulary, two languages")
struct PlanLanguageTests {
  /// Words of the other language that must not appear (whole words, case-sensitive).
  static let englishWords = [
    "the", "stays", "moves", "move", "keeping", "would", "cost", "policy", "must", "task", "tasks",
    "deadline",
    "capacity", "budget", "not", "computed", "dedicated", "economic", "provider", "together", "warning",
    "status", "savings", "baseline", "payback", "NPV", "FTE", "EUR", "none", "bound", "objective", "plan",
    "rules", "of", "in part", "time limit", "stopped", "feasible", "infeasible",
  ]
  static let germanWords = [
    "Verbleib", "Wechsel", "wechseln", "wechselt", "bleibt", "Mehrkosten", "zweckgebunden", "vorgegeben",
    "Frist", "Aufgabe", "Aufgaben", "Kapazität", "nicht", "und", "beträgt", "VZÄ", "€", "Barwert",
    "Einsparung", "Zielwert", "Hinweis", "Ergebnis", "Schranke", "gemeinsam", "der", "die", "das", "beim",
    "bei", "für", "an", "Lücke", "keine", "zulässig", "unlösbar", "teilweise",
  ]

  /// Names replaced by one neutral token, so that only zentral's own words are scanned.
  static let neutral: @Sendable (String) -> String = { _ in "⟨X⟩" }

  /// Words of `text` that belong to the other language's list.
  static func foreign(_ text: String, _ words: [String]) -> [String] {
    words.filter { word in
      text.range(
        of: "(?<![\\p{L}])\(NSRegularExpression.escapedPattern(for: word))(?![\\p{L}])",
        options: .regularExpression)
        != nil
    }
  }

  /// A seed plan made to hold every kind of reason, conflict, note and status.
  static func everyCase(_ name: String, status: Plan.Status) throws -> Plan {
    var plan = try ExportFixtures.plan(name)
    let conflicts: [Conflict] = [
      .init(rule: .capacity, provider: plan.org[1].id, year: 2026, limit: 12.5),
      .init(rule: .budget, year: 2026, limit: 1_234_567),
      .init(rule: .changeCapacity, year: 2027, limit: 3),
      .init(rule: .pilotOrder, family: plan.families[0].id, units: [plan.org[1].id, plan.org[2].id]),
      .init(rule: .deadline, family: plan.families[0].id, year: 2027),
      .init(rule: .together, tasks: Array(plan.tasks.prefix(3).map(\.id))),
      .init(rule: .mustMove, task: plan.tasks[0].id),
      .init(rule: .retained, unit: plan.org[1].id, limit: 1.5, total: 4),
      .init(rule: .savingsTarget, year: 2029, limit: 500_000, measure: .annualCost),
      .init(rule: .savingsTarget, year: 2029, limit: 5, measure: .fte),
      .init(rule: .criticalMass, provider: plan.org[1].id, family: plan.families[0].id, limit: 3),
    ]
    let reasons: [TaskReason] =
      [
        .init(rule: .dedicated, note: "Fachverfahren"), .init(rule: .dedicated), .init(rule: .notEligible),
        .init(rule: .mustStay), .init(rule: .mustMove), .init(rule: .deadline, year: 2027),
        .init(rule: .economic, flip: .init(money: 12_000, penalty: 40_000), together: [plan.tasks[1].id]),
        .init(rule: .economic, flip: .init(money: -5_000, penalty: 9_000)),
        .init(rule: .economic, flip: .init(money: 7_000, penalty: -2_000)),
        .init(rule: .infeasibleFlip, conflicts: conflicts), .init(rule: .infeasibleFlip, conflicts: []),
      ]
      + TaskReason.NotComputed.allCases.map {
        .init(rule: .notComputed, why: $0, together: [plan.tasks[2].id])
      }
    for index in plan.tasks.indices { plan.tasks[index].reason = reasons[index % reasons.count] }
    plan.status = status
    plan.notes =
      [
        .init(kind: .brokenPlan), .init(kind: .wrongVerdict, said: .infeasible),
        .init(kind: .wrongVerdict, said: .numericalFailure),
        .init(kind: .hiddenSavings, noise: 1_000, objective: 1e10, typical: 50_000),
        .init(kind: .decomposed, blocks: 3, bounded: true),
        .init(kind: .decomposed, blocks: 3, bounded: false),
      ]
    if status == .infeasible {
      plan.objective = nil
      plan.diagnosis = .init(
        conflicts: conflicts,
        shortfall: .init(
          provider: plan.org[1].id, year: 2026, need: 14, limit: 12, families: [plan.families[0].id],
          mustMove: true, deadline: true))
    } else if status != .optimal {
      plan.gap = status == .feasible ? 0.0123 : nil
      plan.bound = status == .feasible ? plan.bound : nil
    }
    return plan
  }

  /// Every sentence zentral renders from `plan` in `language`, names neutralised.
  static func texts(_ plan: Plan, _ language: ReportLanguage) -> [String] {
    let words = PlanWords(plan, language: language, mark: neutral)
    var texts = [PlanSummary.text(plan, language: language, mark: neutral), words.diagnosis]
    texts += plan.tasks.flatMap { [words.decision(of: $0), words.reason(of: $0)] }
    texts += (plan.diagnosis?.conflicts ?? []).map(words.conflict)
    texts += plan.notes.map(words.note)
    texts += Plan.Status.allCases.map(words.status)
    texts += TaskReason.Rule.allCases.map(words.rule) + Conflict.Rule.allCases.map(words.rule)
    texts += Plan.UnitKind.allCases.map(words.kind)
    return texts
  }

  static let statuses: [Plan.Status] = [.optimal, .feasible, .infeasible, .timeLimit, .stopped]

  @Test("the scan finds whole words of the other language, not parts of words")
  func scanner() {
    #expect(Self.foreign("stays: dedicated to ⟨X⟩", Self.englishWords) == ["stays", "dedicated"])
    #expect(Self.foreign("Umstellungsaufwand, Wechselkosten", Self.germanWords) == [])
    #expect(Self.foreign("bleibt beim ⟨X⟩ (12 VZÄ)", Self.germanWords) == ["bleibt", "VZÄ", "beim"])
  }

  @Test("German texts hold no English words", arguments: ExportFixtures.seeds)
  func german(name: String) throws {
    for status in Self.statuses {
      for text in Self.texts(try Self.everyCase(name, status: status), .de) {
        #expect(Self.foreign(text, Self.englishWords) == [], "\(status): \(text)")
        #expect(!text.contains("_"), "an internal tag in \(text)")
      }
    }
  }

  @Test("English texts hold no German words", arguments: ExportFixtures.seeds)
  func english(name: String) throws {
    for status in Self.statuses {
      for text in Self.texts(try Self.everyCase(name, status: status), .en) {
        #expect(Self.foreign(text, Self.germanWords) == [], "\(status): \(text)")
        #expect(!text.contains("_"), "an internal tag in \(text)")
      }
    }
  }

  @Test("the summary states the gap as a share, the report for the council in euros and without jargon")
  func gapWords() throws {
    var feasible = try Self.everyCase("krefeld", status: .feasible)
    #expect(PlanSummary.text(feasible).contains("Ergebnis: zulässig (mit Optimalitätslücke) (Lücke 1,23 %)"))
    let objective = try #require(feasible.objective)
    feasible.bound = objective * (1 - 0.0123)
    let euros = LocaleFormat(.de).money(objective * 0.0123)
    let report = try ExportFixtures.export(feasible, .md)
    #expect(report.contains("ein anderer Plan könnte höchstens \(euros) (Barwert) günstiger sein"))
    #expect(!report.contains("Optimalitätslücke"))
    let cut = try Self.everyCase("krefeld", status: .timeLimit)
    #expect(PlanSummary.text(cut, language: .en).contains("(no bound yet)"))
    #expect(
      try ExportFixtures.export(cut, .md).contains(
        "Die Suche endete am Zeitlimit; der Plan erfüllt alle Vorgaben; ob ein anderer Plan günstiger wäre, "
          + "wurde nicht bewiesen"))
    #expect(PlanWords(try ExportFixtures.plan("krefeld")).gap == nil)
  }

  @Test("the progress line speaks the language too")
  func progress() {
    let german = ProgressWords(.de)
    let english = ProgressWords(.en)
    let search = german.search(elapsed: 3.25, incumbent: 31_263_743, bound: nil, gap: nil, nodes: 120)
    #expect(search.hasPrefix("3,3 s  bester Plan 31.263.743 €  Schranke –  Lücke –  Knoten 120"))
    let searchEN = english.search(
      elapsed: 3.25, incumbent: 31_263_743, bound: 31_100_000, gap: 0.0052, nodes: 120)
    #expect(searchEN.hasPrefix("3.3 s  incumbent EUR 31,263,743  bound EUR 31,100,000  gap 0.52%  nodes 120"))
    for text in [search, german.explaining(done: 3, total: 12)] {
      #expect(Self.foreign(text, Self.englishWords) == [], "\(text)")
    }
    for text in [searchEN, english.explaining(done: 3, total: 12)] {
      #expect(Self.foreign(text, Self.germanWords) == [], "\(text)")
    }
  }

  @Test("names, not ids, in the summary; numbers in the language's format")
  func namesAndNumbers() throws {
    let plan = try ExportFixtures.plan("krefeld")
    let german = PlanSummary.text(plan)
    let english = PlanSummary.text(plan, language: .en)
    for centre in plan.centres where !centre.alreadyOpen {
      let name = try #require(plan.families.first { $0.id == centre.family }?.name)
      #expect(german.contains(name) && english.contains(name))
      #expect(!german.contains(" \(centre.provider) ") && !german.contains(" \(centre.family) "))
    }
    #expect(german.contains("Barwert heute: 31.560.690 €"))
    #expect(english.contains("baseline NPV: EUR 31,560,690"))
    #expect(german.contains("beim Fachbereich E-Government und Informationstechnik"))
  }

  @Test("German articles follow the unit's head noun")
  func articles() throws {
    var plan = try ExportFixtures.plan("krefeld")
    let names = [
      "IT-Referat": "an das IT-Referat",
      "Fachbereich Informationstechnik": "an den Fachbereich Informationstechnik",
      "Stabsstelle Digitalisierung": "an die Stabsstelle Digitalisierung", "citeq": "an citeq",
      "Zentrale IT": "an die Zentrale IT",
      "Amt für Informationsverarbeitung": "an das Amt für Informationsverarbeitung",
    ]
    let move = try #require(plan.tasks.firstIndex { $0.decision == .move })
    let provider = try #require(plan.tasks[move].provider)
    let node = try #require(plan.org.firstIndex { $0.id == provider })
    for (name, expected) in names {
      plan.org[node].name = name
      plan.units = plan.units.map {
        var unit = $0; if unit.id == provider { unit.name = name }; return unit
      }
      let text = PlanWords(plan).decision(of: plan.tasks[move])
      #expect(text.hasSuffix(expected), "\(text)")
    }
  }
}
