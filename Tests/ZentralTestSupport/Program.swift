public import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The tests' one way to run a program (the built `zentral`, `python3`, Graphviz's `dot`) to its
/// end and collect what it printed, through swift-subprocess.
///
/// Async, so that a test waiting for a program holds no thread of the cooperative pool (2 threads
/// on a 2-core machine; tests that blocked them while a run needed them would hang).
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

    /// Standard error as lines.
    public var stderrLines: [String] {
      stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
  }

  /// The most a run may print on each stream before it counts as failed.
  public static let outputLimit = 256 << 20

  /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments` in `directory`,
  /// with `input` on standard input (none: standard input is empty), and waits for it to end.
  /// `onErrorLine`, if given, is called with the process id and each line of standard error as it
  /// arrives (to wait for a phase of the run, then signal it).
  public static func run(
    _ executable: String, _ arguments: [String], in directory: URL? = nil, input: String? = nil,
    onErrorLine: (@Sendable (_ processIdentifier: Int32, _ line: String) async throws -> Void)? = nil
  ) async throws -> Run {
    let program: Executable = executable.contains("/") ? .path(FilePath(executable)) : .name(executable)
    let folder = directory.map { FilePath($0.path) }
    let clock = ContinuousClock()
    let start = clock.now
    let ended: TerminationStatus
    let stdout: String
    let stderr: String
    let pid: Int32
    if let onErrorLine {
      // Standard error line by line as it arrives.
      let result = try await Subprocess.run(
        program, arguments: Arguments(arguments), workingDirectory: folder,
        input: .string(input ?? ""), output: .string(limit: outputLimit), error: .sequence
      ) { execution in
        let pid = execution.processIdentifier.value
        var text = ""
        for try await line in execution.standardError.strings(bufferingPolicy: .unbounded) {
          let line = line.trimmingCharacters(in: .newlines)
          text += line + "\n"
          try await onErrorLine(pid, line)
        }
        return (pid, text)
      }
      (ended, stdout, pid, stderr) =
        (result.terminationStatus, result.standardOutput, result.closureResult.0, result.closureResult.1)
    } else {
      let result = try await Subprocess.run(
        program, arguments: Arguments(arguments), workingDirectory: folder,
        input: .string(input ?? ""), output: .string(limit: outputLimit), error: .string(limit: outputLimit))
      (ended, stdout, pid, stderr) =
        (
          result.terminationStatus, result.standardOutput, result.processIdentifier.value,
          result.standardError
        )
    }
    let status: Int32 =
      switch ended {
      case .exited(let code): code
      case .signaled(let signal): 128 + signal
      }
    return Run(
      stdout: stdout, stderr: stderr, status: status, duration: clock.now - start,
      processIdentifier: pid)
  }
}
