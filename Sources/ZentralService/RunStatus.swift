/// Where a plan run stands; the values are stored in the run history.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
  /// Waiting in the queue.
  case queued
  /// Being solved.
  case running
  /// Finished; its folder holds the plan and the exports.
  case done
  /// Ended with an error; nothing was kept.
  case failed
  /// Cancelled by a planner; nothing was kept.
  case cancelled
  /// Was queued or running when the server stopped without finishing it.
  case interrupted
  /// Refused because the queue was full.
  case refused

  /// Whether the run has ended (no more events follow).
  public var isFinal: Bool { self != .queued && self != .running }

  /// The German word shown on the pages.
  public var label: String {
    switch self {
    case .queued: "wartet"
    case .running: "läuft"
    case .done: "fertig"
    case .failed: "fehlgeschlagen"
    case .cancelled: "abgebrochen"
    case .interrupted: "unterbrochen"
    case .refused: "abgelehnt"
    }
  }
}
