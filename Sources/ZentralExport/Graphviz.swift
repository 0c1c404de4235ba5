public import Foundation

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
  public static func svg(fromDOT source: String) throws(ExportError) -> String {
    guard let dot = executable() else { throw .graphvizMissing }
    let folder = FileManager.default.temporaryDirectory
    let name = "zentral-\(UUID().uuidString)"
    let input = folder.appendingPathComponent(name + ".dot")
    let errors = folder.appendingPathComponent(name + ".err")
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: errors)
    }
    do {
      try Data(source.utf8).write(to: input)
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = dot
      process.arguments = ["-Tsvg", input.path]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = try FileHandle(forWritingTo: errors)
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        throw ExportError.graphvizFailed(
          message.isEmpty
            ? "exit status \(process.terminationStatus)"
            : message.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      return String(decoding: data, as: UTF8.self)
    } catch let error as ExportError {
      throw error
    } catch {
      throw .graphvizFailed(error.localizedDescription)
    }
  }
}
