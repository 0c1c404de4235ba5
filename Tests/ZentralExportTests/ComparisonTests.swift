import Foundation
import Testing
import ZentralExport
import ZentralPlan

/// `PlanComparison` and `ComparisonReport` on the fixture plans: exactly the tasks changed by hand
/// differ, hostile names are escaped in every format, and the sweep table keeps numbers as numbers.
@Suite("Plan comparison")
struct ComparisonTests {
  /// The Krefeld fixture with the decisions of `changes` (task index → moves) replaced.
  private func changed(_ plan: Plan, _ changes: [Int: [Plan.MovePart]]) -> Plan {
    var plan = plan
    for (index, moves) in changes {
      plan.tasks[index].moves = moves
      plan.tasks[index].decision = moves.isEmpty ? .stay : .move
      plan.tasks[index].share = moves.reduce(0) { $0 + $1.share }
    }
    return plan
  }

  @Test(
    "every seed plan against itself: no difference; against a copy with three decisions changed: exactly those three"
  )
  func differences() throws {
    for seed in ExportFixtures.seeds {
      let plan = try ExportFixtures.plan(seed)
      let same = PlanComparison([
        .init(label: "A", source: "a", plan: plan), .init(label: "B", source: "b", plan: plan),
      ])
      #expect(same.differences.isEmpty, "\(seed)")
    }
    let plan = try ExportFixtures.plan("krefeld")
    let moving = try #require(plan.tasks.firstIndex { !$0.moves.isEmpty })
    let staying = try #require(plan.tasks.firstIndex { $0.moves.isEmpty })
    let later = try #require(plan.tasks.lastIndex { !$0.moves.isEmpty && $0.moves.count == 1 })
    #expect(Set([moving, staying, later]).count == 3)
    let provider = plan.tasks[moving].moves[0].provider
    let shifted = plan.tasks[later].moves.map {
      Plan.MovePart(provider: $0.provider, year: $0.year + 1, share: $0.share)
    }
    let other = changed(
      plan,
      [
        moving: [], staying: [Plan.MovePart(provider: provider, year: plan.horizon.start, share: 1)],
        later: shifted,
      ])
    let comparison = PlanComparison([
      .init(label: "A", source: "a.json", plan: plan), .init(label: "B", source: "b.json", plan: other),
    ])
    #expect(
      Set(comparison.differences.map(\.task)) == Set([moving, staying, later].map { plan.tasks[$0].id }))
    #expect(comparison.changes(from: 0, to: 1) == comparison.differences)
    // A share that differs by less than 1e-6 is the same decision.
    var nearly = plan
    if let part = nearly.tasks[moving].moves.first {
      nearly.tasks[moving].moves[0] = Plan.MovePart(
        provider: part.provider, year: part.year, share: part.share - 1e-9)
    }
    #expect(
      PlanComparison([
        .init(label: "A", source: "a", plan: plan), .init(label: "B", source: "b", plan: nearly),
      ]).differences.isEmpty)

    let text = ComparisonReport(comparison, language: .en).render(.text)
    #expect(text.contains("Decisions that differ (3)"))
    for index in [moving, staying, later] { #expect(text.contains("- " + plan.tasks[index].name)) }
  }

  @Test("a task name with markup is text in HTML, SVG, Markdown and Mermaid")
  func escaping() throws {
    var plan = try ExportFixtures.plan("krefeld")
    let moving = try #require(plan.tasks.firstIndex { !$0.moves.isEmpty })
    plan.tasks[moving].name = "<script>alert(1)</script> | ``` %% \"x\""
    var other = changed(plan, [moving: []])
    other.scenario = "<img src=x onerror=alert(2)>"
    let comparison = PlanComparison([
      .init(label: "A", source: "a.json", plan: plan), .init(label: "B", source: "b.json", plan: other),
    ])
    let report = ComparisonReport(comparison)
    let html = report.render(.html)
    #expect(!html.contains("<script>") && !html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    let markdown = report.render(.md)
    #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
    let mermaid = try #require(
      markdown.components(separatedBy: "```mermaid\n").last?.components(separatedBy: "\n```").first)
    #expect(!mermaid.contains("%%") && !mermaid.contains("<script>") && !mermaid.contains("\"x\""))
  }

  @Test(
    "posts moved (Stellen): the sum of every move part's posts, in the terminal, Markdown and HTML, with B − A"
  )
  func postsMoved() throws {
    var plan = try ExportFixtures.plan("krefeld")
    // Posts set here by hand: 2 on every move part of A; B moves one staying task with 5 more.
    for t in plan.tasks.indices {
      for i in plan.tasks[t].moves.indices { plan.tasks[t].moves[i].posts = 2 }
    }
    let parts = plan.tasks.reduce(0) { $0 + $1.moves.count }
    #expect(parts > 0)
    let staying = try #require(plan.tasks.firstIndex { $0.moves.isEmpty })
    let provider = try #require(plan.tasks.first { !$0.moves.isEmpty }?.moves.first?.provider)
    var part = Plan.MovePart(provider: provider, year: plan.horizon.start, share: 1)
    part.posts = 5
    let other = changed(plan, [staying: [part]])
    let comparison = PlanComparison([
      .init(label: "A", source: "a.json", plan: plan), .init(label: "B", source: "b.json", plan: other),
    ])
    #expect(comparison.figures.map(\.movedPosts) == [2 * parts, 2 * parts + 5])
    let text = ComparisonReport(comparison, language: .en).render(.text)
    let row = try #require(text.split(separator: "\n").first { $0.contains("posts moved") })
    #expect(
      row.split(separator: " ").suffix(3).map(String.init) == ["\(2 * parts)", "\(2 * parts + 5)", "+5"])
    let markdown = ComparisonReport(comparison, language: .de).render(.md)
    #expect(markdown.contains("| gewechselte Stellen | \(2 * parts) | \(2 * parts + 5) | +5 |"))
    let html = ComparisonReport(comparison, language: .en).render(.html)
    #expect(html.contains("posts moved"))
    #expect(html.contains(">\(2 * parts + 5)<"))
    // A plan.json made before posts (no move part says its posts) shows no number, and no difference.
    var older = plan
    for t in older.tasks.indices {
      for i in older.tasks[t].moves.indices { older.tasks[t].moves[i].posts = nil }
    }
    let mixed = PlanComparison([
      .init(label: "A", source: "a.json", plan: older), .init(label: "B", source: "b.json", plan: other),
    ])
    #expect(mixed.figures[0].movedPosts == nil)
    let mixedText = ComparisonReport(mixed, language: .en).render(.text)
    let mixedRow = try #require(mixedText.split(separator: "\n").first { $0.contains("posts moved") })
    #expect(mixedRow.split(separator: " ").suffix(2).map(String.init) == ["–", "\(2 * parts + 5)"])
  }

  @Test("the sweep table: numbers stay numbers in CSV (a minus is a sign), text from the spec is neutralised")
  func sweepTable() throws {
    let plan = try ExportFixtures.plan("krefeld")
    var worse = plan
    worse.totals?.npvSavings = -1234.5
    let table = SweepTable(
      keyPaths: ["horizon.years", "note"],
      rows: [
        .init(name: "v1", values: ["5", "=HYPERLINK(\"x\")"], plan: worse),
        .init(name: "v2", values: ["7", ""], plan: nil, problem: "failed (see logs/v2.log)"),
      ])
    let lines = table.csv().split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("variant,horizon.years,note,status,npv_eur,npv_savings_eur,"))
    #expect(lines[1].contains(",-1234.5,"))
    #expect(lines[1].contains("'=HYPERLINK"))
    #expect(lines[2].hasSuffix("failed (see logs/v2.log)"))
    let markdown = table.markdown(language: .en)
    #expect(markdown.contains("| v2 | 7 |  | failed (see logs/v2.log) |"))
  }
}
