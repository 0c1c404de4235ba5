/// A linear or mixed-integer program as a plain value: variables, constraints and an objective.
///
/// A model holds no solver memory; it is `Sendable` and can be built on one thread and solved
/// on another. Every argument is checked when it is added, so nothing invalid can reach GLPK.
public struct LinearModel: Equatable, Sendable {
  /// Longest name GLPK accepts for a row or column, in UTF-8 bytes.
  public static let maximumNameLength = 255

  /// The largest magnitude of a coefficient, a finite bound or the objective's constant that is
  /// handed to GLPK. Beyond it GLPK's arithmetic overflows (a set-up cost of 1e305 aborted the
  /// process in branch-and-cut) and a double no longer holds whole euros (2^53 is about 9e15).
  public static let largestMagnitude = 1e15
  /// The smallest magnitude of a nonzero coefficient handed to GLPK. Below it GLPK treats the
  /// entry as noise or divides by it (an FTE of 1e-170 aborted the process in a flip re-solve);
  /// zentral's own coefficients (shares, FTE, EUR, discount factors) are far above it. A smaller
  /// coefficient that is also below ``roundOff`` times the largest one of its row (or of the
  /// objective) is round-off and left out; one that is not is refused.
  public static let smallestMagnitude = 1e-9
  /// Relative size below which a coefficient under ``smallestMagnitude`` counts as round-off.
  public static let roundOff = 1e-9

  /// A column of the model.
  public struct Column: Equatable, Sendable {
    /// The variable's name (unique within the model).
    public var name: String
    /// Its domain.
    public var kind: VariableKind
    /// Lower bound, or `nil` for minus infinity.
    public var lower: Double?
    /// Upper bound, or `nil` for plus infinity.
    public var upper: Double?
  }

  /// A row of the model.
  public struct Row: Equatable, Sendable {
    /// The constraint's name (unique within the model).
    public var name: String
    /// The constraint, with its constant folded into the bounds.
    public var constraint: LinearConstraint
    /// The expression's terms as arrays sorted by column index (derived from ``constraint`` when
    /// the row is added), so that evaluating or loading a row neither hashes nor sorts: on a
    /// 48,000-task city a check of every row took 0.2 s through the dictionary.
    let terms: SortedTerms
  }

  /// The terms of an expression as two parallel arrays, sorted by column index.
  struct SortedTerms: Equatable, Sendable {
    /// Column indices, ascending.
    var indices: [Int] = []
    /// The coefficient of each column in ``indices``.
    var coefficients: [Double] = []

    init(_ expression: LinearExpression) {
      let sorted = expression.sortedTerms
      indices = sorted.map(\.variable.index)
      coefficients = sorted.map(\.coefficient)
    }

    /// `constant` plus the terms at `values`, summed in column order (the same sum on every run).
    func value(_ values: [Double], constant: Double = 0) -> Double {
      var sum = constant
      for (j, coefficient) in zip(indices, coefficients) { sum += coefficient * values[j] }
      return sum
    }
  }

  /// Optimisation direction.
  public enum Sense: String, Equatable, Sendable {
    /// Minimise the objective.
    case minimize
    /// Maximise the objective.
    case maximize
  }

  /// Name of the model (the problem name in exported files).
  public let name: String
  /// The variables, in order of creation.
  public private(set) var columns: [Column] = []
  /// The constraints, in order of creation.
  public private(set) var rows: [Row] = []
  /// The objective expression; its constant is the objective's constant term.
  public private(set) var objective = LinearExpression()
  /// The objective's terms sorted by column (derived from ``objective``).
  private(set) var objectiveTerms = SortedTerms(LinearExpression())
  /// The direction of optimisation.
  public private(set) var sense = Sense.minimize
  private var columnNames: Set<String> = []
  private var rowNames: Set<String> = []

  /// Creates an empty model.
  public init(name: String = "model") throws(ModelError) {
    try Self.checkName(name, of: "model")
    self.name = name
  }

  /// Whether any variable is integer or binary.
  public var isMIP: Bool { columns.contains { $0.kind != .continuous } }

  /// The variable at `index`.
  public func variable(_ index: Int) -> Variable? {
    columns.indices.contains(index) ? Variable(index: index) : nil
  }

  /// All variables in order.
  public var variables: [Variable] { columns.indices.map { Variable(index: $0) } }

  /// Adds a variable. Binary variables get the bounds 0 and 1 unless tighter ones are given.
  @discardableResult
  public mutating func addVariable(
    _ name: String, kind: VariableKind = .continuous, lower: Double? = 0, upper: Double? = nil
  ) throws(ModelError) -> Variable {
    try Self.checkName(name, of: "variable")
    guard !columnNames.contains(name) else { throw .duplicateName(kind: "variable", name: name) }
    var lower = lower
    var upper = upper
    if kind == .binary {
      lower = max(lower ?? 0, 0)
      upper = min(upper ?? 1, 1)
    }
    try Self.checkBounds(lower, upper, of: "variable \(name)")
    columnNames.insert(name)
    columns.append(Column(name: name, kind: kind, lower: lower, upper: upper))
    return Variable(index: columns.count - 1)
  }

  /// Changes a variable's bounds, e.g. to fix a decision for a re-solve.
  public mutating func setBounds(of variable: Variable, lower: Double?, upper: Double?) throws(ModelError) {
    try checkVariable(variable, in: "bounds")
    let name = columns[variable.index].name
    try Self.checkBounds(lower, upper, of: "variable \(name)")
    columns[variable.index].lower = lower
    columns[variable.index].upper = upper
  }

