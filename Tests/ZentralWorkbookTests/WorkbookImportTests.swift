import Foundation
import Testing
import ZentralCore
import ZentralPlan
import ZentralWorkbook

@Suite("Scenario workbook import")
struct WorkbookImportTests {
  static func krefeld(english: Bool = false) throws -> Workbook {
    ScenarioWorkbook.workbook(for: try ScenarioWorkbookTests.seed("krefeld"), english: english)
  }

  /// Sets the cell `reference` of the sheet `name` to `value`.
  static func set(_ workbook: inout Workbook, _ name: String, _ reference: String, _ value: CellValue) throws
  {
    let index = try #require(workbook.sheets.firstIndex { $0.name == name })
    let cell = try #require(CellReference(reference))
    while workbook.sheets[index].rows.count < cell.row { workbook.sheets[index].rows.append([]) }
    while workbook.sheets[index].rows[cell.row - 1].count < cell.column {
      workbook.sheets[index].rows[cell.row - 1].append(.empty)
    }
    workbook.sheets[index].rows[cell.row - 1][cell.column - 1] = value
  }

  static func problems(_ workbook: Workbook, file: String = "vorlage.xlsx") -> [String] {
    do {
      return try ScenarioWorkbook.importWorkbook(workbook, file: file).warnings.map(\.description)
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test("a value out of range is reported at its sheet and cell, with the loader's sentence")
  func rangeAtCell() throws {
    var workbook = try Self.krefeld()
    #expect(workbook.sheets.first { $0.name == "Aufgaben" }?.rows[0][4] == .text("VZÄ"))
    try Self.set(&workbook, "Aufgaben", "E3", .number(-2))
    try Self.set(&workbook, "Einheiten", "E5", .number(78))
    let problems = Self.problems(workbook)
    #expect(
      problems.contains(
        "vorlage.xlsx: Blatt Aufgaben, Zelle E3: -2 is negative; a workload is 0 or more FTE"), "\(problems)")
    #expect(problems.contains { $0.hasPrefix("vorlage.xlsx: Blatt Einheiten, Zelle E5: 78 ") }, "\(problems)")
  }

  @Test("an English workbook names sheet and cell in English")
  func englishPlaces() throws {
    var workbook = try Self.krefeld(english: true)
    try Self.set(&workbook, "Tasks", "E4", .text("vier"))
    let problems = Self.problems(workbook, file: "template.xlsx")
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("template.xlsx: sheet Tasks, cell E4: ") == true, "\(problems)")
  }

  @Test("German words and numbers written as text are read as the CSV import reads them")
  func germanCells() throws {
    var workbook = try Self.krefeld()
    try Self.set(&workbook, "Aufgaben", "E3", .text("1,5"))
    try Self.set(&workbook, "Aufgaben", "F3", .text("ja"))
    try Self.set(&workbook, "Aufgaben", "G3", .text("bleibt beim FB 20"))
    try Self.set(&workbook, "Einheiten", "C7", .text("Fachbereich"))
    try Self.set(&workbook, "Einheiten", "E7", .text("80.000 €"))
    let scenario = try ScenarioWorkbook.importWorkbook(workbook, file: "v.xlsx").scenario
    #expect(scenario.tasks[0].fte == 1.5)
    #expect(scenario.tasks[0].dedicated)
    #expect(scenario.tasks[0].reason == "bleibt beim FB 20")
    #expect(scenario.units[4].kind == .department)
    #expect(scenario.units[4].costPerFTE == 80_000)
  }

  @Test("the workbook's shape: a missing sheet is an error, an unknown sheet or column a warning")
  func shape() throws {
    var workbook = try Self.krefeld()
    workbook.sheets.removeAll { $0.name == "Aufgaben" }
    #expect(
      Self.problems(workbook).contains {
        $0.hasPrefix("vorlage.xlsx: has no sheet 'Aufgaben' (or 'Tasks')")
      })

    workbook = try Self.krefeld()
    workbook.sheets.append(Worksheet(name: "Notizen", rows: [[.text("x")]]))
    try Self.set(&workbook, "Aufgaben", "M1", .text("Bemerkung"))
    try Self.set(&workbook, "Aufgaben", "M3", .text("egal"))
    let warnings = Self.problems(workbook)
    #expect(
      warnings.contains { $0.contains("warning: das Blatt 'Notizen' gehört nicht zu einer Szenario-Mappe") })
    #expect(
      warnings.contains {
        $0.hasPrefix(
          "vorlage.xlsx: Blatt Aufgaben, Zelle M1: warning: die Spalte 'Bemerkung' wird nicht gelesen")
      })
  }

  @Test("rows that name what no sheet defines are errors at their cell")
  func references() throws {
    var workbook = try Self.krefeld()
    try Self.set(&workbook, "Anbieter", "A3", .text("gibt-es-nicht"))
    try Self.set(&workbook, "Jahreswerte", "A3", .text("capacity"))
    let problems = Self.problems(workbook)
    #expect(
      problems.contains(
        "vorlage.xlsx: Blatt Anbieter, Zelle A3: auf dem Blatt 'Aufgabenbereiche' gibt es keinen Aufgabenbereich 'gibt-es-nicht'"
      ), "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix(
          "vorlage.xlsx: Blatt Jahreswerte, Zelle A3: 'capacity' ist kein Schlüssel mit Jahreswerten")
      }, "\(problems)")
  }

  @Test("a year value given as one number and by year is refused")
  func yearValueTwice() throws {
    var workbook = try Self.krefeld()
    // fb-egov has capacity by year (sheet Jahreswerte); give it one number too.
    let units = try #require(workbook.sheets.first { $0.name == "Einheiten" })
    let row = try #require(units.rows.firstIndex { $0.first == .text("fb-egov") })
    try Self.set(&workbook, "Einheiten", "G\(row + 1)", .number(40))
    let problems = Self.problems(workbook)
    #expect(
      problems.contains {
        $0.contains("capacity_fte ist als eine Zahl (Blatt Einheiten, Zelle G\(row + 1))")
      }, "\(problems)")
  }

  @Test("the empty template names where the required values go")
  func emptyTemplate() throws {
    let problems = Self.problems(ScenarioWorkbook.workbook())
    #expect(
      problems.contains {
        $0.hasPrefix("vorlage.xlsx: Blatt Szenario, Zelle B2: missing required key 'name'")
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix("vorlage.xlsx: Blatt Zeitraum, Zelle B2: missing required key 'horizon'")
      }, "\(problems)")
    #expect(
      problems.contains { $0.hasPrefix("vorlage.xlsx: Blatt Einheiten, Zeile 3: the list is empty") },
      "\(problems)")
  }

  @Test("the template has every sheet, a heading and a note for every column, in both languages")
  func template() throws {
    for english in [false, true] {
      let workbook = ScenarioWorkbook.workbook(english: english)
      #expect(workbook.sheets.map(\.name) == WorkbookLayout.sheets.map { english ? $0.english : $0.german })
      for (sheet, layout) in zip(workbook.sheets, WorkbookLayout.sheets) {
        if case .fields = layout.shape {
          #expect(sheet.rows.count == layout.columns.count + 1)
          #expect(sheet.rows.dropFirst().allSatisfy { $0.count == 4 && !$0[3].isBlank })
        } else {
          #expect(sheet.rows.count == 2, "\(sheet.name)")
          #expect(sheet.rows[1].count == layout.columns.count)
          #expect(sheet.rows[1].allSatisfy { !$0.isBlank })
          #expect(sheet.rows[1][0].displayText.hasPrefix(english ? "Note:" : "Hinweis:"))
        }
      }
    }
  }
}
