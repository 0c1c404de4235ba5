public import Foundation
import ZentralExport

/// The data folder of `zentral serve`: scenarios and run outputs as ordinary files, the source of
/// truth (docs/serve.md, "Data folder"). Every file is written atomically and every name in it is
/// made from a checked ``ScenarioID`` or ``RunID``, never from a name a user typed.
public struct DataFolder: Sendable {
  /// The folder.
  public let root: URL

  /// Opens the data folder at `root`, creating it and its subfolders when missing.
  ///
  /// - Throws: ``ServiceError`` when a folder cannot be created.
  public init(root: URL) throws(ServiceError) {
    self.root = root.standardizedFileURL
    for folder in [self.root, scenariosFolder, runsFolder] {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw ServiceError(
          .internalFailure, "\(folder.path): the data folder cannot be created: \(error.localizedDescription)"
        )
      }
    }
  }

  /// `DIR/scenarios`.
  public var scenariosFolder: URL { root.appendingPathComponent("scenarios", isDirectory: true) }
  /// `DIR/runs`.
  public var runsFolder: URL { root.appendingPathComponent("runs", isDirectory: true) }
  /// `DIR/zentral.sqlite`, the run history.
  public var historyFile: URL { root.appendingPathComponent("zentral.sqlite") }

  /// The file of scenario `id`.
  public func scenarioFile(_ id: ScenarioID) -> URL { scenariosFolder.appendingPathComponent(id.fileName) }

  /// Whether scenario `id` exists.
  public func hasScenario(_ id: ScenarioID) -> Bool {
    FileManager.default.fileExists(atPath: scenarioFile(id).path)
  }

  /// The ids of the scenarios in the folder (files `<id>.yaml` with a valid id), sorted.
  public func scenarioIDs() -> [ScenarioID] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)) ?? []
    return names.compactMap { name in
      name.hasSuffix(".yaml") ? ScenarioID(String(name.dropLast(5))) : nil
    }.sorted()
  }

  /// The bytes of scenario `id`.
  ///
  /// - Throws: ``ServiceError`` (not found) when there is no such scenario.
  public func scenarioData(_ id: ScenarioID) throws(ServiceError) -> Data {
    do {
      return try Data(contentsOf: scenarioFile(id))
    } catch {
      throw ServiceError(.notFound, "Das Szenario »\(id)« gibt es nicht.")
    }
  }

  /// Writes scenario `id` atomically (a temporary file beside it, then renamed).
  ///
  /// - Throws: ``ServiceError`` when it cannot be written.
  public func writeScenario(_ id: ScenarioID, data: Data) throws(ServiceError) {
    do {
      try AtomicFile.write(data, to: scenarioFile(id))
    } catch {
      throw ServiceError(.internalFailure, "Das Szenario »\(id)« konnte nicht gespeichert werden: \(error)")
    }
  }

  /// The finished outputs of run `id` (exists only once the run is complete).
  public func runFolder(_ id: RunID) -> URL {
    runsFolder.appendingPathComponent(id.rawValue, isDirectory: true)
  }

  /// The folder a run writes into before it is renamed to ``runFolder(_:)``.
  public func stagingFolder(_ id: RunID) -> URL {
    runsFolder.appendingPathComponent(".tmp-\(id.rawValue)", isDirectory: true)
  }

  /// The files of the finished run `id`, sorted (empty when it has none).
  public func runFiles(_ id: RunID) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: runFolder(id).path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// Removes the staging folders of runs that never finished (after a crash); returns how many.
  @discardableResult
  public func removeLeftovers() -> Int {
    var removed = 0
    for folder in [runsFolder, scenariosFolder] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names where name.hasPrefix(".tmp-") || (name.hasPrefix(".") && name.hasSuffix(".tmp")) {
        if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil {
          removed += 1
        }
      }
    }
    return removed
  }
}
