import Foundation
import Testing
import ZentralWorkbook

@testable import ZentralCore

/// The sheet of further keys keeps every key that no column holds, as a newer scenario format's
/// keys are held until the layout gives them a column: here the layout is narrowed instead.
@Suite("Scenario workbook: further keys")
struct FurtherKeysTests {
  /// The layout without the sheets of offers and year values and without a task's concern.
  static var narrowed: [WorkbookSheet] {
    WorkbookLayout.sheets.compactMap { sheet -> WorkbookSheet? in
      if sheet.german == "Angebote" || sheet.german == "Jahreswerte" { return nil }
      var sheet = sheet
      sheet.columns.removeAll { $0.key == "concern" || $0.key == "policy.savings_target.fte" }
      return sheet
    }
  }

  @Test("keys no column holds go to the sheet 'Weitere' and come back unchanged", arguments: seedScenarios)
  func seedRoundTrip(name: String) throws {
    let scenario = try ScenarioWorkbookTests.seed(name)
    let workbook = ScenarioWorkbook.workbook(for: scenario, english: false, layouts: Self.narrowed)
    let data = try XLSXWriter.data(workbook, file: "w.xlsx")
    let read = try XLSXReader.read(data: data, file: "w.xlsx")
    let imported = try ScenarioWorkbook.importWorkbook(read, file: "w.xlsx", layouts: Self.narrowed)
    #expect(imported.scenario == scenario)
    let further = try #require(read.sheet(named: "Weitere"))
    if scenario.units.contains(where: { $0.capacityFTE?.constant == nil && $0.capacityFTE != nil }) {
      #expect(further.rows.contains { $0.first?.displayText.hasSuffix(".capacity_fte") == true })
    }
  }

  @Test("a further key is checked by the loader at its cell; a path that leads nowhere is refused")
  func problems() throws {
    var workbook = ScenarioWorkbook.workbook(for: try ScenarioWorkbookTests.seed("krefeld"))
    let index = try #require(workbook.sheets.firstIndex { $0.name == "Weitere" })
    workbook.sheets[index].rows += [
      [.text("tasks[0].concern"), .number(-5)],
      [.text("units[99].name"), .text("x")],
      [.text("units[0].name"), .text("doppelt")],
      [.text("policy..x"), .text("1")],
    ]
    do {
      _ = try ScenarioWorkbook.importWorkbook(workbook, file: "v.xlsx")
      Issue.record("imported")
    } catch {
      let lines = error.diagnostics.map(\.description)
      #expect(
        lines.contains {
          $0.hasPrefix("v.xlsx: Blatt Weitere, Zelle A4: 'units[99].name' führt in dieser Mappe ins Leere")
        }, "\(lines)")
      #expect(
        lines.contains {
          $0.hasPrefix("v.xlsx: Blatt Weitere, Zelle A5: units[0].name steht schon auf einem anderen Blatt")
        }, "\(lines)")
      #expect(
        lines.contains {
          $0.hasPrefix("v.xlsx: Blatt Weitere, Zelle A6: 'policy..x' ist kein Schlüsselpfad")
        }, "\(lines)")
    }
    workbook.sheets[index].rows.removeLast(3)
    do {
      _ = try ScenarioWorkbook.importWorkbook(workbook, file: "v.xlsx")
      Issue.record("imported")
    } catch {
      let lines = error.diagnostics.map(\.description)
      #expect(lines.contains { $0.hasPrefix("v.xlsx: Blatt Weitere, Zelle B3: -5 is negative") }, "\(lines)")
    }
  }

  @Test("key paths read and write as the loader writes them")
  func keyPaths() {
    let cases: [(String, [WorkbookKeyPath.Segment])] = [
      ("units[3].posts", [.key("units"), .index(3), .key("posts")]),
      ("policy.budget.2026", [.key("policy"), .key("budget"), .key("2026")]),
      (
        "families[0].centres[\"kdn.it\"].open",
        [.key("families"), .index(0), .key("centres"), .key("kdn.it"), .key("open")]
      ),
    ]
    for (text, segments) in cases {
      #expect(WorkbookKeyPath.parse(text) == segments)
      #expect(WorkbookKeyPath.text(segments) == text)
    }
    for bad in ["", ".", "a.", "a..b", "[x]", "a[-1]", "a[1", "a b[", "a[\"x"] {
      #expect(WorkbookKeyPath.parse(bad) == nil, "\(bad)")
    }
  }
}
