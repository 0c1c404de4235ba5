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

  @Test("the fixture that uses every key of the format survives the workbook, with no key left to 'Weitere'")
  func everyKey() throws {
    let path = repositoryRoot.appendingPathComponent("Tests/ZentralCoreTests/Fixtures/valid/every-key.yaml")
      .path
    let scenario = try ScenarioLoader.load(path: path).scenario
    let workbook = ScenarioWorkbook.workbook(for: scenario)
    let further = try #require(workbook.sheet(named: "Weitere"))
    #expect(
      further.rows.count == 2, "keys without a column: \(further.rows.dropFirst(2).map { $0[0].displayText })"
    )
    let data = try XLSXWriter.data(workbook, file: "every-key.xlsx")
    #expect(try ScenarioWorkbook.importWorkbook(data: data, file: "every-key.xlsx").scenario == scenario)
  }
}
