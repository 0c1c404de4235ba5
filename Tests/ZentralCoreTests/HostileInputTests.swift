import Foundation
import Testing
import ZentralCore

/// Hostile input is refused cleanly and fast: each case is generated here, must be refused in under
/// 2 seconds with one diagnostic that names the file, and must not crash, hang or eat memory.
@Suite("Scenario loader: hostile input")
struct HostileInputTests {
  /// Loads `data` and returns the single diagnostic it is refused with.
  private func refusal(_ data: Data, _ fileName: String = "hostile.yaml") throws -> Diagnostic {
    let clock = ContinuousClock()
    var outcome: Result<LoadedScenario, ScenarioError>?
    let elapsed = clock.measure {
      outcome = Result { () throws(ScenarioError) in try ScenarioLoader.load(data: data, fileName: fileName) }
    }
    #expect(elapsed < .seconds(2), "refusing took \(elapsed)")
    guard case .failure(let error) = outcome else {
      Issue.record("the input was accepted")
      throw CancellationError()
    }
    #expect(error.diagnostics.count == 1, "expected one line, got:\n\(error)")
    let diagnostic = try #require(error.diagnostics.first)
    #expect(diagnostic.description.hasPrefix(fileName + ":"))
    #expect(!diagnostic.description.contains("\n"))
    return diagnostic
  }

  private func text(_ string: String) -> Data { Data(string.utf8) }

