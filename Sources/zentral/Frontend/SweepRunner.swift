import Foundation
import Synchronization
import ZentralSolver

/// Runs the jobs of a sweep as child processes of this `zentral` binary, at most `workers` at a
/// time: each variant is a separate `zentral plan` process, so each GLPK problem lives in a process
/// of its own (GLPK's environment is per thread and its abort ends a process; a child that fails ends
/// only its own variant). What a child prints goes to its log file.
struct SweepRunner {
  /// One job: the arguments of `zentral` and the log file.
  struct Job: Sendable {
    /// The arguments after the program name (`plan FILE --out DIR …`).
    var arguments: [String]
    /// Where standard output and standard error go.
    var log: URL
  }

  /// The `zentral` binary that runs the jobs: this one.
  static var executable: String {
    if let path = Bundle.main.executableURL?.path, FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  }

  /// How many jobs run at once.
  let workers: Int

  /// Runs `jobs` and returns each one's exit status (or `nil` when it could not be started), in the
  /// order of `jobs`; `progress` is called after each job ends with the number done.
  func run(_ jobs: [Job], progress: @escaping @Sendable (Int) -> Void) -> [Int32?] {
    let state = Mutex((next: 0, done: 0, statuses: [Int32?](repeating: nil, count: jobs.count)))
    let executable = Self.executable
    // The house's one worker-thread helper; each worker waits for one child process at a time.
    SolverThreads.run(max(1, min(workers, jobs.count))) { _ in
      while true {
        let index = state.withLock { state -> Int? in
          guard state.next < jobs.count else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let index else { return }
        let status = Self.runOne(jobs[index], executable: executable)
        let done = state.withLock { state -> Int in
          state.statuses[index] = status
          state.done += 1
          return state.done
        }
        progress(done)
      }
    }
    return state.withLock { $0.statuses }
  }

  /// Runs one job to its end; `nil` when it could not be started.
  private static func runOne(_ job: Job, executable: String) -> Int32? {
    guard FileManager.default.createFile(atPath: job.log.path, contents: nil),
      let log = try? FileHandle(forWritingTo: job.log)
    else { return nil }
    defer { try? log.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = job.arguments
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      log.write(Data("zentral: could not start \(executable): \(error.localizedDescription)\n".utf8))
      return nil
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// `text` quoted for a POSIX shell: in single quotes, each `'` written as `'\''`.
  static func shellQuoted(_ text: String) -> String {
    if !text.isEmpty,
      text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:%,+".contains($0)) })
    {
      return text
    }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
