/// A small org-chart layout of its own, used when Graphviz is not installed and for byte-stable
/// SVG: a left-to-right tidy tree in which every subtree owns a horizontal band, so no two boxes
/// can overlap; text widths are estimated from the character count.
struct BuiltInLayout {
  /// Prefix of every element id.
  var idPrefix: String
  var titleWidth = 30
  var lineWidth = 38
  let fontSize = 11.0
  let titleFontSize = 12.0
  let lineHeight = 14.0
  let padding = 7.0
  let columnGap = 56.0
  let rowGap = 10.0
  let margin = 16.0
  let headerHeight = 34.0

  /// A box with its text and place.
  struct Box {
    var node: OrgChart.Node
    var titleLines: [String]
    var bodyLines: [(text: String, italic: Bool)]
    var width = 0.0
    var height = 0.0
    var x = 0.0
    var y = 0.0
  }

  /// Boxes with their positions, and the size of the drawing.
  func layout(_ chart: OrgChart) -> (boxes: [Box], width: Double, height: Double) {
    var boxes: [Box] = chart.nodes.map { node in
      var body: [(String, Bool)] = LabelWrap.lines(node.figures, width: lineWidth).map { ($0, false) }
      if !node.items.isEmpty {
        if !node.heading.isEmpty { body.append((node.heading, true)) }
        for item in node.items {
          for (position, line) in LabelWrap.lines(item, width: lineWidth - 2).enumerated() {
            body.append(((position == 0 ? (item.hasPrefix("+ ") ? "" : "• ") : "   ") + line, false))
          }
        }
      }
      var box = Box(node: node, titleLines: LabelWrap.lines(node.title, width: titleWidth), bodyLines: body)
      let longestTitle = box.titleLines.map { LabelWrap.width($0) }.max() ?? 0
      let longestLine = body.map { LabelWrap.width($0.0) }.max() ?? 0
      box.width = max(
        90,
        max(Double(longestTitle) * titleFontSize * 0.6, Double(longestLine) * fontSize * 0.56) + 2 * padding)
      box.height = Double(box.titleLines.count + body.count) * lineHeight + 2 * padding
      return box
    }
    let position = Dictionary(uniqueKeysWithValues: boxes.enumerated().map { ($1.node.id, $0) })
    var children: [Int: [Int]] = [:]
    var roots: [Int] = []
    for (index, box) in boxes.enumerated() {
      if let parent = box.node.parent, let parentIndex = position[parent] {
        children[parentIndex, default: []].append(index)
      } else {
        roots.append(index)
      }
    }
    // Column of each box and the column widths.
    var depth = [Int](repeating: 0, count: boxes.count)
    for index in boxes.indices {
      if let parent = boxes[index].node.parent, let parentIndex = position[parent] {
        depth[index] = depth[parentIndex] + 1
      }
    }
    var columnWidth: [Int: Double] = [:]
    for index in boxes.indices {
      columnWidth[depth[index]] = max(columnWidth[depth[index]] ?? 0, boxes[index].width)
    }
    var columnX: [Int: Double] = [:]
    var x = margin
    for column in 0..<((columnWidth.keys.max() ?? 0) + 1) {
      columnX[column] = x
      x += (columnWidth[column] ?? 0) + columnGap
    }
    let width = x - columnGap + margin
    // Band height of every subtree (children before parents), then place top-down; both with
    // explicit stacks, since recursion overflowed the stack on a chain of 100,000 units.
    var order: [Int] = []
    var stack = roots.reversed() as [Int]
    while let index = stack.popLast() {
      order.append(index)
      stack += (children[index] ?? []).reversed()
    }
    var band = [Double](repeating: 0, count: boxes.count)
    for index in order.reversed() {
      let kids = children[index] ?? []
      let kidsHeight = kids.reduce(0) { $0 + band[$1] } + Double(max(kids.count - 1, 0)) * rowGap
      band[index] = max(boxes[index].height, kidsHeight)
    }
    var bandTop = [Double](repeating: 0, count: boxes.count)
    var top = margin + headerHeight
    for root in roots {
      bandTop[root] = top
      top += band[root] + rowGap
    }
    for index in order {
      let centre = bandTop[index] + band[index] / 2
      boxes[index].x = columnX[depth[index]] ?? margin
      boxes[index].y = centre - boxes[index].height / 2
      let kids = children[index] ?? []
      let kidsHeight = kids.reduce(0) { $0 + band[$1] } + Double(max(kids.count - 1, 0)) * rowGap
      var y = centre - kidsHeight / 2
      for kid in kids {
        bandTop[kid] = y
        y += band[kid] + rowGap
      }
    }
    return (boxes, width, top - rowGap + margin)
  }

