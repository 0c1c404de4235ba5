import Foundation
import Testing
import ZentralCore
import ZentralExport
import ZentralPlan

@Suite("Numbers, files and structure")
struct FormatTests {
  @Test("German and English money, workloads and percentages without locale data")
  func locale() {
    let de = LocaleFormat(.de)
    let en = LocaleFormat(.en)
    #expect(de.money(1_234_567) == "1.234.567 €")
    #expect(en.money(1_234_567) == "EUR 1,234,567")
    #expect(de.money(-1_234.4) == "-1.234 €")
    #expect(en.money(-1_234.5) == "-EUR 1,235")
    #expect(de.money(999) == "999 €")
    #expect(de.money(0) == "0 €")
    #expect(de.fte(12.5) == "12,5 VZÄ")
    #expect(en.fte(12.5) == "12.5 FTE")
    #expect(de.fte(1234.567) == "1.234,57 VZÄ")
    #expect(en.number(0.999, decimals: 2) == "1")
    #expect(en.number(1.005, decimals: 1, fixed: true) == "1.0")
    #expect(de.percent(0.125) == "12,5 %")
    #expect(en.percent(0.4, decimals: 0) == "40%")
    #expect(de.shortMoney(1_250_000) == "1,3 Mio. €")
    #expect(en.shortMoney(850_000) == "EUR 850k")
    #expect(LocaleFormat.plain(1_234_567.891) == "1234567.89")
    #expect(LocaleFormat.plain(-0.0000001) == "0")
  }

  @Test("Plans read back from plan.json equal the plan written", arguments: ExportFixtures.seeds)
  func roundTrip(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    #expect(!plan.families.isEmpty)
    #expect(try Plan.decode(from: plan.jsonData()) == plan)
  }

  @Test("CSV of every seed plan: one root, every Reports To names a row", arguments: ExportFixtures.seeds)
  func csvTree(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    for view in ChartView.allCases {
      let rows = try CSVReader.rows(try ExportFixtures.export(plan, .csv, ExportOptions(view: view)))
      let ids = rows.dropFirst().map { $0[0] }
      #expect(Set(ids).count == ids.count, "\(name) \(view): duplicate ids")
      #expect(rows.dropFirst().filter { $0[2].isEmpty }.count == 1, "\(name) \(view): one root")
      for row in rows.dropFirst() where !row[2].isEmpty { #expect(ids.contains(row[2]), "\(row)") }
    }
  }

  @Test("JSON tree: nested children hold every box once")
  func jsonTree() throws {
    let plan = try ExportFixtures.plan("muenchen")
    let text = try ExportFixtures.export(plan, .json)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    func count(_ node: [String: Any]) -> Int {
      1 + ((node["children"] as? [[String: Any]]) ?? []).reduce(0) { $0 + count($1) }
    }
    #expect(root["kind"] as? String == "administration")
    #expect(count(root) == ExportFixtures.expectedBoxes(plan, view: .target))
  }

  @Test("Chart views need a solution; the report explains an infeasible plan")
  func infeasible() throws {
    var plan = try ExportFixtures.plan("iserlohn")
    plan.status = .infeasible
    plan.objective = nil
    plan.org[plan.org.firstIndex { $0.id == "stab-dig" }!].name = "<Stabsstelle>"
    plan.diagnosis = .init(
      conflicts: [.init(rule: .capacity, provider: "stab-dig", year: 2025, limit: 3)], shortfall: nil)
    #expect(throws: ExportError.self) { try ExportFixtures.export(plan, .dot, ExportOptions(view: .target)) }
    _ = try ExportFixtures.export(plan, .dot, ExportOptions(view: .current))
    let html = try ExportFixtures.export(plan, .html, ExportOptions(renderer: .builtIn))
    #expect(html.contains("Diese Vorgaben lassen sich nicht gleichzeitig erfüllen."))
    #expect(
      html.contains("<li>die Kapazität bei der <bdi>&lt;Stabsstelle&gt;</bdi> beträgt 2025 höchstens 3,0 VZÄ")
    )
    #expect(!html.contains("id=\"chart-target\""))
    #expect(DefaultExports.formats(for: plan) == [.html])
  }

  @Test("Atomic writes replace a file only with a complete new one")
  func atomic() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.html")
    try AtomicFile.write("old", to: file)
    try AtomicFile.write("new", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "new")
    // A target that cannot be replaced (a non-empty folder) keeps its content and leaves no temporary file.
    let blocked = folder.appendingPathComponent("blocked")
    try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: blocked.appendingPathComponent("inside"))
    #expect(throws: ExportError.self) { try AtomicFile.write("x", to: blocked) }
    #expect(try String(contentsOf: blocked.appendingPathComponent("inside"), encoding: .utf8) == "keep")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }

  @Test("Default exports: org chart and report next to plan.json")
  func defaults() throws {
    let plan = try ExportFixtures.plan("iserlohn")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try DefaultExports.write(plan: plan, to: folder, renderer: .builtIn)
    #expect(
      written.map(\.lastPathComponent) == [
        "orgchart.dot", "orgchart.svg", "orgchart.mmd", "orgchart.csv", "report.html",
      ])
    for url in written { #expect(FileManager.default.fileExists(atPath: url.path)) }
  }
}
