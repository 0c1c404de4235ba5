import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The decomposition by task family (``FamilyDecomposition``): its plans are feasible, priced
/// right, never better than the optimum, and its bound is never above it.
@Suite("Decomposition by task family")
struct FamilyDecompositionTests {
  static let options = PlanningOptions(explain: false, diagnose: false)

  /// A small generated region.
  static func region(
    _ municipalities: Int, providers: Int, families: Int, waves: Int, seed: UInt64
  ) -> Scenario {
    ScenarioGenerator(
      shape: .region(municipalities: municipalities, providers: providers), families: families, waves: waves,
      seed: seed
    ).generate()
  }

  @Test("against brute force on 180 random scenarios: bound <= optimum <= plan, plan priced right")
  func againstBruteForce() throws {
    var generator = PlanningScenarioGenerator(seed: 20_261_126)
    var failures: [String] = []
    var planned = 0
    var atOptimum = 0
    var multiBlock = 0
    for index in 1...180 {
      var (scenario, _) = generator.next(allowDivisible: index % 4 == 0)
      // A separation joins its families in one block: kept in every third scenario only, so that
      // enough scenarios keep two blocks.
      if index % 3 != 0 {
        for t in scenario.tasks.indices { scenario.tasks[t].separateFrom = [] }
      }
      let hasDivisible = scenario.tasks.contains { $0.divisible }
      let oracle = PlanningOracle(scenario)
      let best = oracle.bruteForce()
      let planner = try Planner(scenario: scenario, decomposition: .always)
      if FamilyDecomposition.partition(of: planner.model).count >= 2 { multiBlock += 1 }
      let plan = try planner.plan(options: Self.options)
      let label = "scenario #\(index)"
      guard let objective = plan.objective else {
        // No plan: only when none exists.
        if !hasDivisible, let best {
          failures.append("\(label): no plan (\(plan.status)), brute force \(best)")
        }
        if plan.status != .infeasible { failures.append("\(label): no plan, status \(plan.status)") }
        continue
      }
      planned += 1
      let tolerance = 1e-6 * max(1, abs(objective))
      let (x, opening) = oracle.decision(of: plan)
      guard let replay = oracle.evaluate(x, opening: opening, tolerance: 1e-5) else {
        failures.append("\(label): oracle finds the decomposed plan infeasible")
        continue
      }
      if abs(replay - objective) > tolerance {
        failures.append("\(label): oracle prices the plan at \(replay), decomposition says \(objective)")
      }
      if !hasDivisible {
        guard let best else {
          failures.append("\(label): brute force finds no plan, decomposition \(objective)")
          continue
        }
        if objective < best - tolerance {
          failures.append("\(label): plan \(objective) below optimum \(best)")
        }
        if let bound = plan.bound, bound > best + tolerance {
          failures.append("\(label): bound \(bound) above optimum \(best)")
        }
        if abs(objective - best) <= tolerance { atOptimum += 1 }
      }
      if let gap = plan.gap, let bound = plan.bound {
        let measured = max(0, objective - bound) / abs(objective)
        if abs(gap - measured) > 1e-5 { failures.append("\(label): gap \(gap), measured \(measured)") }
      }
      if !plan.notes.contains(where: { $0.kind == .decomposed }) {
        failures.append("\(label): the plan does not say it was decomposed")
      }
      if plan.tasks.contains(where: { $0.reason.flip != nil || $0.reason.rule == .economic }) {
        failures.append("\(label): flip costs on a decomposed plan")
      }
    }
    print(
      "decomposition: \(planned) plans, \(atOptimum) at the brute-force optimum, \(multiBlock) with 2+ blocks"
    )
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    #expect(planned >= 100)
    #expect(multiBlock >= 50)
  }

