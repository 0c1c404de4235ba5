/// One chart of the decision report: an inline SVG drawn by ``ReportCharts`` with its caption and
/// a text alternative that says in words what the picture shows (read by screen readers through
/// the SVG's `<title>` and `<desc>`, and printed under the chart).
struct ReportChart {
  /// The element id of the figure (`chart-cashflow`, ...).
  var id: String
  /// The caption (also the SVG's `<title>`).
  var caption: String
  /// What the chart shows in words (also the SVG's `<desc>`).
  var summary: String
  /// The `<svg>` element (drawing only; ``html`` adds the accessible name).
  var body: String
  /// Width and height of the drawing in CSS pixels (its viewBox).
  var width: Double
  var height: Double

  /// The figure: caption, the SVG with `role="img"`, its title and description, and the summary.
  var html: String {
    let h = Escape.html
    var text = "<figure id=\"\(id)\" class=\"report-chart\">\n<figcaption>\(h(caption))</figcaption>\n"
    text +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
      + "viewBox=\"0 0 \(ReportCharts.number(width)) \(ReportCharts.number(height))\" "
      + "width=\"\(ReportCharts.number(width))\" height=\"\(ReportCharts.number(height))\" "
      + "font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\">\n"
    text += "<title id=\"\(id)-title\">\(Escape.xml(caption))</title>\n"
    text += "<desc id=\"\(id)-desc\">\(Escape.xml(summary))</desc>\n"
    text += body + "</svg>\n<p class=\"chart-summary\">\(h(summary))</p>\n</figure>\n"
    return text
  }
}
