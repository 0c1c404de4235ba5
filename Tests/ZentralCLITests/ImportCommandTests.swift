import Foundation
import Testing
import ZentralTestSupport

/// End-to-end tests of `zentral import`: the real binary, its output streams and exit status.
@Suite("zentral import (end to end)")
struct ImportCommandTests {
  static let units = """
    ID;Name;Art;Übergeordnet;Kosten je VZÄ
    stadt;Stadt;Verwaltung;;
    it;IT;zentral;stadt;82.000
    fb20;FB 20;Fachbereich;stadt;78

    """

  static let tasks = """
    Name;Aufgabenbereich;Einheit;VZÄ
    SAP;SAP;fb20;1,5

    """

  /// What one import run did: its output, whether the scenario file exists afterwards, and what
  /// `zentral validate` said about it (when it exists).
  struct Outcome {
    var run: ZentralBinary.Run
    var written: Bool
    var validate: ZentralBinary.Run?
  }

  /// Writes the two CSV files into a new directory, runs `zentral import` there, and validates the
  /// scenario it wrote.
  private func importFiles(units: String, tasks: String) throws -> Outcome {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(units.utf8).write(to: directory.appendingPathComponent("einheiten.csv"))
    try Data(tasks.utf8).write(to: directory.appendingPathComponent("aufgaben.csv"))
    let run = try ZentralBinary.run(
      [
        "import", "--units", "einheiten.csv", "--tasks", "aufgaben.csv", "--out", "szenario.yaml", "--start",
        "2026",
      ],
      in: directory)
    let written = FileManager.default.fileExists(
      atPath: directory.appendingPathComponent("szenario.yaml").path)
    let validate = written ? try ZentralBinary.run(["validate", "szenario.yaml"], in: directory) : nil
    return Outcome(run: run, written: written, validate: validate)
  }

  @Test("a cost of 78 per FTE is reported at its cell, exit status 1, and no scenario is written")
  func costOutOfRange() throws {
    let outcome = try importFiles(units: Self.units, tasks: Self.tasks)
    #expect(outcome.run.status == 1)
    #expect(outcome.run.stdout == "")
    #expect(
      outcome.run.stderrLines == [
        "einheiten.csv:4:5: column E \"Kosten je VZÄ\": 78 reads as 78 EUR/year per FTE; a post costs 30.000 to "
          + "250.000 EUR a year; write the full amount in EUR, e.g. 80.000"
      ])
    #expect(!outcome.written)
  }

  @Test("the corrected cost imports, and the scenario written validates")
  func correctedCost() throws {
    let units = Self.units.replacingOccurrences(of: ";78\n", with: ";78.000\n")
    let outcome = try importFiles(units: units, tasks: Self.tasks)
    #expect(outcome.run.status == 0, "\(outcome.run.stderr)")
    #expect(outcome.validate?.status == 0, "\(outcome.validate?.stderr ?? "not written")")
    #expect(outcome.validate?.stdout == "szenario.yaml: valid\n")
  }
}
