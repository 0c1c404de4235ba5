public import Foundation
import Yams
import ZentralCore

#if canImport(Glibc)
import Glibc
#endif

/// The scenarios of the data folder: listing, uploads (YAML, the CSV pair, XLSX), the form
/// editor's saves and the what-if panel's variants. Every scenario stored is valid as
/// `zentral validate` checks it; an invalid input is refused with its diagnostics and nothing is
/// stored.
public struct ScenarioStore: Sendable {
  /// One line of the list of scenarios.
  public struct Item: Sendable, Equatable {
    /// The id.
    public var id: ScenarioID
    /// The title.
    public var name: String
    /// The base of a variant.
    public var extends: ScenarioID?
  }

  /// One uploaded file: the name the browser sent (only shown, never a path) and the bytes.
  public struct Upload: Sendable {
    /// The file name as sent.
    public var fileName: String
    /// The bytes.
    public var data: Data

    /// An upload.
    public init(fileName: String, data: Data) {
      self.fileName = fileName
      self.data = data
    }
  }

  /// The data folder.
  public let folder: DataFolder

  /// The store of `folder`.
  public init(folder: DataFolder) { self.folder = folder }

  /// The scenarios, sorted by id.
  public func list() -> [Item] {
    folder.scenarioIDs().map { id in
      let text = String(decoding: (try? folder.scenarioData(id)) ?? Data(), as: UTF8.self)
      let head = ScenarioSummary.header(of: text)
      return Item(id: id, name: head.name ?? id.rawValue, extends: head.extends)
    }
  }

  // MARK: Uploads

