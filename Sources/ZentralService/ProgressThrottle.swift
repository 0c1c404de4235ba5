import Synchronization

/// Lets a progress report through at most every quarter second (the solver calls back far more
/// often than a page can show).
final class ProgressThrottle: Sendable {
  private let last = Mutex<ContinuousClock.Instant?>(nil)
  private let interval: Duration

  /// A throttle of one report per `interval`.
  init(interval: Duration = .milliseconds(250)) { self.interval = interval }

  /// Whether a report now goes through.
  func shouldReport() -> Bool {
    let now = ContinuousClock.now
    return last.withLock { last in
      if let previous = last, now - previous < interval { return false }
      last = now
      return true
    }
  }
}
