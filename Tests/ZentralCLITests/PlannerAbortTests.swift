import Foundation
import Testing
import ZentralTestSupport

/// Amounts at and beyond the edge of what GLPK can take, through every phase of `zentral plan`
/// (solve, flip re-solves, infeasibility diagnosis, decomposition): the process never aborts
/// (GLPK's abort is SIGABRT, exit 134); it writes a plan or refuses the scenario in one sentence.
@Suite("zentral plan never aborts on extreme amounts")
struct PlannerAbortTests {
  /// One department with two tasks of family f0 and a central unit: the values replace the
  /// placeholders. Every value is a number the YAML reader accepts.
  static func scenario(
    fte: String = "60.7", setup: String = "19753000", cost: String = "94000", budget: String = "2790000",
    mustMove: Bool = false
  ) -> String {
    """
    format: zentral/1
    name: Extreme amounts
    language: en
    horizon: {start: 2025, years: 3}
    discount_rate: 0.03
    units:
      - {id: stadt, name: Stadt, kind: administration}
      - {id: it, name: IT, kind: central, parent: stadt, cost_per_fte: 67500}
      - {id: d0, name: Dept 0, kind: department, parent: stadt, cost_per_fte: \(cost)}
    families:
      - id: f0
        name: Fam 0
        providers: [it]
        centre: {setup_cost: \(setup), annual_overhead: 352000, min_fte: 4}
        transition_cost_per_fte: 16100
    tasks:
      - {id: t0, name: Task 0, family: f0, unit: d0, fte: 129.3, divisible: true}
      - {id: t1, name: Task 1, family: f0, unit: d0, fte: \(fte)}
    policy:
      budget: \(budget)
      retained: {min_share: 0.18}
    \(mustMove ? "  must_move: [t1]" : "")
    """
  }

  static let cases: [(String, String, [String])] = [
    ("FTE of 1e-170 (flip re-solves)", scenario(fte: "1e-170", budget: "1e14"), []),
    ("FTE of 1e-9 (flip re-solves)", scenario(fte: "1e-9", budget: "1e14"), []),
    ("set-up cost of 1e305", scenario(setup: "1e305"), []),
    ("set-up cost of 9e14 in the budget row", scenario(setup: "9e14", budget: "1e14"), []),
    ("cost per FTE of 1e300 (overflowing NPV)", scenario(cost: "1e300"), []),
    ("cost per FTE of 1e15 (objective above 1e15)", scenario(cost: "1e15"), []),
    ("cost per FTE of 1e12 (large but in range)", scenario(cost: "1e12"), []),
    (
      "infeasible with 9e14 set-up cost (diagnosis)",
      scenario(setup: "9e14", budget: "100000", mustMove: true), []
    ),
    ("infeasible with FTE 1e-9 (diagnosis)", scenario(fte: "1e-9", budget: "0", mustMove: true), []),
    (
      "decomposition with 9e14 set-up cost", scenario(setup: "9e14", budget: "1e14"),
      ["--decomposition", "always"]
    ),
    ("decomposition with FTE 1e-9", scenario(fte: "1e-9"), ["--decomposition", "always"]),
  ]

  @Test("no abort: a plan (exit 0 or 2) or one sentence (exit 1)", arguments: cases.indices)
  func neverAborts(_ index: Int) throws {
    let (name, yaml, extra) = Self.cases[index]
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("extreme.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("out")
    let run = try ZentralBinary.run(
      ["plan", file.path, "--out", out.path, "--no-exports", "--time-limit", "20"] + extra)
    #expect([0, 1, 2].contains(run.status), "\(name): exit \(run.status)\n\(run.stderr.prefix(2_000))")
    #expect(!run.stderr.contains("Program crashed"), "\(name)")
    if run.status == 1 {
      // Refused by the loader or by the model's range check: a sentence naming the file.
      #expect(run.stderrLines.contains { $0.contains("extreme.yaml") }, "\(name): \(run.stderr)")
      #expect(!run.stderr.contains("nan"), "\(name): \(run.stderr)")
    } else {
      let plan = try Data(contentsOf: out.appendingPathComponent("plan.json"))
      #expect(!plan.isEmpty, "\(name)")
    }
  }
}
