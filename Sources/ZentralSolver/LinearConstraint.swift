/// A linear constraint `lower <= expression <= upper`; one side may be open.
///
/// The expression's constant is moved to the bounds when the model is loaded.
public struct LinearConstraint: Equatable, Sendable {
  /// The constrained expression.
  public var expression: LinearExpression
  /// Lower bound, or `nil` for none.
  public var lower: Double?
  /// Upper bound, or `nil` for none.
  public var upper: Double?

  /// Creates `lower <= expression <= upper`.
  public init(_ expression: LinearExpression, lower: Double? = nil, upper: Double? = nil) {
    self.expression = expression
    self.lower = lower
    self.upper = upper
  }
}

/// `lhs <= rhs`.
public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
  let difference = lhs - rhs
  var expression = difference
  expression.constant = 0
  return LinearConstraint(expression, upper: -difference.constant)
}

/// `lhs >= rhs`.
public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
  let difference = lhs - rhs
  var expression = difference
  expression.constant = 0
  return LinearConstraint(expression, lower: -difference.constant)
}

extension LinearConstraint {
  /// `lhs == rhs` (not spelled `==`, which would clash with `Equatable`).
  public static func equal(_ lhs: LinearExpression, _ rhs: LinearExpression) -> LinearConstraint {
    let difference = lhs - rhs
    var expression = difference
    expression.constant = 0
    return LinearConstraint(expression, lower: -difference.constant, upper: -difference.constant)
  }
}
