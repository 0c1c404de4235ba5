import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Funding, decisions already carried out, must-move years, per-task deadlines and close calls:
/// each binds in a small scenario (the base case of ``PlanningPolicyTests``: departments `a` and
/// `b` at 80,000 EUR per FTE, central IT `it` at 70,000 EUR per FTE; `t1` 2 FTE at `a`, `t2` 1 FTE
/// at `b`), with the plan expected with and without it.
@Suite("Funding, re-planning and close calls bind")
struct PlanningReplanningTests {
  typealias P = PlanningPolicyTests

  /// Plans `scenario` after changing it, with explanations.
  static func plan(
    years: Int = 1, family: TaskFamily = P.family(), itCost: Double = 70_000, bCost: Double = 80_000,
    capacity: YearValues? = nil, explain: Bool = false, _ change: (inout Scenario) -> Void = { _ in }
  ) throws -> Plan {
    var scenario = PlanningFixtures.scenario(
      families: [family], tasks: [P.t1, P.t2], years: years, capacity: capacity)
    scenario.units[3].costPerFTE = itCost
    scenario.units[2].costPerFTE = bCost
    change(&scenario)
    return try PlanningFixtures.plan(scenario, explain: explain)
  }

  // MARK: Funding

  @Test("a funded task stays while the funding pays and moves once it ends (funding is bound to its unit)")
  func taskFunding() throws {
    #expect(P.decisions(try Self.plan(years: 3)) == ["t1: it@2025", "t2: it@2025"])
    // Half of t1's 160,000 EUR a year funded until 2026: at home the city pays 80,000, at IT 140,000.
    let plan = try Self.plan(years: 3) {
      $0.funding = [Funding(target: .task("t1"), share: 0.5, until: 2026)]
    }
    #expect(plan.status == .optimal)
    #expect(P.decisions(plan) == ["t1: it@2027", "t2: it@2025"])
    let funding = try #require(plan.funding)
    #expect(funding.years.map(\.plan) == [80_000, 80_000, 0])
    #expect(funding.years.map(\.baseline) == [80_000, 80_000, 0])
    #expect(funding.total == 160_000)
    #expect(funding.programmes == [.init(task: "t1", unit: nil, share: 0.5, until: 2026)])
    // Costs are net of funding: 2025 runs t1 at home (160,000 - 80,000) and t2 at IT (70,000).
    #expect(plan.waves[0].annualCost == 150_000)
    #expect(plan.waves[0].baselineAnnualCost == 240_000 - 80_000)
    #expect(plan.baseline == 3 * 240_000 - 160_000)
  }

  @Test("funding of a home unit keeps its tasks there; without it they move")
  func homeUnitFunding() throws {
    let plan = try Self.plan { $0.funding = [Funding(target: .unit("a"), share: 0.2, until: 2025)] }
    // t1: 160,000 - 20 % = 128,000 at home against 140,000 at IT.
    #expect(P.decisions(plan) == ["t1: stay", "t2: it@2025"])
    #expect(plan.funding?.total == 32_000)
  }

