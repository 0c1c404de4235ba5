import Foundation
import Testing

@testable import ZentralCore

/// `zentral import` checks the ranges of the scenario format at the cell, so that it never writes a
/// scenario that `zentral validate` refuses for a range.
@Suite("Spreadsheet import: ranges of the scenario format")
struct ImportRangeTests {
  /// A units and a tasks file with one cell of each numeric column to fill in.
  struct Cells {
    var cost = "82.000"
    var price = "98.000"
    var capacity = "40"
    var fte = "1,5"
    var concern = ""
    var transition = ""

    var units: String {
      "ID;Name;Art;Übergeordnet;Kosten je VZÄ;Preis je VZÄ;Kapazität VZÄ\n"
        + "stadt;Stadt;Verwaltung;;;;\n"
        + "it;IT;zentral;stadt;\(cost);;\(capacity)\n"
        + "kdn;KDN;extern;;;\(price);6\n"
        + "fb20;FB 20;Fachbereich;stadt;80.000;;\n"
    }

    var tasks: String {
      "Name;Aufgabenbereich;Einheit;VZÄ;Bedenken;Übergangskosten\n"
        + "SAP;SAP;fb20;\(fte);\(concern);\(transition)\n"
    }
  }

  /// A numeric column: where its cell is, the quantity the scenario format gives it, and how to
  /// set the cell.
  struct Column: CustomStringConvertible, Sendable {
    var description: String
    var file: String
    var line: Int
    var field: Int
    var quantity: Quantity
    var set: @Sendable (inout Cells, String) -> Void
  }

  static let columns: [Column] = [
    Column(description: "E \"Kosten je VZÄ\"", file: "units.csv", line: 3, field: 5, quantity: .costPerFTE) {
      $0.cost = $1
    },
    Column(description: "F \"Preis je VZÄ\"", file: "units.csv", line: 4, field: 6, quantity: .costPerFTE) {
      $0.price = $1
    },
    Column(description: "G \"Kapazität VZÄ\"", file: "units.csv", line: 3, field: 7, quantity: .fte) {
      $0.capacity = $1
    },
    Column(description: "D \"VZÄ\"", file: "tasks.csv", line: 2, field: 4, quantity: .fte) { $0.fte = $1 },
    Column(
      description: "E \"Bedenken\"", file: "tasks.csv", line: 2, field: 5, quantity: .money(unit: "EUR")
    ) { $0.concern = $1 },
    Column(
      description: "F \"Übergangskosten\"", file: "tasks.csv", line: 2, field: 6,
      quantity: .money(unit: "EUR (once)")
    ) { $0.transition = $1 },
  ]

  /// What `zentral validate` says about the scenario `yaml`.
  static func validate(_ yaml: String) -> [Diagnostic] {
    do {
      return try ScenarioLoader.load(text: yaml, fileName: "import.yaml").warnings
    } catch {
      return error.diagnostics
    }
  }

  static func importCells(_ cells: Cells) throws(ImportError) -> ImportResult {
    try SpreadsheetImporter.importData(
      units: Data(cells.units.utf8), unitsFile: "units.csv", tasks: Data(cells.tasks.utf8),
      tasksFile: "tasks.csv", options: ImportOptions(startYear: 2026, years: 5))
  }

