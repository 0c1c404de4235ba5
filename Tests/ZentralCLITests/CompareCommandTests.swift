import Foundation
import Testing
import ZentralTestSupport

/// `zentral compare`: a plan against itself shows no difference; two plans show exactly the tasks
/// whose moves differ in their plan.json files, read here directly as JSON.
@Suite("zentral compare (end to end)")
struct CompareCommandTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

  /// The moves of each task in a plan.json, as comparable text, read with JSONSerialization.
  private func moves(_ file: URL) throws -> (names: [String: String], moves: [String: String]) {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    let tasks = try #require(object["tasks"] as? [[String: Any]])
    var names: [String: String] = [:]
    var moves: [String: String] = [:]
    for task in tasks {
      let id = try #require(task["id"] as? String)
      names[id] = task["name"] as? String
      let parts = (task["moves"] as? [[String: Any]] ?? []).map { part in
        "\(part["provider"] ?? "")@\(part["year"] ?? "")x\(String(format: "%.6f", part["share"] as? Double ?? 0))"
      }
      moves[id] = parts.sorted().joined(separator: ";")
    }
    return (names, moves)
  }

  @Test(
    "a plan with itself: no differences; Krefeld against its variant: exactly the tasks whose moves differ")
  func compare() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let base = Self.scenarios.appendingPathComponent("krefeld.yaml").path
    let variant = Self.scenarios.appendingPathComponent("variants/krefeld-hoehere-umstellungskosten.yaml")
      .path
    for (file, name) in [(base, "a"), (variant, "b")] {
      let run = try ZentralBinary.run([
        "plan", file, "--out", directory.appendingPathComponent(name).path, "--no-exports", "--quiet",
      ])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let planA = directory.appendingPathComponent("a/plan.json")
    let planB = directory.appendingPathComponent("b/plan.json")

    let same = try ZentralBinary.run(["compare", planA.path, planA.path, "--lang", "en"])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.contains("Decisions that differ (0)"))
    #expect(same.stdout.contains("Every task is decided the same way in every plan."))

    let (names, movesA) = try moves(planA)
    let (_, movesB) = try moves(planB)
    let differing = movesA.keys.filter { movesA[$0] != movesB[$0] }.sorted()
    #expect(!differing.isEmpty)
    let run = try ZentralBinary.run(["compare", planA.path, planB.path, "--lang", "en"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Decisions that differ (\(differing.count))"))
    let listed = run.stdout.split(separator: "\n").filter { $0.hasPrefix("- ") }.map {
      String($0.dropFirst(2))
    }
    #expect(listed.sorted() == differing.compactMap { names[$0] }.sorted())

    // A scenario planned on the fly gives the same comparison as its plan.json.
    let onTheFly = try ZentralBinary.run(["compare", planA.path, variant, "--lang", "en"])
    #expect(onTheFly.status == 0, "\(onTheFly.stderr)")
    #expect(onTheFly.stdout.replacingOccurrences(of: variant, with: planB.path) == run.stdout)

    // Markdown (a Mermaid chart with one arrow a change) and HTML (an inline SVG with one row a
    // change), written atomically with --out.
    let markdown = directory.appendingPathComponent("compare.md")
    let md = try ZentralBinary.run([
      "compare", planA.path, planB.path, "--format", "md", "--out", markdown.path,
    ])
    #expect(md.status == 0, "\(md.stderr)")
    let mdText = try String(contentsOf: markdown, encoding: .utf8)
    #expect(mdText.contains("```mermaid"))
    #expect(mdText.components(separatedBy: "-->").count - 1 == differing.count)
    let page = directory.appendingPathComponent("compare.html")
    let html = try ZentralBinary.run([
      "compare", planA.path, planB.path, "--format", "html", "--out", page.path,
    ])
    #expect(html.status == 0, "\(html.stderr)")
    let htmlText = try String(contentsOf: page, encoding: .utf8)
    #expect(htmlText.contains("<svg class=\"changes\""))
    #expect(htmlText.components(separatedBy: "<polygon").count - 1 == differing.count)
    #expect(htmlText.contains("Änderungen von A nach B (\(differing.count))"))
  }

  @Test("fewer than two files, a missing file and a spreadsheet are refused")
  func refusals() throws {
    let one = try ZentralBinary.run(["compare", "a.yaml"])
    #expect(one.status == 1)
    #expect(one.stderr.contains("give at least two files to compare"))
    let missing = try ZentralBinary.run([
      "compare", Self.scenarios.appendingPathComponent("krefeld.yaml").path, "nix.yaml",
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nix.yaml: cannot be read: there is no such file"))
  }
}
