import Foundation
import FuzzSupport
import ZentralCore

/// libFuzzer target: arbitrary bytes as a scenario file, through the path of `zentral validate`
/// (``ScenarioLoader/load(data:fileName:)`` after reading the file). Any diagnostic is fine; a
/// crash, a trap or a hang is a finding, and so is a diagnostic that breaks its own contract
/// (an error without a message, a line or column below 1, a rejection without any error).
/// A valid scenario is also written back with ``ScenarioWriter`` and must load again, and its
/// model is built (no solve: that is the planner target's job).
@main
enum FuzzLoader {
  static func main() { runFuzzer { data, size in testOneInput(Data(fuzzBytes(data, size))) } }
}

/// Loads one input; a broken promise stops the process through ``finding(_:)``.
private func testOneInput(_ bytes: Data) -> CInt {
  // JSON is YAML too; the file name only changes how syntax errors are worded.
  let fileName = bytes.first == UInt8(ascii: "{") ? "fuzz.json" : "fuzz.yaml"
  let loaded: LoadedScenario
  do {
    loaded = try ScenarioLoader.load(data: bytes, fileName: fileName)
  } catch {
    check(error.diagnostics, rejected: true)
    return 0
  }
  check(loaded.warnings, rejected: false)
  let text = ScenarioWriter.yaml(loaded.scenario)
  do {
    _ = try ScenarioLoader.load(text: text, fileName: "rewritten.yaml")
  } catch {
    finding(
      "a valid scenario written back by ScenarioWriter does not load: "
        + error.diagnostics.filter(\.isError).map(\.description).joined(separator: " | "))
  }
  _ = try? Planner(scenario: loaded.scenario, decomposition: .never)
  return 0
}

/// Checks that diagnostics read as the loader promises.
private func check(_ diagnostics: [Diagnostic], rejected: Bool) {
  if rejected && !diagnostics.contains(where: \.isError) {
    finding("the scenario was rejected without an error diagnostic: \(diagnostics.map(\.description))")
  }
  if !rejected && diagnostics.contains(where: \.isError) {
    finding("a loaded scenario carries an error: \(diagnostics.map(\.description))")
  }
  for diagnostic in diagnostics {
    let text = diagnostic.description
    if diagnostic.message.isEmpty { finding("a diagnostic without a message: \(text)") }
    if let line = diagnostic.line, line < 1 { finding("a diagnostic at line \(line): \(text)") }
    if let column = diagnostic.column, column < 1 { finding("a diagnostic at column \(column): \(text)") }
  }
}
