/// What ``SpreadsheetImporter`` made of a pair of spreadsheet files.
public struct ImportResult: Equatable, Sendable {
  /// The scenario, with defaults filled in.
  public var scenario: Scenario
  /// The scenario as `zentral/1` YAML, with `# TODO:` comments for what the planner still decides.
  public var yaml: String
  /// What was assumed or converted on the way (encodings, defaults, ignored columns).
  public var warnings: [Diagnostic]
  /// How many `# TODO:` comments the YAML carries.
  public var todoCount: Int

  /// Creates an import result.
  public init(scenario: Scenario, yaml: String, warnings: [Diagnostic], todoCount: Int) {
    self.scenario = scenario
    self.yaml = yaml
    self.warnings = warnings
    self.todoCount = todoCount
  }
}
