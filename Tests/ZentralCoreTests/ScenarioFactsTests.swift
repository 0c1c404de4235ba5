import Foundation
import Testing
import ZentralSolver

@testable import ZentralCore

/// The derived facts of a scenario (``ScenarioFacts``): computed once, and what the model, the
/// planner and the decomposition read agrees with the model that is built.
@Suite("Scenario facts")
struct ScenarioFactsTests {
  /// Tasks `a1`, `a2` (department a, family `sec`), `b1` (department b, family `net`), `c1`
  /// (department a, family `app`), all movable to `it`.
  static func scenario(policy: Policy) -> Scenario {
    PlanningFixtures.scenario(
      families: ["sec", "net", "app"].map { TaskFamily(id: $0, name: $0.uppercased(), providers: ["it"]) },
      tasks: [
        ITTask(id: "a1", name: "a1", family: "sec", unit: "a", fte: 1),
        ITTask(id: "a2", name: "a2", family: "sec", unit: "a", fte: 1),
        ITTask(id: "b1", name: "b1", family: "net", unit: "b", fte: 1),
        ITTask(id: "c1", name: "c1", family: "app", unit: "a", fte: 1),
      ],
      policy: policy, years: 3)
  }

  @Test("the column count from the facts equals the built model's, in both link forms")
  func columnCount() throws {
    var scenarios: [Scenario] = try PlanningSeedTests.seeds.map(PlanningSeedTests.load)
    var generator = PlanningScenarioGenerator(seed: 20_261_202)
    for index in 1...60 { scenarios.append(generator.next(allowDivisible: index % 3 == 0).0) }
    scenarios.append(FamilyDecompositionTests.region(6, providers: 2, families: 4, waves: 3, seed: 11))
    #expect(scenarios.count >= 64)
    for scenario in scenarios {
      let facts = ScenarioFacts(scenario)
      let count = CentralisationModel.columnCount(of: facts)
      #expect(try CentralisationModel(facts: facts).model.columns.count == count, "\(scenario.name)")
      #expect(
        try CentralisationModel(facts: facts, compactLinks: true).model.columns.count == count,
        "\(scenario.name)")
    }
  }

  @Test("a family's deadline year is the earliest listed; the model bounds its moves by it")
  func deadlineYear() throws {
    let policy = Policy(
      deadlines: [Deadline(family: "sec", year: 2027), Deadline(family: "sec", year: 2026)])
    let facts = ScenarioFacts(Self.scenario(policy: policy))
    #expect(facts.deadlineYear == ["sec": 2026])
    #expect(facts.hasDeadline(0) && !facts.hasDeadline(2))
    let model = try CentralisationModel(facts: facts)
    let late = try #require(model.moveVariable(task: "a1", provider: "it", year: 2027))
    let inTime = try #require(model.moveVariable(task: "a1", provider: "it", year: 2026))
    #expect(model.model.columns[late.index].upper == 0)
    #expect(model.model.columns[inTime.index].upper == 1)
  }

  @Test("together groups: at least two known tasks; a task belongs to the first group naming it")
  func togetherGroups() throws {
    let policy = Policy(together: [["a1", "ghost"], ["a1", "b1"], ["b1", "c1"]])
    let facts = ScenarioFacts(Self.scenario(policy: policy))
    #expect(facts.togetherGroups.map(\.index) == [1, 2])
    #expect(facts.togetherGroups.map(\.tasks) == [[0, 2], [2, 3]])
    #expect(facts.togetherGroupOfTask == [0: 1, 2: 1, 3: 2])
    let model = try CentralisationModel(facts: facts)
    #expect(model.groups.filter { $0.kind == "together" } == [.together(index: 1), .together(index: 2)])
  }

  @Test("blocks: families linked by a together group share one, numbered in family order")
  func blocks() throws {
    let unlinked = ScenarioFacts(Self.scenario(policy: Policy()))
    #expect(unlinked.blockOfFamily == ["sec": 0, "net": 1, "app": 2])
    #expect(unlinked.blockCount == 3)
    let linked = ScenarioFacts(Self.scenario(policy: Policy(together: [["c1", "a1"]])))
    #expect(linked.blockOfFamily == ["sec": 0, "net": 1, "app": 0])
    #expect(linked.blockCount == 2)
    let planner = try Planner(scenario: Self.scenario(policy: Policy(together: [["c1", "a1"]])))
    #expect(!planner.decomposes && planner.blocks == 0)
    let always = try Planner(
      scenario: Self.scenario(policy: Policy(together: [["c1", "a1"]])), decomposition: .always)
    #expect(always.decomposes && always.blocks == 2 && always.model.compactLinks)
    #expect(FamilyDecomposition.partition(of: always.model).count == 2)
  }
}
