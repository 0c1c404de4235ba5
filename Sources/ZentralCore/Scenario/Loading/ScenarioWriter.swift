import ZentralPlan

/// Writes a ``Scenario`` as a `zentral/1` YAML file that loads back into an equal scenario.
///
/// Keys come in the order of the format reference, values equal to their default are left out,
/// text is quoted only where YAML needs it, and names keep their German letters. Comments of the
/// file the scenario was loaded from are not kept.
public enum ScenarioWriter {
  /// The scenario as `zentral/1` YAML text.
  public static func yaml(_ scenario: Scenario) -> String {
    var out = YAMLLines()
    out.line("format: \(scalar(scenario.format))")
    out.line("name: \(scalar(scenario.name))")
    out.line("language: \(scenario.language.rawValue)")
    out.line("currency: \(scalar(scenario.currency))")
    let terminal =
      scenario.horizon.terminalValue == .none
      ? "" : ", terminal_value: \(scenario.horizon.terminalValue.rawValue)"
    out.line("horizon: {start: \(scenario.horizon.start), years: \(scenario.horizon.years)\(terminal)}")
    if scenario.discountRate != 0 {
      out.line("discount_rate: \(decimal(scenario.discountRate))")
    }
    out.blank()
    writeUnits(scenario.units, to: &out)
    out.blank()
    writeFamilies(scenario.families, to: &out)
    out.blank()
    writeTasks(scenario.tasks, to: &out)
    if scenario.policy != Policy() {
      out.blank()
      writePolicy(scenario.policy, to: &out)
    }
    if scenario.objective != Objective() {
      out.blank()
      out.line(
        "objective: {minimise: npv, disruption_weight: \(decimal(scenario.objective.disruptionWeight))}")
    }
    writeFunding(scenario.funding, to: &out)
    writeUncertainty(scenario.uncertainty, to: &out)
    return out.text
  }

  // MARK: Sections

  private static func writeUnits(_ units: [OrgUnit], to out: inout YAMLLines) {
    guard !units.isEmpty else {
      out.line("units: []")
      return
    }
    out.line("units:")
    for unit in units {
      out.line("  - id: \(scalar(unit.id))")
      out.line("    name: \(scalar(unit.name))")
      out.line("    kind: \(unit.kind.rawValue)")
      if let parent = unit.parent { out.line("    parent: \(scalar(parent))") }
      if let cost = unit.costPerFTE { out.line("    cost_per_fte: \(decimal(cost))") }
      if let price = unit.pricePerFTE { out.line("    price_per_fte: \(decimal(price))") }
      if let capacity = unit.capacityFTE { out.line("    capacity_fte: \(yearValues(capacity))") }
      if let transfer = unit.transfer {
        out.line(
          "    transfer: {form: \(transfer.form.rawValue), one_time_cost_per_fte: "
            + "\(decimal(transfer.oneTimeCostPerFTE)), annual_cost_per_fte: \(decimal(transfer.annualCostPerFTE))}"
        )
      }
      if let form = unit.legalForm { out.line("    legal_form: \(form.rawValue)") }
      if unit.vatRate != 0 { out.line("    vat_rate: \(decimal(unit.vatRate))") }
    }
  }

  private static func writeFamilies(_ families: [TaskFamily], to out: inout YAMLLines) {
    guard !families.isEmpty else {
      out.line("families: []")
      return
    }
    out.line("families:")
    for family in families {
      out.line("  - id: \(scalar(family.id))")
      out.line("    name: \(scalar(family.name))")
      out.line("    providers: \(flowList(family.providers))")
      if family.centre != CentreTerms() {
        let terms = family.centre
        let factor = terms.nonStaffFactor == 1 ? "" : ", non_staff_factor: \(decimal(terms.nonStaffFactor))"
        out.line(
          "    centre: {setup_cost: \(decimal(terms.setupCost)), annual_overhead: \(decimal(terms.annualOverhead)), "
            + "min_fte: \(decimal(terms.minFTE))\(factor)}")
      }
      if !family.centres.isEmpty {
        out.line("    centres:")
        for provider in ordered(family.centres.keys, by: family.providers) {
          out.line("      \(scalar(provider, inFlow: false)): \(providerCentre(family.centres[provider]!))")
        }
      }
      if !family.scale.isEmpty { out.line("    scale: \(curve(family.scale))") }
      if family.transitionCostPerFTE != 0 {
        out.line("    transition_cost_per_fte: \(decimal(family.transitionCostPerFTE))")
      }
      if family.retainedRole { out.line("    retained_role: true") }
    }
  }