  /// Adds a constraint.
  public mutating func addConstraint(_ constraint: LinearConstraint, name: String) throws(ModelError) {
    try Self.checkName(name, of: "constraint")
    guard !rowNames.contains(name) else { throw .duplicateName(kind: "constraint", name: name) }
    var constraint = constraint
    constraint.expression = constraint.expression.droppingRoundOff(
      floor: Self.smallestMagnitude, relative: Self.roundOff)
    let terms = SortedTerms(constraint.expression)
    try checkExpression(constraint.expression, terms: terms, in: "constraint \(name)")
    var folded = constraint
    let shift = constraint.expression.constant
    folded.expression.constant = 0
    folded.lower = constraint.lower.map { $0 - shift }
    folded.upper = constraint.upper.map { $0 - shift }
    guard folded.lower != nil || folded.upper != nil else { throw .unboundedConstraint(name: name) }
    try Self.checkBounds(folded.lower, folded.upper, of: "constraint \(name)")
    rowNames.insert(name)
    rows.append(Row(name: name, constraint: folded, terms: terms))
  }

  /// Sets the objective and its direction.
  public mutating func setObjective(_ expression: LinearExpression, sense: Sense) throws(ModelError) {
    let expression = expression.droppingRoundOff(floor: Self.smallestMagnitude, relative: Self.roundOff)
    let terms = SortedTerms(expression)
    try checkExpression(expression, terms: terms, in: "objective")
    objective = expression
    objectiveTerms = terms
    self.sense = sense
  }

  /// The LP relaxation: the same model with every variable continuous (binaries keep their
  /// bounds 0 and 1).
  public func relaxation() -> LinearModel {
    var copy = self
    for j in copy.columns.indices { copy.columns[j].kind = .continuous }
    return copy
  }

  /// Whether `values` (by variable index) satisfy every bound, row and integrality of the model,
  /// within a relative tolerance of 1e-9 for bounds and integrality and 1e-7 for rows.
  public func isFeasible(_ values: [Double]) -> Bool {
    guard values.count == columns.count else { return false }
    for (j, column) in columns.enumerated() {
      let value = values[j]
      guard value.isFinite else { return false }
      if column.kind != .continuous && abs(value - value.rounded()) > 1e-9 { return false }
      let tolerance = 1e-9 * max(1, abs(value))
      if let lower = column.lower, value < lower - tolerance { return false }
      if let upper = column.upper, value > upper + tolerance { return false }
    }
    for row in rows {
      let activity = row.terms.value(values)
      let tolerance = 1e-7 * max(1, abs(activity))
      if let lower = row.constraint.lower, activity < lower - tolerance { return false }
      if let upper = row.constraint.upper, activity > upper + tolerance { return false }
    }
    return true
  }

  /// The objective at `values` (by variable index), summed in column order: the same number as
  /// `objective.value { values[$0.index] }`, without sorting the terms again.
  public func objectiveValue(_ values: [Double]) -> Double {
    precondition(values.count == columns.count, "one value per column")
    return objectiveTerms.value(values, constant: objective.constant)
  }

  // MARK: Checks

  private static func checkName(_ name: String, of kind: String) throws(ModelError) {
    guard !name.isEmpty else { throw .emptyName(kind: kind) }
    guard name.utf8.count <= maximumNameLength else {
      throw .nameTooLong(kind: kind, name: name, length: name.utf8.count)
    }
    guard name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value != 127 }) else {
      throw .invalidName(kind: kind, name: name)
    }
  }

  private static func checkBounds(_ lower: Double?, _ upper: Double?, of what: String) throws(ModelError) {
    if let lower, lower.isNaN || lower == .infinity {
      throw .invalidNumber(what: "lower bound of \(what)", value: lower)
    }
    if let upper, upper.isNaN || upper == -.infinity {
      throw .invalidNumber(what: "upper bound of \(what)", value: upper)
    }
    if let lower, lower.isFinite, abs(lower) > largestMagnitude {
      throw .outOfRange(what: "lower bound of \(what)", value: lower)
    }
    if let upper, upper.isFinite, abs(upper) > largestMagnitude {
      throw .outOfRange(what: "upper bound of \(what)", value: upper)
    }
    if let lower, let upper, lower > upper {
      throw .inconsistentBounds(what: what, lower: lower, upper: upper)
    }
  }

  /// Whether a nonzero value lies within the range handed to GLPK.
  private static func inRange(_ value: Double) -> Bool {
    value == 0 || (abs(value) >= smallestMagnitude && abs(value) <= largestMagnitude)
  }

  private func checkVariable(_ variable: Variable, in context: String) throws(ModelError) {
    guard columns.indices.contains(variable.index) else {
      throw .unknownVariable(index: variable.index, context: context)
    }
  }

  private func checkExpression(
    _ expression: LinearExpression, terms: SortedTerms, in context: String
  ) throws(ModelError) {
    guard expression.constant.isFinite else {
      throw .invalidNumber(what: "constant term of the \(context)", value: expression.constant)
    }
    guard abs(expression.constant) <= Self.largestMagnitude else {
      throw .outOfRange(what: "constant term of the \(context)", value: expression.constant)
    }
    for (j, coefficient) in zip(terms.indices, terms.coefficients) {
      let variable = Variable(index: j)
      try checkVariable(variable, in: context)
      guard coefficient.isFinite else {
        throw .invalidNumber(
          what: "coefficient of \(columns[variable.index].name) in the \(context)", value: coefficient)
      }
      guard Self.inRange(coefficient) else {
        throw .outOfRange(
          what: "coefficient of \(columns[variable.index].name) in the \(context)", value: coefficient)
      }
    }
  }
}
