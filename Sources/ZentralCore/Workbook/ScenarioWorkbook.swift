public import Foundation
public import ZentralWorkbook

/// A scenario as an office workbook (`.xlsx`): the template planners fill in
/// (`zentral template`), a scenario laid out in it, and the import of a filled workbook
/// (`zentral import WORKBOOK.xlsx`). The sheets and columns are those of ``WorkbookLayout``;
/// docs/import.md describes them.
///
/// A workbook is read into a scenario document whose every value remembers its cell, and that
/// document is checked by the scenario loader itself, so a workbook passes exactly the checks of
/// a YAML file (ranges, references, German number habits) and every problem is reported at its
/// sheet and cell: `vorlage.xlsx: Blatt Aufgaben, Zelle E7: -2 is negative; ...`.
public enum ScenarioWorkbook {
  /// The empty template in German or `english`, or `scenario` laid out in it.
  public static func workbook(for scenario: Scenario? = nil, english: Bool = false) -> Workbook {
    workbook(for: scenario, english: english, layouts: WorkbookLayout.sheets)
  }

  /// ``workbook(for:english:)`` with the sheets of `layouts`.
  static func workbook(for scenario: Scenario?, english: Bool, layouts: [WorkbookSheet]) -> Workbook {
    ScenarioWorkbookWriter(scenario: scenario, english: english, layouts: layouts).workbook()
  }

  /// The bytes of the `.xlsx` file of ``workbook(for:english:)``.
  ///
  /// - Throws: ``ImportError`` naming `file` when the workbook cannot be built.
  public static func xlsx(
    for scenario: Scenario? = nil, english: Bool = false, file: String
  ) throws(ImportError)
    -> Data
  {
    do {
      return try XLSXWriter.data(workbook(for: scenario, english: english), file: file)
    } catch {
      throw ImportError(diagnostics: [Diagnostic(file: file, message: error.message)])
    }
  }

  /// Reads the workbook at `path` into a scenario.
  ///
  /// - Throws: ``ImportError`` with every problem, each naming the file, sheet and cell.
  public static func importWorkbook(
    path: String, limits: WorkbookLimits = .standard
  ) throws(ImportError)
    -> ImportResult
  {
    let workbook: Workbook
    do {
      workbook = try XLSXReader.read(path: path, limits: limits)
    } catch {
      throw ImportError(diagnostics: [diagnostic(error)])
    }
    return try importWorkbook(workbook, file: path)
  }

  /// Reads `data`, the bytes of a workbook named `file`, into a scenario.
  ///
  /// - Throws: ``ImportError`` with every problem, each naming the file, sheet and cell.
  public static func importWorkbook(
    data: Data, file: String, limits: WorkbookLimits = .standard
  )
    throws(ImportError) -> ImportResult
  {
    let workbook: Workbook
    do {
      workbook = try XLSXReader.read(data: data, file: file, limits: limits)
    } catch {
      throw ImportError(diagnostics: [diagnostic(error)])
    }
    return try importWorkbook(workbook, file: file)
  }

  /// Reads `workbook`, named `file`, into a scenario.
  ///
  /// - Throws: ``ImportError`` with every problem, each naming the file, sheet and cell.
  public static func importWorkbook(_ workbook: Workbook, file: String) throws(ImportError) -> ImportResult {
    try importWorkbook(workbook, file: file, layouts: WorkbookLayout.sheets)
  }

  /// ``importWorkbook(_:file:)`` with the sheets of `layouts`.
  static func importWorkbook(
    _ workbook: Workbook, file: String, layouts: [WorkbookSheet]
  ) throws(ImportError)
    -> ImportResult
  {
    var reader = ScenarioWorkbookReader(workbook: workbook, file: file, layouts: layouts)
    reader.read()
    var diagnostics = reader.diagnostics
    if diagnostics.contains(where: \.isError) { throw ImportError(diagnostics: diagnostics) }
    let lines = reader.root.yamlLines()
    let text = lines.map(\.text).joined(separator: "\n") + "\n"
    let english = reader.english
    func placed(_ found: Diagnostic) -> Diagnostic {
      var mapped = Diagnostic(file: file, path: found.path, message: found.message, severity: found.severity)
      if let line = found.line, line >= 1, line <= lines.count, let place = lines[line - 1].place {
        mapped.path = place.text(english: english)
      } else if let place = reader.place(path: found.path, message: found.message) {
        mapped.path = place.text(english: english)
      }
      return mapped
    }
    do {
      let loaded = try ScenarioLoader.load(text: text, fileName: file)
      diagnostics += loaded.warnings.map(placed)
      return ImportResult(
        scenario: loaded.scenario, yaml: ScenarioWriter.yaml(loaded.scenario), warnings: diagnostics,
        todoCount: 0)
    } catch {
      throw ImportError(diagnostics: diagnostics + error.diagnostics.map(placed))
    }
  }

  /// A reader's error as a diagnostic, its sheet and cell as the path.
  static func diagnostic(_ error: WorkbookError) -> Diagnostic {
    var place = ""
    if let sheet = error.sheet { place = "sheet '\(sheet)'" }
    if let cell = error.cell { place += (place.isEmpty ? "" : ", ") + "cell \(cell)" }
    return Diagnostic(file: error.file, path: place, message: error.message)
  }
}
