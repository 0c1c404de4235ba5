import Synchronization

/// A flag that stops a running solve from another thread or a signal handler (Ctrl-C).
///
/// The solver checks it on every branch-and-bound callback and ends the search with the best
/// plan found so far; the result then has the termination ``Termination/stoppedByCaller``.
public final class StopSignal: Sendable {
  private let raised = Atomic<Bool>(false)

  /// Creates a signal that is not raised.
  public init() {}

  /// Asks the solve to stop.
  public func raise() { raised.store(true, ordering: .relaxed) }

  /// Whether a stop was asked for.
  public var isRaised: Bool { raised.load(ordering: .relaxed) }
}
