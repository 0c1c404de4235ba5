import Foundation
import Testing
import ZentralTestSupport

/// Wrong files and wrong places get a message that points the way: a plan or a spreadsheet given
/// as a scenario, a scenario given as a plan, a mistyped file name, a missing output folder.
@Suite("Wrong files and folders (end to end)")
struct WrongFileTests {
  static let scenarios = PlanCommandTests.root.appendingPathComponent("scenarios")
  static let units = PlanCommandTests.root.appendingPathComponent(
    "Tests/ZentralCoreTests/Fixtures/import/units.csv")
  static let tasks = PlanCommandTests.root.appendingPathComponent(
    "Tests/ZentralCoreTests/Fixtures/import/tasks.csv")

  @Test("zentral plan PLAN.json says it is a plan and to use zentral export; so does validate")
  func planGivenAPlan() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("k")
    let made = try ZentralBinary.run([
      "plan", Self.scenarios.appendingPathComponent("krefeld.yaml").path, "--out", out.path, "--no-explain",
      "--no-exports", "--quiet",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    for command in ["plan", "validate"] {
      let run = try ZentralBinary.run([command, "k/plan.json"], in: directory)
      #expect(run.status == 1)
      #expect(
        run.stderr
          == "zentral: k/plan.json is a plan written by 'zentral plan', not a scenario; to write its report or "
          + "org chart, use 'zentral export k/plan.json --format html --out report.html'\n")
    }
  }

  @Test("zentral plan units.csv points to zentral import")
  func planGivenASpreadsheet() throws {
    let run = try ZentralBinary.run(["plan", Self.units.path])
    #expect(run.status == 1)
    #expect(run.stderrLines.count == 1)
    #expect(run.stderr.contains("units.csv is a spreadsheet, not a scenario"), "\(run.stderr)")
    #expect(run.stderr.contains("'zentral import --units UNITS.csv --tasks TASKS.csv --out SCENARIO.yaml'"))
  }

  @Test("zentral export SCENARIO.yaml points to zentral plan")
  func exportGivenAScenario() throws {
    let scenario = Self.scenarios.appendingPathComponent("iserlohn.yaml").path
    let run = try ZentralBinary.run(["export", scenario, "--format", "html"])
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "zentral: \(scenario) is a scenario, not a plan; plan it first with 'zentral plan \(scenario)', "
        + "then export the plan.json it writes\n")
  }

  @Test(
    "a mistyped scenario or plan path suggests the similar existing file",
    arguments: [
      (["plan", "scenarios/krefled.yaml"], "scenarios/krefled.yaml", "scenarios/krefeld.yaml"),
      (["validate", "scenarios/Muenchen.yml"], "scenarios/Muenchen.yml", "scenarios/muenchen.yaml"),
      (["export", "scenarios/iserlon.json", "--format", "md"], "scenarios/iserlon.json", nil),
    ])
  func mistypedPath(arguments: [String], path: String, suggestion: String?) throws {
    let run = try ZentralBinary.run(arguments, in: PlanCommandTests.root)
    #expect(run.status == 1)
    let hint = suggestion.map { "; did you mean \($0)?" } ?? ""
    #expect(run.stderr == "zentral: \(path): cannot be read: there is no such file\(hint)\n")
  }

  @Test("a missing output folder gets the same message from every subcommand; nothing is created")
  func missingOutputFolder() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let krefeld = Self.scenarios.appendingPathComponent("krefeld.yaml").path
    let made = try ZentralBinary.run(
      [
        "plan", krefeld, "--out", "k", "--no-explain", "--no-exports", "--quiet",
      ], in: directory)
    #expect(made.status == 0, "\(made.stderr)")
    let runs: [(arguments: [String], option: String, path: String)] = [
      (["plan", krefeld, "--out", "nowhere/k"], "--out", "nowhere/k"),
      (
        ["plan", krefeld, "--out", "k2", "--export-model", "nowhere/model.mps"], "--export-model",
        "nowhere/model.mps"
      ),
      (["export", "k/plan.json", "--format", "md", "--out", "nowhere/k.md"], "--out", "nowhere/k.md"),
      (
        ["import", "--units", Self.units.path, "--tasks", Self.tasks.path, "--out", "nowhere/s.yaml"],
        "--out",
        "nowhere/s.yaml"
      ),
      (["generate", "--municipalities", "2", "--out", "nowhere/g.yaml"], "--out", "nowhere/g.yaml"),
    ]
    for (arguments, option, path) in runs {
      let run = try ZentralBinary.run(arguments, in: directory)
      #expect(run.status == 1, "\(arguments)")
      #expect(
        run.stderr
          == "zentral: \(option) '\(path)': the folder 'nowhere' does not exist; create it first "
          + "(mkdir -p 'nowhere') or choose another place\n", "\(arguments)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["k"])
  }
}
