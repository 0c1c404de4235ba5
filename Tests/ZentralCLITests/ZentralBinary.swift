import Foundation
import Testing

/// The built `zentral` executable, run as a user would run it.
enum ZentralBinary {
  /// What one run printed and how it ended.
  struct Run {
    /// Standard output.
    var stdout: String
    /// Standard error.
    var stderr: String
    /// The exit status.
    var status: Int32
    /// How long the run took.
    var duration: Duration

    /// Standard error as lines.
    var stderrLines: [String] {
      stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
  }

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

  /// Runs `zentral` with `arguments` in `directory` and waits for it to end.
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
    let binary = try #require(url, "the zentral executable was not built next to the tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    // Read both pipes while the process runs, so that a full pipe cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outputData = Data()
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) {
      outputData = output.fileHandleForReading.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: group) {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
    }
    process.waitUntilExit()
    group.wait()
    return Run(
      stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
      status: process.terminationStatus, duration: clock.now - start)
  }

  /// A new empty directory for the files of one test; removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
