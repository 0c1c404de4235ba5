public import Foundation

/// Builds a scenario from the spreadsheets planners keep: a CSV file of units and a CSV file of
/// tasks, as Excel or LibreOffice export them in a German locale (`;` separator, decimal comma,
/// UTF-8 with or without byte order mark, or Windows-1252). See `docs/import.md` for the columns.
///
/// The result is a `zentral/1` scenario with defaults filled in: task families come from the
/// tasks' "Aufgabenbereich", each with the central units as providers; what the spreadsheets cannot
/// say (costs of competence centres, economies of scale, policy) is left to the planner as
/// `# TODO:` comments in the YAML. Every problem in the files is reported, not only the first.
public enum SpreadsheetImporter {
  /// Employer cost per FTE assumed where a unit that needs one has none, EUR/year: the middle of
  /// EUR 55,000-85,000 per IT post plus 15-20 % overhead.
  public static let defaultCostPerFTE = 80_000.0

  /// Imports the units file at `unitsPath` and the tasks file at `tasksPath`.
  ///
  /// - Throws: ``ImportError`` with every problem found, errors and warnings.
  public static func importFiles(
    unitsPath: String, tasksPath: String, options: ImportOptions
  ) throws(ImportError) -> ImportResult {
    let units = try read(unitsPath)
    let tasks = try read(tasksPath)
    return try importData(
      units: units, unitsFile: unitsPath, tasks: tasks, tasksFile: tasksPath, options: options)
  }

  /// Imports the bytes of a units file named `unitsFile` and of a tasks file named `tasksFile`
  /// (the names appear in diagnostics and in the YAML's header comment).
  ///
  /// - Throws: ``ImportError`` with every problem found, errors and warnings.
  public static func importData(
    units: Data, unitsFile: String, tasks: Data, tasksFile: String, options: ImportOptions
  ) throws(ImportError) -> ImportResult {
    var diagnostics: [Diagnostic] = []
    var tables: [CSVTable] = []
    for (data, file) in [(units, unitsFile), (tasks, tasksFile)] {
      let decoded: TextInput.Decoded
      do {
        decoded = try TextInput.spreadsheet.decode(data, file: file)
      } catch {
        diagnostics.append(error)
        continue
      }
      diagnostics += decoded.warnings
      do {
        tables.append(try CSVParser.parse(decoded.text, file: file))
      } catch {
        diagnostics += error.diagnostics
      }
    }
    diagnostics += horizonProblems(options, file: tasksFile)
    guard tables.count == 2, !diagnostics.contains(where: \.isError) else {
      throw ImportError(diagnostics: diagnostics)
    }
    let builder = ImportBuilder(units: tables[0], tasks: tables[1], options: options)
    let built = builder.build()
    diagnostics += built.diagnostics
    guard let imported = built.imported, !diagnostics.contains(where: \.isError) else {
      throw ImportError(diagnostics: diagnostics)
    }
    let text = ImportYAMLWriter.yaml(for: imported, unitsFile: unitsFile, tasksFile: tasksFile)
    return ImportResult(
      scenario: imported.scenario, yaml: text.yaml, warnings: diagnostics, todoCount: text.todoCount)
  }

  /// Writes `result.yaml` to `path` atomically (a temporary file renamed into place), refusing to
  /// write over one of the `inputs`, and over an existing file unless `overwrite` is true.
  ///
  /// - Throws: ``ImportError`` naming `path` when the file cannot be written.
  public static func write(
    _ result: ImportResult, to path: String, inputs: [String], overwrite: Bool
  ) throws(ImportError) {
    func refuse(_ message: String) -> ImportError {
      ImportError(diagnostics: [Diagnostic(file: path, message: message)])
    }
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    for input in inputs
    where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
      throw refuse("is an input file; write the scenario to a new file, e.g. scenario.yaml")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { throw refuse("is a directory; give the path of the scenario file to write") }
      if !overwrite { throw refuse("exists already; pass --force to replace it") }
    }
    do {
      try Data(result.yaml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw refuse("cannot be written: \(error.localizedDescription)")
    }
  }

  /// The bytes of the file at `path`.
  private static func read(_ path: String) throws(ImportError) -> Data {
    do {
      return try TextInput.spreadsheet.read(path: path)
    } catch {
      throw ImportError(diagnostics: [error])
    }
  }

  /// A horizon in `options` that a scenario may not have, by the loader's own ranges
  /// (``ScenarioDecoder/startYears``, ``ScenarioDecoder/horizonLengths``).
  static func horizonProblems(_ options: ImportOptions, file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let starts = ScenarioDecoder.startYears
    let lengths = ScenarioDecoder.horizonLengths
    if !starts.contains(options.startYear) {
      problems.append(
        Diagnostic(
          file: file,
          message: "a horizon starting in \(options.startYear) is not possible; give a first year from "
            + "\(starts.lowerBound) to \(starts.upperBound)"))
    }
    if !lengths.contains(options.years) {
      problems.append(
        Diagnostic(
          file: file,
          message: "a horizon of \(options.years) years is not possible; give \(lengths.lowerBound) to "
            + "\(lengths.upperBound) years"))
    }
    return problems
  }
}
