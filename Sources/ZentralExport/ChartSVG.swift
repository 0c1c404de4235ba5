import Foundation

/// Draws an ``OrgChart`` as SVG with Graphviz or the built-in layout, and prepares SVG for
/// embedding in an HTML page.
enum ChartSVG {
  /// The SVG document of `chart`.
  static func document(
    _ chart: OrgChart, renderer: ChartRenderer, idPrefix: String
  ) throws(ExportError) -> String {
    switch renderer {
    case .builtIn:
      return BuiltInLayout(idPrefix: idPrefix).svg(chart)
    case .graphviz:
      return try graphviz(chart, idPrefix: idPrefix)
    case .automatic:
      return Graphviz.isInstalled
        ? try graphviz(chart, idPrefix: idPrefix) : BuiltInLayout(idPrefix: idPrefix).svg(chart)
    }
  }

  private static func graphviz(_ chart: OrgChart, idPrefix: String) throws(ExportError) -> String {
    var source = ""
    DOTWriter(idPrefix: idPrefix).write(chart, to: &source)
    return try Graphviz.svg(fromDOT: source)
  }

  /// The `<svg>` element of an SVG document, without XML declaration, DOCTYPE and comments, with
  /// a CSS class for the page's print rules.
  static func inline(_ document: String) -> String {
    guard let start = document.range(of: "<svg") else { return "" }
    var svg = String(document[start.lowerBound...])
    // Drop comments (Graphviz writes one per node and edge).
    while let open = svg.range(of: "<!--"),
      let close = svg.range(of: "-->", range: open.upperBound..<svg.endIndex)
    {
      var end = close.upperBound
      if end < svg.endIndex, svg[end] == "\n" { end = svg.index(after: end) }
      svg.removeSubrange(open.lowerBound..<end)
    }
    while svg.hasSuffix("\n") { svg.removeLast() }
    return svg + "\n"
  }
}