  private static func writeTasks(_ tasks: [ITTask], to out: inout YAMLLines) {
    guard !tasks.isEmpty else {
      out.line("tasks: []")
      return
    }
    out.line("tasks:")
    for task in tasks {
      out.line("  - id: \(scalar(task.id))")
      out.line("    name: \(scalar(task.name))")
      out.line("    family: \(scalar(task.family))")
      out.line("    unit: \(scalar(task.unit))")
      out.line("    fte: \(decimal(task.fte))")
      if task.dedicated { out.line("    dedicated: true") }
      if let reason = task.reason { out.line("    reason: \(scalar(reason))") }
      if task.divisible { out.line("    divisible: true") }
      if task.concern != 0 { out.line("    concern: \(decimal(task.concern))") }
      if let cost = task.transitionCost { out.line("    transition_cost: \(decimal(cost))") }
      if let providers = task.providers { out.line("    providers: \(flowList(providers))") }
      if !task.at.isEmpty {
        out.line("    at:")
        for provider in ordered(task.at.keys, by: task.providers ?? []) {
          out.line("      \(scalar(provider, inFlow: false)): \(offer(task.at[provider]!))")
        }
      }
      if let posts = task.posts { out.line("    posts: \(posts)") }
      if task.confidential { out.line("    confidential: true") }
      if !task.separateFrom.isEmpty { out.line("    separate_from: \(flowList(task.separateFrom))") }
      if task.nonStaffCost != 0 { out.line("    non_staff_cost: \(decimal(task.nonStaffCost))") }
    }
  }

  private static func writePolicy(_ policy: Policy, to out: inout YAMLLines) {
    out.line("policy:")
    if let retained = policy.retained {
      out.line("  retained: {min_share: \(decimal(retained.minShare)), min_fte: \(decimal(retained.minFTE))}")
    }
    if let budget = policy.budget { out.line("  budget: \(yearValues(budget))") }
    if let moved = policy.maxMovedFTEPerWave { out.line("  max_moved_fte_per_wave: \(yearValues(moved))") }
    if !policy.pilots.isEmpty {
      out.line("  pilots:")
      for pilot in policy.pilots {
        out.line(
          "    - {family: \(scalar(pilot.family, inFlow: true)), unit: \(scalar(pilot.unit, inFlow: true))}")
      }
    }
    if !policy.deadlines.isEmpty || !policy.taskDeadlines.isEmpty {
      out.line("  deadlines:")
      for deadline in policy.deadlines {
        out.line("    - {family: \(scalar(deadline.family, inFlow: true)), by: \(deadline.year)}")
      }
      writeTaskDeadlines(policy.taskDeadlines, to: &out)
    }
    if !policy.together.isEmpty {
      out.line("  together:")
      for group in policy.together { out.line("    - \(flowList(group))") }
    }
    if !policy.mustMove.isEmpty { out.line("  must_move: \(mustMoveList(policy))") }
    if !policy.mustStay.isEmpty { out.line("  must_stay: \(flowList(policy.mustStay))") }
    if let target = policy.savingsTarget {
      var parts: [String] = []
      if let cost = target.annualCost { parts.append("annual_cost: \(decimal(cost))") }
      if let fte = target.fte { parts.append("fte: \(decimal(fte))") }
      out.line("  savings_target: {\(parts.joined(separator: ", "))}")
    }
    if policy.minMoveFTE != Policy.defaultMinMoveFTE {
      out.line("  min_move_fte: \(decimal(policy.minMoveFTE))")
    }
    if let rule = policy.noLayoffs {
      out.line("  no_layoffs: {attrition_rate: \(decimal(rule.attritionRate))}")
    }
    if policy.parallelRunningMonths != 0 {
      out.line("  parallel_running_months: \(decimal(policy.parallelRunningMonths))")
    }
    writeReplanning(policy, to: &out)
  }

