import Foundation
import Synchronization
import Testing
import ZentralTestSupport

/// The tests' one runner for programs: what it promises the other tests.
@Suite("Program.run, the tests' runner for programs")
struct ProgramTests {
  @Test("4 MB on each stream at once and 4 MB of input: no full pipe blocks the run")
  func largeStreams() throws {
    let input = String(repeating: "0123456789abcde\n", count: 1 << 18)
    let run = try Program.run(
      "sh", ["-c", "exec 3<&0; cat <&3 >&2 & head -c 4194304 /dev/zero | tr '\\0' x; wait"], input: input,
      timeout: .seconds(60))
    #expect(!run.timedOut)
    #expect(run.status == 0)
    #expect(run.stdout.utf8.count == 4 << 20)
    #expect(run.stderr == input)
  }

  @Test("environment, working folder, exit status and signal as a shell reports them")
  func environmentAndStatus() throws {
    let folder = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Program.run(
      "sh", ["-c", "printf '%s %s' \"$ZENTRAL_PROBE\" \"$(pwd -P)\"; exit 3"], in: folder,
      environment: ["ZENTRAL_PROBE": "probe"])
    #expect(run.status == 3)
    #expect(run.stdout == "probe \(folder.resolvingSymlinksInPath().path)")
    let killed = try Program.run("sh", ["-c", "kill -TERM $$"])
    #expect(killed.status == 128 + SIGTERM)
  }

  @Test("a program past its timeout is killed and the run says so")
  func timeout() throws {
    let run = try Program.run("sleep", ["30"], timeout: .milliseconds(300))
    #expect(run.timedOut)
    #expect(run.status == 128 + SIGKILL)
    #expect(run.duration < .seconds(10))
  }

  @Test("stderr lines reach the callback while the program runs; a throwing callback ends it")
  func errorLines() throws {
    // The program waits for a file that only the callback creates, after the first line.
    let folder = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let flag = folder.appendingPathComponent("go").path
    let lines = Mutex<[String]>([])
    let run = try Program.run(
      "sh", ["-c", "echo one >&2; while [ ! -e '\(flag)' ]; do sleep 0.05; done; echo two >&2"],
      timeout: .seconds(30)
    ) { _, line in
      lines.withLock { $0.append(line) }
      if line == "one" { _ = FileManager.default.createFile(atPath: flag, contents: nil) }
    }
    #expect(!run.timedOut)
    #expect(lines.withLock { $0 } == ["one", "two"])
    #expect(run.stderrLines == ["one", "two"])

    struct Enough: Error {}
    let started = ContinuousClock.now
    #expect(throws: Enough.self) {
      try Program.run("sh", ["-c", "echo one >&2; exec sleep 30"], timeout: .seconds(20)) { _, _ in
        throw Enough()
      }
    }
    #expect(ContinuousClock.now - started < .seconds(10))
  }
}