  /// A small valid scenario to corrupt.
  static let scenario = """
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

  @Test("the small scenario used here is valid")
  func baseIsValid() throws {
    _ = try ScenarioLoader.load(text: Self.scenario, fileName: "base.yaml")
  }

  @Test("an empty file")
  func emptyFile() throws {
    let diagnostic = try refusal(Data())
    #expect(
      diagnostic.description == "hostile.yaml: the file is empty; a scenario starts with 'format: zentral/1'")
  }

  @Test("a file of blanks and comments only")
  func onlyComments() throws {
    let diagnostic = try refusal(text("\n   \n# nothing here\n\n"))
    #expect(diagnostic.message.hasPrefix("the file holds no data"))
  }

  @Test("binary junk with NUL bytes")
  func binaryWithNUL() throws {
    var generator = SplitMix64(seed: 7)
    let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
    let diagnostic = try refusal(Data(bytes), "junk.yaml")
    #expect(diagnostic.message.contains("binary data, not text"))
  }

  @Test("binary junk that is not UTF-8 and has no NUL byte")
  func binaryWithoutNUL() throws {
    var generator = SplitMix64(seed: 11)
    let bytes = (0..<50_000).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
    let diagnostic = try refusal(Data(bytes), "junk.bin")
    #expect(diagnostic.message.hasPrefix("the file is not UTF-8 text"))
  }

  @Test("valid UTF-8 with control characters (terminal escapes)")
  func controlCharacters() throws {
    let diagnostic = try refusal(text("format: zentral/1\nname: \u{1B}[31mrot\n"))
    #expect(
      diagnostic.description.hasPrefix("hostile.yaml:2:7: the file contains the control character 0x1B"))
  }

  @Test(
    "UTF-16 with and without a byte-order mark, and UTF-32",
    arguments: [
      (String.Encoding.utf16LittleEndian, true, "UTF-16 (little-endian)"),
      (.utf16BigEndian, true, "UTF-16 (big-endian)"),
      (.utf16LittleEndian, false, "UTF-16 (little-endian)"),
      (.utf16BigEndian, false, "UTF-16 (big-endian)"),
      (.utf32LittleEndian, true, "UTF-32 (little-endian)"),
    ])
  func wideEncodings(encoding: String.Encoding, withMark: Bool, name: String) throws {
    var data = try #require(Self.scenario.data(using: encoding))
    if withMark {
      let marks: [String.Encoding: [UInt8]] = [
        .utf16LittleEndian: [0xFF, 0xFE], .utf16BigEndian: [0xFE, 0xFF],
        .utf32LittleEndian: [0xFF, 0xFE, 0, 0],
      ]
      data = Data(marks[encoding]!) + data
    }
    let diagnostic = try refusal(data)
    #expect(
      diagnostic.description
        == "hostile.yaml: the file is encoded as \(name); zentral reads UTF-8: save the file as UTF-8 (without BOM)"
    )
  }

  @Test("Windows-1252 (ANSI) text with umlauts")
  func windows1252() throws {
    let data = try #require(Self.scenario.data(using: .windowsCP1252))
    let diagnostic = try refusal(data, "muelheim.yaml")
    #expect(
      diagnostic.description
        == "muelheim.yaml:2:14: the file is not UTF-8: byte 0xFC is 'ü' in Windows-1252 (ANSI) or ISO-8859-1; "
        + "zentral reads UTF-8: save the file as UTF-8")
  }

  @Test("a billion-laughs alias bomb")
  func billionLaughs() throws {
    var lines = ["format: zentral/1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in 1...9 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]"
      )
    }
    let diagnostic = try refusal(text(lines.joined(separator: "\n")))
    #expect(diagnostic.description.hasPrefix("hostile.yaml:2:5: the YAML anchor '&a0' is not supported"))
  }

  @Test("an alias bomb in block style, with aliases used as keys")
  func aliasKeyBomb() throws {
    var text = "a0: &a0\n  - [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      text += "a\(level): &a\(level)\n" + String(repeating: "  - *a\(level - 1)\n", count: 9)
    }
    text += "z:\n  *a8 : 1\n"
    let diagnostic = try refusal(self.text(text))
    #expect(diagnostic.message.hasPrefix("the YAML anchor '&a0' is not supported"))
  }

  @Test(
    "nesting thousands of levels deep",
    arguments: [
      String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
      String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000),
      String(repeating: "- ", count: 50_000) + "x\n",
      (0..<1_500).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1\n",
    ])
  func deepNesting(text: String) throws {
    let diagnostic = try refusal(self.text(text))
    #expect(diagnostic.message.hasPrefix("the values are nested more than 32 levels deep"))
  }

  @Test("nested keys that are mappings (quadratic work for a YAML parser)")
  func collectionKeys() throws {
    let one = String(repeating: "{", count: 30) + "a: 1" + String(repeating: "}: 1", count: 29) + "}"
    let diagnostic = try refusal(text(String(repeating: "- " + one + "\n", count: 2_000)))
    #expect(diagnostic.message.hasPrefix("a list or mapping is used as a key"))
  }

  @Test(
    "numbers too large for a double",
    arguments: ["1e400", "-1e400", "1" + String(repeating: "0", count: 400)])
  func hugeNumber(number: String) throws {
    let data = text(Self.scenario.replacingOccurrences(of: "fte: 2}", with: "fte: \(number)}"))
    let diagnostic = try refusal(data)
    #expect(diagnostic.path == "tasks[0].fte")
    #expect(
      diagnostic.message.contains("is too large to be a number")
        || diagnostic.message.contains("is not a number"))
  }

  @Test("a file over the size limit")
  func overSizeLimit() throws {
    let line = "# " + String(repeating: "x", count: 1021) + "\n"
    let data = text(String(repeating: line, count: ScenarioLoader.sizeLimit / 1024 + 1))
    let diagnostic = try refusal(data, "big.yaml")
    #expect(
      diagnostic.description
        == "big.yaml: the file has \(data.count) bytes, more than the limit of 10485760 bytes (10 MiB); "
        + "a scenario file is much smaller, so this is not a scenario")
  }

  @Test("a file over the size limit on disk is refused without reading it all")
  func overSizeLimitOnDisk() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-big-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 4 << 30)  // a sparse 4 GiB file
    try handle.close()
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure { diagnostics = ScenarioLoader.diagnostics(path: url.path) }
    #expect(elapsed < .seconds(2))
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.hasPrefix("the file has 10485761 bytes, more than the limit") == true)
  }

  @Test("a name of a million characters")
  func hugeName() throws {
    let data = text(
      Self.scenario.replacingOccurrences(
        of: "name: Stadt Mülheim an der Ruhr", with: "name: " + String(repeating: "Ä", count: 1_000_000)))
    let diagnostic = try refusal(data)
    #expect(
      diagnostic.description
        == "hostile.yaml:2:7: name: the name has more than 200 characters; a name has at most 200")
  }

  @Test("a directory, a missing file, and a device are refused by load(path:)")
  func notRegularFiles() throws {
    let directory = FileManager.default.temporaryDirectory.path
    #expect(
      ScenarioLoader.diagnostics(path: directory).map(\.message)
        == ["is a directory; give the path of a scenario file (.yaml, .yml or .json)"])
    #expect(
      ScenarioLoader.diagnostics(path: "/no/such/file.yaml").map(\.message) == [
        "cannot be read: there is no such file"
      ])
    #if os(Linux)
    let zero = ScenarioLoader.diagnostics(path: "/dev/zero")
    #expect(zero.count == 1)
    #expect(zero.first?.message.hasPrefix("the file has 10485761 bytes") == true)
    #endif
  }

  @Test("random corruptions of a valid file are loaded or refused, never crash, and stay fast")
  func randomCorruptions() throws {
    let originals = [
      Array(try FixtureFiles.data("valid", "every-key.yaml")),
      Array(try FixtureFiles.data("valid", "every-key.json")),
    ]
    let specials = Array("&*!?[]{}:,'\"#|>-%@` \t\n\r\\~.0123456789eE".utf8) + [0x00, 0xC3, 0xA4, 0xFF]
    var generator = SplitMix64(seed: 2025)
    let clock = ContinuousClock()
    for round in 0..<400 {
      var bytes = originals[round % 2]
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: bytes[position] = specials.randomElement(using: &generator)!
        case 1: bytes.insert(specials.randomElement(using: &generator)!, at: position)
        case 2: bytes.remove(at: position)
        default:
          let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
          bytes.insert(contentsOf: bytes[position..<end], at: position)
        }
      }
      if round % 50 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator))) }
      let data = Data(bytes)
      let elapsed = clock.measure {
        do throws(ScenarioError) {
          _ = try ScenarioLoader.load(data: data, fileName: "fuzz.yaml")
        } catch {
          #expect(!error.diagnostics.isEmpty)
          #expect(error.diagnostics.allSatisfy { $0.file == "fuzz.yaml" && !$0.message.isEmpty })
        }
      }
      #expect(elapsed < .seconds(2), "round \(round) took \(elapsed)")
    }
  }
}
