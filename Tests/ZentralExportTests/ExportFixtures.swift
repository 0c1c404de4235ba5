import Foundation
import Testing
import ZentralCore
import ZentralExport
import ZentralPlan
import ZentralTestSupport

/// Fixture plans (written by `zentral plan` for the seed scenarios) and golden files.
enum ExportFixtures {
  /// The seed scenarios with a committed plan.
  static let seeds = ["muenchen", "krefeld", "iserlohn", "muenster", "muelheim"]

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static func plan(_ name: String) throws -> Plan {
    let url = folder.appendingPathComponent("Fixtures/\(name).plan.json")
    return try Plan.decode(from: Data(contentsOf: url))
  }

  /// Whether golden files are recorded instead of compared.
  static var recording: Bool { ProcessInfo.processInfo.environment["ZENTRAL_RECORD_GOLDEN"] == "1" }

  /// Compares `text` byte for byte with `Golden/<name>`, or records it when recording.
  static func assertGolden(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent("Golden/\(name)")
    if recording {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      return
    }
    let expected = try? Data(contentsOf: url)
    #expect(
      expected != nil, "missing golden file \(name); record with ZENTRAL_RECORD_GOLDEN=1",
      sourceLocation: sourceLocation)
    guard let expected else { return }
    if expected != Data(text.utf8) {
      let expectedLines = String(decoding: expected, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
      let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
      let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
      Issue.record(
        "\(name) differs from the golden file at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)",
        sourceLocation: sourceLocation)
    }
  }

  /// The output of one exporter as text.
  static func export(
    _ plan: Plan, _ format: ExportFormat, _ options: ExportOptions = ExportOptions()
  ) throws -> String {
    var text = ""
    try format.exporter(options: options).write(plan, to: &text)
    return text
  }

  /// Runs Graphviz `dot -Tsvg` on `source`; returns stdout, stderr and the exit status.
  static func runDot(_ source: String) throws -> (svg: String, errors: String, status: Int32) {
    let dot = try #require(Graphviz.executable())
    let run = try Program.run(dot.path, ["-Tsvg"], input: source)
    return (run.stdout, run.stderr, run.status)
  }

  /// The boxes an org chart of `view` should have: every unit (leaves without IT grouped per
  /// parent when there are two or more), plus the competence centres of the view.
  static func expectedBoxes(_ plan: Plan, view: ChartView) -> Int {
    let known = Set(plan.org.map(\.id))
    let parents = Set(plan.org.compactMap { $0.parent.flatMap { known.contains($0) ? $0 : nil } })
    let withIT = Set(plan.units.map(\.id)).union(plan.tasks.map(\.unit))
    var groupable: [String: Int] = [:]
    for unit in plan.org {
      guard let parent = unit.parent, known.contains(parent), !parents.contains(unit.id),
        !withIT.contains(unit.id),
        unit.kind != .central, unit.kind != .shared
      else { continue }
      groupable[parent, default: 0] += 1
    }
    let grouped = groupable.values.filter { $0 >= 2 }
    let units = plan.org.count - grouped.reduce(0, +) + grouped.count
    let centres = plan.centres.filter { view == .current ? $0.alreadyOpen : ($0.years.last?.open ?? true) }
      .count
    return units + centres
  }
}