  @Test("compact links give the same optimum as per-wave links on 240 random scenarios")
  func compactLinks() throws {
    var generator = PlanningScenarioGenerator(seed: 20_261_127)
    var compared = 0
    var failures: [String] = []
    for index in 1...240 {
      let (scenario, _) = generator.next(allowDivisible: index % 3 == 0)
      let facts = ScenarioFacts(scenario)
      let perWave = try CentralisationModel(facts: facts)
      let compact = try CentralisationModel(facts: facts, compactLinks: true)
      #expect(compact.model.columns == perWave.model.columns)
      let a = try Solver.solve(perWave.model)
      let b = try Solver.solve(compact.model)
      if a.termination != b.termination {
        failures.append("#\(index): \(a.termination) vs \(b.termination)")
        continue
      }
      guard let x = a.objective, let y = b.objective else { continue }
      compared += 1
      if abs(x - y) > 1e-6 * max(1, abs(x)) { failures.append("#\(index): \(x) vs \(y)") }
      // Each optimum is a feasible plan of the other form.
      if !perWave.model.isFeasible(b.values) {
        failures.append("#\(index): compact plan breaks a per-wave link")
      }
      if !compact.model.isFeasible(a.values) {
        failures.append("#\(index): per-wave plan breaks a compact link")
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    #expect(compared >= 120)
  }

  @Test("a generated region: decomposed plan within its proven gap of the one-MIP optimum")
  func generatedRegion() throws {
    let scenario = Self.region(10, providers: 3, families: 5, waves: 3, seed: 5)
    let decomposed = try Planner(scenario: scenario, decomposition: .always).plan(options: Self.options)
    let exact = try Planner(scenario: scenario, decomposition: .never).plan(options: Self.options)
    #expect(exact.status == .optimal)
    let optimum = try #require(exact.objective)
    let objective = try #require(decomposed.objective)
    let bound = try #require(decomposed.bound)
    #expect([.feasible, .optimal].contains(decomposed.status))
    #expect(bound <= optimum + 1e-6 * optimum)
    #expect(objective >= optimum - 1e-6 * optimum)
    #expect((decomposed.gap ?? 1) < 0.01)
  }

  @Test("families linked by a together group share a block; every column is in a block")
  func partition() throws {
    var scenario = Self.region(4, providers: 2, families: 4, waves: 2, seed: 3)
    let planner = try Planner(scenario: scenario)
    let (blocks, count) = FamilyDecomposition.partition(of: planner.model)
    #expect(count == 4)
    #expect(blocks.allSatisfy { $0 >= 0 && $0 < count })

    let first = try #require(scenario.tasks.first { $0.family == scenario.families[0].id })
    let other = try #require(
      scenario.tasks.first { $0.family == scenario.families[2].id && !$0.dedicated && $0.unit == first.unit }
        ?? scenario.tasks.first { $0.family == scenario.families[2].id && !$0.dedicated })
    scenario.policy.together.append([first.id, other.id])
    let linked = try Planner(scenario: scenario)
    let (linkedBlocks, linkedCount) = FamilyDecomposition.partition(of: linked.model)
    #expect(linkedCount == 3)
    let model = linked.model
    let a = try #require(model.moves[model.facts.taskIndex[first.id]!].first?.variable)
    let b = try #require(model.moves[model.facts.taskIndex[other.id]!].first?.variable)
    #expect(linkedBlocks[a.index] == linkedBlocks[b.index])
  }

  @Test("automatic decomposition only for large models; the decomposed plan says so")
  func automaticChoice() throws {
    let scenario = Self.region(4, providers: 2, families: 3, waves: 2, seed: 9)
    let planner = try Planner(scenario: scenario)
    #expect(planner.model.model.columns.count < Planner.decompositionThreshold)
    #expect(!planner.decomposes && !planner.model.compactLinks)
    let plan = try planner.plan(options: Self.options)
    #expect(plan.status == .optimal)
    #expect(plan.notes.isEmpty)
    let always = try Planner(scenario: scenario, decomposition: .always)
    #expect(always.decomposes && always.model.compactLinks)
    let decomposed = try always.plan(options: Self.options)
    #expect(decomposed.notes == [.init(kind: .decomposed, blocks: 3, bounded: decomposed.hasBound)])
    #expect(
      PlanWords(decomposed).note(decomposed.notes[0]).hasPrefix(
        "Gelöst nach Aufgabenbereichen zerlegt (3 Teilprobleme)"))
    #expect(decomposed.tasks.allSatisfy { $0.reason.rule != .notComputed || $0.reason.why == .decomposed })
  }
}
