import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Scenarios without a feasible plan: each is diagnosed with the conflicting rules, in words.
@Suite("Infeasible scenarios are diagnosed in the planner's terms")
struct PlanningInfeasibleTests {
  static let family = TaskFamily(
    id: "sec", name: "IT security", providers: ["it"], transitionCostPerFTE: 10_000)
  static let tasks = [
    ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: 2),
    ITTask(id: "t2", name: "ISMS", family: "sec", unit: "b", fte: 1),
    ITTask(id: "t3", name: "Awareness", family: "sec", unit: "b", fte: 1),
  ]

  static func plan(_ policy: Policy, years: Int = 1, capacity: YearValues? = nil) throws -> Plan {
    let scenario = PlanningFixtures.scenario(
      families: [family], tasks: tasks, policy: policy, years: years, capacity: capacity)
    return try PlanningFixtures.plan(scenario)
  }

  @Test("capacity too small for the must-move tasks")
  func capacityTooSmall() throws {
    let plan = try Self.plan(
      Policy(mustMove: ["t1", "t2"]), years: 2, capacity: YearValues(byYear: [2026: 2]))
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .mustMove, task: "t1"), .init(rule: .mustMove, task: "t2"),
        .init(rule: .capacity, provider: "it", year: 2026, limit: 2),
      ])
    #expect(
      plan.diagnosis?.shortfall
        == .init(
          provider: "it", year: 2026, need: 3, limit: 2, families: ["sec"], mustMove: true, deadline: false))
    let en = PlanWords(plan, language: .en)
    #expect(
      en.diagnosis == "Must-move tasks of IT security need 3 FTE at IT unit in 2026, capacity there is 2 FTE."
    )
    #expect(en.conflict(conflicts[2]) == "capacity of IT unit in 2026 is 2 FTE")
    let de = PlanWords(plan)
    #expect(
      de.diagnosis
        == "Vorgegebene Wechsel in „IT security“ brauchen 2026 bei IT unit 3 VZÄ, die Kapazität dort beträgt 2 VZÄ."
    )
    #expect(de.conflict(conflicts[0]) == "für die Aufgabe Firewall ist der Wechsel vorgegeben")
    #expect(plan.tasks.isEmpty && plan.objective == nil)
  }

  @Test("budget too small for a must-move task in any wave")
  func budgetTooSmall() throws {
    let plan = try Self.plan(Policy(budget: YearValues(constant: 15_000), mustMove: ["t1"]), years: 2)
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .mustMove, task: "t1"), .init(rule: .budget, year: 2025, limit: 15_000),
        .init(rule: .budget, year: 2026, limit: 15_000),
      ])
    let en = PlanWords(plan, language: .en)
    #expect(en.diagnosis == "These rules cannot all hold.")
    #expect(
      conflicts.map(en.conflict) == [
        "task Firewall must move", "the one-time budget for 2025 is EUR 15,000",
        "the one-time budget for 2026 is EUR 15,000",
      ])
    #expect(PlanWords(plan).conflict(conflicts[1]) == "das Einmalbudget 2025 beträgt 15.000 €")
  }

  @Test("a pilot and a deadline in the first wave contradict each other")
  func pilotAgainstDeadline() throws {
    let policy = Policy(
      pilots: [Pilot(family: "sec", unit: "b")], deadlines: [Deadline(family: "sec", year: 2025)])
    let plan = try Self.plan(policy, years: 2)
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .deadline, family: "sec", year: 2025),
        .init(rule: .pilotOrder, family: "sec", units: ["b"]),
      ])
    #expect(
      conflicts.map(PlanWords(plan, language: .en).conflict) == [
        "every movable task of IT security must move by 2025",
        "IT security is piloted at Department B: tasks elsewhere move only in a wave after a pilot task has moved",
      ])
  }

  @Test("a retained organisation against a must-move list names the department")
  func retainedAgainstMustMove() throws {
    let policy = Policy(retained: RetainedOrganisation(minFTE: 1.5), mustMove: ["t2", "t3"])
    let plan = try Self.plan(policy)
    #expect(plan.status == .infeasible)
    // Either must-move task alone breaks the rule: the minimal conflict keeps the later one.
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .mustMove, task: "t3"), .init(rule: .retained, unit: "b", limit: 1.5, total: 2),
      ])
    #expect(
      PlanWords(plan, language: .en).conflict(conflicts[1])
        == "Department B keeps at least 1.5 FTE of its 2 FTE of IT work")
  }

  @Test("a flip that breaks a rule is explained by that rule")
  func flipBlockedByPilot() throws {
    // t1 would move in 2025, but the pilot at b keeps it until 2026; keeping t2 (the pilot) at
    // home would block t1 for good: its flip is priced, and t1's rule is economic.
    let scenario = PlanningFixtures.scenario(
      families: [Self.family], tasks: Array(Self.tasks.prefix(2)),
      policy: Policy(pilots: [Pilot(family: "sec", unit: "b")]),
      years: 1)
    let plan = try PlanningFixtures.plan(scenario)
    #expect(plan.status == .optimal)
    // In a one-year horizon nothing can follow the pilot: moving t1 is impossible.
    #expect(plan.tasks[0].decision == .stay)
    #expect(
      plan.tasks[0].reason
        == .init(rule: .infeasibleFlip, conflicts: [.init(rule: .pilotOrder, family: "sec", units: ["b"])]))
    #expect(
      PlanWords(plan, language: .en).reason(of: plan.tasks[0])
        == "Moving it in full is not possible: IT security is piloted at Department B: "
        + "tasks elsewhere move only in a wave after a pilot task has moved")
    #expect(
      PlanWords(plan).reason(of: plan.tasks[0])
        == "Ein vollständiger Wechsel ist nicht zulässig: „IT security“ wird bei Department B pilotiert: andere "
        + "Einheiten wechseln erst in einer Welle nach dem ersten Pilotwechsel")
  }
}

/// The deletion filter on random infeasible scenarios: what it returns is a conflict (infeasible
/// on its own) and irreducible (dropping any one rule of it makes a plan possible).
@Suite("Infeasibility diagnosis on random scenarios")
struct PlanningDiagnosisPropertyTests {
  static func feasible(_ facts: ScenarioFacts, relaxing relaxed: Set<RuleGroup>) throws -> Bool {
    let model = try CentralisationModel(facts: facts, relaxing: relaxed, feasibilityOnly: true)
    return try Solver.solve(model.model).hasSolution
  }

  @Test("conflicts are infeasible and irreducible on 40 random infeasible scenarios")
  func irreducible() throws {
    var generator = PlanningScenarioGenerator(seed: 7_919)
    var checked = 0
    var attempts = 0
    while checked < 40 && attempts < 2_000 {
      attempts += 1
      let (scenario, _) = generator.next(allowDivisible: attempts % 3 == 0)
      let facts = ScenarioFacts(scenario)
      let diagnosis = InfeasibilityDiagnosis(facts: facts, options: SolveOptions())
      guard let conflict = try diagnosis.conflict() else { continue }
      checked += 1
      let all = Set(try CentralisationModel(facts: facts).groups)
      let others = all.subtracting(conflict)
      #expect(try !Self.feasible(facts, relaxing: others), "conflict \(conflict) is feasible on its own")
      for group in conflict {
        #expect(
          try Self.feasible(facts, relaxing: others.union([group])), "\(group) is not needed in \(conflict)")
      }
      #expect(diagnosis.diagnosis(conflict).conflicts.count == conflict.count)
    }
    #expect(checked == 40)
  }
}
