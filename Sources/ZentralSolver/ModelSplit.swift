/// A ``LinearModel`` prepared for splitting into ``ModelBlock``s, each block built only when it
/// is asked for.
///
/// Preparing reads every row once and sorts its terms by block: time and memory linear in the
/// model's nonzeros. ``block(_:)`` then builds one block in time linear in that block's size. So
/// a caller with a deadline builds each block right before it solves it and builds none once the
/// time is up, and several threads can build blocks at the same time. (Building every block up
/// front, with each row's parts collected in dictionaries that were copied on every term, took
/// 9-24 s on a 48,000-task city, none of it bounded by the time limit.)
///
/// The blocks are the ones ``ModelBlock/split(_:partition:count:values:shareSlack:dropSharedRows:omitting:)``
/// describes.
public struct ModelSplit: Sendable {
  /// One row's part in one block: the row, the activity of the block's own columns at the given
  /// values, and where the block's terms of that row lie in the block's term arrays.
  private struct Part: Sendable {
    var row: Int
    var activity: Double
    var terms: Range<Int>
  }

  /// The number of blocks.
  public let count: Int
  private let full: LinearModel
  private let shareSlack: Bool
  /// The columns of each block (indices of the full model, ascending).
  private let columnsOfBlock: [[Int]]
  /// Each column's index within its block (-1 for a fixed column).
  private let local: [Int]
  /// The rows each block touches, in row order.
  private let parts: [[Part]]
  /// Each block's terms of its rows: local column index and coefficient.
  private let termColumns: [[Int]]
  private let termCoefficients: [[Double]]
  /// Each row's activity at the given values, and the number of blocks it touches.
  private let totals: [Double]
  private let blocksTouching: [Int]
  /// Each block's objective constant: the full constant plus every other column at its value.
  private let objectiveConstants: [Double]
  /// Each block's objective terms: local column index and coefficient.
  private let objectiveOfBlock: [[(column: Int, coefficient: Double)]]

  /// Prepares the split of `full`; the parameters are those of
  /// ``ModelBlock/split(_:partition:count:values:shareSlack:dropSharedRows:omitting:)``.
  ///
  /// - Throws: ``ModelError`` if `partition` or `values` do not match `full`.
  public init(
    _ full: LinearModel, partition: [Int], count: Int, values: [Double], shareSlack: Bool = false,
    dropSharedRows: Bool = false, omitting omitted: Set<Int> = []
  ) throws(ModelError) {
    guard partition.count == full.columns.count, values.count == full.columns.count, count >= 0,
      partition.allSatisfy({ $0 < count })
    else {
      throw .invalidPartition(columns: full.columns.count, partition: partition.count, values: values.count)
    }
    for (j, value) in values.enumerated() where !value.isFinite {
      throw .invalidNumber(what: "fixed value of \(full.columns[j].name)", value: value)
    }
    self.count = count
    self.full = full
    self.shareSlack = shareSlack

    var columnsOfBlock: [[Int]] = Array(repeating: [], count: count)
    var local = Array(repeating: -1, count: full.columns.count)
    for (j, b) in partition.enumerated() where b >= 0 {
      local[j] = columnsOfBlock[b].count
      columnsOfBlock[b].append(j)
    }

    var parts: [[Part]] = Array(repeating: [], count: count)
    var termColumns: [[Int]] = Array(repeating: [], count: count)
    var termCoefficients: [[Double]] = Array(repeating: [], count: count)
    var totals = Array(repeating: 0.0, count: full.rows.count)
    var blocksTouching = Array(repeating: 0, count: full.rows.count)
    // Scratch per block, reset for every row through the list of blocks the row touched.
    var activity = Array(repeating: 0.0, count: count)
    var start = Array(repeating: 0, count: count)
    var seen = Array(repeating: false, count: count)
    var touched: [Int] = []
    for (i, row) in full.rows.enumerated() where !omitted.contains(i) {
      let terms = row.terms
      var total = 0.0
      touched.removeAll(keepingCapacity: true)
      // One pass over the row: each term goes to its block's arrays, so a block's terms of one
      // row lie together.
      for (j, coefficient) in zip(terms.indices, terms.coefficients) {
        let contribution = coefficient * values[j]
        total += contribution
        let b = partition[j]
        guard b >= 0 else { continue }
        if !seen[b] {
          seen[b] = true
          activity[b] = 0
          start[b] = termColumns[b].count
          touched.append(b)
        }
        activity[b] += contribution
        termColumns[b].append(local[j])
        termCoefficients[b].append(coefficient)
      }
      totals[i] = total
      blocksTouching[i] = touched.count
      let dropped = dropSharedRows && touched.count > 1
      for b in touched {
        seen[b] = false
        if dropped {
          termColumns[b].removeSubrange(start[b]...)
          termCoefficients[b].removeSubrange(start[b]...)
        } else {
          parts[b].append(Part(row: i, activity: activity[b], terms: start[b]..<termColumns[b].count))
        }
      }
    }

    // Objective: each block's constant holds every column outside it at its value, summed per
    // block and then over the other blocks (no subtraction that could cancel digits).
    var contribution = Array(repeating: 0.0, count: count + 1)
    var objectiveOfBlock: [[(column: Int, coefficient: Double)]] = Array(repeating: [], count: count)
    let objectiveTerms = full.objectiveTerms
    for (j, coefficient) in zip(objectiveTerms.indices, objectiveTerms.coefficients) {
      let b = partition[j]
      contribution[b >= 0 ? b : count] += coefficient * values[j]
      if b >= 0 { objectiveOfBlock[b].append((local[j], coefficient)) }
    }
    var constants: [Double] = []
    for b in 0..<count {
      var constant = full.objective.constant + contribution[count]
      for other in 0..<count where other != b { constant += contribution[other] }
      constants.append(constant)
    }

    self.columnsOfBlock = columnsOfBlock
    self.local = local
    self.parts = parts
    self.termColumns = termColumns
    self.termCoefficients = termCoefficients
    self.totals = totals
    self.blocksTouching = blocksTouching
    self.objectiveConstants = constants
    self.objectiveOfBlock = objectiveOfBlock
  }

