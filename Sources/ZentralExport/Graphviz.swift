import Dispatch
public import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Graphviz's `dot`, run as a separate program to lay out DOT source as SVG.
public enum Graphviz {
  /// The `dot` executable on the PATH (or in /usr/bin, /usr/local/bin, /opt/homebrew/bin).
  public static func executable() -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders =
      path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
    for folder in folders where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: folder).appendingPathComponent("dot")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Whether `dot` is installed.
  public static var isInstalled: Bool { executable() != nil }

  /// The SVG document `dot -Tsvg` makes of `source`.
  ///
  /// `dot` runs through swift-subprocess, whose API is async; this function is synchronous (the
  /// exporters are), so it waits for a task that runs on an executor of its own, never on the
  /// cooperative pool: a caller on the pool (an async test) blocked here would otherwise wait
  /// for a pool thread it holds itself.
  public static func svg(fromDOT source: String) throws(ExportError) -> String {
    guard let dot = executable() else { throw .graphvizMissing }
    nonisolated(unsafe) var outcome: Result<String, ExportError> = .failure(.graphvizFailed("not run"))
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: LayoutExecutor.shared) {
      outcome = await layOut(source, with: dot)
      done.signal()
    }
    done.wait()
    return try outcome.get()
  }

  /// Runs `dot -Tsvg` with `source` on standard input.
  private static func layOut(_ source: String, with dot: URL) async -> Result<String, ExportError> {
    do {
      let result = try await run(
        .path(FilePath(dot.path)), arguments: ["-Tsvg"], input: .string(source),
        output: .string(limit: outputLimit), error: .string(limit: 1 << 20))
      guard result.terminationStatus == .exited(0) else {
        let message = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        return .failure(.graphvizFailed(message.isEmpty ? "\(result.terminationStatus)" : message))
      }
      return .success(result.standardOutput)
    } catch {
      return .failure(.graphvizFailed("\(error)"))
    }
  }

  /// The largest SVG accepted from `dot` (the chart of a 48,000-task city is about 30 MiB).
  private static let outputLimit = 256 << 20
}

/// The executor of the task that waits for `dot`: a serial dispatch queue of its own, outside
/// the cooperative pool (see ``Graphviz/svg(fromDOT:)``).
private final class LayoutExecutor: TaskExecutor {
  static let shared = LayoutExecutor()
  private let queue = DispatchQueue(label: "zentral.graphviz")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}
