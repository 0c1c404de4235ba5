import Foundation

/// An org chart inside the report: on screen the whole SVG, in print the same drawing cut into
/// A4 pages (portrait or landscape, whichever needs fewer) at a scale where its smallest label
/// prints at 7.2 pt or more. München's recommended chart (1,170 × 2,014 pt, labels of 10 pt) shrank
/// to 3.6 pt on one portrait page; cut into six pages it prints at 8.8 pt.
///
/// The print pages reuse the drawing through `<use>` (no second copy of the chart in the file);
/// the SVG gets an accessible name and description, and Graphviz's node ids (`u3`,
/// `u0->u1`) are dropped from its tooltips.
struct ReportOrgChart {
  /// The figure id (`chart-target`).
  var id: String
  var caption: String
  /// What the chart shows, in words.
  var summary: String
  /// The `<svg>` element as laid out (``ChartSVG/inline(_:)``).
  var svg: String
  /// "Teil 2 von 6" / "part 2 of 6".
  var partLabel: (Int, Int) -> String
  /// Optional note above the chart.
  var note: String?

  /// The smallest label size in print, pt.
  static let minimumPrintSize = 7.2
  /// Text area of an A4 page (the report's margins), pt, less room for the part's caption and,
  /// on the first part, the annex heading and the chart's caption and summary above it.
  static let portrait = (width: 515.0, height: 600.0)
  static let landscape = (width: 760.0, height: 360.0)

  /// The drawing's size and label sizes read from its root element.
  struct Geometry {
    var viewBox: (x: Double, y: Double, width: Double, height: Double)
    /// Points per user unit.
    var pointsPerUnit: Double
    /// Smallest `font-size` in the drawing, user units.
    var smallestFont: Double
  }

  /// The figure for the page: the screen SVG and its print pages.
  var html: String {
    let h = Escape.html
    let root = Self.rootTag(of: svg)
    var text =
      "<figure id=\"\(id)\" class=\"chart orgchart-figure\">\n<figcaption>\(h(caption))</figcaption>\n"
    if let note { text += "<p class=\"notes\">\(h(note))</p>\n" }
    text += "<p class=\"chart-summary\">\(h(summary))</p>\n"
    guard let root, let geometry = Self.geometry(root: root.tag, svg: svg) else {
      return text + svg + "</figure>\n"
    }
    let body = Self.withoutIDTitles(String(svg[root.end...]).replacingOccurrences(of: "</svg>", with: ""))
    let accessible =
      root.tag.dropLast() + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
    text += "<div class=\"screen-chart\">" + accessible
    text +=
      "<title id=\"\(id)-title\">\(Escape.xml(caption))</title><desc id=\"\(id)-desc\">\(Escape.xml(summary))</desc>"
    text += "<g id=\"\(id)-body\">" + body + "</g></svg></div>\n"
    text += pages(geometry)
    return text + "</figure>\n"
  }

