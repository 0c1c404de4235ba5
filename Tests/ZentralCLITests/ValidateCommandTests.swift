import Foundation
import Testing
import ZentralTestSupport

/// End-to-end tests of `zentral validate`: the real binary, its output streams and exit status.
@Suite("zentral validate (end to end)")
struct ValidateCommandTests {
  static let valid = """
    format: zentral/1
    name: Stadt Mülheim an der Ruhr
    horizon: {start: 2025, years: 3}
    units:
      - {id: stadt, name: Stadt, kind: administration}
      - {id: it, name: IT, kind: central, parent: stadt, cost_per_fte: 80000}
      - {id: fb20, name: Finanzen, kind: department, parent: stadt, cost_per_fte: 75000}
    families: [{id: sap, name: SAP, providers: [it]}]
    tasks: [{id: t, name: SAP Finanzen, family: sap, unit: fb20, fte: 2}]

    """

  /// Writes files into a new directory, runs `zentral validate` on them there, and cleans up.
  private func validate(
    _ files: [(name: String, data: Data)], arguments: [String]? = nil
  ) throws -> ZentralBinary.Run {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for file in files {
      try file.data.write(to: directory.appendingPathComponent(file.name))
    }
    return try ZentralBinary.run(["validate"] + (arguments ?? files.map(\.name)), in: directory)
  }

  @Test("a valid file: exit 0, 'FILE: valid' on standard output, nothing on standard error")
  func validFile() throws {
    let run = try validate([("muelheim.yaml", Data(Self.valid.utf8))])
    #expect(run.status == 0)
    #expect(run.stdout == "muelheim.yaml: valid\n")
    #expect(run.stderr == "")
  }

  @Test("warnings are printed, but the file is valid")
  func warnings() throws {
    let text = Self.valid.replacingOccurrences(of: "fte: 2}", with: "fte: 2.500}")
    let run = try validate([("w.yaml", Data(text.utf8))])
    #expect(run.status == 0)
    #expect(run.stdout == "w.yaml: valid\n")
    #expect(
      run.stderr
        == "w.yaml:9:67: tasks[0].fte: warning: 2.500 reads as 2.5; if a thousands separator was meant, "
        + "write 2500 without the point\n")
  }

  @Test("a German thousands point in money and a decimal comma are errors that say what was meant")
  func germanNumbers() throws {
    let text = Self.valid.replacingOccurrences(of: "cost_per_fte: 75000", with: "cost_per_fte: 78.000")
      .replacingOccurrences(of: "fte: 2}", with: "fte: 1,5}")
    let run = try validate([("de.yaml", Data(text.utf8))])
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(
      run.stderr
        == "de.yaml:7:79: units[2].cost_per_fte: 78.000 reads as 78 EUR/year per FTE; a post costs 30,000 to "
        + "250,000 EUR a year; if you meant 78,000, write 78000 (a point in a number is a decimal point)\n"
        + "de.yaml:9:67: tasks[0].fte: 1,5 has a decimal comma; write decimals with a point: 1.5\n")
  }

  @Test("every problem of every file is listed, and the exit status is 1")
  func invalidFiles() throws {
    let broken = Self.valid
      .replacingOccurrences(of: "fte: 2}", with: "fte: -2}")
      .replacingOccurrences(of: "family: sap,", with: "family: sapp,")
    let run = try validate([
      ("good.yaml", Data(Self.valid.utf8)), ("bad.yaml", Data(broken.utf8)), ("empty.json", Data()),
    ])
    #expect(run.status == 1)
    #expect(run.stdout == "good.yaml: valid\n")
    #expect(
      run.stderrLines
        == [
          "bad.yaml:9:45: tasks[0].family: there is no task family 'sapp'; did you mean 'sap'? "
            + "a task's family is the id of a task family",
          "bad.yaml:9:68: tasks[0].fte: -2 is negative; a workload is 0 or more FTE",
          "empty.json: the file is empty; a scenario starts with 'format: zentral/1'",
        ].map { $0.hasPrefix("empty.json") ? "zentral: " + $0 : $0 })
  }

  @Test("a missing file and no file at all are usage errors with exit status 1")
  func usageErrors() throws {
    let missing = try validate([], arguments: ["nowhere.yaml"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "zentral: nowhere.yaml: cannot be read: there is no such file\n")
    let none = try validate([], arguments: [])
    #expect(none.status == 1)
    #expect(none.stderr.hasPrefix("zentral: give at least one scenario file"))
  }

  /// Hostile files, generated here: each is refused in under 2 seconds with exit status 1 and one
  /// line that names the file.
  static let hostile: [(name: String, data: @Sendable () -> Data, says: String)] = [
    ("empty.yaml", { Data() }, "the file is empty"),
    (
      "junk.yaml", { Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }) },
      "binary data"
    ),
    (
      "utf16.yaml", { Data([0xFF, 0xFE]) + valid.data(using: .utf16LittleEndian)! }, "UTF-16 (little-endian)"
    ),
    ("ansi.yaml", { valid.data(using: .windowsCP1252)! }, "Windows-1252"),
    (
      "laughs.yaml",
      {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
          lines.append(
            "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
              + "]")
        }
        return Data(lines.joined(separator: "\n").utf8)
      }, "anchor"
    ),
    (
      "deep.yaml",
      { Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8) },
      "nested"
    ),
    (
      "huge-number.yaml", { Data(valid.replacingOccurrences(of: "fte: 2}", with: "fte: 1e400}").utf8) },
      "too large"
    ),
    ("big.yaml", { Data(repeating: UInt8(ascii: "#"), count: 11 * 1_048_576) }, "more than the limit"),
  ]

  @Test("hostile files are refused fast with one clear line and exit status 1", arguments: 0..<hostile.count)
  func hostileFile(index: Int) throws {
    let (name, data, says) = Self.hostile[index]
    let run = try validate([(name, data())])
    #expect(run.status == 1)
    #expect(run.duration < .seconds(2), "\(name) took \(run.duration)")
    #expect(run.stdout == "")
    #expect(run.stderrLines.count == 1, "\(run.stderr)")
    let line = try #require(run.stderrLines.first)
    #expect(line.hasPrefix(name + ":") || line.hasPrefix("zentral: " + name + ":"))
    #expect(line.contains(says), "\(line)")
  }
}
