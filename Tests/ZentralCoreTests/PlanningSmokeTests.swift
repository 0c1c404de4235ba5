import Testing
import ZentralSolver

@testable import ZentralCore

@Suite("Planning smoke")
struct PlanningSmokeTests {
  @Test("a cheaper centre takes the task over and the plan explains it")
  func cheaperCentre() throws {
    let family = TaskFamily(id: "sec", name: "IT security", providers: ["it"], transitionCostPerFTE: 10_000)
    let tasks = [
      ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: 2),
      ITTask(id: "t2", name: "ISMS", family: "sec", unit: "b", fte: 1, dedicated: true, reason: "law"),
    ]
    let scenario = PlanningFixtures.scenario(families: [family], tasks: tasks, years: 2)
    let plan = try PlanningFixtures.plan(scenario)
    let json = String(decoding: try plan.jsonData(), as: UTF8.self)
    print(json)
    #expect(plan.status == .optimal)
    #expect(plan.tasks[0].decision == "move")
  }
}
