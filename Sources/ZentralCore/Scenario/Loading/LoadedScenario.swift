/// A scenario that loaded and validated, with the warnings found on the way.
public struct LoadedScenario: Equatable, Sendable {
  /// The scenario.
  public var scenario: Scenario
  /// Things that look unintended but do not stop the scenario from being used.
  public var warnings: [Diagnostic]

  /// Creates a loaded scenario.
  public init(scenario: Scenario, warnings: [Diagnostic] = []) {
    self.scenario = scenario
    self.warnings = warnings
  }
}