  /// The print pages: tiles of the drawing, each a `<use>` of the screen SVG's body.
  private func pages(_ geometry: Geometry) -> String {
    let box = geometry.viewBox
    let widthPt = box.width * geometry.pointsPerUnit
    let heightPt = box.height * geometry.pointsPerUnit
    let least = Self.minimumPrintSize / max(geometry.smallestFont * geometry.pointsPerUnit, 0.1)
    func layout(_ page: (width: Double, height: Double)) -> (columns: Int, rows: Int, scale: Double) {
      let fit = min(page.width / widthPt, page.height / heightPt)
      if fit >= least { return (1, 1, min(fit, max(1, least))) }
      let columns = Int((widthPt * least / page.width).rounded(.up))
      let rows = Int((heightPt * least / page.height).rounded(.up))
      let scale = max(
        least, min(1, Double(columns) * page.width / widthPt, Double(rows) * page.height / heightPt))
      return (columns, rows, scale)
    }
    let upright = layout(Self.portrait)
    let wide = layout(Self.landscape)
    let landscape = wide.columns * wide.rows < upright.columns * upright.rows
    let chosen = landscape ? wide : upright
    let page = landscape ? Self.landscape : Self.portrait
    let tileWidth = page.width / (chosen.scale * geometry.pointsPerUnit)
    let tileHeight = page.height / (chosen.scale * geometry.pointsPerUnit)
    let total = chosen.columns * chosen.rows
    var text = ""
    var number = 0
    for row in 0..<chosen.rows {
      for column in 0..<chosen.columns {
        number += 1
        let x = box.x + Double(column) * tileWidth
        let y = box.y + Double(row) * tileHeight
        let width = min(tileWidth, box.x + box.width - x)
        let height = min(tileHeight, box.y + box.height - y)
        guard width > 0, height > 0 else { continue }
        let n = ReportCharts.number
        let label = total > 1 ? caption + " – " + partLabel(number, total) : caption
        let classes = (landscape ? " landscape" : "") + (number == 1 ? " first" : "")
        text += "<div class=\"print-page\(classes)\" aria-hidden=\"true\">"
        text += "<p class=\"print-caption\">\(Escape.html(label))</p>"
        text +=
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(n(x)) \(n(y)) \(n(width)) \(n(height))\" "
          + "width=\"\(n(width * geometry.pointsPerUnit * chosen.scale))pt\" "
          + "height=\"\(n(height * geometry.pointsPerUnit * chosen.scale))pt\"><use href=\"#\(id)-body\"/></svg></div>\n"
      }
    }
    return text
  }

  /// The root `<svg …>` tag and where the content after it starts.
  static func rootTag(of svg: String) -> (tag: String, end: String.Index)? {
    guard let start = svg.range(of: "<svg"), let close = svg[start.upperBound...].firstIndex(of: ">") else {
      return nil
    }
    let end = svg.index(after: close)
    return (String(svg[start.lowerBound..<end]), end)
  }

  /// Size, scale and smallest font of a drawing from its root tag (`width="…pt"`, `viewBox`).
  static func geometry(root: String, svg: String) -> Geometry? {
    func attribute(_ name: String) -> String? {
      guard let range = root.range(of: " \(name)=\"") else { return nil }
      let rest = root[range.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end])
    }
    let numbers = (attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap {
      Double($0)
    }
    guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0, let widthText = attribute("width") else {
      return nil
    }
    let unitless = widthText.hasSuffix("pt") ? String(widthText.dropLast(2)) : widthText
    guard let width = Double(unitless), width > 0 else { return nil }
    // Points per unit: the width in pt (px count as 0.75 pt) over the viewBox width.
    let points = widthText.hasSuffix("pt") ? width : width * 0.75
    var smallest = Double.infinity
    var search = svg[...]
    while let range = search.firstRange(of: "font-size=\"") {
      let rest = search[range.upperBound...]
      if let end = rest.firstIndex(of: "\""), let size = Double(rest[..<end]), size > 0 {
        smallest = min(smallest, size)
      }
      search = rest
    }
    return Geometry(
      viewBox: (numbers[0], numbers[1], numbers[2], numbers[3]), pointsPerUnit: points / numbers[2],
      smallestFont: smallest.isFinite ? smallest : 14)
  }

  /// `svg` without the `<title>` elements that hold a Graphviz id rather than a name (`u3`,
  /// `u0&#45;&gt;u1`, `cluster_u2`, `orgchart`, the legends `legend` and `providers`): a tooltip
  /// shows names or nothing.
  static func withoutIDTitles(_ svg: String) -> String {
    var result = ""
    var rest = svg[...]
    while let open = rest.firstRange(of: "<title>") {
      guard let close = rest[open.upperBound...].firstRange(of: "</title>") else { break }
      let content = rest[open.upperBound..<close.lowerBound]
      let isID =
        content.range(
          of:
            #"^(orgchart|legend|providers|cluster_[a-z][0-9]+|[a-z][0-9]+(&#45;&gt;[a-z][0-9]+(:[a-z]+)?)?)$"#,
          options: .regularExpression) != nil
      result += rest[..<open.lowerBound]
      if !isID { result += rest[open.lowerBound..<close.upperBound] }
      rest = rest[close.upperBound...]
    }
    return result + rest
  }
}
