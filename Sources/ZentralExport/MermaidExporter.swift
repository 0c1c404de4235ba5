public import ZentralPlan

/// Writes the org chart of one view as a Mermaid flowchart, which GitLab and GitHub render in
/// Markdown (in a ```` ```mermaid ```` block) and in `.mmd` files.
public struct MermaidExporter: Exporter {
  /// Language and view.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/mermaid``.
  public var format: ExportFormat { .mermaid }

  /// Writes the flowchart of the chart of `options.view`.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try options.chart(of: plan, view: options.view)
    Self.write(chart, to: &output)
  }

  /// Characters per line of a box title.
  static let titleWidth = 30
  /// Characters per line of the other lines in a box.
  static let lineWidth = 38

  static func write(_ chart: OrgChart, to output: inout some TextOutputStream) {
    output.write("flowchart LR\n")
    output.write("  %% zentral org chart, view: \(chart.view.rawValue)\n")
    let providers = Set(chart.nodes.filter { $0.kind == "centre" }.compactMap(\.parent))
    let tree = chart.tree()
    var written = Set<String>()
    for node in chart.nodes where !written.contains(node.id) {
      if providers.contains(node.id) {
        output.write("  subgraph k_\(node.id) [\" \"]\n")
        for member in [node] + chart.children(of: node.id, in: tree).filter({ $0.kind == "centre" }) {
          output.write("    \(definition(member))\n")
          written.insert(member.id)
        }
        output.write("  end\n")
      } else {
        output.write("  \(definition(node))\n")
        written.insert(node.id)
      }
    }
    // The providers and their legal form: a box of its own, linked to nothing.
    if !chart.providers.isEmpty {
      var parts = ["<b>" + Escape.mermaid(chart.providersTitle) + "</b>"]
      for entry in chart.providers {
        parts += LabelWrap.lines(entry.name + ": " + entry.legalForm, width: lineWidth).map(Escape.mermaid)
      }
      output.write("  providers[\"" + parts.joined(separator: "<br>") + "\"]\n")
    }
    // Longer links spread the leaves of a wide parent over several columns, as in the DOT chart.
    let stagger = chart.flows.isEmpty ? DOTWriter.stagger(chart, maxPerColumn: DOTWriter().maxPerColumn) : [:]
    var links = 0
    for node in chart.nodes {
      guard let parent = node.parent else { continue }
      let length = stagger[node.id] ?? 1
      let link =
        node.external
        ? "-" + String(repeating: ".", count: length) + "-" : String(repeating: "-", count: length + 2)
      output.write("  \(parent) \(link) \(node.id)\n")
      links += 1
    }
    var flowLinks: [Int: [Int]] = [:]
    for flow in chart.flows {
      output.write("  \(flow.from) -->|\"\(Escape.mermaid(flow.label))\"| \(flow.to)\n")
      flowLinks[flow.familyIndex, default: []].append(links)
      links += 1
    }
    // Styles: one class per unit kind, one per family colour for centres.
    var classes: [String: [String]] = [:]
    var classOrder: [String] = []
    for node in chart.nodes {
      let name = node.familyIndex.map { "family\($0)" } ?? "kind_" + DOTWriter.className(node.kind)
      if classes[name] == nil {
        classOrder.append(name)
        let stroke = node.familyIndex.map(OrgChart.colour) ?? "#6b6b6b"
        let width = node.isNew ? "2px" : "1px"
        let dash = node.kind == "group" ? ",stroke-dasharray:4 3" : ""
        output.write(
          "  classDef \(name) fill:\(OrgChart.fill(node)),stroke:\(stroke),stroke-width:\(width)\(dash),color:#222222\n"
        )
      }
      classes[name, default: []].append(node.id)
    }
    for name in classOrder {
      output.write("  class \(classes[name]!.joined(separator: ",")) \(name)\n")
    }
    if !chart.providers.isEmpty {
      output.write("  classDef legend fill:#ffffff,stroke:#bbbbbb,stroke-width:1px,color:#222222\n")
      output.write("  class providers legend\n")
    }
    for family in flowLinks.keys.sorted() {
      let colour = OrgChart.colour(family)
      let numbers = flowLinks[family]!.map(String.init).joined(separator: ",")
      output.write("  linkStyle \(numbers) stroke:\(colour),stroke-width:2px,color:\(colour)\n")
    }
  }

  private static func definition(_ node: OrgChart.Node) -> String {
    var parts = [
      "<b>" + LabelWrap.lines(node.title, width: titleWidth).map(Escape.mermaid).joined(separator: "<br>")
        + "</b>"
    ]
    parts += LabelWrap.lines(node.figures, width: lineWidth).map(Escape.mermaid)
    if !node.items.isEmpty {
      if !node.heading.isEmpty { parts.append("<i>" + Escape.mermaid(node.heading) + "</i>") }
      for item in node.items {
        for (position, line) in LabelWrap.lines(item, width: lineWidth - 2).enumerated() {
          parts.append((position == 0 ? (item.hasPrefix("+ ") ? "" : "• ") : "  ") + Escape.mermaid(line))
        }
      }
    }
    let label = "\"" + parts.joined(separator: "<br>") + "\""
    return node.kind == "centre" ? "\(node.id)(\(label))" : "\(node.id)[\(label)]"
  }
}
