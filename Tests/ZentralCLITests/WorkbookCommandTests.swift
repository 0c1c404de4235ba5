import Foundation
import Testing
import ZentralTestSupport

/// End-to-end tests of `zentral template`, `zentral import WORKBOOK.xlsx` and the office formats of
/// `zentral export`: the real binary, its output streams and exit status.
@Suite("zentral template, import and export of office files (end to end)")
struct WorkbookCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("template --from, import: the workbook gives back the scenario; the import validates")
  func roundTrip() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let seed = Self.root.appendingPathComponent("scenarios/krefeld.yaml").path
    let template = try ZentralBinary.run(["template", "--from", seed, "--out", "k.xlsx"], in: directory)
    #expect(template.status == 0, "\(template.stderr)")
    #expect(template.stdout.hasPrefix("k.xlsx: 13 sheets with the scenario of"))
    let imported = try ZentralBinary.run(["import", "k.xlsx", "--out", "k.yaml"], in: directory)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout == "k.yaml: 18 units, 8 task families, 30 tasks; check it with zentral validate\n")
    let validate = try ZentralBinary.run(["validate", "k.yaml"], in: directory)
    #expect(validate.status == 0)
    let plan = try ZentralBinary.run(["plan", "k.xlsx"], in: directory)
    #expect(
      plan.stderrLines == [
        "zentral: k.xlsx is a workbook, not a scenario; build a scenario from it with "
          + "'zentral import k.xlsx --out SCENARIO.yaml' (docs/import.md)"
      ])
    let again = try ZentralBinary.run(["template", "--out", "k.xlsx"], in: directory)
    #expect(again.status == 1)
    #expect(again.stderrLines == ["zentral: k.xlsx: exists already; pass --force to replace it"])
  }

  @Test("the empty template (English) imports with every missing value named at its sheet and cell")
  func emptyTemplate() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(
      try ZentralBinary.run(["template", "--lang", "en", "--out", "t.xlsx"], in: directory).status == 0)
    let run = try ZentralBinary.run(["import", "t.xlsx", "--out", "t.yaml"], in: directory)
    #expect(run.status == 1)
    #expect(
      run.stderrLines == [
        "t.xlsx: sheet Scenario, cell B2: missing required key 'name'; a scenario has a name, the title of its reports",
        "t.xlsx: sheet Horizon, cell B2: missing required key 'horizon'; a scenario has a horizon such as {start: 2025, years: 5}",
        "t.xlsx: sheet Units, row 3: the list is empty; a scenario has at least one unit",
      ])
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("t.yaml").path))
  }

  @Test("a workbook and CSV files together, or CSV options with a workbook, are usage errors")
  func usage() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let both = try ZentralBinary.run(
      ["import", "v.xlsx", "--units", "u.csv", "--out", "s.yaml"], in: directory)
    #expect(both.status == 1)
    #expect(both.stderr.contains("give either a workbook ('v.xlsx') or --units and --tasks, not both"))
    let start = try ZentralBinary.run(
      ["import", "v.xlsx", "--start", "2026", "--out", "s.yaml"], in: directory)
    #expect(start.status == 1)
    #expect(start.stderr.contains("--name, --start and --years are for CSV files"))
    let none = try ZentralBinary.run(["import", "--out", "s.yaml"], in: directory)
    #expect(none.status == 1)
    #expect(none.stderr.contains("give a workbook"))
    let csv = try ZentralBinary.run(["import", "u.csv", "--out", "s.yaml"], in: directory)
    try Data("ID;Name\n".utf8).write(to: directory.appendingPathComponent("u.csv"))
    let text = try ZentralBinary.run(["import", "u.csv", "--out", "s.yaml"], in: directory)
    #expect(csv.stderrLines == ["zentral: u.csv: does not exist; give the path of the .xlsx workbook"])
    #expect(text.status == 1)
    #expect(text.stderr.contains("u.csv: is not an .xlsx workbook"))
  }

  @Test("export --format xlsx writes a workbook, --excel only goes with csv")
  func export() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = Self.root.appendingPathComponent("Tests/ZentralExportTests/Fixtures/krefeld.plan.json").path
    let xlsx = try ZentralBinary.run(["export", plan, "--format", "xlsx", "--out", "p.xlsx"], in: directory)
    #expect(xlsx.status == 0, "\(xlsx.stderr)")
    let bytes = try Data(contentsOf: directory.appendingPathComponent("p.xlsx"))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let wrong = try ZentralBinary.run(["export", plan, "--format", "md", "--excel"], in: directory)
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("--excel is for --format csv"))
    let drawio = try ZentralBinary.run(
      ["export", plan, "--format", "drawio", "--view", "changes"], in: directory)
    #expect(drawio.status == 0)
    #expect(drawio.stdout.contains("\n# connect: {\"from\": \"reports_to\""))
  }
}
