import Foundation
import Testing
import ZentralTestSupport

/// The built `zentral` executable, run as a user would run it.
enum ZentralBinary {
  /// What one run printed and how it ended.
  typealias Run = Program.Run

  /// The `zentral` executable next to the test bundle (`.build/debug/zentral`), or `ZENTRAL_BIN`.
  static var url: URL? {
    if let path = ProcessInfo.processInfo.environment["ZENTRAL_BIN"] { return URL(fileURLWithPath: path) }
    var candidates: [URL] = []
    #if os(Linux)
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    #endif
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for directory in candidates {
      let binary = directory.appendingPathComponent("zentral")
      if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
    }
    return nil
  }

  /// Runs `zentral` with `arguments` in `directory` and waits for it to end (killed after
  /// `timeout`); `onErrorLine` sees each line of standard error as it arrives
  /// (``Program/run(_:_:in:environment:input:timeout:onErrorLine:)``).
  static func run(
    _ arguments: [String], in directory: URL? = nil, timeout: Duration? = nil,
    onErrorLine: (@Sendable (_ processIdentifier: Int32, _ line: String) throws -> Void)? = nil
  ) throws -> Run {
    let binary = try #require(url, "the zentral executable was not built next to the tests")
    return try Program.run(binary.path, arguments, in: directory, timeout: timeout, onErrorLine: onErrorLine)
  }

  /// A new empty directory for the files of one test; removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
