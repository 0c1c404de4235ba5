import Foundation
import Testing

/// Test fixtures: read from the test bundle (`Fixtures/` is copied into it), recorded into the
/// source tree.
enum FixtureFiles {
  /// The `Fixtures` directory inside the test bundle.
  static var bundled: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
  }

  /// The `Fixtures` directory in the source tree (for recording golden files).
  static var source: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  }

  /// The repository root (for `scenarios/`).
  static var repository: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Whether golden files are to be written instead of compared (`ZENTRAL_RECORD_GOLDEN=1`).
  static var recording: Bool { ProcessInfo.processInfo.environment["ZENTRAL_RECORD_GOLDEN"] == "1" }

  /// The names of the scenario files (`.yaml`, `.yml`, `.json`) in `directory` of the bundled
  /// fixtures, sorted.
  static func scenarios(in directory: String) -> [String] {
    let url = bundled.appendingPathComponent(directory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension) }.sorted()
  }

  /// The bytes of a bundled fixture.
  static func data(_ directory: String, _ name: String) throws -> Data {
    try Data(contentsOf: bundled.appendingPathComponent(directory).appendingPathComponent(name))
  }

  /// The golden text next to a fixture (`name.expected`), or `nil` when there is none.
  static func expected(_ directory: String, _ name: String) -> String? {
    let url = bundled.appendingPathComponent(directory).appendingPathComponent(golden(name))
    return try? String(contentsOf: url, encoding: .utf8)
  }

  /// Writes the golden text of a fixture into the source tree.
  static func record(_ text: String, _ directory: String, _ name: String) throws {
    let url = source.appendingPathComponent(directory).appendingPathComponent(golden(name))
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  /// `unknown-key.yaml` -> `unknown-key.expected`.
  static func golden(_ name: String) -> String {
    (name as NSString).deletingPathExtension + ".expected"
  }
}
