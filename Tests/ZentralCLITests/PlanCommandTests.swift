import Foundation
import Testing
import ZentralTestSupport

/// End-to-end tests of `zentral plan`: the built binary, its files, output and exit status.
@Suite("zentral plan (end to end)")
struct PlanCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func temporaryDirectory() throws -> URL { try ZentralBinary.temporaryDirectory() }

  static let tooSmall = """
    format: zentral/1
    name: Too small
    horizon: {start: 2025, years: 1}
    units:
      - {id: city, name: City, kind: administration}
      - {id: a, name: Department A, kind: department, parent: city, cost_per_fte: 80000}
      - {id: it, name: IT unit, kind: central, parent: city, cost_per_fte: 70000, capacity_fte: 2}
    families:
      - {id: sec, name: IT security, providers: [it]}
    tasks:
      - {id: t1, name: Firewall, family: sec, unit: a, fte: 2}
      - {id: t2, name: ISMS, family: sec, unit: a, fte: 1}
    policy:
      must_move: [t1, t2]

    """

  @Test("two runs write byte-identical plan.json")
  func deterministic() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = Self.root.appendingPathComponent("scenarios/krefeld.yaml").path
    var files: [Data] = []
    for run in ["one", "two"] {
      let out = directory.appendingPathComponent(run)
      let result = try ZentralBinary.run(["plan", scenario, "--out", out.path, "--quiet"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.isEmpty)
      files.append(try Data(contentsOf: out.appendingPathComponent("plan.json")))
    }
    #expect(files[0] == files[1])
    #expect(files[0].count > 1000)
  }

  @Test("prints a summary, writes out/<name>/plan.json by default and exports the model")
  func summaryAndDefaults() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = Self.root.appendingPathComponent("scenarios/iserlohn.yaml").path
    let result = try ZentralBinary.run(
      ["plan", scenario, "--export-model", "model.mps", "--no-explain"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Ergebnis: optimal"))
    #expect(result.stdout.contains("Barwert heute:"))
    #expect(result.stdout.contains("Amortisation:"))
    #expect(result.stdout.contains("Wechsel je Welle:"))
    let plan = directory.appendingPathComponent("out/iserlohn/plan.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any]
    #expect(json?["status"] as? String == "optimal")
    #expect(json?["baseline"] is Double)
    let model = try String(contentsOf: directory.appendingPathComponent("model.mps"), encoding: .utf8)
    #expect(model.contains("ROWS"))
  }

  @Test("an infeasible scenario exits 2 and names the conflict")
  func infeasible() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("small.yaml")
    try Self.tooSmall.write(to: file, atomically: true, encoding: .utf8)
    let result = try ZentralBinary.run(["plan", file.path, "--out", directory.path])
    #expect(result.status == 2)
    #expect(
      result.stdout.contains(
        "Vorgegebene Wechsel in „IT security“ brauchen 2025 bei IT unit 3 VZÄ, die Kapazität dort beträgt 2 VZÄ."
      ))
    #expect(result.stdout.contains("  - die Kapazität bei IT unit beträgt 2025 höchstens 2 VZÄ"))
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("plan.json")))
      as? [String: Any]
    #expect(json?["status"] as? String == "infeasible")
    #expect(((json?["diagnosis"] as? [String: Any])?["conflicts"] as? [Any])?.count == 3)
  }

  @Test("invalid input exits 1 with a message")
  func invalidInput() throws {
    let missing = try ZentralBinary.run(["plan", "/nonexistent/city.yaml"])
    #expect(missing.status == 1)
    #expect(!missing.stderr.isEmpty)
    let scenario = Self.root.appendingPathComponent("scenarios/iserlohn.yaml").path
    let badLimit = try ZentralBinary.run(["plan", scenario, "--time-limit", "0"])
    #expect(badLimit.status == 1)
    #expect(badLimit.stderr.hasPrefix("zentral: --time-limit must be a positive number of seconds"))
    let badBudget = try ZentralBinary.run(["plan", scenario, "--explain-budget", "0"])
    #expect(badBudget.status == 1)
    #expect(badBudget.stderr.hasPrefix("zentral: --explain-budget must be a positive number of seconds"))
    for arguments in [["compare", scenario, scenario], ["sweep", scenario]] {
      let bad = try ZentralBinary.run(arguments + ["--time-limit", "0"])
      #expect(bad.status == 1)
      #expect(
        bad.stderr.hasPrefix("zentral: --time-limit must be a positive number of seconds"), "\(arguments)")
    }
    let badExport = try ZentralBinary.run(["plan", scenario, "--export-model", "model.txt"])
    #expect(badExport.status == 1)
    #expect(badExport.stderr.contains("must end in .mps or .lp"))
  }

  @Test("--decomposition: family by family with its steps under --timings; a bad mode exits 1")
  func decomposition() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = directory.appendingPathComponent("region.yaml")
    let generated = try ZentralBinary.run([
      "generate", "--municipalities", "6", "--providers", "2", "--families", "4", "--waves", "2", "--seed",
      "3",
      "--out", scenario.path,
    ])
    #expect(generated.status == 0)
    let result = try ZentralBinary.run([
      "plan", scenario.path, "--out", directory.path, "--decomposition", "always", "--timings",
      "--no-explain",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("zentral: decomposition: LP relaxation: optimal, bound "))
    #expect(result.stderr.contains("zentral: decomposition: family plans on shares of the LP: "))
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("plan.json")))
      as? [String: Any]
    #expect(["feasible", "optimal"].contains(json?["status"] as? String))
    #expect((json?["notes"] as? [[String: Any]])?.first?["kind"] as? String == "decomposed")
    #expect(result.stdout.contains("Gelöst nach Aufgabenbereichen zerlegt"))
    #expect(json?["bound"] is Double)

    let bad = try ZentralBinary.run(["plan", scenario.path, "--decomposition", "sometimes"])
    #expect(bad.status == 1)
    #expect(
      bad.stderr.hasPrefix(
        "zentral: The value 'sometimes' is invalid for '--decomposition': 'sometimes' is not one of 'auto', "
          + "'always', 'never'"), "\(bad.stderr)")
  }
}
