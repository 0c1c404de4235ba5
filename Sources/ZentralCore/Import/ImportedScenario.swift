/// A scenario built from spreadsheets, with what the importer had to assume: the YAML writer marks
/// these places with `# TODO:` comments.
struct ImportedScenario: Equatable {
  /// The scenario.
  var scenario: Scenario
  /// Units whose cost per FTE was not in the table and was assumed.
  var assumedCosts: Set<String> = []
  /// Dedicated tasks whose reason was not in the table.
  var missingReasons: Set<String> = []
}
