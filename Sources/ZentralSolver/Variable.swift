/// A decision variable of a ``LinearModel``: a small value handle (its column index), not an
/// object that owns solver memory.
public struct Variable: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Position of the variable in its model, from 0.
  public let index: Int

  init(index: Int) { self.index = index }

  /// Orders variables by their position in the model.
  public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }

  /// `v<index>`, for diagnostics.
  public var description: String { "v\(index)" }
}

/// The domain of a variable.
public enum VariableKind: String, Sendable, Equatable, CaseIterable {
  /// A real number between its bounds.
  case continuous
  /// A whole number between its bounds.
  case integer
  /// 0 or 1.
  case binary
}
