import Foundation
import Testing
import ZentralCore
import ZentralPlan

@Suite("Scenario loader: funding and re-planning keys")
struct ReplanningLoaderTests {
  @Test("funding, done, must_move with a year, task deadlines and tie_threshold decode into the model")
  func decodes() throws {
    let data = try FixtureFiles.data("valid", "replanning.yaml")
    let scenario = try ScenarioLoader.load(data: data, fileName: "replanning.yaml").scenario
    let policy = scenario.policy
    #expect(policy.mustMove == ["t1", "t2"])
    #expect(policy.mustMoveBy == ["t2": 2027])
    #expect(policy.deadlines == [Deadline(family: "g", year: 2028)])
    #expect(policy.taskDeadlines == [TaskDeadline(task: "t3", year: 2026)])
    #expect(policy.done == [DoneMove(task: "t1", provider: "it", year: 2025)])
    #expect(policy.tieThreshold == 2500)
    #expect(
      scenario.funding == [
        Funding(target: .task("t4"), share: 0.5, until: 2026),
        Funding(target: .unit("it"), share: 0.25, until: 2030),
      ])
    let plan = try Planner(scenario: scenario).plan()
    #expect(plan.status == .optimal)
    #expect(plan.tasks.map(\.reason.rule) == [.done, .mustMove, .deadline, .deadline])
    #expect(plan.tasks[0].year == 2025)
    #expect((plan.tasks[2].year ?? 9999) <= 2026)
    #expect(plan.funding?.programmes.count == 2)
  }

  @Test("a scenario without the new keys plans exactly as before: no funding entry, no close-call keys")
  func backwardCompatible() throws {
    let data = try FixtureFiles.data("valid", "every-key.yaml")
    let scenario = try ScenarioLoader.load(data: data, fileName: "every-key.yaml").scenario
    #expect(scenario.funding.isEmpty && scenario.policy.done.isEmpty && scenario.policy.mustMoveBy.isEmpty)
    let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(explain: false))
    #expect(plan.funding == nil)
    let json = String(decoding: try plan.jsonData(), as: UTF8.self)
    #expect(!json.contains("\"funding\"") && !json.contains("close_call"))
  }
}
