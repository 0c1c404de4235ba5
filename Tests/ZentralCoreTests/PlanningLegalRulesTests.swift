import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The rules of law and organisation, each where it changes the plan: a provider's legal form and
/// confidential tasks, the separation of duties, retained roles; and conflicts of these rules,
/// diagnosed in the planner's words.
///
/// Units as in ``PlanningFixtures``: departments `a`, `b` (80,000 EUR per FTE), central `it`
/// (70,000 EUR per FTE), shared `kdn`.
@Suite("Legal form, confidentiality, separation and retained roles bind")
struct PlanningLegalRulesTests {
  static let security = TaskFamily(id: "sec", name: "IT security", providers: ["it", "kdn"])
  static let operations = TaskFamily(id: "ops", name: "IT operations", providers: ["it"])
  static let coordination = TaskFamily(id: "koord", name: "IT coordination", providers: [])

  static func scenario(
    families: [TaskFamily], tasks: [ITTask], policy: Policy = Policy(), kdnPrice: Double = 60_000,
    kdnForm: LegalForm? = nil
  ) -> Scenario {
    var scenario = PlanningFixtures.scenario(families: families, tasks: tasks, policy: policy)
    scenario.units[4].pricePerFTE = kdnPrice
    scenario.units[4].legalForm = kdnForm
    return scenario
  }

  static func plan(_ scenario: Scenario) throws -> Plan {
    let plan = try PlanningFixtures.plan(scenario)
    return plan
  }

  // MARK: Legal form and confidentiality

