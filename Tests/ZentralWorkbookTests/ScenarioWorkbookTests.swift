import Foundation
import Testing
import ZentralCore
import ZentralWorkbook

/// The repository's root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The seed scenarios shipped in `scenarios/`.
let seedScenarios = ["krefeld", "muenchen", "iserlohn", "muenster", "muelheim"]

@Suite("Scenario workbooks")
struct ScenarioWorkbookTests {
  static func seed(_ name: String) throws -> Scenario {
    try ScenarioLoader.load(path: repositoryRoot.appendingPathComponent("scenarios/\(name).yaml").path)
      .scenario
  }

  @Test("every seed scenario survives scenario → .xlsx → import unchanged", arguments: seedScenarios)
  func seedRoundTrip(name: String) throws {
    let scenario = try Self.seed(name)
    // Every key of the seed has a column: the sheet of further keys stays empty.
    #expect(ScenarioWorkbook.workbook(for: scenario).sheet(named: "Weitere")?.rows.count == 2)
    for english in [false, true] {
      let data = try ScenarioWorkbook.xlsx(for: scenario, english: english, file: "\(name).xlsx")
      let imported = try ScenarioWorkbook.importWorkbook(data: data, file: "\(name).xlsx")
      #expect(imported.scenario == scenario, "\(name) english: \(english)")
      #expect(imported.warnings.isEmpty, "\(imported.warnings)")
    }
  }
}
