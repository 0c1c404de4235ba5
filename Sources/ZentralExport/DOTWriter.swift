/// Writes an ``OrgChart`` as Graphviz DOT: left-to-right tree (so dozens of departments stack
/// vertically instead of making the chart kilometres wide), wrapped labels, one cluster per
/// provider with its competence centres, and coloured move arrows in the changes view.
struct DOTWriter {
  /// Prefix of every SVG element id, so that several charts can share one HTML page.
  var idPrefix = "chart"
  /// Characters per line of a box title.
  var titleWidth = 30
  /// Characters per line of the other lines in a box.
  var lineWidth = 38

  /// Boxes stacked in one column below a parent at most; more leaves are staggered over several columns.
  var maxPerColumn = 4

  static let font = "Helvetica"

  /// Edge lengths (in ranks) that spread the leaves of a wide parent over several rows, the way
  /// Graphviz's `unflatten -l` does: the k-th leaf of a parent with n leaves goes to row
  /// `k mod ceil(n / maxPerColumn)`.
  static func stagger(_ chart: OrgChart, maxPerColumn: Int) -> [String: Int] {
    let tree = chart.tree()
    var lengths: [String: Int] = [:]
    for children in tree.children.values {
      let leaves = children.map { chart.nodes[$0] }.filter { tree.children[$0.id] == nil }
      let rows = (leaves.count + maxPerColumn - 1) / max(maxPerColumn, 1)
      guard rows > 1 else { continue }
      for (position, leaf) in leaves.enumerated() { lengths[leaf.id] = 1 + position % rows }
    }
    return lengths
  }

  func write(_ chart: OrgChart, to output: inout some TextOutputStream) {
    let p = idPrefix
    output.write("digraph orgchart {\n")
    output.write(
      "  graph [id=\"\(p)\", class=\"orgchart\", rankdir=LR, fontname=\"\(Self.font)\", fontsize=16, "
        + "label=\"\(Escape.dot(chart.title))\", labelloc=t, labeljust=l, nodesep=0.15, ranksep=0.45, "
        + "pad=0.2, bgcolor=\"white\", outputorder=edgesfirst];\n")
    output.write(
      "  node [shape=box, style=\"rounded,filled\", fontname=\"\(Self.font)\", fontsize=10, color=\"#6b6b6b\", "
        + "penwidth=1, margin=\"0.1,0.05\"];\n")
    output.write(
      "  edge [color=\"#9a9a9a\", arrowhead=none, penwidth=1, fontname=\"\(Self.font)\", fontsize=9];\n")

    let providers = Set(chart.nodes.filter { $0.kind == "centre" }.compactMap(\.parent))
    let tree = chart.tree()
    var written = Set<String>()
    for (number, node) in chart.nodes.enumerated() where !written.contains(node.id) {
      // Clusters only without move arrows: dot 2.43 can fail ("trouble in init_rank") on
      // clusters crossed by many edges.
      if providers.contains(node.id) && chart.flows.isEmpty {
        // The provider and its competence centres in one dashed frame.
        let centres = chart.children(of: node.id, in: tree).filter { $0.kind == "centre" }
        output.write("  subgraph cluster_\(node.id) {\n")
        output.write(
          "    graph [id=\"\(p)-k\(number)\", class=\"provider\", label=\"\", style=\"rounded,dashed\", "
            + "color=\"#8fb38f\", penwidth=1];\n")
        for member in [node] + centres {
          output.write("    ")
          writeNode(member, to: &output)
          written.insert(member.id)
        }
        output.write("  }\n")
      } else {
        output.write("  ")
        writeNode(node, to: &output)
        written.insert(node.id)
      }
    }
    // The changes view lets the moves rank the boxes (old homes left, centres right) instead.
    let stagger = chart.flows.isEmpty ? Self.stagger(chart, maxPerColumn: maxPerColumn) : [:]
    for (number, node) in chart.nodes.enumerated() {
      guard let parent = node.parent else { continue }
      var attributes = "id=\"\(p)-e\(number)\""
      if let length = stagger[node.id], length > 1 { attributes += ", minlen=\(length)" }
      if node.external { attributes += ", style=dashed" }
      if chart.view == .changes { attributes += ", color=\"#c8c8c8\"" }
      output.write("  \(parent) -> \(node.id) [\(attributes)];\n")
    }
    for (number, flow) in chart.flows.enumerated() {
      let colour = OrgChart.colour(flow.familyIndex)
      output.write(
        "  \(flow.from) -> \(flow.to) [id=\"\(p)-f\(number)\", class=\"move\", "
          + "color=\"\(colour)\", fontcolor=\"\(colour)\", penwidth=1.6, arrowhead=normal, arrowsize=0.7, "
          + "label=\"\(Escape.dot(flow.label))\", tooltip=\"\(Escape.dot(flow.tasks.joined(separator: ", ")))\"];\n"
      )
    }
    if !chart.legend.isEmpty {
      var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(Escape.dotHTML(chart.legendTitle))</B></TD></TR>"
      for entry in chart.legend {
        rows +=
          "<TR><TD BGCOLOR=\"\(OrgChart.colour(entry.familyIndex))\" WIDTH=\"14\" HEIGHT=\"10\"></TD>"
          + "<TD ALIGN=\"LEFT\">\(Escape.dotHTML(entry.name))</TD></TR>"
      }
      output.write(
        "  legend [id=\"\(p)-legend\", class=\"legend\", shape=plain, style=\"\", label=<"
          + "<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
          + rows + "</TABLE>>];\n")
    }
    if !chart.providers.isEmpty {
      var rows =
        "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(Escape.dotHTML(chart.providersTitle))</B></TD></TR>"
      for entry in chart.providers {
        rows +=
          "<TR><TD BGCOLOR=\"\(OrgChart.fill(kind: entry.kind))\" WIDTH=\"14\" HEIGHT=\"10\"></TD>"
          + "<TD ALIGN=\"LEFT\">\(Escape.dotHTML(entry.name)): \(Escape.dotHTML(entry.legalForm))</TD></TR>"
      }
      output.write(
        "  providers [id=\"\(p)-providers\", class=\"legend providers\", shape=plain, style=\"\", label=<"
          + "<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
          + rows + "</TABLE>>];\n")
    }
    output.write("}\n")
  }

