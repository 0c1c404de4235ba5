/// Misuse of the modelling layer, caught in Swift before it could reach GLPK (where it would
/// abort the process).
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A model, variable or constraint without a name.
  case emptyName(kind: String)
  /// A name longer than GLPK's 255-byte limit.
  case nameTooLong(kind: String, name: String, length: Int)
  /// A name with blanks or control characters (they break exported MPS and LP files).
  case invalidName(kind: String, name: String)
  /// Two variables or two constraints with the same name.
  case duplicateName(kind: String, name: String)
  /// NaN or an infinite value where a finite number is needed.
  case invalidNumber(what: String, value: Double)
  /// A finite number outside the range handed to GLPK (``LinearModel/largestMagnitude``,
  /// ``LinearModel/smallestMagnitude`` for nonzero coefficients).
  case outOfRange(what: String, value: Double)
  /// A lower bound above the upper bound.
  case inconsistentBounds(what: String, lower: Double, upper: Double)
  /// A variable that does not belong to the model.
  case unknownVariable(index: Int, context: String)
  /// A constraint with neither a lower nor an upper bound.
  case unboundedConstraint(name: String)
  /// A column partition or value vector whose length does not match the model, or a block
  /// number outside the block count.
  case invalidPartition(columns: Int, partition: Int, values: Int)

  /// One sentence saying what is wrong.
  public var description: String {
    switch self {
    case .emptyName(let kind): "A \(kind) needs a non-empty name."
    case .nameTooLong(let kind, let name, let length):
      "The \(kind) name '\(name.prefix(40))...' has \(length) bytes; GLPK allows at most 255."
    case .invalidName(let kind, let name):
      "The \(kind) name '\(name)' contains blanks or control characters."
    case .duplicateName(let kind, let name): "There is already a \(kind) named '\(name)'."
    case .invalidNumber(let what, let value): "The \(what) is \(value); it must be a finite number."
    case .outOfRange(let what, let value):
      "The \(what) is \(value); zentral hands GLPK only numbers from 1e-9 to 1e15 in magnitude (beyond that "
        + "GLPK's arithmetic overflows or loses the rest of the row), so an amount or workload of the scenario "
        + "is out of scale."
    case .inconsistentBounds(let what, let lower, let upper):
      "The \(what) has lower bound \(lower) above its upper bound \(upper)."
    case .unknownVariable(let index, let context):
      "The \(context) uses variable v\(index), which is not in this model."
    case .unboundedConstraint(let name): "The constraint \(name) has neither a lower nor an upper bound."
    case .invalidPartition(let columns, let partition, let values):
      "A split of a model with \(columns) variables needs \(columns) block numbers below the block count "
        + "and \(columns) values; it got \(partition) block numbers and \(values) values."
    }
  }
}