  /// The columns of block `b` (indices of the full model, ascending); empty for a block without
  /// columns, which needs no solve.
  public func columns(of b: Int) -> [Int] { columnsOfBlock[b] }

  /// Builds block `b` (`0..<count`).
  ///
  /// - Throws: ``ModelError`` if a bound of the block is out of the range handed to GLPK.
  public func block(_ b: Int) throws(ModelError) -> ModelBlock {
    precondition((0..<count).contains(b), "block \(b) of \(count)")
    var model = try LinearModel(name: "\(full.name)_\(b + 1)")
    for j in columnsOfBlock[b] {
      let column = full.columns[j]
      try model.addVariable(column.name, kind: column.kind, lower: column.lower, upper: column.upper)
    }
    var rows: [Int] = []
    rows.reserveCapacity(parts[b].count)
    let columns = termColumns[b]
    let coefficients = termCoefficients[b]
    for part in parts[b] {
      let row = full.rows[part.row]
      var terms: [Variable: Double] = [:]
      terms.reserveCapacity(part.terms.count)
      for t in part.terms { terms[Variable(index: columns[t])] = coefficients[t] }
      let total = totals[part.row]
      let share = shareSlack ? 1 / Double(max(blocksTouching[part.row], 1)) : 1
      // Bounds for the block's own part: what the others leave, minus the slack given away
      // (a row broken at the values leaves no slack to share: the block must repair all of it).
      let lower = row.constraint.lower.map { part.activity - Self.part(of: total - $0, share: share) }
      let upper = row.constraint.upper.map { part.activity + Self.part(of: $0 - total, share: share) }
      let adjusted = Self.ordered(lower, upper)
      try model.addConstraint(
        LinearConstraint(LinearExpression(terms: terms), lower: adjusted.lower, upper: adjusted.upper),
        name: row.name)
      rows.append(part.row)
    }
    var objective: [Variable: Double] = [:]
    objective.reserveCapacity(objectiveOfBlock[b].count)
    for (column, coefficient) in objectiveOfBlock[b] { objective[Variable(index: column)] = coefficient }
    try model.setObjective(
      LinearExpression(terms: objective, constant: objectiveConstants[b]), sense: full.sense)
    return ModelBlock(model: model, columns: columnsOfBlock[b], rows: rows)
  }

  /// The block's part of a row's slack: `share` of it, or all of a negative slack.
  private static func part(of slack: Double, share: Double) -> Double {
    slack >= 0 ? share * slack : slack
  }

  /// Bounds that were equal up to rounding stay consistent (lower never above upper).
  private static func ordered(_ lower: Double?, _ upper: Double?) -> (lower: Double?, upper: Double?) {
    guard let lower, let upper, lower > upper else { return (lower, upper) }
    let middle = (lower + upper) / 2
    return (middle, middle)
  }
}
