import Testing
import ZentralSolver

@Suite("Starting a MIP from a known solution")
struct InitialSolutionTests {
  /// max sum v_i x_i subject to sum w_i x_i <= capacity, 24 binaries.
  static func knapsack() throws -> (LinearModel, [Variable]) {
    var model = try LinearModel(name: "knapsack")
    var xs: [Variable] = []
    var weight = LinearExpression()
    var value = LinearExpression()
    for i in 0..<24 {
      let x = try model.addVariable("x\(i)", kind: .binary)
      xs.append(x)
      weight.add(Double(37 + (i * 53) % 41), x)
      value.add(Double(29 + (i * 31) % 47), x)
    }
    try model.addConstraint(weight <= 400, name: "capacity")
    try model.setObjective(value + 7, sense: .maximize)
    return (model, xs)
  }

  @Test("a feasible start gives an incumbent at the first callback and the same optimum")
  func feasibleStart() throws {
    let (model, xs) = try Self.knapsack()
    let plain = try Solver.solve(model)
    var start = Array(repeating: 0.0, count: model.columns.count)
    start[xs[0].index] = 1
    let warm = try Solver.solve(model, options: SolveOptions(initialSolution: start))
    #expect(plain.termination == .optimal && warm.termination == .optimal)
    #expect(abs((warm.objective ?? 0) - (plain.objective ?? 1)) < 1e-9)

    // Stop as soon as there is an incumbent: the start (or better) is kept.
    let stopped = try Solver.solve(
      model, options: SolveOptions(initialSolution: start), progress: { $0.incumbent == nil })
    #expect(stopped.hasSolution)
    #expect((stopped.objective ?? 0) >= 7 + 29 - 1e-9)
  }

  @Test("a start that breaks a row or integrality is ignored")
  func infeasibleStart() throws {
    let (model, _) = try Self.knapsack()
    let plain = try Solver.solve(model)
    for start in [Array(repeating: 1.0, count: 24), Array(repeating: 0.5, count: 24), [1.0]] {
      let result = try Solver.solve(model, options: SolveOptions(initialSolution: start))
      #expect(result.termination == .optimal)
      #expect(result.objective == plain.objective)
    }
  }

  @Test("a search stopped before GLPK takes the start over still returns the checked start")
  func stoppedBeforeStartTaken() throws {
    let (model, xs) = try Self.knapsack()
    var start = Array(repeating: 0.0, count: model.columns.count)
    start[xs[0].index] = 1
    start[xs[1].index] = 1
    let signal = StopSignal()
    signal.raise()
    let result = try Solver.solve(model, options: SolveOptions(stopSignal: signal, initialSolution: start))
    #expect(result.termination == .stoppedByCaller)
    #expect(result.hasSolution)
    let objective = try #require(result.objective)
    // At least the start's value: 7 + 29 + (29 + 31).
    #expect(objective >= 7 + 29 + 60 - 1e-9)
    #expect(abs(result.value(of: model.objective) - objective) < 1e-9)

    // Without a start the same stop leaves no solution.
    let bare = try Solver.solve(model, options: SolveOptions(stopSignal: signal))
    #expect(bare.termination == .stoppedByCaller)
  }
}
