import Foundation
import Testing
import ZentralExport
import ZentralPlan
import ZentralWorkbook

@Suite("Office exports: XLSX, CSV for Excel, draw.io")
struct OfficeExportTests {
  @Test(
    "the XLSX export holds every task, unit and year of the plan with its numbers",
    arguments: ExportFixtures.seeds)
  func xlsx(seed: String) throws {
    let plan = try ExportFixtures.plan(seed)
    let exporter = try #require(ExportFormat.xlsx.binaryExporter())
    let data = try exporter.data(plan, file: "plan.xlsx")
    let workbook = try XLSXReader.read(data: data, file: "plan.xlsx")
    #expect(workbook.sheets.map(\.name) == ["Übersicht", "Aufgaben", "Einheiten", "Jahre", "Zentren"])
    let tasks = try #require(workbook.sheet(named: "Aufgaben"))
    #expect(tasks.rows.count == plan.tasks.count + 1)
    for (row, task) in zip(tasks.rows.dropFirst(), plan.tasks) {
      #expect(row[0] == .text(task.id))
      #expect(row[4] == .number(task.fte))
      #expect(row[8] == .number(task.share))
      #expect(!row[9].isBlank)
    }
    let units = try #require(workbook.sheet(named: "Einheiten"))
    for (row, unit) in zip(units.rows.dropFirst(), plan.units) {
      #expect(row[0] == .text(unit.id))
      #expect(row[3] == .number(unit.fteBefore) && row[4] == .number(unit.fteAfter))
      #expect(row[6] == .number(unit.annualCostAfter))
    }
    let years = try #require(workbook.sheet(named: "Jahre"))
    #expect(years.rows.dropFirst().map { $0[0] } == plan.waves.map { .number(Double($0.year)) })
  }

  @Test("the XLSX export is English for --lang en, and refuses to be text")
  func xlsxEnglish() throws {
    let plan = try ExportFixtures.plan("krefeld")
    let exporter = XLSXPlanExporter(options: ExportOptions(language: .en))
    let workbook = exporter.workbook(plan)
    #expect(workbook.sheets.map(\.name) == ["Summary", "Tasks", "Units", "Years", "Centres"])
    var text = ""
    #expect(throws: ExportError.binaryFormat(.xlsx)) {
      try ExportFormat.xlsx.exporter().write(plan, to: &text)
    }
  }

  @Test("CSV for German Excel: byte order mark, ';', decimal commas, quotes where a ';' is")
  func excelCSV() throws {
    var plan = try ExportFixtures.plan("krefeld")
    plan.units[0].name = "Stadt; Krefeld"
    plan.org[0].name = "Stadt; Krefeld"
    var options = ExportOptions()
    options.excel = true
    var text = ""
    try CSVExporter(options: options).write(plan, to: &text)
    #expect(text.hasPrefix("\u{FEFF}ID;Name;Reports To;Kind;FTE;Annual cost\r\n"))
    let lines = text.split(separator: "\r\n").map(String.init)
    #expect(lines[1].hasPrefix("stadt;\"Stadt; Krefeld\";;administration;"), "\(lines[1])")
    let egov = try #require(lines.first { $0.hasPrefix("fb-egov;") })
    #expect(egov.hasSuffix(";51,76;4334183"), "\(egov)")
    var plain = ""
    try CSVExporter().write(try ExportFixtures.plan("krefeld"), to: &plain)
    #expect(
      plain.contains("fb-egov,Fachbereich E-Government und Informationstechnik,dez-wd,central,51.76,4334183"))
  }

  @Test(
    "draw.io CSV: the directives, then one row per box, moved tasks with their home unit",
    arguments: ChartView.allCases)
  func drawio(view: ChartView) throws {
    let plan = try ExportFixtures.plan("krefeld")
    var text = ""
    try DrawioCSVExporter(options: ExportOptions(view: view)).write(plan, to: &text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex(of: "## CSV starts under this line"))
    let directives = lines[..<start].filter { $0.hasPrefix("# ") }.map {
      String($0.dropFirst(2).prefix { $0 != ":" })
    }
    for name in [
      "label", "style", "parentstyle", "stylename", "styles", "identity", "connect", "width", "height",
      "ignore", "layout",
    ] {
      #expect(directives.contains(name), "\(name)")
    }
    #expect(lines[start + 1] == DrawioCSVExporter.columns.joined(separator: ","))
    let rows = lines[(start + 2)...].filter { !$0.isEmpty }
    let ids = Set(rows.map { String($0.prefix { $0 != "," }) })
    #expect(ids.count == rows.count, "ids are unique: draw.io's identity column")
    #expect(ids.contains("stadt") && ids.contains("fb-egov"))
    let moved = plan.tasks.reduce(0) { $0 + $1.moves.count }
    #expect(rows.filter { $0.contains(",moved,") }.count == (view == .changes ? moved : 0))
  }
}
