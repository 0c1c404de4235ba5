import Foundation
import Testing
import ZentralTestSupport

/// `zentral export` on a damaged or foreign plan file names the file, the key path and what was
/// expected.
@Suite("zentral export reads plan files strictly")
struct PlanFileCommandTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ZentralExportTests/Fixtures/iserlohn.plan.json")

  @Test("a damaged word, another format and a scenario are refused with their key path")
  func damaged() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = try String(contentsOf: Self.fixture, encoding: .utf8)
    let good = directory.appendingPathComponent("good.json")
    try text.write(to: good, atomically: true, encoding: .utf8)
    let ok = try ZentralBinary.run(["export", good.path, "--format", "md"])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("Kennzahlen"))

    let moved = directory.appendingPathComponent("moved.json")
    let first = try #require(text.range(of: #""decision" : "stay""#))
    try text.replacingCharacters(in: first, with: #""decision" : "moved""#)
      .write(to: moved, atomically: true, encoding: .utf8)
    let run = try ZentralBinary.run(["export", moved.path, "--format", "md"])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(#"moved.json: tasks["#)
        && run.stderr.contains(#"].decision: "moved" is not one of stay, move, partial"#),
      "\(run.stderr)")

    let old = directory.appendingPathComponent("old.json")
    try text.replacingOccurrences(of: "zentral-plan/1", with: "zentral-plan/0")
      .write(to: old, atomically: true, encoding: .utf8)
    let oldRun = try ZentralBinary.run(["export", old.path, "--format", "md"])
    #expect(oldRun.status == 1)
    #expect(
      oldRun.stderr.contains(#"old.json: format: "zentral-plan/0" is not one of zentral-plan/1"#),
      "\(oldRun.stderr)")

    let foreign = directory.appendingPathComponent("scenario.json")
    try #"{"name": "Stadt", "units": []}"#.write(to: foreign, atomically: true, encoding: .utf8)
    let foreignRun = try ZentralBinary.run(["export", foreign.path, "--format", "md"])
    #expect(foreignRun.status == 1)
    #expect(
      foreignRun.stderr.contains(#"scenario.json: the key "format" is missing: this is not a zentral plan"#))
  }
}