  /// Stores an uploaded scenario file (`.yaml`/`.yml`, or `.xlsx` a scenario workbook) under the
  /// id derived from `name` (or the file name); returns the id.
  ///
  /// - Throws: ``ServiceError``: a wrong file type (400), an existing id (400), an invalid
  ///   scenario (422 with its diagnostics); nothing is stored then.
  public func store(file: Upload, name: String?) throws(ServiceError) -> ScenarioID {
    let lower = file.fileName.lowercased()
    let id = try newID(from: name, fallback: file.fileName)
    if lower.hasSuffix(".xlsx") {
      guard file.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
        throw ServiceError(
          .badRequest,
          "»\(Self.shown(file.fileName))« ist keine Excel-Arbeitsmappe (.xlsx): der Inhalt ist kein ZIP-Archiv."
        )
      }
      let result: ImportResult
      do {
        result = try ScenarioWorkbook.importWorkbook(data: file.data, file: Self.shown(file.fileName))
      } catch {
        throw ServiceError(
          .invalid, "Die Arbeitsmappe enthält Fehler; nichts wurde gespeichert.",
          diagnostics: error.diagnostics.map { FieldDiagnostic($0, fileName: "", ids: [:]) })
      }
      try storeChecked(id: id, text: result.yaml, shownName: id.fileName)
      return id
    }
    guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else {
      throw ServiceError(
        .badRequest,
        "»\(Self.shown(file.fileName))« ist weder ein Szenario (.yaml, .yml) noch eine Arbeitsmappe (.xlsx); "
          + "CSV-Dateien gehören als Paar in die Felder »Einheiten« und »Aufgaben«.")
    }
    let text: String
    do {
      text = try ScenarioLoader.screenedText(data: file.data, fileName: Self.shown(file.fileName))
    } catch {
      throw ServiceError(
        .invalid, "Die Datei kann nicht gelesen werden; nichts wurde gespeichert.",
        diagnostics: error.diagnostics.map { FieldDiagnostic($0, fileName: "", ids: [:]) })
    }
    try checkExtends(text: text, shownName: Self.shown(file.fileName))
    try storeChecked(id: id, text: text, shownName: id.fileName)
    return id
  }

  /// Imports the CSV pair (units, tasks; German locale as `zentral import` reads it) and stores
  /// the scenario under the id derived from `name` (or the units file's name); returns the id.
  ///
  /// - Throws: ``ServiceError`` with the import's diagnostics; nothing is stored then.
  public func store(
    units: Upload, tasks: Upload, name: String?, startYear: Int? = nil
  ) throws(ServiceError)
    -> ScenarioID
  {
    for upload in [units, tasks] {
      let lower = upload.fileName.lowercased()
      guard lower.hasSuffix(".csv") || lower.hasSuffix(".txt") else {
        throw ServiceError(
          .badRequest,
          "»\(Self.shown(upload.fileName))« ist keine CSV-Datei (.csv); erwartet werden die "
            + "Einheiten und die Aufgaben als CSV, wie docs/import.md sie beschreibt.")
      }
    }
    let title = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    let id = try newID(from: title, fallback: Self.shown(units.fileName))
    let year = startYear ?? Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
    let result: ImportResult
    do {
      result = try SpreadsheetImporter.importData(
        units: units.data, unitsFile: Self.shown(units.fileName), tasks: tasks.data,
        tasksFile: Self.shown(tasks.fileName), options: ImportOptions(name: title, startYear: year, years: 5))
    } catch {
      throw ServiceError(
        .invalid, "Die CSV-Dateien enthalten Fehler; nichts wurde gespeichert.",
        diagnostics: error.diagnostics.map { FieldDiagnostic($0, fileName: "", ids: [:]) })
    }
    try storeChecked(id: id, text: result.yaml, shownName: id.fileName)
    return id
  }

  // MARK: Form editor and variants

  /// Applies the form's `values` (key path → text) to scenario `id` and saves it when the result
  /// is valid.
  ///
  /// - Throws: ``ServiceError``: an unknown field (400), an invalid result (422 with the
  ///   diagnostics at their fields); the file is unchanged then.
  public func save(_ id: ScenarioID, values: [(String, String)]) throws(ServiceError) {
    let data = try folder.scenarioData(id)
    var document = try ScenarioDocument(text: String(decoding: data, as: UTF8.self))
    let allowed = ScenarioSummary(id: id, folder: folder).fieldKeys
    for (key, value) in values {
      guard allowed.contains(key) else {
        throw ServiceError(.badRequest, "Das Feld »\(key)« gibt es im Formular für »\(id)« nicht.")
      }
      try document.set(key, to: value)
    }
    try storeChecked(
      id: id, text: try document.yaml(), shownName: id.fileName, replacing: true, ids: document.listIDs)
  }

  /// Saves a variant of `base` named `name` with the changed `values` (key path → text) as
  /// scenario `<base>-<name>` (`extends: <base>.yaml`); returns its id.
  ///
  /// - Throws: ``ServiceError``: no name, an existing id, an unknown field (400), an invalid
  ///   result (422); nothing is stored then.
  public func saveVariant(
    of base: ScenarioID, name: String, values: [(String, String)]
  ) throws(ServiceError)
    -> ScenarioID
  {
    guard folder.hasScenario(base) else {
      throw ServiceError(.notFound, "Das Szenario »\(base)« gibt es nicht.")
    }
    guard let suffix = ScenarioID.derived(from: name),
      let id = ScenarioID("\(base.rawValue)-\(suffix.rawValue)")
    else {
      throw ServiceError(
        .badRequest, "Die Variante braucht einen Namen aus Buchstaben oder Ziffern, z. B. »hoehere-kosten«.")
    }
    guard !folder.hasScenario(id) else {
      throw ServiceError(.badRequest, "Ein Szenario »\(id)« gibt es schon; wählen Sie einen anderen Namen.")
    }
    let summary = ScenarioSummary(id: base, folder: folder)
    let allowed = summary.fieldKeys
    let current = Dictionary(
      summary.fields.map { ($0.keyPath, $0.value) }, uniquingKeysWith: { first, _ in first })
    var document = ScenarioDocument(variantOf: base, name: "\(summary.name) – \(name)")
    for (key, value) in values where key != "name" {
      guard allowed.contains(key) else {
        throw ServiceError(.badRequest, "Das Feld »\(key)« gibt es im Formular für »\(base)« nicht.")
      }
      // Only what differs goes into the variant.
      if current[key] != value { try document.set(key, to: value) }
    }
    try storeChecked(id: id, text: try document.yaml(), shownName: id.fileName, ids: document.listIDs)
    return id
  }

  // MARK: Steps

  /// Writes `text` to a staging file in the scenarios folder, loads it there as `zentral validate`
  /// would (a variant with its bases), and renames it to `<id>.yaml` only when it is valid.
  private func storeChecked(
    id: ScenarioID, text: String, shownName: String, replacing: Bool = false, ids: [String: [String]]? = nil
  ) throws(ServiceError) {
    if !replacing, folder.hasScenario(id) {
      throw ServiceError(.badRequest, "Ein Szenario »\(id)« gibt es schon; geben Sie einen anderen Namen an.")
    }
    let staging = folder.scenariosFolder.appendingPathComponent(".tmp-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: staging) }
    do {
      try Data(text.utf8).write(to: staging)
    } catch {
      throw ServiceError(.internalFailure, "Das Szenario konnte nicht zwischengespeichert werden: \(error)")
    }
    let listIDs = ids ?? (try? ScenarioDocument(text: text))?.listIDs ?? [:]
    do {
      _ = try ScenarioLoader.load(path: staging.path)
    } catch {
      let diagnostics = error.diagnostics.map { diagnostic in
        var renamed = diagnostic
        if renamed.file == staging.path { renamed.file = shownName }
        return FieldDiagnostic(renamed, fileName: shownName, ids: listIDs)
      }
      throw ServiceError(
        .invalid, "Das Szenario enthält Fehler; nichts wurde gespeichert.", diagnostics: diagnostics)
    }
    if rename(staging.path, folder.scenarioFile(id).path) != 0 {
      throw ServiceError(.internalFailure, "Das Szenario »\(id)« konnte nicht gespeichert werden.")
    }
  }

  /// Refuses a variant whose `extends` is not a scenario of this folder by its file name
  /// (`<id>.yaml`): a path to another place is never followed.
  private func checkExtends(text: String, shownName: String) throws(ServiceError) {
    guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return }
    guard let extends = mapping["extends"] else { return }
    let target = extends.string ?? ""
    guard target.hasSuffix(".yaml"), let base = ScenarioID(String(target.dropLast(5))),
      folder.hasScenario(base)
    else {
      throw ServiceError(
        .invalid,
        "\(shownName): extends: »\(target)« ist kein Szenario dieses Datenordners; eine Variante nennt ihre "
          + "Basis mit deren Dateinamen, z. B. »extends: krefeld.yaml«; nichts wurde gespeichert.")
    }
  }

  /// An id for a new scenario from `name`, else from `fallback`.
  private func newID(from name: String?, fallback: String) throws(ServiceError) -> ScenarioID {
    let source = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? fallback
    guard let id = ScenarioID.derived(from: source) else {
      throw ServiceError(
        .badRequest,
        "Aus »\(Self.shown(source))« lässt sich kein Name machen; geben Sie einen Namen aus Buchstaben an.")
    }
    return id
  }

  /// A file name as sent, for messages: its last part, at most 100 characters.
  static func shown(_ fileName: String) -> String {
    let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(
      last.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init))
    return clean.isEmpty ? "upload" : String(clean.prefix(100))
  }
}
