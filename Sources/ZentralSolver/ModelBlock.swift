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

  /// Creates a block from its parts (``ModelSplit/block(_:)`` builds them).
  init(model: LinearModel, columns: [Int], rows: [Int]) {
    self.model = model
    self.columns = columns
    self.rows = rows
  }

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
    let split = try ModelSplit(
      full, partition: partition, count: count, values: values, shareSlack: shareSlack,
      dropSharedRows: dropSharedRows, omitting: omitted)
    var blocks: [ModelBlock] = []
    for b in 0..<count { blocks.append(try split.block(b)) }
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
}
