import ZentralPlan

/// Writes an imported scenario as `zentral/1` YAML with comments: a header naming the sources,
/// units and amounts explained, and `# TODO:` where the planner still has to decide or check.
enum ImportYAMLWriter {
  /// The YAML text and how many `# TODO:` comments it has.
  static func yaml(
    for imported: ImportedScenario, unitsFile: String, tasksFile: String
  ) -> (yaml: String, todoCount: Int) {
    var out = Lines()
    let scenario = imported.scenario
    out.comment("Szenario aus Tabellen erzeugt mit \"zentral import\".")
    out.comment("Einheiten: \(base(unitsFile)); Aufgaben: \(base(tasksFile)).")
    out.comment("Zeilen mit \"TODO:\" sind Annahmen oder offene Entscheidungen: bitte ergänzen, dann")
    out.comment("mit \"zentral validate\" prüfen und mit \"zentral plan\" rechnen.")
    out.comment("Einheiten: VZÄ (Vollzeitäquivalente), EUR/Jahr (laufend), EUR (einmalig).")
    out.line("format: zentral/1")
    out.line("name: \(YAMLText.scalar(scenario.name))")
    out.line("language: de")
    out.line("currency: EUR")
    let horizon = scenario.horizon
    out.line(
      "horizon: {start: \(horizon.start), years: \(horizon.years)}",
      note: "Wellen \(horizon.start)–\(horizon.end)")
    out.todo("Diskontsatz für den Barwert festlegen, z. B. 0.03 (3 % im Jahr).")
    out.line("discount_rate: \(YAMLText.number(scenario.discountRate))")
    out.blank()
    writeUnits(scenario, imported: imported, to: &out)
    out.blank()
    writeFamilies(scenario, to: &out)
    out.blank()
    writeTasks(scenario, imported: imported, to: &out)
    out.blank()
    writePolicy(scenario, to: &out)
    out.line(
      "objective: {minimise: npv, disruption_weight: 0}", note: "disruption_weight: EUR je verlagertem VZÄ")
    return (out.text, out.todos)
  }

  private static func writeUnits(_ scenario: Scenario, imported: ImportedScenario, to out: inout Lines) {
    out.line("units:")
    for unit in scenario.units {
      out.line("  - id: \(YAMLText.scalar(unit.id))")
      out.line("    name: \(YAMLText.scalar(unit.name))")
      out.line("    kind: \(unit.kind.rawValue)")
      if let parent = unit.parent { out.line("    parent: \(YAMLText.scalar(parent))") }
      if let cost = unit.costPerFTE {
        if imported.assumedCosts.contains(unit.id) {
          out.todo(
            "Kosten je VZÄ fehlten; \(LocaleNumber.written(cost.rounded(), germanFile: true)) EUR/Jahr angenommen (inkl. Gemeinkosten prüfen).",
            indent: 4
          )
        }
        out.line("    cost_per_fte: \(YAMLText.number(cost))", note: "EUR/Jahr je VZÄ")
      }
      if let price = unit.pricePerFTE {
        out.line("    price_per_fte: \(YAMLText.number(price))", note: "EUR/Jahr je übernommenem VZÄ")
      } else if unit.kind == .shared && unit.costPerFTE == nil {
        out.todo("Preis je übernommenem VZÄ eintragen: price_per_fte (EUR/Jahr).", indent: 4)
      }
      if let capacity = unit.capacityFTE?.constant {
        out.line("    capacity_fte: \(YAMLText.number(capacity))", note: "VZÄ, Obergrenze")
      } else if unit.isProvider {
        out.todo(
          "Kapazität festlegen: capacity_fte in VZÄ, auch je Jahr, z. B. {\(scenario.horizon.start): 40}.",
          indent: 4)
      }
    }
  }