  /// The chart as a standalone SVG document.
  func svg(_ chart: OrgChart) -> String {
    var (boxes, width, height) = layout(chart)
    let p = idPrefix
    var legendHeight = 0.0
    if !chart.legend.isEmpty {
      legendHeight = Double(chart.legend.count + 1) * lineHeight + 2 * padding + rowGap
    }
    let legendTop = height
    height += legendHeight
    let providersTop = height
    if !chart.providers.isEmpty {
      height += Double(chart.providers.count + 1) * lineHeight + 2 * padding + rowGap
    }
    var out = ""
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))pt\" height=\"\(n(height))pt\" "
    out += "viewBox=\"0 0 \(n(width)) \(n(height))\" id=\"\(p)\" class=\"orgchart\" "
    out += "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(n(fontSize))\">\n"
    out += "<title>\(Escape.xml(chart.title))</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"white\"/>\n"
    out += "<text x=\"\(n(margin))\" y=\"\(n(margin + 16))\" font-size=\"16\" font-weight=\"bold\">"
    out += "\(Escape.xml(chart.title))</text>\n"
    let index = Dictionary(uniqueKeysWithValues: boxes.enumerated().map { ($1.node.id, $0) })
    out += "<g class=\"tree\" fill=\"none\" stroke=\"#9a9a9a\">\n"
    for (number, box) in boxes.enumerated() {
      guard let parent = box.node.parent, let from = index[parent].map({ boxes[$0] }) else { continue }
      let start = (from.x + from.width, from.y + from.height / 2)
      let end = (box.x, box.y + box.height / 2)
      let middle = (start.0 + end.0) / 2
      out += "<path id=\"\(p)-e\(number)\" d=\"M\(n(start.0)),\(n(start.1)) C\(n(middle)),\(n(start.1)) "
      out +=
        "\(n(middle)),\(n(end.1)) \(n(end.0)),\(n(end.1))\"\(box.node.external ? " stroke-dasharray=\"5,3\"" : "")/>\n"
    }
    out += "</g>\n"
    for box in boxes { out += boxSVG(box) }
    if !chart.flows.isEmpty {
      out += "<g class=\"moves\" fill=\"none\" stroke-width=\"1.6\">\n"
      for (number, flow) in chart.flows.enumerated() {
        guard let from = index[flow.from].map({ boxes[$0] }), let to = index[flow.to].map({ boxes[$0] })
        else { continue }
        let colour = OrgChart.colour(flow.familyIndex)
        let start = (from.x + from.width, from.y + from.height / 2)
        let end = (to.x, to.y + to.height / 2)
        let bend = max(40, abs(end.0 - start.0) / 2)
        let c1 = (start.0 + bend, start.1)
        let c2 = (end.0 - bend, end.1)
        // Point of the curve at t = 0.5 for the label.
        let mid = ((start.0 + 3 * c1.0 + 3 * c2.0 + end.0) / 8, (start.1 + 3 * c1.1 + 3 * c2.1 + end.1) / 8)
        out +=
          "<g id=\"\(p)-f\(number)\" class=\"move\"><title>\(Escape.xml(flow.tasks.joined(separator: ", ")))</title>"
        out +=
          "<path d=\"M\(n(start.0)),\(n(start.1)) C\(n(c1.0)),\(n(c1.1)) \(n(c2.0)),\(n(c2.1)) \(n(end.0)),\(n(end.1))\" "
        out += "stroke=\"\(colour)\"/>"
        out +=
          "<polygon points=\"\(n(end.0)),\(n(end.1)) \(n(end.0 - 7)),\(n(end.1 - 3.5)) \(n(end.0 - 7)),\(n(end.1 + 3.5))\" "
        out += "fill=\"\(colour)\" stroke=\"none\"/>"
        out +=
          "<text x=\"\(n(mid.0))\" y=\"\(n(mid.1 - 3))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(colour)\" "
        out +=
          "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">\(Escape.xml(flow.label))</text></g>\n"
      }
      out += "</g>\n"
    }
    if !chart.legend.isEmpty {
      var y = legendTop + rowGap + padding + lineHeight - 3
      out += "<g id=\"\(p)-legend\" class=\"legend\">\n"
      out +=
        "<text x=\"\(n(margin))\" y=\"\(n(y))\" font-weight=\"bold\">\(Escape.xml(chart.legendTitle))</text>\n"
      for entry in chart.legend {
        y += lineHeight
        out +=
          "<rect x=\"\(n(margin))\" y=\"\(n(y - 9))\" width=\"14\" height=\"9\" fill=\"\(OrgChart.colour(entry.familyIndex))\"/>"
        out += "<text x=\"\(n(margin + 20))\" y=\"\(n(y))\">\(Escape.xml(entry.name))</text>\n"
      }
      out += "</g>\n"
    }
    if !chart.providers.isEmpty {
      var y = providersTop + rowGap + padding + lineHeight - 3
      out += "<g id=\"\(p)-providers\" class=\"legend providers\">\n"
      out +=
        "<text x=\"\(n(margin))\" y=\"\(n(y))\" font-weight=\"bold\">\(Escape.xml(chart.providersTitle))</text>\n"
      for entry in chart.providers {
        y += lineHeight
        let fill = OrgChart.fill(kind: entry.kind)
        out +=
          "<rect x=\"\(n(margin))\" y=\"\(n(y - 9))\" width=\"14\" height=\"9\" fill=\"\(fill)\" stroke=\"#6b6b6b\"/>"
        out +=
          "<text x=\"\(n(margin + 20))\" y=\"\(n(y))\">\(Escape.xml(entry.name)): \(Escape.xml(entry.legalForm))</text>\n"
      }
      out += "</g>\n"
    }
    out += "</svg>\n"
    return out
  }

  private func boxSVG(_ box: Box) -> String {
    let node = box.node
    var stroke = "#6b6b6b"
    var strokeWidth = 1.0
    var dash = ""
    if node.kind == "centre" {
      stroke = OrgChart.colour(node.familyIndex ?? 0)
      strokeWidth = node.isNew ? 2 : 1
    }
    if node.kind == "group" { dash = " stroke-dasharray=\"4,3\"" }
    var out = "<g id=\"\(idPrefix)-\(node.id)\" class=\"node orgbox \(DOTWriter.className(node.kind))\">"
    out += "<title>\(Escape.xml(node.title))</title>"
    out +=
      "<rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" rx=\"6\" "
    out += "fill=\"\(OrgChart.fill(node))\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"\(dash)/>"
    var y = box.y + padding + lineHeight - 3
    for line in box.titleLines {
      out +=
        "<text x=\"\(n(box.x + box.width / 2))\" y=\"\(n(y))\" text-anchor=\"middle\" font-weight=\"bold\" "
      out += "font-size=\"\(n(titleFontSize))\">\(Escape.xml(line))</text>"
      y += lineHeight
    }
    for line in box.bodyLines {
      out += "<text x=\"\(n(box.x + padding))\" y=\"\(n(y))\"\(line.italic ? " font-style=\"italic\"" : "")>"
      out += "\(Escape.xml(line.text))</text>"
      y += lineHeight
    }
    out += "</g>\n"
    return out
  }

  /// A coordinate with at most one decimal, without locale.
  private func n(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}
