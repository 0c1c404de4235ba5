/// A linear expression: a sparse map from variables to coefficients plus a constant.
///
/// Built with the usual operators: `3 * x + 2 * y - 5`, `expr += 4 * z`.
public struct LinearExpression: Equatable, Sendable, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral
{
  /// Coefficient of each variable that occurs in the expression.
  public private(set) var terms: [Variable: Double]
  /// The constant term.
  public var constant: Double

  /// Creates an expression from coefficients and a constant.
  public init(terms: [Variable: Double] = [:], constant: Double = 0) {
    self.terms = terms
    self.constant = constant
  }

  /// The expression `1 * variable`.
  public init(_ variable: Variable) {
    self.init(terms: [variable: 1])
  }

  /// A constant expression.
  public init(floatLiteral value: Double) { self.init(constant: value) }

  /// A constant expression.
  public init(integerLiteral value: Int) { self.init(constant: Double(value)) }

  /// The terms in a fixed order (by variable index), so that a model loads the same way
  /// on every run.
  public var sortedTerms: [(variable: Variable, coefficient: Double)] {
    terms.sorted { $0.key < $1.key }.map { (variable: $0.key, coefficient: $0.value) }
  }

  /// Adds `coefficient * variable` to the expression.
  public mutating func add(_ coefficient: Double, _ variable: Variable) {
    terms[variable, default: 0] += coefficient
  }

  /// Adds another expression.
  public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
    for (variable, coefficient) in other.terms { terms[variable, default: 0] += factor * coefficient }
    constant += factor * other.constant
  }

  /// The expression without the terms whose coefficient is round-off: smaller in magnitude than
  /// `floor` and than `relative` times the largest coefficient of the expression (e.g. `1.4e-11`
  /// left over where a quote of 120000.15 EUR cancels a home cost of 1.5 x 80000.1 EUR).
  func droppingRoundOff(floor: Double, relative: Double) -> LinearExpression {
    let largest = terms.values.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 }
    var copy = self
    // NaN and infinite coefficients stay, for the model's check to refuse.
    copy.terms = terms.filter {
      !$0.value.isFinite || abs($0.value) >= floor || abs($0.value) >= relative * largest
    }
    return copy
  }

  /// Evaluates the expression at the given variable values.
  public func value(_ valueOf: (Variable) -> Double) -> Double {
    sortedTerms.reduce(constant) { $0 + $1.coefficient * valueOf($1.variable) }
  }

  /// The sum of expressions.
  public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
  }

  /// The difference of expressions.
  public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, times: -1)
    return result
  }

  /// The negated expression.
  public static prefix func - (expression: LinearExpression) -> LinearExpression {
    LinearExpression() - expression
  }

  /// The expression scaled by a factor.
  public static func * (factor: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, times: factor)
    return result
  }

  /// Adds an expression in place.
  public static func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }

  /// Subtracts an expression in place.
  public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }

  /// The sum of many expressions.
  public static func sum<S: Sequence>(_ parts: S) -> LinearExpression where S.Element == LinearExpression {
    parts.reduce(into: LinearExpression()) { $0.add($1) }
  }
}

extension Variable {
  /// `coefficient * variable` as an expression.
  public static func * (coefficient: Double, variable: Variable) -> LinearExpression {
    LinearExpression(terms: [variable: coefficient])
  }

  /// `variable + expression`.
  public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
    LinearExpression(lhs) + rhs
  }

  /// `variable - expression`.
  public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
    LinearExpression(lhs) - rhs
  }
}
