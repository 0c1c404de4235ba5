public import ZentralPlan

/// Writes the org chart of one view as draw.io's CSV import reads it (Arrange > Insert >
/// Advanced > CSV): header directives first (`# label:`, `# style:`, `# parentstyle:`,
/// `# stylename:`, `# styles:`, `# identity:`, `# connect:`, `# layout:` ...), then one row per
/// box with its parent in `reports_to`, so draw.io draws the tree with a vertical tree layout.
/// Boxes are coloured by kind (central unit, shared provider, competence centre, moved task).
///
/// In the changes view each moved task is a dashed box below the centre it moves to, with a
/// dashed orange arrow from the unit it leaves.
public struct DrawioCSVExporter: Exporter {
  /// Language and view.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/drawio``.
  public var format: ExportFormat { .drawio }

  /// The data columns under the directives.
  public static let columns = [
    "id", "name", "details", "kind", "reports_to", "moved_from", "fte", "annual_cost",
  ]

  /// The directives, one per line, each starting with `#`.
  static func directives(title: String) -> [String] {
    let box = "rounded=1;whiteSpace=wrap;html=1;arcSize=8;fontSize=12;"
    let styles = [
      "\"administration\": \"\(box)fillColor=#f5f5f5;strokeColor=#333333;fontStyle=1;\"",
      "\"central\": \"\(box)fillColor=#dae8fc;strokeColor=#1f4e79;\"",
      "\"shared\": \"\(box)fillColor=#e1d5e7;strokeColor=#5b3a72;dashed=1;\"",
      "\"centre\": \"\(box)fillColor=#d5e8d4;strokeColor=#2d6a2d;\"",
      "\"moved\": \"\(box)fillColor=#fff2cc;strokeColor=#b45f06;dashed=1;fontSize=11;\"",
      "\"group\": \"\(box)fillColor=#ffffff;strokeColor=#999999;dashed=1;fontStyle=2;\"",
    ]
    return [
      "## zentral: \(Escape.csv(title, neutralise: false)) (draw.io: Arrange > Insert > Advanced > CSV)",
      "# label: <b>%name%</b><br><span style=\"color:#444444\">%details%</span>",
      "# style: \(box)fillColor=#ffffff;strokeColor=#666666;",
      "# parentstyle: swimlane;whiteSpace=wrap;html=1;childLayout=stackLayout;horizontal=1;horizontalStack=0;"
        + "resizeParent=1;resizeLast=0;collapsible=1;",
      "# unknownStyle: -",
      "# stylename: kind",
      "# styles: {\(styles.joined(separator: ", "))}",
      "# identity: id",
      "# namespace: zentral-",
      "# connect: {\"from\": \"reports_to\", \"to\": \"id\", \"invert\": true, "
        + "\"style\": \"endArrow=none;edgeStyle=orthogonalEdgeStyle;rounded=0;strokeColor=#666666;\"}",
      "# connect: {\"from\": \"moved_from\", \"to\": \"id\", \"invert\": true, "
        + "\"style\": \"dashed=1;endArrow=blockThin;endFill=1;strokeColor=#b45f06;curved=1;\"}",
      "# width: auto",
      "# height: auto",
      "# padding: 12",
      "# ignore: id,kind,reports_to,moved_from,fte,annual_cost",
      "# nodespacing: 40",
      "# levelspacing: 80",
      "# edgespacing: 40",
      "# layout: verticaltree",
      "## CSV starts under this line",
    ]
  }

  /// Writes the directives and one row per box of the chart of `options.view`.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try options.chart(of: plan, view: options.view)
    let language = options.language(for: plan)
    let words = Vocabulary(language)
    let format = LocaleFormat(language)
    let keys = Dictionary(uniqueKeysWithValues: chart.nodes.map { ($0.id, $0.key) })
    for line in Self.directives(title: words.chartTitle(options.view, scenario: plan.scenario)) {
      output.write(line + "\n")
    }
    output.write(Self.columns.joined(separator: ",") + "\n")
    func row(_ fields: [String]) {
      output.write(fields.map { Escape.csv($0, neutralise: false) }.joined(separator: ",") + "\n")
    }
    for node in chart.nodes {
      let kind = words.kindName(node.kind)
      let lines = node.figures.first?.hasPrefix(kind) == true ? node.figures : [kind] + node.figures
      let details = lines.map(Escape.html).joined(separator: "<br>")
      row([
        node.key, Escape.html(node.title), details, node.kind, node.parent.flatMap { keys[$0] } ?? "", "",
        node.fte.map { LocaleFormat.plain($0) } ?? "",
        node.annualCost.map { LocaleFormat.plain($0, decimals: 0) } ?? "",
      ])
    }
    guard options.view == .changes else { return }
    let index = PlanIndex(plan)
    let nodeKeys = Set(chart.nodes.map(\.key))
    for task in plan.tasks {
      for (number, part) in task.moves.enumerated() {
        let centre = "\(part.provider)/\(task.family)"
        let home = nodeKeys.contains(centre) ? centre : part.provider
        let fte = task.fte * part.share
        let details = [
          words.kindName("moved"), "\(words.pick("aus", "from")) \(index.unitName(task.unit))",
          "\(format.fte(fte)), \(part.year)",
        ].map(Escape.html).joined(separator: "<br>")
        row([
          task.moves.count > 1 ? "\(task.id)/\(number + 1)" : task.id, Escape.html(index.name(task)), details,
          "moved",
          home, nodeKeys.contains(task.unit) ? task.unit : "", LocaleFormat.plain(fte), "",
        ])
      }
    }
  }
}