  private static func writeFamilies(_ scenario: Scenario, to out: inout Lines) {
    out.line("families:")
    for family in scenario.families {
      out.line("  - id: \(YAMLText.scalar(family.id))")
      out.line("    name: \(YAMLText.scalar(family.name))")
      if family.providers.isEmpty {
        out.todo(
          "Keine zentrale Einheit in der Einheitentabelle: Anbieter (Art zentral oder extern) eintragen.",
          indent: 4)
      }
      out.line("    providers: \(YAMLText.list(family.providers))")
      let example = YAMLText.scalar(family.providers.first ?? "anbieter")
      out.todo("Kompetenzzentrum bewerten und die Zeilen darunter ergänzen (Beispielwerte):", indent: 4)
      out.comment(
        "centre: {setup_cost: 100000, annual_overhead: 50000, min_fte: 2}   # EUR einmalig, EUR/Jahr, VZÄ",
        indent: 4)
      out.comment(
        "scale: [[0, 0], [10, 9], [40, 31]]   # gebündelte VZÄ -> benötigte VZÄ (konkav)", indent: 4)
      out.comment("transition_cost_per_fte: 10000       # EUR einmalig je verlagertem VZÄ", indent: 4)
      out.comment(
        "centres: {\(example): {existing_fte: 0}}   # VZÄ dieser Arbeit, die der Anbieter heute schon leistet",
        indent: 4)
    }
  }

  private static func writeTasks(_ scenario: Scenario, imported: ImportedScenario, to out: inout Lines) {
    out.line("tasks:")
    for task in scenario.tasks {
      out.line("  - id: \(YAMLText.scalar(task.id))")
      out.line("    name: \(YAMLText.scalar(task.name))")
      out.line("    family: \(YAMLText.scalar(task.family))")
      out.line("    unit: \(YAMLText.scalar(task.unit))")
      out.line("    fte: \(YAMLText.number(task.fte))")
      if task.dedicated { out.line("    dedicated: true", note: "bleibt in der Einheit") }
      if let reason = task.reason { out.line("    reason: \(YAMLText.scalar(reason))") }
      if imported.missingReasons.contains(task.id) {
        out.todo("Begründung ergänzen: warum ist die Aufgabe stadtweit einzigartig? reason: ...", indent: 4)
      }
      if task.divisible { out.line("    divisible: true", note: "darf in Teilen wechseln") }
      if task.concern > 0 {
        out.line("    concern: \(YAMLText.number(task.concern))", note: "EUR, Malus bei Verlagerung")
      }
      if let cost = task.transitionCost {
        out.line("    transition_cost: \(YAMLText.number(cost))", note: "EUR einmalig")
      }
    }
  }

  private static func writePolicy(_ scenario: Scenario, to out: inout Lines) {
    let year = scenario.horizon.start
    let movable = scenario.tasks.first { !$0.dedicated }
    let family = movable?.family ?? scenario.families.first?.id ?? "aufgabenbereich"
    let unit = movable?.unit ?? scenario.units.first?.id ?? "einheit"
    out.todo("Regeln des Rats oder der Verwaltungsführung festlegen (alle optional, Beispielwerte):")
    out.comment("policy:")
    out.comment("  retained: {min_share: 0.1}          # jede Einheit behält >= 10 % ihrer IT-Arbeit")
    out.comment("  budget: {\(year): 500000}             # Einmalmittel je Welle, EUR")
    out.comment("  max_moved_fte_per_wave: 10          # Veränderungskapazität, VZÄ je Welle")
    out.comment("  pilots: [{family: \(YAMLText.scalar(family)), unit: \(YAMLText.scalar(unit))}]")
    out.comment(
      "  deadlines: [{family: \(YAMLText.scalar(family)), by: \(min(year + 2, scenario.horizon.end))}]")
    out.comment("  together: [[aufgabe-a, aufgabe-b]]  # gleiche Welle, gleicher Anbieter")
    out.comment("  must_move: []")
    out.comment("  must_stay: []")
    out.comment("  savings_target: {annual_cost: 100000, fte: 2}   # EUR/Jahr, VZÄ im letzten Jahr")
  }

  private static func base(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The text being written, line by line.
  private struct Lines {
    var text = ""
    var todos = 0

    mutating func line(_ content: String, note: String? = nil) {
      if let note {
        let padding = String(repeating: " ", count: max(1, 36 - content.count))
        text += content + padding + "# " + note + "\n"
      } else {
        text += content + "\n"
      }
    }

    mutating func comment(_ content: String, indent: Int = 0) {
      text += String(repeating: " ", count: indent) + "# " + content + "\n"
    }

    mutating func todo(_ content: String, indent: Int = 0) {
      comment("TODO: " + content, indent: indent)
      todos += 1
    }

    mutating func blank() { text += "\n" }
  }
}
