#if canImport(Glibc)
import Glibc
#endif

/// What the current input is, printed after a finding's line (e.g. the scenario planned).
/// One input runs at a time: libFuzzer calls the target from one thread.
nonisolated(unsafe) public var findingContext = ""

/// Reports a broken property and stops the process, so that libFuzzer records the input as a
/// finding (it saves the input as `crash-<sha1>` and prints "deadly signal").
///
/// The message goes to standard error first, one line starting with `FUZZ FINDING:`, so that
/// `scripts/fuzz` can quote what was wrong next to the saved input.
public func finding(_ message: String) -> Never {
  var line = "FUZZ FINDING: " + message + "\n" + (findingContext.isEmpty ? "" : findingContext + "\n")
  line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
  abort()
}
