import Testing
import ZentralSolver

@Suite("A plan kept aside (SolveOptions.fallbackSolution)")
struct FallbackSolutionTests {
  @Test("kept aside, the plan changes no optimum: the search ends with GLPK's proof")
  func sameOptimum() throws {
    let (model, xs) = try InitialSolutionTests.knapsack()
    let plain = try Solver.solve(model)
    var kept = Array(repeating: 0.0, count: model.columns.count)
    kept[xs[0].index] = 1
    let result = try Solver.solve(model, options: SolveOptions(fallbackSolution: kept))
    #expect(plain.termination == .optimal && result.termination == .optimal)
    #expect(abs((result.objective ?? 0) - (plain.objective ?? 1)) < 1e-9)
    #expect(model.isFeasible(result.values))
  }

  @Test("a search stopped before it found a plan returns the plan kept aside")
  func stoppedBeforeAnyPlan() throws {
    let (model, xs) = try InitialSolutionTests.knapsack()
    var kept = Array(repeating: 0.0, count: model.columns.count)
    kept[xs[0].index] = 1
    kept[xs[1].index] = 1
    let signal = StopSignal()
    signal.raise()
    let result = try Solver.solve(model, options: SolveOptions(stopSignal: signal, fallbackSolution: kept))
    #expect(result.termination == .stoppedByCaller)
    #expect(result.hasSolution)
    #expect(result.values == kept)
    #expect(abs((result.objective ?? 0) - model.objectiveValue(kept)) < 1e-9)
  }

  @Test("a plan kept aside that breaks a row is never returned")
  func brokenPlanIgnored() throws {
    let (model, _) = try InitialSolutionTests.knapsack()
    let signal = StopSignal()
    signal.raise()
    let everything = Array(repeating: 1.0, count: model.columns.count)
    let result = try Solver.solve(
      model, options: SolveOptions(stopSignal: signal, fallbackSolution: everything))
    #expect(result.termination == .stoppedByCaller)
    #expect(!result.hasSolution || model.isFeasible(result.values))
  }
}
