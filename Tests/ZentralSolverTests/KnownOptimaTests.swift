import Testing
import ZentralSolver

@Suite("Solving LPs and MIPs with known optima")
struct KnownOptimaTests {
  @Test("The Wyndor LP has optimum 43 at (2, 6) with duals (0, 1.5, 1) and reduced costs 0")
  func wyndorLP() throws {
    let result = try Solver.solve(TestModels.wyndor())
    #expect(result.termination == .optimal)
    #expect(result.hasSolution)
    #expect(abs(result.objective! - 43) < 1e-9)
    #expect(abs(result.values[0] - 2) < 1e-9)
    #expect(abs(result.values[1] - 6) < 1e-9)
    let duals = try #require(result.duals)
    #expect(zip(duals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 })
    let reduced = try #require(result.reducedCosts)
    #expect(reduced.allSatisfy { abs($0) < 1e-9 })
  }

  @Test("An infeasible LP is reported as infeasible, not thrown")
  func infeasibleLP() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x")
    try model.addConstraint(LinearExpression(x) >= 5, name: "low")
    try model.addConstraint(LinearExpression(x) <= 3, name: "high")
    try model.setObjective(LinearExpression(x), sense: .minimize)
    let result = try Solver.solve(model)
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
    #expect(result.objective == nil)
  }

  @Test("An unbounded LP is reported as unbounded")
  func unboundedLP() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x")
    try model.setObjective(LinearExpression(x), sense: .maximize)
    let result = try Solver.solve(model, options: SolveOptions(presolve: false))
    #expect(result.termination == .unbounded)
  }

  @Test("An infeasible MIP is reported as infeasible")
  func infeasibleMIP() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x", kind: .integer, lower: 0, upper: 10)
    try model.addConstraint(LinearConstraint.equal(2 * x, 3), name: "odd")
    try model.setObjective(LinearExpression(x), sense: .minimize)
    let result = try Solver.solve(model)
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
  }

  @Test("200 random knapsacks agree with brute-force enumeration over all 2^n choices")
  func knapsackBruteForce() throws {
    var generator = SeededGenerator(seed: 20_261_126)
    for _ in 0..<200 {
      let instance = TestModels.Knapsack.random(using: &generator)
      let (model, items) = try instance.model()
      let result = try Solver.solve(model)
      #expect(result.termination == .optimal)
      let expected = instance.bruteForce()
      #expect(abs(result.objective! - expected) < 1e-6, "knapsack \(instance)")
      // The reported choice is feasible and worth what the objective says.
      let chosen = items.indices.filter { result[items[$0]] > 0.5 }
      #expect(chosen.map { instance.weights[$0] }.reduce(0, +) <= instance.capacity + 1e-9)
      #expect(abs(chosen.map { instance.values[$0] }.reduce(0, +) - expected) < 1e-6)
    }
  }

  @Test("OR-Library cap41 (capacitated facility location) solves to its published optimum 1040444.375")
  func cap41() throws {
    let model = try TestModels.cap41()
    let result = try Solver.solve(model)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective! - 1_040_444.375) < 0.01)
    #expect(result.bestBound == result.objective)
    #expect(result.gap == 0)
  }

  @Test("GLPK's default options (no cuts) reach the same optimum as zentral's defaults")
  func defaultsAgree() throws {
    let model = try TestModels.facilityMIP(seed: 3)
    let tuned = try Solver.solve(model)
    let plain = try Solver.solve(model, options: .glpkDefaults)
    #expect(tuned.termination == .optimal)
    #expect(plain.termination == .optimal)
    #expect(abs(tuned.objective! - plain.objective!) < 1e-6)
  }

  @Test("Every branching and backtracking rule and cut family gives the same optimum")
  func optionsAgree() throws {
    let model = try TestModels.facilityMIP(seed: 11)
    let reference = try Solver.solve(model).objective!
    for branching in BranchingRule.allCases {
      for backtracking in BacktrackingRule.allCases {
        let options = SolveOptions(branching: branching, backtracking: backtracking)
        #expect(abs(try Solver.solve(model, options: options).objective! - reference) < 1e-6)
      }
    }
    for cut in CutFamily.allCases {
      let options = SolveOptions(
        cuts: [cut], preprocessing: .root, feasibilityPump: true, proximitySearch: true,
        proximitySearchTimeLimit: 1)
      #expect(abs(try Solver.solve(model, options: options).objective! - reference) < 1e-6)
    }
  }
}