  @Test("funding of a provider's posts makes moving there worthwhile (Iserlohn's staff unit)")
  func providerFunding() throws {
    #expect(P.decisions(try Self.plan(itCost: 90_000)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(itCost: 90_000) {
      $0.funding = [Funding(target: .unit("it"), share: 0.5, until: 2025)]
    }
    #expect(P.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
    // 3 FTE at 90,000 EUR, half funded.
    #expect(plan.funding?.years.map(\.plan) == [135_000])
    #expect(plan.funding?.baselineTotal == 0)
    #expect(plan.npv == 135_000)
  }

  // MARK: Done decisions

  @Test(
    "a done move is fixed, its transition and the set-up of its centre are sunk, and the rest is re-planned")
  func doneMove() throws {
    let family = P.family(setup: 100_000, transition: 10_000)
    // 5,000 EUR saved per FTE and year: over 3 years not worth 100,000 set-up plus transitions.
    #expect(P.decisions(try Self.plan(years: 3, family: family, itCost: 75_000)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(years: 3, family: family, itCost: 75_000, explain: true) {
      $0.policy.done = [DoneMove(task: "t1", provider: "it", year: 2025)]
    }
    // With the centre running, t2 saves 15,000 over 3 years for 10,000 transition.
    #expect(P.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
    #expect(plan.tasks[0].reason.rule == .done)
    #expect(plan.tasks[0].reason.year == 2025)
    #expect(plan.tasks[1].reason.rule == .economic)
    #expect(plan.waves[0].setupCost == 0)
    #expect(plan.waves[0].transitionCost == 10_000)
    #expect(
      PlanWords(plan, language: .en).reason(of: plan.tasks[0])
        == "already done (2025); its one-off costs are sunk")
    #expect(PlanSummary.text(plan, language: .de).contains("bereits umgesetzt"))
  }

  // MARK: Per-task years

  @Test("a must-move year moves the task by then, not at the end of the horizon")
  func mustMoveYear() throws {
    var policy = Policy(mustMove: ["t1"])
    let late = try Self.plan(years: 3, itCost: 90_000) { $0.policy = policy }
    #expect(P.decisions(late) == ["t1: it@2027", "t2: stay"])
    policy.mustMoveBy = ["t1": 2026]
    let plan = try Self.plan(years: 3, itCost: 90_000) { $0.policy = policy }
    #expect(P.decisions(plan) == ["t1: it@2026", "t2: stay"])
    #expect(plan.tasks[0].reason == TaskReason(rule: .mustMove, year: 2026))
    #expect(PlanWords(plan, language: .de).reason(of: plan.tasks[0]) == "der Wechsel bis 2026 ist vorgegeben")
  }

  @Test("a task's own deadline moves it by then; its family's other tasks are free")
  func taskDeadline() throws {
    let plan = try Self.plan(years: 3, itCost: 90_000) {
      $0.policy.taskDeadlines = [TaskDeadline(task: "t2", year: 2025)]
    }
    #expect(P.decisions(plan) == ["t1: stay", "t2: it@2025"])
    var expected = TaskReason(rule: .deadline, year: 2025)
    expected.own = true
    #expect(plan.tasks[1].reason == expected)
    #expect(PlanWords(plan, language: .en).reason(of: plan.tasks[1]) == "deadline: the task moves by 2025")
  }

  // MARK: Close calls

  @Test("a move that saves less than the threshold is a close call with its alternative")
  func closeCallMoved() throws {
    // t2 saves 500 EUR a year at IT: below 1 % of its 70,500 EUR, so below the 1,000 EUR floor.
    let plan = try Self.plan(bCost: 70_500, explain: true)
    #expect(P.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
    #expect(plan.tasks[0].reason.closeCall == nil)
    #expect(plan.tasks[1].reason.flip == .init(money: 500, penalty: 0))
    #expect(plan.tasks[1].reason.closeCall == CloseCall(threshold: 1_000, alternative: .stay))
    #expect(
      PlanWords(plan, language: .en).closeCallLine(plan.tasks[1])
        == "ISMS: moves to IT unit in 2025 – alternative: staying; it costs only EUR 500 more (threshold EUR 1,000)"
    )
    #expect(PlanSummary.text(plan, language: .de).contains("knapp entschieden:"))
    // An explicit threshold below the flip: not a close call.
    let firm = try Self.plan(bCost: 70_500, explain: true) { $0.policy.tieThreshold = 400 }
    #expect(firm.tasks[1].reason.closeCall == nil)
  }

  @Test("a kept task whose move would cost little more is a close call naming the move")
  func closeCallKept() throws {
    let plan = try Self.plan(years: 2, bCost: 69_800, explain: true)
    #expect(P.decisions(plan) == ["t1: it@2025", "t2: stay"])
    #expect(plan.tasks[1].reason.flip == .init(money: 200, penalty: 0))
    #expect(
      plan.tasks[1].reason.closeCall
        == CloseCall(threshold: 1_000, alternative: .move, provider: "it", year: 2026))
    let close = try #require(plan.tasks[1].reason.closeCall)
    #expect(PlanWords(plan, language: .en).alternative(close) == "moving to IT unit in 2026")
  }

  // MARK: Infeasible combinations

  @Test("a done move beyond the provider's capacity is diagnosed as the two rules")
  func doneAgainstCapacity() throws {
    let plan = try Self.plan(capacity: YearValues(constant: 1)) {
      $0.policy.done = [DoneMove(task: "t1", provider: "it", year: 2025)]
    }
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        Conflict(rule: .done, provider: "it", task: "t1", year: 2025),
        Conflict(rule: .capacity, provider: "it", year: 2025, limit: 1),
      ])
    #expect(
      PlanWords(plan, language: .de).conflict(conflicts[0])
        == "die Aufgabe Firewall ist bereits 2025 an IT unit gewechselt (bereits umgesetzt)")
  }

  @Test("a done move outside the pilot unit before the pilot is diagnosed as pilot order and done")
  func doneAgainstPilot() throws {
    let plan = try Self.plan(years: 2) {
      $0.policy.pilots = [Pilot(family: "sec", unit: "a")]
      $0.policy.done = [DoneMove(task: "t2", provider: "it", year: 2025)]
    }
    #expect(plan.status == .infeasible)
    #expect(plan.diagnosis?.conflicts.map(\.rule) == [.done, .pilotOrder])
  }

  @Test("a per-task deadline against the change capacity is diagnosed with the task and its year")
  func taskDeadlineAgainstChange() throws {
    let plan = try Self.plan(years: 2) {
      $0.policy.maxMovedFTEPerWave = YearValues(constant: 2)
      $0.policy.taskDeadlines = [TaskDeadline(task: "t1", year: 2025), TaskDeadline(task: "t2", year: 2025)]
    }
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(conflicts.contains(Conflict(rule: .deadline, task: "t2", year: 2025)))
    #expect(conflicts.contains(Conflict(rule: .changeCapacity, year: 2025, limit: 2)))
    #expect(
      PlanWords(plan, language: .en).conflict(Conflict(rule: .deadline, task: "t2", year: 2025))
        == "task ISMS must move by 2025")
  }
}
