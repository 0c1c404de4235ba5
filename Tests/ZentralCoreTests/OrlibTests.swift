import Foundation
import Testing
import ZentralCore
import ZentralPlan
import ZentralTestSupport

/// OR-Library instances with published optima, through the normal path: converted by
/// `scripts/orlib-to-scenario`, loaded by ``ScenarioLoader`` and solved by ``Planner``.
@Suite("OR-Library instances match their published optima")
struct OrlibTests {
  /// The converter's machine-readable header line: `# orlib: kind=gap sense=max offset=26 jobs=15`.
  struct Header {
    var kind: String
    var offset: Double
    var jobs: Int
  }

  /// Converts the bundled instance `file` (problem `problem`) and returns the scenario text.
  static func convert(_ file: String, problem: Int? = nil) throws -> String {
    let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/orlib/\(file)")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-orlib-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("scenario.yaml")
    var arguments = [script.path, source.path, "--out", output.path]
    if let problem { arguments += ["--problem", String(problem)] }
    let (status, errors) = try run(arguments)
    try #require(status == 0, "orlib-to-scenario failed: \(errors)")
    return try String(contentsOf: output, encoding: .utf8)
  }

  /// `scripts/orlib-to-scenario` in the source tree.
  static var script: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/orlib-to-scenario")
  }

  /// Runs the converter with python3 and returns its exit status and standard error.
  static func run(_ arguments: [String]) throws -> (Int32, String) {
    let run = try Program.run("python3", arguments)
    return (run.status, run.stderr)
  }

  static func header(of text: String) throws -> Header {
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# orlib: ") })
    var fields: [String: String] = [:]
    for part in line.dropFirst("# orlib: ".count).split(separator: " ") {
      let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
      if pair.count == 2 { fields[pair[0]] = pair[1] }
    }
    return Header(
      kind: try #require(fields["kind"]), offset: try #require(fields["offset"].flatMap(Double.init)),
      jobs: try #require(fields["jobs"].flatMap(Int.init)))
  }

  /// Loads and plans a converted scenario; returns the objective.
  static func objective(of text: String, fileName: String) throws -> Double {
    let loaded = try ScenarioLoader.load(text: text, fileName: fileName)
    let planner = try Planner(scenario: loaded.scenario)
    let plan = try planner.plan(options: PlanningOptions(explain: false, diagnose: false))
    #expect(plan.status == .optimal)
    return try #require(plan.objective)
  }

  @Test("cap41 (16 warehouses, 50 customers, split demand) solves to 1,040,444.375")
  func cap41() throws {
    let text = try Self.convert("cap41.txt")
    let header = try Self.header(of: text)
    #expect(header.kind == "cap" && header.offset == 0 && header.jobs == 50)
    let objective = try Self.objective(of: text, fileName: "cap41.yaml")
    let published = 1_040_444.375
    #expect(abs(objective - published) <= 1e-6 * published, "zentral found \(objective)")
  }

  @Test("gap1 problem 1 (5 agents, 15 jobs, maximisation) gives n*C - objective = 336 exactly")
  func gap1Problem1() throws {
    let text = try Self.convert("gap1.txt", problem: 1)
    let header = try Self.header(of: text)
    #expect(header.kind == "gap" && header.jobs == 15)
    let objective = try Self.objective(of: text, fileName: "gap1-1.yaml")
    #expect(Double(header.jobs) * header.offset - objective == 336, "zentral found \(objective)")
  }

  @Test("The converter names the place of a malformed number and writes nothing")
  func malformedInput() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-orlib-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("gap-broken.txt")
    try "1\n2 2\n1 2\n3 x4\n".write(to: source, atomically: true, encoding: .utf8)
    let output = directory.appendingPathComponent("out.yaml")
    let (status, errors) = try Self.run([Self.script.path, source.path, "--out", output.path])
    #expect(status == 1)
    #expect(errors.contains("gap-broken.txt:4: cost c(2,2) of problem 1 is 'x4', which is not a number"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
