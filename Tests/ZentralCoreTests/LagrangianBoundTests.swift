import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The Lagrangian bound over the shared rows (``LagrangianBound``): never above the optimum,
/// at least the LP bound when started from the LP duals, and the decomposition reports a gap
/// against valid bounds only.
@Suite("Lagrangian bound")
struct LagrangianBoundTests {
  /// The LP relaxation of `model` (with its duals) and the Lagrangian bound started from them.
  static func relaxations(
    of model: CentralisationModel
  ) throws -> (lp: SolveResult, lagrangian: LagrangianBound?) {
    let lp = try Solver.solve(model.model.relaxation())
    let (partition, count) = FamilyDecomposition.partition(of: model)
    return (lp, LagrangianBound(model.model, partition: partition, count: count, duals: lp.duals))
  }

  @Test(
    "never above the brute-force optimum, never below the LP bound, on 360 random scenarios (also from zero multipliers)"
  )
  func againstBruteForce() throws {
    var generator = PlanningScenarioGenerator(seed: 20_261_202)
    var failures: [String] = []
    var compared = 0
    var withShared = 0
    var aboveLP = 0
    var fromZero = 0
    for index in 1...360 {
      var (scenario, _) = generator.next(allowDivisible: false)
      if index % 3 != 0 {
        for t in scenario.tasks.indices { scenario.tasks[t].separateFrom = [] }
      }
      guard let optimum = PlanningOracle(scenario).bruteForce() else { continue }
      let planner = try Planner(scenario: scenario, decomposition: .always)
      let (lp, prepared) = try Self.relaxations(of: planner.model)
      guard var lagrangian = prepared, let lpBound = lp.objective else {
        failures.append("#\(index): no Lagrangian relaxation (LP \(lp.termination))")
        continue
      }
      compared += 1
      if !lagrangian.shared.isEmpty { withShared += 1 }
      let tolerance = 1e-6 * max(1, abs(optimum))
      for round in 1...6 {
        let evaluation = lagrangian.round(
          options: SolveOptions(), threads: 1, deadline: nil, target: optimum)
        guard let value = evaluation.value else {
          failures.append("#\(index) round \(round): no value")
          break
        }
        if value > optimum + tolerance {
          failures.append("#\(index) round \(round): Lagrangian value \(value) above the optimum \(optimum)")
        }
        if round == 1 && value < lpBound - 10 * tolerance {
          failures.append("#\(index): first value \(value) (from the LP duals) below the LP bound \(lpBound)")
        }
      }
      if let best = lagrangian.best, best > lpBound + tolerance { aboveLP += 1 }
      // From zero multipliers (the decomposition's start when the whole LP does not fit in the
      // time): every value is a bound too.
      if index % 2 == 0 {
        let (partition, count) = FamilyDecomposition.partition(of: planner.model)
        var zero = try #require(
          LagrangianBound(planner.model.model, partition: partition, count: count, duals: nil))
        for round in 1...4 {
          let evaluation = zero.round(options: SolveOptions(), threads: 1, deadline: nil, target: optimum)
          guard let value = evaluation.value else { break }
          fromZero += 1
          if value > optimum + tolerance {
            failures.append("#\(index) round \(round) from zero: value \(value) above the optimum \(optimum)")
          }
        }
      }
    }
    print("Lagrangian: \(compared) compared, \(withShared) with shared rows, \(aboveLP) above the LP bound")
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    #expect(compared >= 150)
    #expect(withShared >= 20)
    // Integral families lift the bound above the LP's on some of them.
    #expect(aboveLP >= 10)
    #expect(fromZero >= 200)
  }

  @Test("generated regions: between the LP bound and the one-MIP optimum")
  func generatedRegions() throws {
    for seed: UInt64 in [3, 5, 8] {
      let scenario = FamilyDecompositionTests.region(8, providers: 3, families: 4, waves: 3, seed: seed)
      let planner = try Planner(scenario: scenario, decomposition: .always)
      let exact = try Solver.solve(planner.model.model)
      #expect(exact.termination == .optimal)
      let optimum = try #require(exact.objective)
      let (lp, prepared) = try Self.relaxations(of: planner.model)
      var lagrangian = try #require(prepared)
      let lpBound = try #require(lp.objective)
      for _ in 1...8 {
        _ = lagrangian.round(options: SolveOptions(), threads: 2, deadline: nil, target: optimum)
      }
      let best = try #require(lagrangian.best)
      let tolerance = 1e-6 * abs(optimum)
      #expect(best <= optimum + tolerance, "seed \(seed): \(best) above \(optimum)")
      #expect(best >= lpBound - 10 * tolerance, "seed \(seed): \(best) below the LP bound \(lpBound)")
    }
  }

  /// Two blocks, each `min -x` with `2 x <= 1` for a binary `x` (so `x = 0`; the LP takes
  /// `x = 1/2`), and a continuous `y` of the first block, coupled by the shared row
  /// `x1 + x2 + y <= 2`.
  static func twoBlocks() throws -> (LinearModel, [Int]) {
    var model = try LinearModel(name: "two")
    let x1 = try model.addVariable("x1", kind: .binary, lower: 0, upper: 1)
    let x2 = try model.addVariable("x2", kind: .binary, lower: 0, upper: 1)
    let y = try model.addVariable("y", kind: .continuous, lower: 0, upper: 1.5)
    try model.addConstraint(LinearConstraint(LinearExpression(terms: [x1: 2]), upper: 1), name: "own1")
    try model.addConstraint(LinearConstraint(LinearExpression(terms: [x2: 2]), upper: 1), name: "own2")
    try model.addConstraint(
      LinearConstraint(LinearExpression(terms: [x1: 1, x2: 1, y: 1]), upper: 2), name: "shared")
    try model.setObjective(LinearExpression(terms: [x1: -1, x2: -1, y: -1], constant: 10), sense: .minimize)
    return (model, [0, 1, 0])
  }

  @Test("integral blocks lift the bound above the LP to the optimum")
  func integralBlocks() throws {
    let (model, partition) = try Self.twoBlocks()
    let lp = try Solver.solve(model.relaxation())
    #expect(lp.objective.map { abs($0 - 8) < 1e-9 } == true)  // x = 1/2, 1/2, y = 1
    let exact = try Solver.solve(model)
    #expect(exact.objective.map { abs($0 - 8.5) < 1e-9 } == true)  // x = 0, 0, y = 1.5
    var lagrangian = try #require(LagrangianBound(model, partition: partition, count: 2, duals: lp.duals))
    #expect(lagrangian.shared == [2])
    let first = lagrangian.round(options: SolveOptions(), threads: 1, deadline: nil, target: 8.5)
    let value = try #require(first.value)
    #expect(value >= 8 - 1e-6)
    #expect(value <= 8.5 + 1e-6)
    for _ in 1...40 { _ = lagrangian.round(options: SolveOptions(), threads: 1, deadline: nil, target: 8.5) }
    let best = try #require(lagrangian.best)
    #expect(abs(best - 8.5) < 1e-5, "best \(best)")
  }

  @Test("a column outside every block joins an extra block; a maximisation model has no relaxation")
  func extraBlockAndSense() throws {
    let (model, _) = try Self.twoBlocks()
    let lagrangian = try #require(LagrangianBound(model, partition: [0, 1, -1], count: 2, duals: nil))
    #expect(lagrangian.blocks.count == 3)
    #expect(lagrangian.blocks[2].columns == [2])
    var maximise = model
    try maximise.setObjective(model.objective, sense: .maximize)
    #expect(LagrangianBound(maximise, partition: [0, 1, 0], count: 2, duals: nil) == nil)
    #expect(LagrangianBound(model, partition: [0, 1], count: 2, duals: nil) == nil)
  }

  @Test("the decomposition's gap is measured against a bound never above the optimum")
  func reportedGap() throws {
    let scenario = FamilyDecompositionTests.region(10, providers: 3, families: 5, waves: 3, seed: 5)
    let decomposed = try Planner(scenario: scenario, decomposition: .always).plan(
      options: FamilyDecompositionTests.options)
    let exact = try Planner(scenario: scenario, decomposition: .never).plan(
      options: FamilyDecompositionTests.options)
    let optimum = try #require(exact.objective)
    let objective = try #require(decomposed.objective)
    let bound = try #require(decomposed.bound)
    #expect(bound <= optimum + 1e-6 * optimum)
    let gap = try #require(decomposed.gap)
    #expect(abs(gap - (objective - bound) / objective) < 1e-6)
  }
}
