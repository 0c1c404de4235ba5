import Foundation
import Testing
import ZentralTestSupport

/// `zentral sweep`: each variant's result equals a separate `zentral plan` of the same variant written
/// by hand; the emitted jobs, run by a shell, and `--collect` give the same table.
@Suite("zentral sweep (end to end)")
struct SweepCommandTests {
  static let krefeld = CompareCommandTests.scenarios.appendingPathComponent("krefeld.yaml")

  /// The rows of a results.csv by variant name: the cells by column name.
  private func table(_ file: URL) throws -> [String: [String: String]] {
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = try #require(lines.first).split(separator: ",", omittingEmptySubsequences: false).map(
      String.init)
    var rows: [String: [String: String]] = [:]
    for line in lines.dropFirst() {
      // The key paths of this test have no commas, so a plain split reads the cells.
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      rows[cells[0]] = Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
    return rows
  }

  @Test(
    "sweep results equal separate zentral plan runs of the same variants; emitted jobs and --collect agree")
  func sweepEqualsSeparatePlans() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let spec = directory.appendingPathComponent("spec.yaml")
    try """
    base: \(Self.krefeld.path)
    grid:
      horizon.years: [4, 6]
    variants:
      - name: teuer
        set:
          families[id=schul-it].transition_cost_per_fte: 60000

    """.write(to: spec, atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("sweep")
    let run = try ZentralBinary.run(["sweep", spec.path, "--out", out.path, "--jobs", "2"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("3 variants planned in"))
    let rows = try table(out.appendingPathComponent("results.csv"))
    #expect(Set(rows.keys) == ["v1", "v2", "teuer"])

    // The same variants by hand: krefeld.yaml edited as text, planned one by one.
    let text = try String(contentsOf: Self.krefeld, encoding: .utf8)
    let variants = [
      "v1": text.replacingOccurrences(
        of: "horizon: {start: 2025, years: 5}", with: "horizon: {start: 2025, years: 4}"),
      "v2": text.replacingOccurrences(
        of: "horizon: {start: 2025, years: 5}", with: "horizon: {start: 2025, years: 6}"),
      "teuer": text.replacingOccurrences(
        of: "transition_cost_per_fte: 12000", with: "transition_cost_per_fte: 60000"),
    ]
    for (name, variant) in variants {
      #expect(variant != text)
      let file = directory.appendingPathComponent("\(name).yaml")
      try variant.write(to: file, atomically: true, encoding: .utf8)
      let folder = directory.appendingPathComponent("separate-\(name)")
      let plan = try ZentralBinary.run(["plan", file.path, "--out", folder.path, "--no-exports", "--quiet"])
      #expect(plan.status == 0, "\(plan.stderr)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json")))
          as? [String: Any])
      let npv = try #require(object["npv"] as? Double)
      let row = try #require(rows[name])
      let sweptNPV = try #require(Double(row["npv_eur"] ?? ""))
      #expect(abs(sweptNPV - npv) <= 0.01, "\(name): sweep \(sweptNPV), plan \(npv)")
      #expect(row["status"] == object["status"] as? String)
      // And every decision is the same.
      let swept = try #require(
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: out.appendingPathComponent("results/\(name)/plan.json"))) as? [String: Any])
      func decisions(_ plan: [String: Any]) -> [String] {
        (plan["tasks"] as? [[String: Any]] ?? []).map { task in
          let moves = (task["moves"] as? [[String: Any]] ?? []).map {
            "\($0["provider"] ?? "")@\($0["year"] ?? "")x\($0["share"] ?? "")"
          }
          return "\(task["id"] ?? "") \(moves.joined(separator: ";"))"
        }
      }
      let sweptTasks = decisions(swept)
      let planTasks = decisions(object)
      #expect(sweptTasks == planTasks)
    }

    // The same work as a job list, run here by a shell one line after another, then collected.
    let emitted = directory.appendingPathComponent("emitted")
    let jobs = directory.appendingPathComponent("jobs.txt")
    let emit = try ZentralBinary.run(["sweep", spec.path, "--out", emitted.path, "--emit-jobs", jobs.path])
    #expect(emit.status == 0, "\(emit.stderr)")
    let lines = try String(contentsOf: jobs, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    let before = try ZentralBinary.run(["sweep", "--collect", emitted.path])
    #expect(before.status == 1)
    #expect(before.stderr.contains("3 of 3 variants have no plan"))
    let shell = try Program.run("/bin/sh", [jobs.path])
    #expect(shell.status == 0, "\(shell.stderr)")
    let collected = try ZentralBinary.run(["sweep", "--collect", emitted.path])
    #expect(collected.status == 0, "\(collected.stderr)")
    let emittedRows = try table(emitted.appendingPathComponent("results.csv"))
    for name in ["v1", "v2", "teuer"] {
      #expect(emittedRows[name]?["npv_eur"] == rows[name]?["npv_eur"])
      #expect(emittedRows[name]?["moved_fte"] == rows[name]?["moved_fte"])
    }

    // A Slurm array script: one case a variant, sbatch's array range.
    let slurm = directory.appendingPathComponent("jobs.sbatch")
    let script = try ZentralBinary.run([
      "sweep", spec.path, "--out", emitted.path, "--emit-jobs", slurm.path, "--slurm",
    ])
    #expect(script.status == 0, "\(script.stderr)")
    let scriptText = try String(contentsOf: slurm, encoding: .utf8)
    #expect(scriptText.contains("#SBATCH --array=0-2"))
    #expect(scriptText.contains("  2) exec "))
  }

  @Test(
    "a bad spec is refused with its file, line, column, key path and value; a foreign folder is not overwritten"
  )
  func refusals() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let spec = directory.appendingPathComponent("spec.yaml")
    try "base: \(Self.krefeld.path)\ngrid:\n  horizon.years: [5, 0]\n".write(
      to: spec, atomically: true, encoding: .utf8)
    let run = try ZentralBinary.run(["sweep", spec.path, "--out", directory.appendingPathComponent("s").path])
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "\(spec.path):3:22: horizon.years: 0 is less than 1; the horizon has 1 to 30 years (waves)\n")

    try "base: \(Self.krefeld.path)\ngrid:\n  horizon.years: [5]\n".write(
      to: spec, atomically: true, encoding: .utf8)
    let foreign = directory.appendingPathComponent("foreign")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try "keep".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let refused = try ZentralBinary.run(["sweep", spec.path, "--out", foreign.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("holds other files and no earlier sweep"))
    #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
    let notSweep = try ZentralBinary.run(["sweep", "--collect", foreign.path])
    #expect(notSweep.status == 1)
    #expect(notSweep.stderr.contains("is not a sweep folder"))
  }
}