  @Test(
    "a cost of 78 per FTE is refused at its cell with file, row, column and value, as validate refuses it")
  func costOf78() throws {
    var cells = Cells()
    cells.cost = "78"
    do {
      _ = try Self.importCells(cells)
      Issue.record("a cost of 78 EUR a year per FTE must be refused")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "units.csv:3:5: column E \"Kosten je VZÄ\": 78 reads as 78 EUR/year per FTE; a post costs 30.000 to "
            + "250.000 EUR a year; write the full amount in EUR, e.g. 80.000"
        ])
      let diagnostic = try #require(error.errors.first)
      #expect(diagnostic.path == "column E \"Kosten je VZÄ\"")
    }
    // The loader refuses the same value by the same range.
    let yaml = try Self.importCells(Cells()).yaml.replacingOccurrences(
      of: "cost_per_fte: 82000", with: "cost_per_fte: 78")
    #expect(yaml.contains("cost_per_fte: 78 "))
    #expect(
      Self.validate(yaml).contains {
        $0.isError && $0.path.hasSuffix("cost_per_fte")
          && $0.message.hasPrefix("78 reads as 78 EUR/year per FTE")
      })
  }

  @Test("a ','-separated file names the limits the English way")
  func englishNotation() {
    let units =
      "id,name,kind,parent,cost_per_fte\ncity,City,administration,,\nit,IT,central,city,78.000\n"
      + "fin,Finance,department,city,\"80,000\"\n"
    let tasks = "name,family,unit,fte\nSAP,SAP,fin,0.0001\n"
    do {
      _ = try SpreadsheetImporter.importData(
        units: Data(units.utf8), unitsFile: "units.csv", tasks: Data(tasks.utf8), tasksFile: "tasks.csv",
        options: ImportOptions(startYear: 2026))
      Issue.record("the import must fail")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "units.csv:3:5: column E \"cost_per_fte\": 78.000 reads as 78 EUR/year per FTE; a post costs 30,000 "
            + "to 250,000 EUR a year; write the full amount in EUR, e.g. 80,000",
          "tasks.csv:2:4: column D \"fte\": 0.0001 is more than 0 but less than 0.001 FTE, the least a scenario "
            + "accepts; write 0 or at least 0.001",
        ])
    }
  }

  /// Values around the limits of `quantity`, as a German spreadsheet writes them.
  static func probes(_ quantity: Quantity) -> [Double] {
    [0, quantity.lowest / 2, quantity.lowest, 1, quantity.highest, quantity.highest * 2]
  }

  @Test(
    "every number the importer accepts, validate accepts; every one it refuses is refused at its cell",
    arguments: columns)
  func importNeverWritesWhatValidateRefuses(column: Column) throws {
    for value in Self.probes(column.quantity) {
      var cells = Cells()
      let written = LocaleNumber.written(value, germanFile: true)
      column.set(&cells, written)
      let inRange = column.quantity.violation(of: value) == nil
      do {
        let result = try Self.importCells(cells)
        #expect(inRange, "\(column) \(written) was imported although it is out of range")
        let problems = Self.validate(result.yaml).filter(\.isError)
        #expect(problems.isEmpty, "\(column) \(written): validate refuses \(problems.map(\.description))")
      } catch {
        #expect(!inRange, "\(column) \(written) was refused: \(error)")
        #expect(error.errors.count == 1, "\(error)")
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.file == column.file)
        #expect(diagnostic.line == column.line)
        #expect(diagnostic.column == column.field)
        #expect(diagnostic.path == "column \(column)")
        #expect(diagnostic.message.hasPrefix(written + " "), "\(diagnostic)")
      }
    }
  }

  @Test("a first year, a horizon length and a reason the scenario format refuses are refused by import too")
  func otherLimits() throws {
    let cells = Cells()
    do {
      _ = try SpreadsheetImporter.importData(
        units: Data(cells.units.utf8), unitsFile: "units.csv", tasks: Data(cells.tasks.utf8),
        tasksFile: "tasks.csv", options: ImportOptions(startYear: 2200, years: 31))
      Issue.record("the import must fail")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "tasks.csv: a horizon starting in 2200 is not possible; give a first year from 1990 to 2100",
          "tasks.csv: a horizon of 31 years is not possible; give 1 to 30 years",
        ])
    }
    let reason = String(repeating: "ä", count: 1001)
    let tasks = "Name;Aufgabenbereich;Einheit;VZÄ;Zweckgebunden;Begründung\nSAP;SAP;fb20;1;ja;\(reason)\n"
    do {
      _ = try SpreadsheetImporter.importData(
        units: Data(cells.units.utf8), unitsFile: "units.csv", tasks: Data(tasks.utf8),
        tasksFile: "tasks.csv",
        options: ImportOptions(startYear: 2026))
      Issue.record("the import must fail")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "tasks.csv:2:6: column F \"Begründung\": has 1001 characters; a reason has at most 1000"
        ])
    }
  }
}
