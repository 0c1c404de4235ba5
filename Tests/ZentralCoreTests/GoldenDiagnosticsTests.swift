import Foundation
import Testing
import ZentralCore

/// Golden errors: each invalid fixture is refused with exactly the diagnostics in its `.expected`
/// file. Record them anew with `ZENTRAL_RECORD_GOLDEN=1 swift test --filter GoldenDiagnosticsTests`.
@Suite("Scenario loader: golden diagnostics")
struct GoldenDiagnosticsTests {
  /// Every check of the format, by the fixture that shows it.
  static let checks = [
    "syntax-error", "syntax-unclosed-quote", "syntax-colon-in-value", "json-syntax-error", "duplicate-key",
    "unknown-key", "unknown-enum-value", "missing-required-key", "wrong-type", "not-a-number",
    "negative-number", "not-finite-number", "out-of-range", "number-ranges", "german-numbers", "invalid-id",
    "empty-name", "duplicate-id",
    "unknown-reference", "hierarchy-cycle", "year-outside-horizon", "scale-not-starting-at-zero",
    "scale-not-increasing", "scale-not-concave", "dedicated-must-move", "must-move-and-must-stay",
    "must-move-without-provider", "pilot-without-movable-task", "provider-not-central-or-shared",
    "home-unit-is-provider", "missing-cost-per-fte", "task-providers-not-subset", "at-not-eligible",
    "centres-not-provider", "task-in-two-groups", "unsupported-format", "not-a-mapping",
    "anchors-and-aliases", "many-problems", "legal-rules", "replanning-contradictions",
    "done-against-must-stay", "done-confidential-private",
  ]

  private func outcome(_ directory: String, _ name: String) throws -> (loaded: Bool, text: String) {
    let data = try FixtureFiles.data(directory, name)
    do {
      let loaded = try ScenarioLoader.load(data: data, fileName: name)
      return (true, loaded.warnings.map { $0.description + "\n" }.joined())
    } catch {
      return (false, error.description + "\n")
    }
  }

  @Test(
    "each invalid fixture is refused with exactly its expected diagnostics",
    arguments: FixtureFiles.scenarios(in: "invalid"))
  func invalidFixture(name: String) throws {
    let (loaded, actual) = try outcome("invalid", name)
    #expect(!loaded, "\(name) loaded, but it should be refused")
    if FixtureFiles.recording {
      try FixtureFiles.record(actual, "invalid", name)
      return
    }
    let expected = try #require(
      FixtureFiles.expected("invalid", name),
      "\(name) has no golden file; record it with ZENTRAL_RECORD_GOLDEN=1")
    #expect(actual == expected)
  }

  @Test(
    "each valid fixture loads with exactly its expected warnings (none without a golden file)",
    arguments: FixtureFiles.scenarios(in: "valid"))
  func validFixtureWarnings(name: String) throws {
    let (loaded, actual) = try outcome("valid", name)
    #expect(loaded, "\(name) should load, but: \(actual)")
    if FixtureFiles.recording && !actual.isEmpty {
      try FixtureFiles.record(actual, "valid", name)
      return
    }
    #expect(actual == FixtureFiles.expected("valid", name) ?? "")
  }

  @Test("every check has its fixture and golden file, and every fixture is listed")
  func everyCheckHasAFixture() {
    let fixtures = FixtureFiles.scenarios(in: "invalid").map { ($0 as NSString).deletingPathExtension }
    #expect(Set(fixtures) == Set(Self.checks))
    for name in FixtureFiles.scenarios(in: "invalid") where !FixtureFiles.recording {
      #expect(FixtureFiles.expected("invalid", name) != nil, "\(name) has no golden file")
    }
  }

  @Test("an error names the file, line, column and key path, like the issue's example")
  func diagnosticFormat() throws {
    let diagnostic = Diagnostic(
      file: "krefeld.yaml", line: 41, column: 11, path: "tasks[3].fte",
      message: "-2 is negative; a workload is 0 or more FTE")
    #expect(
      diagnostic.description
        == "krefeld.yaml:41:11: tasks[3].fte: -2 is negative; a workload is 0 or more FTE")
    var warning = diagnostic
    warning.severity = .warning
    #expect(warning.description.hasPrefix("krefeld.yaml:41:11: tasks[3].fte: warning: "))
    #expect(Diagnostic(file: "x.yaml", message: "cannot be read").description == "x.yaml: cannot be read")
  }

  @Test("every problem is found, not only the first")
  func everyProblemIsFound() throws {
    let (_, text) = try outcome("invalid", "many-problems.yaml")
    let lines = text.split(separator: "\n")
    #expect(lines.count >= 3)
    #expect(lines.contains { $0.hasPrefix("many-problems.yaml:47:10: tasks[3].fte: -2 is negative") })
  }

  @Test("warnings alone do not make a scenario invalid")
  func warningsDoNotFail() throws {
    let loaded = try ScenarioLoader.load(
      data: FixtureFiles.data("valid", "warnings.yaml"), fileName: "warnings.yaml")
    #expect(!loaded.warnings.isEmpty)
    #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
  }
}
