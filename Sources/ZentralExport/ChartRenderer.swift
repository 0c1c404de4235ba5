/// Who lays out an org chart drawn as SVG.
public enum ChartRenderer: Sendable, Equatable {
  /// Graphviz `dot` when it is installed, else the built-in layout.
  case automatic
  /// Graphviz `dot` (an error when it is not installed).
  case graphviz
  /// The built-in layout (no outside program; the same bytes on every machine).
  case builtIn
}
