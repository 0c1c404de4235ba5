import Testing
import ZentralSolver

@Suite("Starting an LP from a basis")
struct BasisTests {
  @Test("an LP returns its optimal basis; starting from it gives the same optimum")
  func roundTrip() throws {
    let model = try TestModels.wyndor()
    let first = try Solver.solve(model)
    let basis = try #require(first.basis)
    #expect(basis.rows.count == 3 && basis.columns.count == 2)
    // At (2, 6): x and y are basic, plant1 has slack (basic), plant2 and plant3 are tight.
    #expect(basis.columns == [.basic, .basic])
    #expect(basis.rows == [.basic, .upper, .upper])
    let again = try Solver.solve(model, options: SolveOptions(initialBasis: basis))
    #expect(again.termination == .optimal)
    #expect(abs((again.objective ?? 0) - 43) < 1e-9)
    #expect(again.basis == basis)
  }

  @Test("a basis with the wrong number of basic variables or the wrong size is dropped")
  func invalidBasis() throws {
    let model = try TestModels.wyndor()
    let allBasic = Basis(rows: [.basic, .basic, .basic], columns: [.basic, .basic])
    let wrongCount = try Solver.solve(model, options: SolveOptions(initialBasis: allBasic))
    #expect(wrongCount.termination == .optimal && abs((wrongCount.objective ?? 0) - 43) < 1e-9)
    let wrongSize = Basis(rows: [.basic], columns: [.lower])
    let ignored = try Solver.solve(model, options: SolveOptions(initialBasis: wrongSize))
    #expect(ignored.termination == .optimal && abs((ignored.objective ?? 0) - 43) < 1e-9)
    // A status that does not fit a bound ("upper" for a column without one) is corrected by GLPK.
    let misfit = Basis(rows: [.basic, .basic, .basic], columns: [.upper, .upper])
    let corrected = try Solver.solve(model, options: SolveOptions(initialBasis: misfit))
    #expect(corrected.termination == .optimal && abs((corrected.objective ?? 0) - 43) < 1e-9)
  }

  @Test("a basis assembled from the blocks' own LPs starts the whole LP at the same optimum")
  func assembledFromBlocks() throws {
    var model = try LinearModel(name: "two")
    var shared = LinearExpression()
    var objective = LinearExpression()
    for b in 0..<2 {
      let u = try model.addVariable("u\(b)", upper: 3)
      let v = try model.addVariable("v\(b)", upper: 3)
      try model.addConstraint(u + LinearExpression(v) <= 4, name: "own\(b)")
      shared.add(1, u)
      shared.add(2, v)
      objective.add(-1 - Double(b), u)
      objective.add(-3, v)
    }
    try model.addConstraint(shared <= 9, name: "shared")
    try model.setObjective(objective, sense: .minimize)
    let partition = [0, 0, 1, 1]
    let blocks = try ModelBlock.split(
      model, partition: partition, count: 2, values: [0, 0, 0, 0], dropSharedRows: true)
    #expect(blocks.map(\.rows) == [[0], [1]])
    var basis = Basis(rows: Array(repeating: .basic, count: 3), columns: Array(repeating: .lower, count: 4))
    for block in blocks {
      let local = try #require(try Solver.solve(block.model).basis)
      for (i, status) in zip(block.rows, local.rows) { basis.rows[i] = status }
      for (j, status) in zip(block.columns, local.columns) { basis.columns[j] = status }
    }
    let cold = try Solver.solve(model)
    let warm = try Solver.solve(model, options: SolveOptions(initialBasis: basis))
    #expect(cold.termination == .optimal && warm.termination == .optimal)
    #expect(abs((cold.objective ?? 0) - (warm.objective ?? 1)) < 1e-9)
  }
}
