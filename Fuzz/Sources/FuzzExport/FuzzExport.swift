import Foundation
import FuzzSupport
import ZentralCore
import ZentralPlan
import ZentralSolver
import ZentralWorkbook

@testable import ZentralExport

/// libFuzzer target: plans with arbitrary Unicode names and org shapes through every exporter
/// (DOT, SVG, Mermaid, CSV, JSON tree, HTML report, Markdown, draw.io CSV, Excel workbook; not
/// the PDF, which is the HTML report printed by Chromium), in every view and language.
///
/// A plan is one of a few real plans (small sketched scenarios planned once at start-up) whose
/// names, ids, kinds, org tree (flat, deep, dangling or cyclic parents), tasks, moves, centres,
/// conflicts and figures are rewritten from the bytes. A crash or trap is a finding, and so is
/// output that fails a cheap format check (``ExportChecks``): a raw control character anywhere;
/// SVG, and the SVG charts inside the HTML report, not well-formed XML; CSV records that do not
/// close or whose count is not one per chart box and moved task (plus the header); JSON that
/// does not parse; DOT strings or braces that do not close; Mermaid text holding `%%`; DOT, CSV,
/// Mermaid or Markdown lines that leave a bidirectional override open.
///
/// `ZENTRAL_FUZZ_SKIP=check,...` turns checks off by name (`control`, `xml`, `csv`, `json`,
/// `dot`, `mermaid`, `bidi`), to look past a known bug while it is being fixed.
@main
enum FuzzExport {
  static func main() { runFuzzer { data, size in testOneInput(fuzzBytes(data, size)) } }
}

/// Real plans to start from: the first three valid sketches of fixed pseudo-random bytes,
/// planned once; or why none could be made.
private let templates: Result<[Plan], TemplateError> = {
  var plans: [Plan] = []
  var problems: [String] = []
  var state: UInt64 = 17
  for _ in 0..<40 where plans.count < 3 {
    let bytes: [UInt8] = (0..<128).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    var input = FuzzInput(bytes)
    let scenario = ScenarioSketch.scenario(from: &input)
    do {
      let loaded = try ScenarioLoader.load(text: ScenarioWriter.yaml(scenario), fileName: "template.yaml")
      let planner = try Planner(scenario: loaded.scenario, decomposition: .never)
      plans.append(try planner.plan(options: PlanningOptions(solve: SolveOptions(timeLimit: 10), threads: 1)))
    } catch let error as ScenarioError {
      problems.append(error.diagnostics.map(\.description).joined(separator: " | "))
    } catch {
      problems.append("\(error)")
    }
  }
  return plans.isEmpty ? .failure(TemplateError(problems: problems)) : .success(plans)
}()

/// Why no template plan could be made.
private struct TemplateError: Error {
  var problems: [String]
}

private let skipped = Set(
  (ProcessInfo.processInfo.environment["ZENTRAL_FUZZ_SKIP"] ?? "").split(separator: ",").map(String.init))

/// Exports one input's plan in every format; a broken promise stops the process.
private func testOneInput(_ bytes: [UInt8]) -> CInt {
  let plans: [Plan]
  switch templates {
  case .success(let made): plans = made
  case .failure(let error): finding("no template plan could be made: \(error.problems)")
  }
  var input = FuzzInput(bytes)
  let plan = PlanShaper.plan(from: &input, templates: plans)
  let options = ExportOptions(
    language: input.pick([nil, .de, .en]), view: input.pick(ChartView.allCases), renderer: .builtIn)
  // The PDF is the HTML report printed by headless Chromium: one Chromium run per input would
  // test Chromium, and its HTML is checked as `html`.
  for format in ExportFormat.allCases where format != .pdf {
    if let binary = format.binaryExporter(options: options) {
      checkWorkbook(try? binary.data(plan, file: "fuzz.xlsx"), plan: plan)
      continue
    }
    var text = ""
    do {
      try format.exporter(options: options).write(plan, to: &text)
    } catch {
      continue  // A refusal in words is fine.
    }
    check(text, format: format, plan: plan, options: options)
  }
  return 0
}

/// The format checks of one output.
private func check(_ text: String, format: ExportFormat, plan: Plan, options: ExportOptions) {
  func report(_ check: String, _ problem: String?) {
    guard let problem, !skipped.contains(check) else { return }
    finding("\(format.rawValue) (view \(options.view.rawValue)): \(problem)")
  }
  report("control", ExportChecks.rawControl(in: text, allowDelete: format == .json))
  switch format {
  case .svg:
    report("xml", ExportChecks.xmlProblem(in: text))
  case .html:
    for svg in ExportChecks.svgFragments(in: text) { report("xml", ExportChecks.xmlProblem(in: svg)) }
  case .csv:
    guard let records = ExportChecks.csvRecords(in: text) else {
      return report("csv", "a quoted field is not closed")
    }
    let language = options.language(for: plan)
    guard let chart = try? OrgChartBuilder(plan: plan, language: language, view: options.view).build() else {
      return
    }
    let moved = options.view == .changes ? plan.tasks.reduce(0) { $0 + $1.moves.count } : 0
    let expected = 1 + chart.nodes.count + moved
    if records.count != expected {
      report(
        "csv",
        "\(records.count) records, expected \(expected) (header, \(chart.nodes.count) boxes, \(moved) moves)")
    }
    if let wide = records.first(where: { $0.count != CSVExporter.columns.count }) {
      report("csv", "a record of \(wide.count) fields, expected \(CSVExporter.columns.count)")
    }
    report("bidi", ExportChecks.openBidi(in: text))
  case .json:
    if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil {
      report("json", "does not parse as JSON")
    }
  case .dot:
    report("dot", ExportChecks.dotProblem(in: text))
    report("bidi", ExportChecks.openBidi(in: text))
  case .mermaid:
    report("mermaid", ExportChecks.mermaidDirective(in: text))
    report("bidi", ExportChecks.openBidi(in: text))
  case .md:
    report("bidi", ExportChecks.openBidi(in: text))
  case .drawio:
    let marker = "## CSV starts under this line\n"
    guard let start = text.range(of: marker) else { return report("drawio", "no '\(marker)' line") }
    guard let records = ExportChecks.csvRecords(in: String(text[start.upperBound...])) else {
      return report("drawio", "a quoted field is not closed")
    }
    if let wide = records.first(where: { $0.count != DrawioCSVExporter.columns.count }) {
      report("drawio", "a record of \(wide.count) fields, expected \(DrawioCSVExporter.columns.count)")
    }
    let ids = records.dropFirst().map { $0.first ?? "" }
    if Set(ids).count != ids.count { report("drawio", "two rows with the same id (draw.io's identity)") }
  case .xlsx, .pdf:
    break
  }
}

/// The workbook of a plan reads back with one row per task and unit below the headings.
private func checkWorkbook(_ data: Data?, plan: Plan) {
  guard let data else { finding("xlsx: the plan's workbook could not be built") }
  guard let workbook = try? XLSXReader.read(data: data, file: "fuzz.xlsx") else {
    finding("xlsx: the plan's workbook does not read back")
  }
  if workbook.sheets.count != 5 { finding("xlsx: \(workbook.sheets.count) sheets, expected 5") }
  if workbook.sheets.count > 2, workbook.sheets[1].rows.count != plan.tasks.count + 1 {
    finding("xlsx: \(workbook.sheets[1].rows.count) rows of tasks, expected \(plan.tasks.count + 1)")
  }
}
