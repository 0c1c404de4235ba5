import Foundation
import Testing

@testable import ZentralSolver

/// Preparing a split and building its blocks is linear in the model (shared rows included), and a
/// block is built only when asked for.
@Suite("Splitting a model lazily, in linear time")
struct ModelSplitTests {
  /// `n` columns in `blocks` blocks (column `j` in block `j % blocks`) and one row over all of them.
  static func sharedRowModel(columns n: Int) throws -> LinearModel {
    var model = try LinearModel(name: "wide")
    var row = LinearExpression()
    for j in 0..<n {
      let x = try model.addVariable("x\(j)", lower: 0, upper: 1)
      row.add(1 + Double(j % 7), x)
    }
    try model.addConstraint(row <= LinearExpression(constant: Double(n)), name: "shared")
    try model.setObjective(row, sense: .maximize)
    return model
  }

  @Test("a shared row of 200,000 terms over 4 blocks: prepared and built in linear time (was quadratic)")
  func sharedRowIsLinear() throws {
    let n = 200_000
    let model = try Self.sharedRowModel(columns: n)
    let partition = (0..<n).map { $0 % 4 }
    let values = Array(repeating: 0.5, count: n)
    let started = ContinuousClock.now
    let split = try ModelSplit(model, partition: partition, count: 4, values: values, shareSlack: true)
    let blocks = try (0..<4).map { try split.block($0) }
    let elapsed = ContinuousClock.now - started
    for (b, block) in blocks.enumerated() {
      #expect(block.columns == split.columns(of: b))
      #expect(block.model.columns.count == n / 4)
      #expect(block.rows == [0])
      // The block's objective at its values plus the others' is the whole objective.
      #expect(
        abs(block.model.objectiveValue(block.restrict(values)) - model.objectiveValue(values))
          <= 1e-9 * abs(model.objectiveValue(values)))
    }
    // Linear: well under a second in a debug build; each term copied the block's part of the row
    // before (about 5e9 entries copied here).
    #expect(elapsed < .seconds(30), "\(elapsed)")
  }

  @Test("blocks are built on demand, in any order and on any thread, each the same")
  func onDemand() throws {
    let model = try Self.sharedRowModel(columns: 1_000)
    let partition = (0..<1_000).map { $0 % 3 }
    let values = Array(repeating: 0.25, count: 1_000)
    let split = try ModelSplit(model, partition: partition, count: 3, values: values, shareSlack: true)
    let eager = try ModelBlock.split(model, partition: partition, count: 3, values: values, shareSlack: true)
    let late = try split.block(2)
    let built = try DispatchQueue.global().sync { try split.block(0) }
    #expect(late.model == eager[2].model && late.columns == eager[2].columns)
    #expect(built.model == eager[0].model && built.rows == eager[0].rows)
    #expect(split.columns(of: 1) == eager[1].columns)
  }
}