  @Test("a confidential task goes to the dearer public provider, not to the private company")
  func confidentialTask() throws {
    let task = ITTask(id: "t1", name: "Tax procedure", family: "sec", unit: "a", fte: 2)
    var secret = task
    secret.confidential = true
    let open = try Self.plan(Self.scenario(families: [Self.security], tasks: [task], kdnForm: .private))
    #expect(PlanningPolicyTests.decisions(open) == ["t1: kdn@2025"])
    #expect(open.tasks[0].reason.barred == nil)
    let kept = try Self.plan(Self.scenario(families: [Self.security], tasks: [secret], kdnForm: .private))
    #expect(kept.status == .optimal)
    #expect(PlanningPolicyTests.decisions(kept) == ["t1: it@2025"])
    #expect(kept.tasks[0].reason.barred == ["kdn"])
    // 2 FTE at 70,000 instead of 60,000 EUR a year: the rule costs 20,000 EUR.
    #expect(abs((kept.objective ?? 0) - (open.objective ?? 0) - 20_000) < 1e-6)
    #expect(
      PlanWords(kept).barred(kept.tasks[0].reason)
        == "vertrauliche Daten (Sozial-, Steuer- oder Personaldaten): nicht an das private Unternehmen KDN")
    // A shared provider without a legal form is a public body: confidential work may go there.
    let implied = try Self.plan(Self.scenario(families: [Self.security], tasks: [secret]))
    #expect(PlanningPolicyTests.decisions(implied) == ["t1: kdn@2025"])
    #expect(implied.org.map(\.legalForm) == [nil, nil, nil, .own, .publicBody])
    let stated = try Self.plan(Self.scenario(families: [Self.security], tasks: [secret], kdnForm: .private))
    #expect(stated.org.map(\.legalForm) == [nil, nil, nil, .own, .private])
  }

  @Test("a confidential task whose only provider is private stays, and says why")
  func confidentialOnlyPrivate() throws {
    var secret = ITTask(id: "t1", name: "Social benefits", family: "sec", unit: "a", fte: 2)
    secret.confidential = true
    var family = Self.security
    family.providers = ["kdn"]
    let plan = try Self.plan(Self.scenario(families: [family], tasks: [secret], kdnForm: .private))
    #expect(PlanningPolicyTests.decisions(plan) == ["t1: stay"])
    #expect(plan.tasks[0].reason.rule == .infeasibleFlip)
    #expect(plan.tasks[0].reason.conflicts == [.init(rule: .confidential, task: "t1", units: ["kdn"])])
  }

  // MARK: Separation

  static let isb = ITTask(
    id: "isb", name: "Security officer", family: "sec", unit: "a", fte: 2, separateFrom: ["ops"])
  static let server = ITTask(id: "srv", name: "Servers", family: "ops", unit: "b", fte: 1)

  @Test("separation: the security officer goes elsewhere than IT operations")
  func separationElsewhere() throws {
    var free = Self.isb
    free.separateFrom = []
    let base = try Self.plan(
      Self.scenario(
        families: [Self.security, Self.operations], tasks: [free, Self.server], kdnPrice: 72_000))
    #expect(PlanningPolicyTests.decisions(base) == ["isb: it@2025", "srv: it@2025"])
    let plan = try Self.plan(
      Self.scenario(
        families: [Self.security, Self.operations], tasks: [Self.isb, Self.server], kdnPrice: 72_000))
    #expect(PlanningPolicyTests.decisions(plan) == ["isb: kdn@2025", "srv: it@2025"])
    // At `kdn` the officer saves 8,000 instead of 10,000 EUR per FTE and year (keeping the
    // servers instead would lose 10,000).
    #expect(abs((plan.objective ?? 0) - (base.objective ?? 0) - 4_000) < 1e-6)
  }

  @Test("separation: IT operations may not move to where the security officer sits")
  func separationBlocksOperations() throws {
    var security = Self.security
    security.providers = ["it"]
    let plan = try Self.plan(
      Self.scenario(families: [security, Self.operations], tasks: [Self.isb, Self.server]))
    // Moving the officer saves 20,000 EUR a year, the servers 10,000: only one of them may move.
    #expect(PlanningPolicyTests.decisions(plan) == ["isb: it@2025", "srv: stay"])
    // Moving the servers too means keeping the officer: 10,000 EUR a year more.
    #expect(plan.tasks[1].reason.flip == .init(money: 10_000, penalty: 0))
  }

  @Test("separation: an operations centre open today keeps the officer away, with no operations task moving")
  func separationExistingCentre() throws {
    var security = Self.security
    security.providers = ["it"]
    var operations = Self.operations
    operations.centres = ["it": ProviderCentre(existingFTE: 5)]
    let plan = try Self.plan(Self.scenario(families: [security, operations], tasks: [Self.isb]))
    #expect(PlanningPolicyTests.decisions(plan) == ["isb: stay"])
    let en = PlanWords(plan, language: .en)
    #expect(
      plan.tasks[0].reason.conflicts.map { $0.map(en.conflict) }
        == ["task Security officer may not sit at a provider that does work of IT operations"])
  }

  // MARK: Retained roles

  @Test("retained roles: only the coordination role counts for the retained organisation")
  func retainedRoles() throws {
    let coordination = ITTask(id: "koord", name: "Coordination", family: "koord", unit: "a", fte: 0.475)
    let budget = ITTask(id: "t1", name: "Budget procedure", family: "sec", unit: "a", fte: 2)
    let policy = Policy(retained: RetainedOrganisation(minFTE: 0.5))
    var security = Self.security
    security.providers = ["it"]
    let all = try Self.plan(
      Self.scenario(families: [security, Self.coordination], tasks: [coordination, budget], policy: policy))
    // Every task counts: the department keeps 0.5 FTE, the coordination has 0.475, so the budget
    // procedure (not divisible) stays.
    #expect(PlanningPolicyTests.decisions(all) == ["koord: stay", "t1: stay"])
    var role = Self.coordination
    role.retainedRole = true
    let roles = try Self.plan(
      Self.scenario(families: [security, role], tasks: [coordination, budget], policy: policy))
    #expect(PlanningPolicyTests.decisions(roles) == ["koord: stay", "t1: it@2025"])
    #expect(roles.policy.retainedRoles == ["koord"])
    #expect(all.policy.retainedRoles == nil)
  }

  @Test("retained roles: a department without a role task keeps nothing")
  func retainedRolesWithoutRole() throws {
    let budget = ITTask(id: "t1", name: "Budget procedure", family: "sec", unit: "a", fte: 2)
    var security = Self.security
    security.providers = ["it"]
    var role = Self.coordination
    role.retainedRole = true
    let policy = Policy(retained: RetainedOrganisation(minShare: 0.5))
    let none = try Self.plan(
      Self.scenario(families: [security, Self.coordination], tasks: [budget], policy: policy))
    #expect(PlanningPolicyTests.decisions(none) == ["t1: stay"])
    let plan = try Self.plan(Self.scenario(families: [security, role], tasks: [budget], policy: policy))
    #expect(PlanningPolicyTests.decisions(plan) == ["t1: it@2025"])
  }

  // MARK: Conflicts

  @Test("a must-move confidential task with only a private provider is diagnosed in words")
  func confidentialConflict() throws {
    var secret = ITTask(id: "t1", name: "Tax procedure", family: "sec", unit: "a", fte: 2)
    secret.confidential = true
    var family = Self.security
    family.providers = ["kdn"]
    let plan = try Self.plan(
      Self.scenario(families: [family], tasks: [secret], policy: Policy(mustMove: ["t1"]), kdnForm: .private))
    #expect(plan.status == .infeasible)
    let conflicts = plan.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .mustMove, task: "t1"), .init(rule: .confidential, task: "t1", units: ["kdn"]),
      ])
    let de = PlanWords(plan)
    #expect(
      de.conflict(conflicts[1])
        == "die Aufgabe Tax procedure verarbeitet vertrauliche Daten und darf nicht an das private Unternehmen KDN gehen"
    )
    #expect(de.rule(conflicts[1].rule) == "vertrauliche Daten")
  }

  @Test("separation against must-move, and retained roles against must-move, are diagnosed in words")
  func separationAndRolesConflict() throws {
    var security = Self.security
    security.providers = ["it"]
    // The officer must move, and only to `it`, where the servers must go too.
    let separated = try Self.plan(
      Self.scenario(
        families: [security, Self.operations], tasks: [Self.isb, Self.server],
        policy: Policy(mustMove: ["isb", "srv"])))
    #expect(separated.status == .infeasible)
    let conflicts = separated.diagnosis?.conflicts ?? []
    #expect(
      conflicts == [
        .init(rule: .mustMove, task: "isb"), .init(rule: .mustMove, task: "srv"),
        .init(rule: .separation, task: "isb", families: ["ops"]),
      ])
    let de = PlanWords(separated)
    #expect(
      de.conflict(conflicts[2])
        == "die Aufgabe Security officer darf nicht bei einem Anbieter liegen, der Arbeit aus „IT operations“ erledigt"
    )
    // The coordination must move, but it is department b's retained role.
    var role = Self.coordination
    role.retainedRole = true
    role.providers = ["it"]
    let coordination = ITTask(id: "koord", name: "Coordination", family: "koord", unit: "b", fte: 1)
    let retained = try Self.plan(
      Self.scenario(
        families: [security, role],
        tasks: [Self.server, coordination].map {
          var task = $0
          task.family = task.id == "srv" ? "sec" : task.family
          return task
        },
        policy: Policy(retained: RetainedOrganisation(minFTE: 0.5), mustMove: ["koord"])))
    #expect(retained.status == .infeasible)
    let roleConflicts = retained.diagnosis?.conflicts ?? []
    #expect(
      roleConflicts == [
        .init(rule: .mustMove, task: "koord"),
        .init(rule: .retainedRole, unit: "b", limit: 0.5, total: 1, families: ["koord"]),
      ])
    let en = PlanWords(retained, language: .en)
    #expect(
      en.conflict(roleConflicts[1]) == "Department B keeps at least 0.5 FTE of its 1 FTE in IT coordination")
    #expect(en.rule(.retainedRole) == "retained roles")
    #expect(en.rule(.separation) == "separation of duties")
  }
}
