import Testing
import ZentralSolver

@Suite("Cover cuts on a problem that preprocessing empties")
struct CoverCutGuardTests {
  /// A knapsack row that fixes every binary at 0 in preprocessing but stays as a row: GLPK 5.0's
  /// cover-cut generator then gets a problem without columns and aborts unless the wrapper
  /// switches cover cuts off for it.
  @Test("A MIP whose preprocessing removes every column solves with all cuts on")
  func emptiedByPreprocessing() throws {
    var model = try LinearModel(name: "emptied")
    let x1 = try model.addVariable("x1", kind: .binary)
    let x2 = try model.addVariable("x2", kind: .binary)
    let y = try model.addVariable("y", kind: .binary)
    let e = try model.addVariable("e", lower: 0)
    try model.addConstraint(LinearExpression(x1) - LinearExpression(y) <= 0, name: "open1")
    try model.addConstraint(LinearExpression(x2) - LinearExpression(y) <= 0, name: "open2")
    try model.addConstraint(e - (3 * x2 + 1 * x1) >= 0, name: "scale")
    try model.addConstraint(e - 3 * y >= 0, name: "mass")
    try model.addConstraint(45_000 * y + 52_500 * x2 + 17_500 * x1 <= 10_000, name: "budget")
    try model.setObjective(
      -62_500 * x1 - 187_500 * x2 + 50_000 * y + 45_000 * e + LinearExpression(constant: 360_000),
      sense: .minimize)
    let result = try Solver.solve(model, options: SolveOptions(cuts: Set(CutFamily.allCases)))
    #expect(result.termination == .optimal)
    #expect(result.objective == 360_000)
    #expect(result[y] == 0)
  }
}