  /// A unit kind as a CSS class name (letters, digits, `-`, `_` only).
  static func className(_ kind: String) -> String {
    let name = kind.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    return name.isEmpty ? "unit" : name
  }

  private func writeNode(_ node: OrgChart.Node, to output: inout some TextOutputStream) {
    let title = LabelWrap.lines(node.title, width: titleWidth).map(Escape.dotHTML).joined(separator: "<BR/>")
    var label =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD><B>\(title)</B></TD></TR>"
    if !node.figures.isEmpty {
      let figures = LabelWrap.lines(node.figures, width: lineWidth).map(Escape.dotHTML).joined(
        separator: "<BR/>")
      label += "<TR><TD>\(figures)</TD></TR>"
    }
    if !node.items.isEmpty {
      var lines: [String] = []
      if !node.heading.isEmpty { lines.append("<I>\(Escape.dotHTML(node.heading))</I>") }
      for item in node.items {
        let wrapped = LabelWrap.lines(item, width: lineWidth - 2)
        for (position, line) in wrapped.enumerated() {
          lines.append((position == 0 ? (item.hasPrefix("+ ") ? "" : "• ") : "   ") + Escape.dotHTML(line))
        }
      }
      label += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(lines.joined(separator: "<BR/>"))</TD></TR>"
    }
    label += "</TABLE>"
    var attributes =
      "id=\"\(idPrefix)-\(node.id)\", class=\"orgbox \(Self.className(node.kind))\", fillcolor=\"\(OrgChart.fill(node))\""
    if node.kind == "group" { attributes += ", style=\"rounded,dashed,filled\"" }
    if node.kind == "centre" {
      attributes += ", color=\"\(OrgChart.colour(node.familyIndex ?? 0))\""
      if node.isNew { attributes += ", penwidth=2" }
    }
    if node.kind == "administration" { attributes += ", penwidth=1.5" }
    output.write("\(node.id) [\(attributes), label=<\(label)>];\n")
  }
}
