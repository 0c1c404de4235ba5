import Testing
import ZentralSolver

@Suite("Splitting a model into blocks, LP relaxation and the feasibility check")
struct ModelBlockTests {
  /// min 10 - 3a - 2b - 4c - 5d with a shared row a + b + c + d <= 2, a >= b in block 0 (a, b),
  /// c + d <= 1 in block 1 (c, d); all binary.
  static func model() throws -> (LinearModel, [Variable]) {
    var model = try LinearModel(name: "blocks")
    let a = try model.addVariable("a", kind: .binary)
    let b = try model.addVariable("b", kind: .binary)
    let c = try model.addVariable("c", kind: .binary)
    let d = try model.addVariable("d", kind: .binary)
    try model.addConstraint(a + (b + (c + LinearExpression(d))) <= 2, name: "shared")
    try model.addConstraint(a - LinearExpression(b) >= 0, name: "own0")
    try model.addConstraint(c + LinearExpression(d) <= 1, name: "own1")
    try model.setObjective(10 - 3 * a - 2 * b - 4 * c - 5 * d, sense: .minimize)
    return (model, [a, b, c, d])
  }

  @Test("a block's objective at its solution equals the whole objective at the merged solution")
  func objectiveAndRows() throws {
    let (model, _) = try Self.model()
    let values = [1.0, 0, 1, 0]
    let blocks = try ModelBlock.split(model, partition: [0, 0, 1, 1], count: 2, values: values)
    #expect(blocks.map(\.columns) == [[0, 1], [2, 3]])
    #expect(blocks[0].model.rows.map(\.name) == ["shared", "own0"])
    #expect(blocks[1].model.rows.map(\.name) == ["shared", "own1"])
    // The shared row leaves each block what the other uses: 2 - 1.
    #expect(blocks[0].model.rows[0].constraint.upper == 1)
    #expect(blocks[1].model.rows[0].constraint.upper == 1)
    for block in blocks {
      let result = try Solver.solve(block.model)
      #expect(result.termination == .optimal)
      let merged = block.merge(result.values, into: values)
      #expect(model.isFeasible(merged))
      #expect(abs((result.objective ?? 0) - model.objective.value { merged[$0.index] }) < 1e-9)
    }
    // Block 1 alone: d instead of c saves 1 more.
    let second = try Solver.solve(blocks[1].model)
    #expect(abs((second.objective ?? 0) - 2) < 1e-9)
    #expect(blocks[1].restrict([1, 0, 1, 0]) == [1, 0])
  }

  @Test("with shared slack, blocks solved on their own fit together")
  func sharedSlack() throws {
    let (model, _) = try Self.model()
    // At the LP point (0.5, 0.5, 0.5, 0) the shared row has slack 0.5: each block may use half.
    let point = [0.5, 0.5, 0.5, 0]
    let blocks = try ModelBlock.split(
      model, partition: [0, 0, 1, 1], count: 2, values: point, shareSlack: true)
    #expect(abs((blocks[0].model.rows[0].constraint.upper ?? 0) - 1.25) < 1e-12)
    #expect(abs((blocks[1].model.rows[0].constraint.upper ?? 0) - 0.75) < 1e-12)
    var merged = point
    for block in blocks {
      let result = try Solver.solve(block.model)
      #expect(result.hasSolution)
      merged = block.merge(result.values, into: merged)
    }
    #expect(model.isFeasible(merged))
    // Without sharing, both blocks would take the slack: a = 1 and d = 1 plus b = 1 break the row.
    let greedy = try ModelBlock.split(model, partition: [0, 0, 1, 1], count: 2, values: [0, 0, 0, 0])
    var both = [0.0, 0, 0, 0]
    for block in greedy { both = block.merge(try Solver.solve(block.model).values, into: both) }
    #expect(both == [1, 1, 0, 1])
    #expect(!model.isFeasible(both))
  }

  @Test("columns outside every block stay fixed; a block without columns is empty")
  func fixedColumns() throws {
    let (model, _) = try Self.model()
    let blocks = try ModelBlock.split(model, partition: [0, -1, 0, 2], count: 3, values: [0, 1, 0, 0])
    #expect(blocks[0].columns == [0, 2])
    #expect(blocks[1].columns.isEmpty && blocks[1].model.rows.isEmpty)
    // b is fixed at 1: a >= b forces a = 1 in block 0 (the row is broken at the given values).
    #expect(blocks[0].model.rows.first { $0.name == "own0" }?.constraint.lower == 1)
    let result = try Solver.solve(blocks[0].model)
    #expect(result.values.first == 1)
    let shared = try ModelBlock.split(
      model, partition: [0, -1, 0, 2], count: 3, values: [0, 1, 0, 0], shareSlack: true)
    #expect(shared[0].model.rows.first { $0.name == "own0" }?.constraint.lower == 1)
  }

  @Test("omitted rows are in no block; shared rows can be dropped")
  func omittedRows() throws {
    let (model, _) = try Self.model()
    let blocks = try ModelBlock.split(
      model, partition: [0, 0, 1, 1], count: 2, values: [0, 0, 0, 0], omitting: [1])
    #expect(blocks[0].model.rows.map(\.name) == ["shared"])
    #expect(blocks[0].rows == [0] && blocks[1].rows == [0, 2])
    let own = try ModelBlock.split(
      model, partition: [0, 0, 1, 1], count: 2, values: [0, 0, 0, 0], dropSharedRows: true)
    #expect(own[0].model.rows.map(\.name) == ["own0"] && own[1].model.rows.map(\.name) == ["own1"])
  }

  @Test("a partition or value vector that does not fit the model is refused")
  func invalidPartition() throws {
    let (model, _) = try Self.model()
    #expect(throws: ModelError.invalidPartition(columns: 4, partition: 3, values: 4)) {
      try ModelBlock.split(model, partition: [0, 0, 1], count: 2, values: [0, 0, 0, 0])
    }
    #expect(throws: ModelError.invalidPartition(columns: 4, partition: 4, values: 4)) {
      try ModelBlock.split(model, partition: [0, 0, 1, 2], count: 2, values: [0, 0, 0, 0])
    }
    #expect(throws: ModelError.self) {
      try ModelBlock.split(model, partition: [0, 0, 1, 1], count: 2, values: [0, .nan, 0, 0])
    }
  }

  @Test("the LP relaxation is continuous and bounds the MIP")
  func relaxation() throws {
    let (model, _) = try Self.model()
    let relaxed = model.relaxation()
    #expect(model.isMIP && !relaxed.isMIP)
    let lp = try Solver.solve(relaxed)
    let mip = try Solver.solve(model)
    #expect(lp.termination == .optimal && mip.termination == .optimal)
    #expect((lp.objective ?? 0) <= (mip.objective ?? 0) + 1e-9)
    #expect(abs((mip.objective ?? 0) - 2) < 1e-9)
  }

  @Test("the feasibility check sees bounds, rows and integrality")
  func feasibility() throws {
    let (model, _) = try Self.model()
    #expect(model.isFeasible([1, 0, 0, 1]))
    #expect(!model.isFeasible([1, 1, 0, 1]))  // shared row: 3 > 2
    #expect(!model.isFeasible([0, 1, 0, 0]))  // a >= b
    #expect(!model.isFeasible([0.5, 0, 0, 0]))  // integrality
    #expect(!model.isFeasible([2, 0, 0, 0]))  // bound
    #expect(!model.isFeasible([1, 0, 0]))  // length
    #expect(!model.isFeasible([.infinity, 0, 0, 0]))
  }
}
