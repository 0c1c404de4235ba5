/// Who lays out an org chart drawn as SVG.
public enum ChartRenderer: Sendable, Equatable {
  /// Graphviz `dot` when it is installed and the chart has at most
  /// ``ChartRenderer/graphvizMaxBoxes`` boxes, else the built-in layout.
  case automatic
  /// Graphviz `dot` (an error when it is not installed).
  case graphviz
  /// The built-in layout (no outside program; the same bytes on every machine).
  case builtIn

  /// Boxes Graphviz lays out at most under ``automatic``. `dot` grows faster than the square of
  /// the chart (dot 2.43, CPU time: a chain of 3,000 units 0.5 s, of 10,000 5 s, of 30,000 57 s;
  /// 50 divisions of 38 departments each, staggered, 258 boxes 0.07 s, 531 boxes 0.44 s, 999
  /// boxes 2.2 s, 1,974 boxes 15.5 s), the built-in layout linearly.
  public static let graphvizMaxBoxes = 1_000

  /// The renderer that draws a chart of `boxes` boxes: ``automatic`` resolved.
  public func resolved(boxes: Int) -> ChartRenderer {
    guard self == .automatic else { return self }
    return Graphviz.isInstalled && boxes <= Self.graphvizMaxBoxes ? .graphviz : .builtIn
  }
}
