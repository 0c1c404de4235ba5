import Foundation

/// Draws an ``OrgChart`` as SVG with Graphviz or the built-in layout, and prepares SVG for
/// embedding in an HTML page.
enum ChartSVG {
  /// The SVG document of `chart`.
  static func document(
    _ chart: OrgChart, renderer: ChartRenderer, idPrefix: String
  ) throws(ExportError) -> String {
    switch renderer.resolved(boxes: chart.nodes.count) {
    case .graphviz:
      return try graphviz(chart, idPrefix: idPrefix)
    case .builtIn, .automatic:
      return BuiltInLayout(idPrefix: idPrefix).svg(chart)
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
    // Comments (Graphviz writes one per node and edge) are dropped in one pass over the bytes:
    // removing them one by one from the front copied the rest of the document each time
    // (quadratic; 50 s for the report of a plan with a chain of 1,000 units).
    let bytes = Array(document.utf8)
    let count = bytes.count
    func matches(_ pattern: [UInt8], at position: Int) -> Bool {
      position + pattern.count <= count && pattern.indices.allSatisfy { bytes[position + $0] == pattern[$0] }
    }
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    let element = Array("<svg".utf8)
    guard var position = (0..<count).first(where: { matches(element, at: $0) }) else { return "" }
    var svg: [UInt8] = []
    svg.reserveCapacity(count - position)
    while position < count {
      guard bytes[position] == UInt8(ascii: "<"), matches(open, at: position) else {
        svg.append(bytes[position])
        position += 1
        continue
      }
      var end = position + open.count
      while end < count && !(bytes[end] == UInt8(ascii: "-") && matches(close, at: end)) { end += 1 }
      guard end < count else {
        // An unclosed comment stays as it is.
        svg += bytes[position...]
        break
      }
      position = end + close.count
      if position < count && bytes[position] == UInt8(ascii: "\n") { position += 1 }
    }
    while svg.last == UInt8(ascii: "\n") { svg.removeLast() }
    return String(decoding: svg, as: UTF8.self) + "\n"
  }
}
