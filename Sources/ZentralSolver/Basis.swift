/// A simplex basis: the status of every row (its auxiliary variable) and every column.
///
/// An LP solve returns the optimal basis (``SolveResult/basis``); a later LP solve can start from
/// it or from one assembled from the bases of its parts (``SolveOptions/initialBasis``), which
/// saves the simplex most of its work when the parts barely interact.
public struct Basis: Sendable, Equatable {
  /// Where a variable stands in the basis.
  public enum Status: Sendable, Equatable {
    /// Basic.
    case basic
    /// Non-basic at its lower bound.
    case lower
    /// Non-basic at its upper bound.
    case upper
    /// Non-basic free (no bounds).
    case free
    /// Non-basic fixed (equal bounds).
    case fixed
  }

  /// Status of each row, by row index.
  public var rows: [Status]
  /// Status of each column, by variable index.
  public var columns: [Status]

  /// Creates a basis.
  public init(rows: [Status], columns: [Status]) {
    self.rows = rows
    self.columns = columns
  }
}
