import Foundation
public import ZentralCore

/// What the pages show of one scenario: its title, base, the diagnostics as `zentral validate`
/// gives them and the form editor's fields with their values (of the scenario as resolved).
public struct ScenarioSummary: Sendable {
  /// The id.
  public var id: ScenarioID
  /// The title (`name:`), or the id when the file has none.
  public var name: String
  /// The base of a variant.
  public var extends: ScenarioID?
  /// Every problem, errors and warnings, in file order.
  public var diagnostics: [FieldDiagnostic]
  /// The scenario as loaded, when it is valid.
  public var scenario: Scenario?

  /// Whether the scenario can be planned.
  public var isValid: Bool { scenario != nil }

  /// Loads scenario `id` of `folder`.
  public init(id: ScenarioID, folder: DataFolder) {
    self.id = id
    let data = (try? folder.scenarioData(id)) ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    let head = Self.header(of: text)
    extends = head.extends
    let file = folder.scenarioFile(id).path
    let ids = (try? ScenarioDocument(text: text))?.listIDs ?? [:]
    do {
      let loaded = try ScenarioLoader.load(path: file)
      scenario = loaded.scenario
      name = loaded.scenario.name.isEmpty ? id.rawValue : loaded.scenario.name
      diagnostics = loaded.warnings.map { FieldDiagnostic($0, fileName: id.fileName, ids: ids) }
    } catch {
      scenario = nil
      name = head.name ?? id.rawValue
      diagnostics = error.diagnostics.map { FieldDiagnostic($0, fileName: id.fileName, ids: ids) }
    }
  }

  /// The `name:` and `extends:` of a scenario text, read from its top-level lines without parsing
  /// the whole file (for the list of scenarios).
  public static func header(of text: String) -> (name: String?, extends: ScenarioID?) {
    var name: String?
    var extends: ScenarioID?
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(2_000) {
      if line.hasPrefix("name:") {
        name = unquoted(line.dropFirst(5))
      } else if line.hasPrefix("extends:") {
        let value = unquoted(line.dropFirst(8))
        if value.hasSuffix(".yaml") { extends = ScenarioID(String(value.dropLast(5))) }
      }
    }
    return (name, extends)
  }

  private static func unquoted(_ text: Substring) -> String {
    var value = text
    if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
    var result = value.trimmingCharacters(in: .whitespaces)
    if result.count >= 2, let first = result.first, first == "\"" || first == "'", result.last == first {
      result = String(result.dropFirst().dropLast())
    }
    return result
  }

  /// The form editor's fields with the values of the resolved scenario (empty when invalid).
  public var fields: [FormField] {
    guard let scenario else { return [] }
    var fields = [
      FormField(keyPath: "name", label: "Titel", value: scenario.name, group: "Allgemein"),
      FormField(
        keyPath: "discount_rate", label: "Diskontierungszins (Anteil, z. B. 0,03)",
        value: Self.number(scenario.discountRate), group: "Allgemein"),
    ]
    for unit in scenario.units where unit.costPerFTE != nil || unit.pricePerFTE != nil {
      if let cost = unit.costPerFTE {
        fields.append(
          FormField(
            keyPath: "units.\(unit.id).cost_per_fte", label: "\(unit.name): Kosten je VZÄ (EUR/Jahr)",
            value: Self.number(cost), group: "Einheiten"))
      }
      if let price = unit.pricePerFTE {
        fields.append(
          FormField(
            keyPath: "units.\(unit.id).price_per_fte", label: "\(unit.name): Preis je VZÄ (EUR/Jahr)",
            value: Self.number(price), group: "Einheiten"))
      }
    }
    for family in scenario.families {
      fields.append(
        FormField(
          keyPath: "families.\(family.id).transition_cost_per_fte",
          label: "\(family.name): Umstellungskosten je VZÄ (EUR)",
          value: Self.number(family.transitionCostPerFTE),
          group: "Aufgabenfamilien"))
    }
    for task in scenario.tasks {
      fields.append(
        FormField(
          keyPath: "tasks.\(task.id).fte", label: "\(task.name): VZÄ", value: Self.number(task.fte),
          group: "Aufgaben"))
    }
    fields.append(
      FormField(
        keyPath: "policy.min_move_fte", label: "Mindestgröße eines Wechsels (VZÄ)",
        value: Self.number(scenario.policy.minMoveFTE), group: "Vorgaben"))
    let budget = scenario.policy.budget?.constant.map(Self.number) ?? ""
    if scenario.policy.budget == nil || scenario.policy.budget?.constant != nil {
      fields.append(
        FormField(
          keyPath: "policy.budget", label: "Budget je Jahr (EUR, leer: keines)", value: budget,
          group: "Vorgaben"))
    }
    return fields
  }

  /// The keys a form may set: those of ``fields`` (for a valid scenario).
  public var fieldKeys: Set<String> { Set(fields.map(\.keyPath)) }

  /// A number as the form shows it: `3.5`, `80000` (no grouping, a point).
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
