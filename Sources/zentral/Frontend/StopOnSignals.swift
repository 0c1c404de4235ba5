import Dispatch
import Foundation
import Synchronization
import ZentralSolver

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during `zentral plan`: the first raises the stop signal, so
/// the search ends and the best plan found is written with its gap, exactly as at a time limit;
/// a second one ends the process at once (status 128 + the signal number) after `abandon` has
/// removed what was not yet in place.
///
/// `timeout`, systemd and CI runners stop a job with SIGTERM, a closed terminal sends SIGHUP: all
/// three keep the work done so far. The same signal again within ``repeatWindow`` of the first is
/// the same request delivered twice, not a second one: coreutils' `timeout` sends its SIGTERM to
/// the process and then to the process group the process is in, and a run stopped that way wrote
/// nothing before this rule.
final class StopOnSignals {
  /// The signals handled.
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// How long after the first signal the same signal counts as the same request, in nanoseconds
  /// (one second: far longer than the microseconds between `timeout`'s two deliveries, shorter
  /// than a person takes to press Ctrl-C a second time on purpose).
  static let repeatWindow: UInt64 = 1_000_000_000

  private let sources: [any DispatchSourceSignal]
  private let received = FirstSignal()

  /// Installs the handlers. `announce` is called once with the signal's name when the first
  /// signal arrives; `abandon` before the process ends on the second.
  init(
    stop: StopSignal, announce: @escaping @Sendable (String) -> Void,
    abandon: @escaping @Sendable () -> Void
  ) {
    var sources: [any DispatchSourceSignal] = []
    for number in Self.handled {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [received] in
        let now = DispatchTime.now().uptimeNanoseconds
        let (first, earlier) = received.number.compareExchange(
          expected: 0, desired: number, ordering: .sequentiallyConsistent)
        if first {
          received.at.store(now, ordering: .sequentiallyConsistent)
        } else {
          let firstAt = received.at.load(ordering: .sequentiallyConsistent)
          if earlier == number && (firstAt == 0 || now &- firstAt < Self.repeatWindow) { return }
          abandon()
          exit(128 + number)
        }
        stop.raise()
        announce(Self.name(number))
      }
      source.resume()
      sources.append(source)
    }
    self.sources = sources
  }

  /// The name of the first signal received, if any (`SIGTERM`).
  var receivedName: String? {
    let number = received.number.load(ordering: .relaxed)
    return number == 0 ? nil : Self.name(number)
  }

  /// Removes the handlers and restores the default actions.
  func cancel() {
    for source in sources { source.cancel() }
    for number in Self.handled { signal(number, SIG_DFL) }
  }

  private static func name(_ number: Int32) -> String {
    switch number {
    case SIGINT: "SIGINT (Ctrl-C)"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    default: "signal \(number)"
    }
  }
}

/// The number of the first signal received (0: none yet) and when it came (uptime in
/// nanoseconds, 0 until stored), shared with the handlers.
private final class FirstSignal: Sendable {
  let number = Atomic<Int32>(0)
  let at = Atomic<UInt64>(0)
}
