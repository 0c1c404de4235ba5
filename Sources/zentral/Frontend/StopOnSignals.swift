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
/// three keep the work done so far.
final class StopOnSignals {
  /// The signals handled.
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

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
        let (first, _) = received.number.compareExchange(expected: 0, desired: number, ordering: .relaxed)
        if !first {
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

/// The number of the first signal received (0: none yet), shared with the handlers.
private final class FirstSignal: Sendable {
  let number = Atomic<Int32>(0)
}
