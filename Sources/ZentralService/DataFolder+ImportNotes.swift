public import Foundation
import ZentralExport

/// The import notes of a scenario: what the CSV or workbook importer assumed or converted when the
/// scenario was uploaded (a missing cost filled in, an encoding converted), kept beside the
/// scenario as `scenarios/<id>.import.txt` (one line each) so the scenario page shows them after
/// every reload (docs/serve.md, "Data folder").
extension DataFolder {
  /// `DIR/scenarios/<id>.import.txt`.
  public func importNotesFile(_ id: ScenarioID) -> URL {
    scenariosFolder.appendingPathComponent("\(id.rawValue).import.txt")
  }

  /// The import notes of scenario `id`, one line each (empty when it was not imported or the
  /// import assumed nothing).
  public func importNotes(_ id: ScenarioID) -> [String] {
    guard let data = try? Data(contentsOf: importNotesFile(id)) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Writes the import notes of scenario `id` atomically; no notes remove the file.
  ///
  /// - Throws: ``ServiceError`` when the file cannot be written.
  public func writeImportNotes(_ id: ScenarioID, _ notes: [String]) throws(ServiceError) {
    let url = importNotesFile(id)
    guard !notes.isEmpty else {
      try? FileManager.default.removeItem(at: url)
      return
    }
    let text = notes.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
    do {
      try AtomicFile.write(Data(text.utf8), to: url)
    } catch {
      throw ServiceError(
        .internalFailure, "Die Hinweise des Imports für »\(id)« konnten nicht gespeichert werden: \(error)")
    }
  }
}
