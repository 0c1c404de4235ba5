/// One block of a ``LinearModel`` whose columns are split into blocks: the block's columns stay
/// free, every other column is fixed at a given value and folded into the row bounds and the
/// objective constant.
///
/// This is the building step of a decomposition: the centralisation model separates by task
/// family apart from a few shared rows (capacity, budget, change capacity, retained
/// organisation), so each family can be solved on its own with the others held fixed.
///
/// The block's objective at a block solution equals the full objective at the merged solution,
/// and a block solution merged into the fixed values satisfies every row of the full model that
/// the block touches (rows it does not touch keep their activity). With `shareSlack`, a row
/// shared by several blocks gives each of them only an equal part of the slack it has at the given
/// values, so that block solutions found independently still fit together.
public struct ModelBlock: Sendable {
  /// The block as a model of its own (same column and row names as the full model).
  public let model: LinearModel
  /// For each column of ``model``, its index in the full model.
  public let columns: [Int]
  /// For each row of ``model``, its index in the full model.
  public let rows: [Int]

  /// Splits `full` into blocks.
  ///
  /// - Parameters:
  ///   - full: the model.
  ///   - partition: the block of each column of `full` (`0..<count`); a negative entry keeps that
  ///     column fixed in every block.
  ///   - count: the number of blocks.
  ///   - values: a value for every column of `full` (the fixed values, and for `shareSlack` the
  ///     point whose slack is shared).
  ///   - shareSlack: give each of the `n` blocks touching a row `1/n` of its slack at `values`
  ///     instead of all of it.
  ///   - dropSharedRows: leave out rows that touch more than one block (each block is then its
  ///     own part of the model with the shared rows relaxed, e.g. to assemble a starting basis).
  ///   - omitting: rows to leave out of every block (rows the caller knows to be implied).
  /// - Returns: the blocks, in order; a block without columns is an empty model.
  /// - Throws: ``ModelError`` if `partition` or `values` do not match `full`.
  public static func split(
    _ full: LinearModel, partition: [Int], count: Int, values: [Double], shareSlack: Bool = false,
    dropSharedRows: Bool = false, omitting omitted: Set<Int> = []
  ) throws(ModelError) -> [ModelBlock] {
    guard partition.count == full.columns.count, values.count == full.columns.count, count >= 0,
      partition.allSatisfy({ $0 < count })
    else {
      throw .invalidPartition(columns: full.columns.count, partition: partition.count, values: values.count)
    }
    for (j, value) in values.enumerated() where !value.isFinite {
      throw .invalidNumber(what: "fixed value of \(full.columns[j].name)", value: value)
    }
    var models: [LinearModel] = []
    var maps: [[Int]] = Array(repeating: [], count: count)
    var rowMaps: [[Int]] = Array(repeating: [], count: count)
    var local = Array(repeating: -1, count: full.columns.count)
    for b in 0..<count { models.append(try LinearModel(name: "\(full.name)_\(b + 1)")) }
    for (j, column) in full.columns.enumerated() where partition[j] >= 0 {
      let b = partition[j]
      local[j] = maps[b].count
      maps[b].append(j)
      try models[b].addVariable(column.name, kind: column.kind, lower: column.lower, upper: column.upper)
    }

    for (i, row) in full.rows.enumerated() where !omitted.contains(i) {
      let constraint = row.constraint
      var total = 0.0
      var own: [Int: (expression: LinearExpression, activity: Double)] = [:]
      for (variable, coefficient) in constraint.expression.terms {
        let j = variable.index
        let contribution = coefficient * values[j]
        total += contribution
        let b = partition[j]
        guard b >= 0 else { continue }
        var part = own[b] ?? (LinearExpression(), 0)
        part.expression.add(coefficient, Variable(index: local[j]))
        part.activity += contribution
        own[b] = part
      }
      if dropSharedRows && own.count > 1 { continue }
      let share = shareSlack ? 1 / Double(max(own.count, 1)) : 1
      for b in own.keys.sorted() {
        guard let part = own[b] else { continue }
        // Bounds for the block's own part: what the others leave, minus the slack given away
        // (a row broken at `values` leaves no slack to share: the block must repair all of it).
        let lower = constraint.lower.map { part.activity - Self.part(of: total - $0, share: share) }
        let upper = constraint.upper.map { part.activity + Self.part(of: $0 - total, share: share) }
        let adjusted = Self.ordered(lower, upper)
        try models[b].addConstraint(
          LinearConstraint(part.expression, lower: adjusted.lower, upper: adjusted.upper), name: row.name)
        rowMaps[b].append(i)
      }
    }

    var blocks: [ModelBlock] = []
    for b in 0..<count {
      var objective = LinearExpression(constant: full.objective.constant)
      for (variable, coefficient) in full.objective.terms {
        let j = variable.index
        if partition[j] == b {
          objective.add(coefficient, Variable(index: local[j]))
        } else {
          objective.constant += coefficient * values[j]
        }
      }
      try models[b].setObjective(objective, sense: full.sense)
      blocks.append(ModelBlock(model: models[b], columns: maps[b], rows: rowMaps[b]))
    }
    return blocks
  }

  /// `values` (of the full model) with this block's columns replaced by `blockValues`.
  public func merge(_ blockValues: [Double], into values: [Double]) -> [Double] {
    var merged = values
    for (local, j) in columns.enumerated() where local < blockValues.count { merged[j] = blockValues[local] }
    return merged
  }

  /// This block's part of `values` (of the full model).
  public func restrict(_ values: [Double]) -> [Double] {
    columns.map { values[$0] }
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
