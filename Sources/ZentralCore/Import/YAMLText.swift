/// YAML scalars for the hand-written import output, quoted by the same rules as
/// ``ScenarioWriter`` so that both writers read back identically.
enum YAMLText {
  /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String { ScenarioWriter.scalar(text) }

  /// A number: integers without decimals (`80000`), others in the shortest exact form (`4.5`).
  static func number(_ value: Double) -> String { ScenarioWriter.decimal(value) }

  /// Ids as a flow list: `[a, b]`.
  static func list(_ ids: [String]) -> String {
    "[" + ids.map { ScenarioWriter.scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
  }
}
