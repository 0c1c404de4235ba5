import Foundation

/// The threads that GLPK solves run on: each solve creates, solves and deletes its GLPK problem on
/// one thread (GLPK keeps its environment per thread, and a problem deleted on another thread
/// aborts the process), so solves that run side by side, or from async code, get threads of
/// their own from here.
public enum SolverThreads {
  /// Stack size of a solver thread: 16 MiB, twice glibc's default of 8 MiB (`ulimit -s`). GLPK
  /// allocates its work arrays on the heap and zentral's model code does not recurse, so no solve
  /// measured so far needs more than the default; the margin is address space only (pages are
  /// committed when first touched) and guards the deep C call chains of GLPK's branch-and-cut
  /// (cut generators inside preprocessing inside the search).
  public static let stackSize = 16 << 20

  /// Runs `body(worker)` for `worker` in `0..<count` on `count` new threads and returns when all
  /// of them have finished.
  public static func run(_ count: Int, _ body: @escaping @Sendable (_ worker: Int) -> Void) {
    let group = DispatchGroup()
    for worker in 0..<max(1, count) {
      group.enter()
      let thread = Thread {
        body(worker)
        group.leave()
      }
      thread.stackSize = stackSize
      thread.start()
    }
    group.wait()
  }

  /// Runs `body` on a new thread and returns its result, for callers in async code (an `await`
  /// may change threads, which GLPK must not see).
  public static func detached<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      let thread = Thread { continuation.resume(returning: body()) }
      thread.stackSize = stackSize
      thread.start()
    }
  }
}
