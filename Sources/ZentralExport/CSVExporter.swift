public import ZentralPlan

/// Writes the org chart of one view as CSV with the columns `ID,Name,Reports To,Kind,FTE,Annual cost`,
/// as Visio's Organization Chart Wizard reads it (draw.io needs its directives:
/// ``DrawioCSVExporter``): one row per box, the
/// root with a blank `Reports To`, RFC 4180 quoting, CRLF line ends, and text cells that start
/// like a formula neutralised with `'`. Numbers use `.` as decimal point and no grouping.
///
/// The changes view adds one row per moved task (kind `moved`) below the centre it moves to.
///
/// With ``ExportOptions/excel`` the file is for a German Excel, which opens it with a double
/// click: `;` between fields, decimal commas, and a UTF-8 byte order mark so that umlauts show.
public struct CSVExporter: Exporter {
  /// Language and view.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/csv``.
  public var format: ExportFormat { .csv }

  /// The header row.
  public static let columns = ["ID", "Name", "Reports To", "Kind", "FTE", "Annual cost"]

  /// Writes one row per box of the chart of `options.view`.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try options.chart(of: plan, view: options.view)
    let keys = Dictionary(uniqueKeysWithValues: chart.nodes.map { ($0.id, $0.key) })
    let separator: Character = options.excel ? ";" : ","
    func cell(_ text: String) -> String { Escape.csv(text, separator: separator) }
    func decimal(_ value: Double, decimals: Int = 2) -> String {
      let plain = LocaleFormat.plain(value, decimals: decimals)
      return options.excel ? plain.replacing(".", with: ",") : plain
    }
    if options.excel { output.write("\u{FEFF}") }
    output.write(Self.columns.joined(separator: String(separator)) + "\r\n")
    for node in chart.nodes {
      let fields = [
        cell(node.key), cell(node.title), cell(node.parent.flatMap { keys[$0] } ?? ""),
        cell(node.kind), node.fte.map { decimal($0) } ?? "",
        node.annualCost.map { decimal($0, decimals: 0) } ?? "",
      ]
      output.write(fields.joined(separator: String(separator)) + "\r\n")
    }
    guard options.view == .changes else { return }
    let words = Vocabulary(options.language(for: plan))
    let index = PlanIndex(plan)
    let centres = Set(chart.nodes.filter { $0.kind == "centre" }.map(\.key))
    for task in plan.tasks {
      for (number, part) in task.moves.enumerated() {
        let centre = "\(part.provider)/\(task.family)"
        let home = centres.contains(centre) ? centre : part.provider
        let name =
          "\(index.name(task)) (\(words.pick("aus", "from")) \(index.unitName(task.unit)), \(part.year))"
        let fields = [
          cell(task.moves.count > 1 ? "\(task.id)/\(number + 1)" : task.id), cell(name),
          cell(home),
          "moved", decimal(task.fte * part.share), "",
        ]
        output.write(fields.joined(separator: String(separator)) + "\r\n")
      }
    }
  }
}
