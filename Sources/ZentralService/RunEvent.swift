/// What a run page hears about a run while it waits or runs (server-sent events).
public enum RunEvent: Sendable, Equatable {
  /// One line of progress text (German).
  case progress(String)
  /// The run's status changed; after a final status no event follows.
  case status(RunStatus)
}
