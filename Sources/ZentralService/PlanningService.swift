import Foundation

/// The service core of `zentral serve`, without HTTP: the data folder, the scenarios, the run
/// history and the work queue. Opening it marks runs left `queued` or `running` by a previous
/// server `interrupted` and removes their half-written folders.
public final class PlanningService: Sendable {
  /// The data folder.
  public let folder: DataFolder
  /// The scenarios.
  public let store: ScenarioStore
  /// The run history.
  public let history: RunHistory
  /// The work queue.
  public let queue: PlanQueue
  /// How many runs were marked interrupted on opening.
  public let interruptedOnStart: Int

  /// Opens the service on `configuration`'s data folder.
  ///
  /// - Throws: ``ServiceError`` when the folder or the history cannot be opened.
  public init(configuration: ServiceConfiguration) throws(ServiceError) {
    folder = try DataFolder(root: configuration.dataFolder)
    store = ScenarioStore(folder: folder)
    history = try RunHistory(url: folder.historyFile)
    interruptedOnStart = try history.markInterrupted()
    folder.removeLeftovers()
    queue = PlanQueue(
      folder: folder, history: history, workers: configuration.workers, limit: configuration.queueLimit)
  }
}
