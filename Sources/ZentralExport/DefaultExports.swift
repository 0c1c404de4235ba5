public import Foundation
public import ZentralPlan

/// The files `zentral plan` writes next to `plan.json`: the recommended org chart as DOT, SVG
/// (when Graphviz is installed), Mermaid and CSV, and the HTML decision report.
///
/// ```swift
/// let written = try DefaultExports.write(plan: plan, to: URL(fileURLWithPath: "out/krefeld"))
/// ```
public enum DefaultExports {
  /// The file names, by format.
  public static let fileNames: [ExportFormat: String] = [
    .dot: "orgchart.dot", .svg: "orgchart.svg", .mermaid: "orgchart.mmd", .csv: "orgchart.csv",
    .html: "report.html",
  ]

  /// The formats written for `plan`: the report always, the org chart when the plan has a
  /// solution (SVG only when `dot` is installed or the renderer is built in).
  public static func formats(for plan: Plan, renderer: ChartRenderer = .automatic) -> [ExportFormat] {
    guard plan.hasSolution else { return [.html] }
    let svg = renderer == .builtIn || Graphviz.isInstalled
    return [.dot] + (svg ? [.svg] : []) + [.mermaid, .csv, .html]
  }

  /// The options the default exports of `plan` are written with: `language` (`nil`: the plan's),
  /// the target view, and one ``PlanCharts`` for all of them, so that each chart is built and laid
  /// out once.
  public static func options(
    for plan: Plan, language: ReportLanguage? = nil, renderer: ChartRenderer = .automatic
  ) -> ExportOptions {
    ExportOptions(language: language, view: .target, renderer: renderer, charts: PlanCharts(plan))
  }

  /// Writes the default exports of `plan` into `directory` (created if needed), each file
  /// atomically, in the plan's language and the target view; returns the files written.
  @discardableResult
  public static func write(
    plan: Plan, to directory: URL, renderer: ChartRenderer = .automatic
  ) throws(ExportError)
    -> [URL]
  {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .writeFailed(path: directory.path, reason: error.localizedDescription)
    }
    let options = Self.options(for: plan, renderer: renderer)
    var written: [URL] = []
    for format in formats(for: plan, renderer: renderer) {
      var text = ""
      try format.exporter(options: options).write(plan, to: &text)
      let url = directory.appendingPathComponent(fileNames[format] ?? "orgchart.\(format.fileExtension)")
      try AtomicFile.write(text, to: url)
      written.append(url)
    }
    return written
  }
}
