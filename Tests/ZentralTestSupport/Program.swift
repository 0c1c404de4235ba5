public import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tests' one way to run a program (the built `zentral`, `python3`, Graphviz's `dot`) to its
/// end and collect what it printed, with Foundation's `Process`.
///
/// Blocking on purpose: the calling test thread waits, and the pipes are read and written on
/// threads of their own, so a run needs no other thread of the cooperative pool to finish. (An
/// async runner had to wait for a pool thread to resume after the program ended; with long
/// synchronous planning tests holding both pool threads of a 2-core machine, `zentral validate`
/// of an empty file took about 9 s instead of about 0.1 s. docs/cli.md, "Child processes".)
public enum Program {
  /// What one run printed and how it ended.
  public struct Run: Sendable {
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
    /// The exit status; 128 + the signal number when a signal ended the program (as a shell says).
    public var status: Int32
    /// How long the run took.
    public var duration: Duration
    /// The process id the program had.
    public var processIdentifier: Int32
    /// Whether the program was killed because it ran past its timeout.
    public var timedOut: Bool

    /// Standard error as lines.
    public var stderrLines: [String] {
      stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
  }

  /// A program that could not be started.
  public struct StartFailure: Error, CustomStringConvertible {
    /// Why.
    public var description: String
  }

  /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments` in `directory`,
  /// with `environment` added to this process's environment and `input` on standard input (none:
  /// standard input is empty), and waits for it to end. A program still running after `timeout`
  /// is killed (``Run/timedOut``; programs it started itself are not, and the run ends when
  /// they have closed its output). `onErrorLine`, if given, is called with the process id and
  /// each line of standard error as it arrives, on the thread that reads standard error (to wait
  /// for a phase of the run, then signal it); if it throws, the program is killed and the error
  /// is rethrown once the program has ended.
  public static func run(
    _ executable: String, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String] = [:], input: String? = nil, timeout: Duration? = nil,
    onErrorLine: (@Sendable (_ processIdentifier: Int32, _ line: String) throws -> Void)? = nil
  ) throws -> Run {
    let process = Process()
    process.executableURL = try locate(executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let errors = Pipe()
    let standardInput = input.map { _ in Pipe() }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput ?? FileHandle.nullDevice
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }

    let clock = ContinuousClock()
    let start = clock.now
    // Process closes the parent's copies of the child's pipe ends, so each pipe ends with the child.
    try withSignalsUnblocked { try process.run() }
    let pid = process.processIdentifier

    let readers = DispatchGroup()
    let stdout = Mutex(Data())
    let stderr = Mutex(Data())
    let callbackError = Mutex<(any Error)?>(nil)
    thread(in: readers) {
      let data = output.fileHandleForReading.readDataToEndOfFile()
      stdout.withLock { $0 = data }
    }
    thread(in: readers) {
      let reader = errors.fileHandleForReading
      guard let onErrorLine else {
        let data = reader.readDataToEndOfFile()
        stderr.withLock { $0 = data }
        return
      }
      var pending = Data()
      func deliver(_ line: Data) {
        guard callbackError.withLock({ $0 == nil }) else { return }
        do {
          try onErrorLine(pid, String(decoding: line, as: UTF8.self))
        } catch {
          callbackError.withLock { $0 = error }
          kill(pid, SIGKILL)
        }
      }
      while case let data = reader.availableData, !data.isEmpty {
        stderr.withLock { $0.append(data) }
        pending.append(data)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
          deliver(pending[pending.startIndex..<newline])
          pending = Data(pending[(newline + 1)...])
        }
      }
      if !pending.isEmpty { deliver(pending) }
    }
    if let standardInput, let input {
      thread(in: readers) {
        // A program that ends without reading all of it is not an error of the run: with SIGPIPE
        // blocked on this thread the write fails with EPIPE instead of ending the test process.
        blockBrokenPipes()
        try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? standardInput.fileHandleForWriting.close()
      }
    }

    var timedOut = false
    if let timeout {
      let (seconds, attoseconds) = timeout.components
      let deadline =
        DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
      if ended.wait(timeout: deadline) == .timedOut {
        timedOut = true
        kill(pid, SIGKILL)
        ended.wait()
      }
    } else {
      ended.wait()
    }
    process.waitUntilExit()
    readers.wait()
    let duration = clock.now - start
    if let error = callbackError.withLock({ $0 }) { throw error }
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return Run(
      stdout: String(decoding: stdout.withLock { $0 }, as: UTF8.self),
      stderr: String(decoding: stderr.withLock { $0 }, as: UTF8.self), status: status, duration: duration,
      processIdentifier: pid, timedOut: timedOut)
  }

  /// The program `name` stands for: a path as it is, a bare name looked up on `PATH`.
  static func locate(_ name: String) throws -> URL {
    if name.contains("/") { return URL(fileURLWithPath: name) }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw StartFailure(description: "\(name) is not on the PATH (\(path))")
  }

  /// Runs `body` on a thread of its own (not one of the cooperative pool), as a member of `group`.
  private static func thread(in group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
      body()
      group.leave()
    }
    thread.start()
  }

  /// Runs `body` (which starts a program) with no signal blocked on this thread, so the program
  /// starts with an empty signal mask as from a shell: the threads that run tests have most
  /// signals blocked, and a child inherits the mask of the thread that starts it (SIGTERM blocked
  /// would not end it).
  private static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
    var none = sigset_t()
    var previous = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  /// Blocks SIGPIPE on the calling thread, so a write to a closed pipe fails with EPIPE.
  private static func blockBrokenPipes() {
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
  }
}
