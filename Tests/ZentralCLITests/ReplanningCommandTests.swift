import Foundation
import Testing
import ZentralTestSupport

/// `zentral plan` on a city after its first wave: a decision already carried out, a must-move
/// year, funding and a close call appear in the summary and in the report, as a reader sees them.
@Suite("zentral plan: re-planning, funding and close calls in the summary and the report")
struct ReplanningCommandTests {
  static let scenario = """
    format: zentral/1
    name: Beispielstadt – Neuplanung nach der ersten Welle
    horizon: {start: 2025, years: 3}
    units:
      - {id: city, name: Stadt, kind: administration}
      - {id: a, name: Amt A, kind: department, parent: city, cost_per_fte: 80000}
      - {id: b, name: Amt B, kind: department, parent: city, cost_per_fte: 70500}
      - {id: it, name: IT-Referat, kind: central, parent: city, cost_per_fte: 70000}
    families:
      - {id: f, name: IT-Sicherheit, providers: [it], transition_cost_per_fte: 1000, centre: {setup_cost: 50000}}
    tasks:
      - {id: t1, name: Firewall, family: f, unit: a, fte: 1}
      - {id: t2, name: ISMS, family: f, unit: a, fte: 2}
      - {id: t3, name: Virenschutz, family: f, unit: b, fte: 1}
    policy:
      must_move: [{task: t2, by: 2026}]
      done: [{task: t1, to: it, wave: 2025}]
    funding:
      - {task: t3, share: 0.1, until: 2026}

    """

  @Test("the summary and the report name the done move, the funding and the close call with its alternative")
  func summaryAndReport() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("neuplanung.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("out")
    let run = try ZentralBinary.run(["plan", file.path, "--out", out.path])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "Förderung: 10 % von Virenschutz bis 2026; gefördert im Plan 14.100 € (Barwert 14.100 €), im Status quo "
          + "14.100 €; alle Kosten und Barwerte netto nach Förderung"))
    #expect(lines.contains("bereits umgesetzt (feststehend, einmalige Kosten nicht erneut gezählt):"))
    #expect(lines.contains("  - Firewall: Wechsel 2025 an das IT-Referat"))
    #expect(
      lines.contains(
        "  - Virenschutz: Verbleib – Alternative: der Wechsel 2027 an das IT-Referat; sie kostet nur 500 € mehr "
          + "(Schwelle 1.000 €)"))
    let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    // Funding under the financial impact, close calls under the alternatives of the council paper.
    #expect(report.contains("<div id=\"funding\">"))
    #expect(report.contains("<div id=\"close-calls\">"))
    #expect(report.contains("Verbleib (knapp)"))
    #expect(report.contains("(bereits umgesetzt)"))
    #expect(report.contains("Laufende Kosten netto nach Förderung"))
    // The centre opened by the done move: its set-up is sunk, no wave pays it.
    let plan = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json")))
        as? [String: Any])
    let waves = try #require(plan["waves"] as? [[String: Any]])
    #expect(waves.map { $0["setup_cost"] as? Double } == [0, 0, 0])
  }
}
