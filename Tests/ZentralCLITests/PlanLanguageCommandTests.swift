import Foundation
import Testing
import ZentralTestSupport

/// `zentral plan` speaks the scenario's language on standard output: German for `language: de`,
/// English for `language: en`, with names (never ids) and numbers in the language's format.
@Suite("zentral plan speaks the scenario's language")
struct PlanLanguageCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let english = [
    "the", "status", "baseline", "savings", "payback", "moved", "per", "wave", "centres", "opened", "tasks",
    "move", "written", "NPV", "FTE", "EUR", "none", "warning", "objective",
  ]
  static let german = [
    "Ergebnis", "Barwert", "Einsparung", "Amortisation", "Wechsel", "Welle", "Kompetenzzentren", "Aufgaben",
    "wechseln", "geschrieben", "VZÄ", "€", "keine", "Hinweis", "Zielwert", "beim", "ab", "von",
  ]

  /// Standard output of `zentral plan` on Krefeld in `language`, with every name of the plan
  /// taken out, and the plan.
  static func run(
    language: String, lang: String? = nil
  ) throws -> (stdout: String, names: [String], report: String) {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var yaml = try String(
      contentsOf: root.appendingPathComponent("scenarios/krefeld.yaml"), encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "\nlanguage: de", with: "") + "\nlanguage: \(language)\n"
    let scenario = directory.appendingPathComponent("krefeld.yaml")
    try yaml.write(to: scenario, atomically: true, encoding: .utf8)
    let run = try ZentralBinary.run(
      ["plan", scenario.path, "--out", directory.appendingPathComponent("out").path, "--no-explain"]
        + (lang.map { ["--lang", $0] } ?? []))
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: directory.appendingPathComponent("out/plan.json"))
    let plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var names: [String] = []
    for key in ["org", "families", "tasks"] {
      names += (plan[key] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }
    var stdout = run.stdout.replacingOccurrences(of: directory.path, with: "⟨dir⟩")
    for name in names.sorted(by: { $0.count > $1.count }) {
      stdout = stdout.replacingOccurrences(of: name, with: "⟨X⟩")
    }
    let report = try String(contentsOf: directory.appendingPathComponent("out/report.html"), encoding: .utf8)
    return (stdout, names, report)
  }

  static func found(_ words: [String], in text: String) -> [String] {
    words.filter {
      text.range(
        of: "(?<![\\p{L}])\(NSRegularExpression.escapedPattern(for: $0))(?![\\p{L}])",
        options: .regularExpression)
        != nil
    }
  }

  @Test("language: de prints German only")
  func german() throws {
    let (stdout, _, _) = try Self.run(language: "de")
    #expect(stdout.contains("Ergebnis: optimal"))
    #expect(stdout.contains("Barwert heute: 31.560.690 €"))
    #expect(Self.found(Self.english, in: stdout) == [], "\(stdout)")
    #expect(!stdout.contains("_"), "\(stdout)")
  }

  @Test("language: en prints English only")
  func english() throws {
    let (stdout, _, _) = try Self.run(language: "en")
    #expect(stdout.contains("status: optimal"))
    #expect(stdout.contains("baseline NPV: EUR 31,560,690"))
    #expect(Self.found(Self.german, in: stdout) == [], "\(stdout)")
    #expect(!stdout.contains("_"), "\(stdout)")
  }

  @Test("--lang overrides the scenario's language for the summary and the report")
  func langOverrides() throws {
    let (english, _, englishReport) = try Self.run(language: "de", lang: "en")
    #expect(english.contains("status: optimal"))
    #expect(Self.found(Self.german, in: english) == [], "\(english)")
    #expect(englishReport.contains("<html lang=\"en\""))
    let (german, _, germanReport) = try Self.run(language: "en", lang: "de")
    #expect(german.contains("Ergebnis: optimal"))
    #expect(Self.found(Self.english, in: german) == [], "\(german)")
    #expect(germanReport.contains("<html lang=\"de\""))
  }
}
