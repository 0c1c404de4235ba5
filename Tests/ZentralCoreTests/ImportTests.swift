import Foundation
import Testing
import ZentralPlan

@testable import ZentralCore

/// `zentral import`: spreadsheets as Excel and LibreOffice export them in a German locale.
@Suite("Spreadsheet import")
struct ImportTests {
  /// The fixture pair in the source tree (Tests/ZentralCoreTests/Fixtures/import).
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/import")

  static let options = ImportOptions(startYear: 2026, years: 5)

  static func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: fixtures.appendingPathComponent(name))
  }

  static func importFixture(tasks: String = "tasks.csv") throws -> ImportResult {
    try SpreadsheetImporter.importData(
      units: fixture("units.csv"), unitsFile: "units.csv", tasks: fixture(tasks), tasksFile: tasks,
      options: options)
  }

  /// What the fixture pair describes, written out by hand.
  static let expected = Scenario(
    name: "Stadt Beispielstadt – Zentralisierung der IT (importiert)",
    horizon: Horizon(start: 2026, years: 5),
    units: [
      OrgUnit(id: "stadt", name: "Stadt Beispielstadt", kind: .administration),
      OrgUnit(
        id: "dez-wd", name: "Dezernat Wirtschaft und Digitalisierung", kind: .division, parent: "stadt"),
      OrgUnit(
        id: "fb-egov", name: "Fachbereich E-Government; Informationstechnik", kind: .central,
        parent: "dez-wd",
        costPerFTE: 82_000, capacityFTE: YearValues(constant: 45.5)),
      OrgUnit(
        id: "fb20", name: "FB 20 – Finanzservice", kind: .department, parent: "stadt", costPerFTE: 80_000),
      OrgUnit(
        id: "zgm", name: "Zentrales Gebäudemanagement \"ZGM\"", kind: .enterprise, parent: "stadt",
        costPerFTE: 79_000),
      OrgUnit(id: "fb40", name: "FB 40 – Schule", kind: .department, parent: "stadt", costPerFTE: 80_000),
      OrgUnit(
        id: "krzn", name: "Kommunales Rechenzentrum Niederrhein", kind: .shared, pricePerFTE: 98_000,
        capacityFTE: YearValues(constant: 6)),
    ],
    families: [
      TaskFamily(id: "finanz-it", name: "Finanz-IT", providers: ["fb-egov"]),
      TaskFamily(id: "fachverfahren", name: "Fachverfahren", providers: ["fb-egov"]),
      TaskFamily(id: "client-support", name: "Client-Support", providers: ["fb-egov"]),
      TaskFamily(id: "schul-it", name: "Schul-IT", providers: ["fb-egov"]),
    ],
    tasks: [
      ITTask(
        id: "fb20-finanz", name: "Haushalts- und Finanzsoftware", family: "finanz-it", unit: "fb20", fte: 3.5),
      ITTask(
        id: "fb20-kassenverfahren", name: "Kassenverfahren", family: "finanz-it", unit: "fb20", fte: 1.5),
      ITTask(
        id: "zgm-cafm", name: "CAFM-Fachverfahren", family: "fachverfahren", unit: "zgm", fte: 2,
        dedicated: true,
        reason: "CAFM wird nur im ZGM genutzt; stadtweit \"einzigartig\""),
      ITTask(id: "zgm-client", name: "Client-Support ZGM", family: "client-support", unit: "zgm", fte: 1.25),
      ITTask(
        id: "fb40-support", name: "Support der Schulen", family: "schul-it", unit: "fb40", fte: 11,
        divisible: true),
      ITTask(
        id: "fb40-medien", name: "Medienentwicklungsplanung", family: "schul-it", unit: "fb40", fte: 2,
        dedicated: true, reason: "Pädagogische Planung\ndes Schulträgers"),
      ITTask(
        id: "fb40-client", name: "Client-Support FB 40", family: "client-support", unit: "fb40", fte: 0.75),
      ITTask(
        id: "fb20-steuer", name: "Steuerverfahren (Grund- und Gewerbesteuer)", family: "fachverfahren",
        unit: "fb20", fte: 1),
    ])

  @Test("a German-locale CSV pair (BOM, CRLF, decimal comma, quotes) becomes the expected scenario")
  func germanFixture() throws {
    let result = try Self.importFixture()
    #expect(result.scenario == Self.expected)
    #expect(
      result.warnings.map(\.description) == [
        "units.csv:7: warning: unit \"fb40\" has tasks but no \"Kosten je VZÄ\"; assumed 80.000 EUR a year "
          + "(marked TODO)",
        "tasks.csv:9:3: column C \"Aufgabenbereich\": warning: \"Client Support\" is taken as the same "
          + "Aufgabenbereich as \"Client-Support\" (client-support)",
      ])
  }

  @Test("a Windows-1252 tasks file gives the same scenario and says it was converted")
  func windows1252Fixture() throws {
    let result = try Self.importFixture(tasks: "tasks-windows1252.csv")
    #expect(result.scenario == Self.expected)
    let first = try #require(result.warnings.first)
    #expect(first.file == "tasks-windows1252.csv")
    #expect(first.severity == .warning)
    #expect(first.message.contains("read it as Windows-1252"))
  }

  @Test("the YAML written loads and validates to the same scenario, and says what is left to decide")
  func yamlLoadsBack() throws {
    let result = try Self.importFixture()
    let loaded = try ScenarioLoader.load(text: result.yaml, fileName: "import.yaml")
    #expect(loaded.scenario == result.scenario)
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
    let todos = result.yaml.split(separator: "\n").filter { $0.contains("# TODO:") }
    #expect(todos.count == result.todoCount)
    // Discount rate, fb40's assumed cost, fb-egov's capacity is given (no TODO), 4 families,
    // fb40-medien's reason is given, the policy.
    #expect(result.todoCount == 7)
    #expect(result.yaml.contains("# TODO: Kosten je VZÄ fehlten; 80.000 EUR/Jahr angenommen"))
  }

  @Test(
    "numbers in German and English notation",
    arguments: [
      ("4,5", true, 4.5), ("1.234,5", true, 1234.5), ("80.000", true, 80_000), ("80.000,00 €", true, 80_000),
      ("1.500", true, 1500), ("1.500", false, 1.5), ("4.5", true, 4.5), ("1,234.5", false, 1234.5),
      ("1,234,567", false, 1_234_567), ("0,75", true, 0.75), (" 12 ", true, 12),
      ("1\u{00A0}234,5", true, 1234.5),
      ("1,00E+05", true, 100_000), ("-2", true, -2), (",5", true, 0.5), ("1,500", true, 1.5),
      ("1,500", false, 1500), ("82,5", false, 82.5), ("0.500", true, 0.5), ("0.500.000", true, nil),
    ])
  func numbers(text: String, german: Bool, value: Double?) {
    #expect(LocaleNumber.parse(text, germanFile: german) == value)
  }

  @Test(
    "text that is not a number is refused",
    arguments: ["vier", "4,5,6", "1.23.4", "1..5", "", "4 VZÄ", "1e", "--2", "12,34.5,6"])
  func notNumbers(text: String) {
    #expect(LocaleNumber.parse(text, germanFile: true) == nil)
  }

  @Test("quoted fields keep separators, doubled quotes and line breaks; empty rows are skipped")
  func quotedFields() throws {
    let text = "a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\r\nlines\"\r\n;;\r\n\r\nlast;;\n"
    let table = try CSVParser.parse(text, file: "t.csv")
    #expect(table.separator == ";")
    #expect(table.header.fields == ["a", "b", "c"])
    #expect(table.rows.map(\.fields) == [["x;y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
    #expect(table.rows.map(\.line) == [2, 6])
  }

  @Test("a comma-separated file with English headers and a tab-separated one are read too")
  func otherSeparators() throws {
    let units =
      "id,name,kind,parent,cost_per_fte\ncity,City,administration,,\nit,IT,central,city,\"82,000\"\n"
      + "fin,Finance,department,city,\"80,000.50\"\n"
    let tasks = "name\tfamily\tunit\tfte\tdedicated\tdivisible\nSAP\tSAP\tfin\t1.5\tyes\tno\n"
    let result = try SpreadsheetImporter.importData(
      units: Data(units.utf8), unitsFile: "units.csv", tasks: Data(tasks.utf8), tasksFile: "tasks.tsv",
      options: Self.options)
    #expect(result.scenario.units.map(\.costPerFTE) == [nil, 82_000, 80_000.5])
    #expect(
      result.scenario.tasks == [
        ITTask(id: "fin-sap", name: "SAP", family: "sap", unit: "fin", fte: 1.5, dedicated: true)
      ])
    #expect(result.scenario.families == [TaskFamily(id: "sap", name: "SAP", providers: ["it"])])
  }

  @Test("UTF-16 with a byte order mark (Excel's Unicode text) is read")
  func utf16() throws {
    let text = "ID\tName\tArt\r\nfb20\tFB 20 – Finanzen\tFachbereich\r\n"
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let decoded = try TextInput.spreadsheet.decode(Data(bytes), file: "units.txt")
    #expect(decoded.text == text)
    #expect(decoded.warnings.isEmpty)
  }

  @Test("a byte that is neither UTF-8 nor Windows-1252 is refused with its line")
  func undefinedByte() {
    let bytes = Array("ID;Name\r\nx;".utf8) + [0x81] + Array("\r\n".utf8)
    #expect(throws: Diagnostic.self) { try TextInput.spreadsheet.decode(Data(bytes), file: "units.csv") }
    do {
      _ = try TextInput.spreadsheet.decode(Data(bytes), file: "units.csv")
    } catch {
      #expect(
        error.description
          == "units.csv:2: byte 0x81 is neither UTF-8 nor Windows-1252 text; save the sheet as \"CSV UTF-8\"")
    }
  }

  @Test("every problem is reported with file, line, column, header and value")
  func cellErrors() {
    let units = "ID;Name;Art\nstadt;Stadt;Verwaltung\nit;IT;zentral\nfb20;FB 20;Referat\n"
    let tasks =
      "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;fb20;vier\nB;X;fb99;1\nC;X;it;1\nD;X;fb20;-2\nE;X;fb20;\n"
    #expect(throws: ImportError.self) { try Self.importText(units: units, tasks: tasks) }
    do {
      _ = try Self.importText(units: units, tasks: tasks)
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "tasks.csv:2:4: column D \"VZÄ\": \"vier\" is not a number; write the workload in FTE, e.g. 1,5",
          "tasks.csv:3:3: column C \"Einheit\": there is no unit \"fb99\" in units.csv (by ID or name); "
            + "write a unit's ID",
          "tasks.csv:4:3: column C \"Einheit\": \"it\" is a central unit; a task is work done today in a "
            + "department or enterprise (work a provider does already is its centre's existing_fte)",
          "tasks.csv:5:4: column D \"VZÄ\": -2 is negative; write the workload in FTE, 0 or more, e.g. 1,5",
          "tasks.csv:6:4: column D \"VZÄ\": is empty; every task needs its workload in FTE, e.g. 1,5",
        ])
    }
  }

  @Test(
    "structural problems are refused with one clear line",
    arguments: [
      (
        "ID;Name;Art\nx;\"Stadt;Verwaltung\n", "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        "units.csv:2:2: the quoted field in column B is never closed; a field that starts with \" ends with \" "
          + "(write \"\" for a quote inside it)"
      ),
      (
        "ID;Name\nx;Stadt\n", "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        "units.csv:1: the header row has no column \"Art\"; it has \"ID\", \"Name\" (separator ';')"
      ),
      (
        "ID;Name;Art\nx;Stadt;Verwaltung\nx;Zweite;Fachbereich\n",
        "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        "units.csv:3:1: column A \"ID\": \"x\" is already the ID of the unit in line 2; each unit has its own"
      ),
      (
        "ID;Name;Art\nFB 20;Stadt;Verwaltung\n", "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        "units.csv:2:1: column A \"ID\": \"FB 20\" is not an ID; an ID has letters, digits, '-', '_' and '.' "
          + "(at most 64), e.g. fb-20"
      ),
      (
        "ID;Name;Art;Übergeordnet\na;A;Dezernat;b\nb;B;Dezernat;a\n",
        "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;a;1\n",
        "units.csv:2:4: column D \"Übergeordnet\": the units form a cycle (a → b → a); each chain of "
          + "\"Übergeordnet\" must end at the top unit"
      ),
      (
        "ID;Name;Art\nx;Stadt;Referatx\n", "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        "units.csv:2:3: column C \"Art\": \"Referatx\" is not a kind of unit; write one of Verwaltung, Dezernat, "
          + "Fachbereich (Referat, Amt), Eigenbetrieb, Stabsstelle, zentral or extern"
      ),
    ])
  func structuralErrors(units: String, tasks: String, message: String) {
    do {
      _ = try Self.importText(units: units, tasks: tasks)
      Issue.record("the import should have failed with: \(message)")
    } catch {
      #expect(error.errors.map(\.description).first == message)
    }
  }

  @Test("the scenario is written atomically, never over an input or an existing file unless forced")
  func atomicWrite() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zentral-import-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("tasks.csv").path
    try Self.fixture("tasks.csv").write(to: URL(fileURLWithPath: input))
    let output = directory.appendingPathComponent("scenario.yaml").path
    let result = try Self.importFixture()

    try SpreadsheetImporter.write(result, to: output, inputs: [input], overwrite: false)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == result.yaml)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "scenario.yaml", "tasks.csv",
      ])

    #expect(throws: ImportError.self) {
      try SpreadsheetImporter.write(result, to: output, inputs: [input], overwrite: false)
    }
    try SpreadsheetImporter.write(result, to: output, inputs: [input], overwrite: true)

    let before = try Self.fixture("tasks.csv")
    do {
      try SpreadsheetImporter.write(
        result, to: directory.path + "/./tasks.csv", inputs: [input], overwrite: true)
      Issue.record("writing over an input must fail")
    } catch {
      #expect(
        error.description.hasSuffix("is an input file; write the scenario to a new file, e.g. scenario.yaml"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
  }

  @Test(
    "a file with a header row but no rows is refused, naming the file",
    arguments: [
      (
        "ID;Name;Art\n", "Name;Aufgabenbereich;Einheit;VZÄ\nA;X;x;1\n",
        ["units.csv: has a header row but no units below it; write one unit per row under the header"]
      ),
      (
        "ID;Name;Art\nx;Stadt;Fachbereich\n", "Name;Aufgabenbereich;Einheit;VZÄ\n;;;\n",
        ["tasks.csv: has a header row but no tasks below it; write one task per row under the header"]
      ),
      (
        "\u{FEFF}ID;Name;Art\r\n", "Name;Aufgabenbereich;Einheit;VZÄ\r\n",
        [
          "units.csv: has a header row but no units below it; write one unit per row under the header",
          "tasks.csv: has a header row but no tasks below it; write one task per row under the header",
        ]
      ),
    ])
  func headerOnly(units: String, tasks: String, messages: [String]) {
    do {
      _ = try Self.importText(units: units, tasks: tasks)
      Issue.record("a header-only file must be refused")
    } catch {
      #expect(error.diagnostics.map(\.description) == messages)
    }
  }

  @Test("ids of 20,000 rows with the same unit and name, and a chain of 20,000 units, take linear time")
  func linearIDs() throws {
    let count = 20_000
    var units = "ID;Name;Art;Übergeordnet;Kosten je VZÄ\nu0;Stadt;Verwaltung;;\n"
    for index in 1..<count { units += "u\(index);Einheit \(index);Fachbereich;u\(index - 1);80.000\n" }
    units += "it;IT;zentral;u0;80.000\n"
    var tasks = "ID;Name;Aufgabenbereich;Einheit;VZÄ\nu5-client-3;Explizit;Client;u5;1\n"
    for _ in 0..<count { tasks += ";Client;Client;u5;1,5\n" }
    let clock = ContinuousClock()
    var result: ImportResult?
    // Counting up from -2 for every row took 44 s (release) for these 20,000 rows; now under 1 s.
    let elapsed = try clock.measure { result = try Self.importText(units: units, tasks: tasks) }
    let ids = try #require(result).scenario.tasks.map(\.id)
    #expect(elapsed < .seconds(30))
    #expect(Set(ids).count == count + 1)
    #expect(
      Array(ids.prefix(5)) == ["u5-client-3", "u5-client", "u5-client-2", "u5-client-4", "u5-client-5"])
    #expect(ids.last == "u5-client-\(count + 1)")
  }

  static func importText(units: String, tasks: String) throws(ImportError) -> ImportResult {
    try SpreadsheetImporter.importData(
      units: Data(units.utf8), unitsFile: "units.csv", tasks: Data(tasks.utf8), tasksFile: "tasks.csv",
      options: options)
  }
}
