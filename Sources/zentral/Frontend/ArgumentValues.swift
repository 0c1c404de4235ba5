public import ArgumentParser
public import ZentralCore
public import ZentralExport
public import ZentralPlan
public import ZentralSolver

// The closed sets of the library targets as command-line values: argument-parser reads them,
// lists them in `--help` and in shell completions, and names the allowed values when one is
// mistyped. Multi-word names are written in kebab case (`pseudo-cost` for `pseudoCost`).

extension ExportFormat: ExpressibleByArgument {}

extension ChartView: ExpressibleByArgument {}

extension ComparisonReport.Format: ExpressibleByArgument {}

extension ReportLanguage: ExpressibleByArgument {}

extension Planner.Decomposition: ExpressibleByArgument {
  /// `auto` (or `automatic`), `always` or `never`.
  public init?(argument: String) {
    switch argument.lowercased() {
    case "auto", "automatic": self = .automatic
    case "always": self = .always
    case "never": self = .never
    default: return nil
    }
  }

  /// The values for help, errors and completions.
  public static var allValueStrings: [String] { ["auto", "always", "never"] }
}

extension BranchingRule: ExpressibleByArgument {
  /// The rule in kebab case: `first-fractional`, …, `pseudo-cost`.
  public init?(argument: String) {
    guard let rule = kebabCase(argument, of: Self.self) else { return nil }
    self = rule
  }

  /// The values for help, errors and completions, in kebab case.
  public static var allValueStrings: [String] { allCases.map { kebabName($0.rawValue) } }
}

extension BacktrackingRule: ExpressibleByArgument {
  /// The rule in kebab case: `depth-first`, …, `best-projection`.
  public init?(argument: String) {
    guard let rule = kebabCase(argument, of: Self.self) else { return nil }
    self = rule
  }

  /// The values for help, errors and completions, in kebab case.
  public static var allValueStrings: [String] { allCases.map { kebabName($0.rawValue) } }
}

/// The case of `Value` whose raw value is `text` in kebab case (`pseudo-cost` for `pseudoCost`).
private func kebabCase<Value: CaseIterable & RawRepresentable<String>>(
  _ text: String, of: Value.Type
) -> Value? {
  Value.allCases.first { kebabName($0.rawValue) == text.lowercased() }
}

/// `pseudoCost` as `pseudo-cost`.
private func kebabName(_ name: String) -> String {
  name.reduce(into: "") { text, character in
    if character.isUppercase { text += "-" + character.lowercased() } else { text.append(character) }
  }
}
