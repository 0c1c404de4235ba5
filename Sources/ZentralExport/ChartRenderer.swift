/// Who lays out an org chart drawn as SVG.
public enum ChartRenderer: Sendable, Equatable {
  /// Graphviz `dot` when it is installed and the chart has at most
  /// ``ChartRenderer/graphvizMaxBoxes`` boxes, else the built-in layout.
  case automatic
  /// Graphviz `dot` (an error when it is not installed).
  case graphviz
  /// The built-in layout (no outside program; the same bytes on every machine).
  case builtIn

  /// Boxes Graphviz lays out at most under ``automatic``. `dot` grows about quadratically with
  /// the depth of the tree (measured with dot 2.43: 0.5 s for a chain of 3,000 units, 5 s for
  /// 10,000, 57 s for 30,000), the built-in layout linearly.
  public static let graphvizMaxBoxes = 2_000

  /// The renderer that draws a chart of `boxes` boxes: ``automatic`` resolved.
  public func resolved(boxes: Int) -> ChartRenderer {
    guard self == .automatic else { return self }
    return Graphviz.isInstalled && boxes <= Self.graphvizMaxBoxes ? .graphviz : .builtIn
  }
}