  // MARK: Values

  private static func providerCentre(_ centre: ProviderCentre) -> String {
    var parts: [String] = []
    if let cost = centre.setupCost { parts.append("setup_cost: \(decimal(cost))") }
    if let overhead = centre.annualOverhead { parts.append("annual_overhead: \(decimal(overhead))") }
    if let minimum = centre.minFTE { parts.append("min_fte: \(decimal(minimum))") }
    if let scale = centre.scale { parts.append("scale: \(curve(scale))") }
    if centre.existingFTE != 0 { parts.append("existing_fte: \(decimal(centre.existingFTE))") }
    if centre.isOpen != (centre.existingFTE > 0) { parts.append("open: \(centre.isOpen)") }
    if let factor = centre.nonStaffFactor { parts.append("non_staff_factor: \(decimal(factor))") }
    return "{\(parts.joined(separator: ", "))}"
  }

  private static func offer(_ offer: ProviderOffer) -> String {
    var parts: [String] = []
    if let fte = offer.fte { parts.append("fte: \(decimal(fte))") }
    if let cost = offer.annualCost { parts.append("annual_cost: \(decimal(cost))") }
    if let cost = offer.transitionCost { parts.append("transition_cost: \(decimal(cost))") }
    if let cost = offer.nonStaffCost { parts.append("non_staff_cost: \(decimal(cost))") }
    return "{\(parts.joined(separator: ", "))}"
  }

  private static func curve(_ points: [ScalePoint]) -> String {
    "[" + points.map { "[\(decimal($0.pooled)), \(decimal($0.effective))]" }.joined(separator: ", ") + "]"
  }

  private static func yearValues(_ values: YearValues) -> String {
    if let constant = values.constant { return decimal(constant) }
    return "{" + values.steps.map { "\($0.year): \(decimal($0.value))" }.joined(separator: ", ") + "}"
  }

  private static func flowList(_ ids: [String]) -> String {
    "[" + ids.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
  }

  /// Keys in the order of `preferred`, then the others alphabetically.
  private static func ordered(_ keys: some Collection<String>, by preferred: [String]) -> [String] {
    let first = preferred.filter { keys.contains($0) }
    return first + keys.filter { !first.contains($0) }.sorted()
  }

  /// A number as written in a scenario: whole numbers without a decimal point (`82000`), others in
  /// the shortest form that reads back to the same value (`4.5`, `0.03`).
  static func decimal(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// `text` as a YAML scalar: plain where that reads back as the same text, else double-quoted.
  static func scalar(_ text: String, inFlow: Bool = false) -> String {
    needsQuotes(text, inFlow: inFlow) ? quoted(text) : text
  }

  private static func needsQuotes(_ text: String, inFlow: Bool) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
    if first == " " || last == " " { return true }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
    if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
    if inFlow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return true }
    if text.unicodeScalars.contains(where: {
      $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
    }) {
      return true
    }
    if case .text = ScalarValue.plain(text) {} else { return true }
    // Words that other YAML readers (YAML 1.1) take for truth values, and things that look like dates
    // or numbers to them.
    let lowered = text.lowercased()
    if ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"].contains(lowered) { return true }
    if first.properties.numericType != nil || first == "." || first == "+" { return true }
    return false
  }

  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
