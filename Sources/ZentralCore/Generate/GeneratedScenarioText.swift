/// YAML text of a generated scenario in format zentral/1, written directly (fast for tens of
/// thousands of tasks, and byte-for-byte stable: keys in a fixed order, maps sorted by key).
///
/// Flow style is used for small maps (`horizon`, `centre`, `at`) so that a task is a few lines.
enum GeneratedScenarioText {
  /// The scenario as YAML text.
  static func yaml(_ scenario: Scenario) -> String {
    var out = ""
    out.reserveCapacity(256 * scenario.tasks.count + 4096)
    out += "format: \(string(scenario.format))\n"
    out += "name: \(string(scenario.name))\n"
    out += "language: \(scenario.language.rawValue)\n"
    out += "currency: \(scenario.currency)\n"
    out += "horizon: {start: \(scenario.horizon.start), years: \(scenario.horizon.years)}\n"
    out += "discount_rate: \(number(scenario.discountRate))\n"
    out += "units:\n"
    for unit in scenario.units {
      out += "  - id: \(unit.id)\n    name: \(string(unit.name))\n    kind: \(unit.kind.rawValue)\n"
      if let parent = unit.parent { out += "    parent: \(parent)\n" }
      if let cost = unit.costPerFTE { out += "    cost_per_fte: \(number(cost))\n" }
      if let price = unit.pricePerFTE { out += "    price_per_fte: \(number(price))\n" }
      if let capacity = unit.capacityFTE { out += "    capacity_fte: \(values(capacity))\n" }
    }
    out += "families:\n"
    for family in scenario.families {
      out += "  - id: \(family.id)\n    name: \(string(family.name))\n"
      out += "    providers: [\(family.providers.joined(separator: ", "))]\n"
      let centre = family.centre
      out += "    centre: {setup_cost: \(number(centre.setupCost)), annual_overhead: "
      out += "\(number(centre.annualOverhead)), min_fte: \(number(centre.minFTE))}\n"
      if !family.centres.isEmpty {
        out += "    centres:\n"
        for provider in family.centres.keys.sorted() {
          out += "      \(provider): {\(providerCentre(family.centres[provider]!))}\n"
        }
      }
      if !family.scale.isEmpty { out += "    scale: \(scale(family.scale))\n" }
      if family.transitionCostPerFTE != 0 {
        out += "    transition_cost_per_fte: \(number(family.transitionCostPerFTE))\n"
      }
    }
    out += "tasks:\n"
    for task in scenario.tasks {
      out += "  - id: \(task.id)\n    name: \(string(task.name))\n    family: \(task.family)\n"
      out += "    unit: \(task.unit)\n    fte: \(number(task.fte))\n"
      if task.dedicated { out += "    dedicated: true\n" }
      if let reason = task.reason { out += "    reason: \(string(reason))\n" }
      if task.divisible { out += "    divisible: true\n" }
      if task.concern != 0 { out += "    concern: \(number(task.concern))\n" }
      if let cost = task.transitionCost { out += "    transition_cost: \(number(cost))\n" }
      if let providers = task.providers { out += "    providers: [\(providers.joined(separator: ", "))]\n" }
      if !task.at.isEmpty {
        let offers = task.at.keys.sorted().map { "\($0): {\(offer(task.at[$0]!))}" }
        out += "    at: {\(offers.joined(separator: ", "))}\n"
      }
    }
    out += policy(scenario.policy)
    out += "objective: {minimise: npv, disruption_weight: \(number(scenario.objective.disruptionWeight))}\n"
    return out
  }

  private static func policy(_ policy: Policy) -> String {
    var out = "policy:\n"
    if let retained = policy.retained {
      out += "  retained: {min_share: \(number(retained.minShare)), min_fte: \(number(retained.minFTE))}\n"
    }
    if let budget = policy.budget { out += "  budget: \(values(budget))\n" }
    if let moved = policy.maxMovedFTEPerWave { out += "  max_moved_fte_per_wave: \(values(moved))\n" }
    if !policy.pilots.isEmpty {
      out += "  pilots:\n"
      for pilot in policy.pilots { out += "    - {family: \(pilot.family), unit: \(pilot.unit)}\n" }
    }
    if !policy.deadlines.isEmpty {
      out += "  deadlines:\n"
      for deadline in policy.deadlines { out += "    - {family: \(deadline.family), by: \(deadline.year)}\n" }
    }
    if !policy.together.isEmpty {
      out += "  together:\n"
      for group in policy.together { out += "    - [\(group.joined(separator: ", "))]\n" }
    }
    if !policy.mustMove.isEmpty { out += "  must_move: [\(policy.mustMove.joined(separator: ", "))]\n" }
    if !policy.mustStay.isEmpty { out += "  must_stay: [\(policy.mustStay.joined(separator: ", "))]\n" }
    if let target = policy.savingsTarget {
      var parts: [String] = []
      if let cost = target.annualCost { parts.append("annual_cost: \(number(cost))") }
      if let fte = target.fte { parts.append("fte: \(number(fte))") }
      out += "  savings_target: {\(parts.joined(separator: ", "))}\n"
    }
    return out == "policy:\n" ? "" : out
  }

  private static func providerCentre(_ centre: ProviderCentre) -> String {
    var parts: [String] = []
    if let setup = centre.setupCost { parts.append("setup_cost: \(number(setup))") }
    if let overhead = centre.annualOverhead { parts.append("annual_overhead: \(number(overhead))") }
    if let minimum = centre.minFTE { parts.append("min_fte: \(number(minimum))") }
    if let curve = centre.scale { parts.append("scale: \(scale(curve))") }
    if centre.existingFTE != 0 { parts.append("existing_fte: \(number(centre.existingFTE))") }
    if centre.isOpen { parts.append("open: true") }
    return parts.joined(separator: ", ")
  }

  private static func offer(_ offer: ProviderOffer) -> String {
    var parts: [String] = []
    if let fte = offer.fte { parts.append("fte: \(number(fte))") }
    if let cost = offer.annualCost { parts.append("annual_cost: \(number(cost))") }
    if let cost = offer.transitionCost { parts.append("transition_cost: \(number(cost))") }
    return parts.joined(separator: ", ")
  }

  private static func scale(_ points: [ScalePoint]) -> String {
    "[" + points.map { "[\(number($0.pooled)), \(number($0.effective))]" }.joined(separator: ", ") + "]"
  }

  private static func values(_ values: YearValues) -> String {
    if let constant = values.constant { return number(constant) }
    return "{" + values.steps.map { "\($0.year): \(number($0.value))" }.joined(separator: ", ") + "}"
  }

  /// A number in its shortest form; whole numbers without a decimal point.
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// A double-quoted YAML string.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
