import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

@Suite("Plan value: sections add up, JSON round trip, determinism")
struct PlanningSmokeTests {
  /// Two families, two providers, three waves, a curve, a quote, a budget and a concern.
  static var scenario: Scenario {
    let security = TaskFamily(
      id: "sec", name: "IT security", providers: ["it", "kdn"],
      centre: CentreTerms(setupCost: 20_000, annualOverhead: 5_000, minFTE: 1),
      scale: [
        ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 2, effective: 1.8),
        ScalePoint(pooled: 6, effective: 4.6),
      ],
      transitionCostPerFTE: 8_000)
    let clients = TaskFamily(
      id: "cli", name: "Client support", providers: ["kdn"], transitionCostPerFTE: 5_000)
    let tasks = [
      ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: 2),
      ITTask(id: "t2", name: "ISMS", family: "sec", unit: "b", fte: 1.5, concern: 4_000),
      ITTask(
        id: "t3", name: "Desktops", family: "cli", unit: "a", fte: 3,
        at: ["kdn": ProviderOffer(annualCost: 200_000)]),
      ITTask(id: "t4", name: "Printers", family: "cli", unit: "b", fte: 1, divisible: true),
      ITTask(id: "t5", name: "Special", family: "sec", unit: "b", fte: 1, dedicated: true, reason: "unique"),
    ]
    return PlanningFixtures.scenario(
      families: [security, clients], tasks: tasks, policy: Policy(budget: YearValues(constant: 40_000)),
      years: 3,
      discountRate: 0.03)
  }

  @Test("costs per wave add up to the NPV and the objective; units add up to the totals")
  func sectionsAddUp() throws {
    let plan = try PlanningFixtures.plan(Self.scenario)
    #expect(plan.status == .optimal)
    let npv = plan.waves.reduce(0) { $0 + $1.discountFactor * ($1.annualCost + $1.oneTimeCost) }
    #expect(abs(npv - (plan.npv ?? 0)) < 1e-3)
    let totals = try #require(plan.totals)
    #expect(
      abs((plan.npv ?? 0) + totals.concernPenalty + totals.disruptionPenalty - (plan.objective ?? 0)) < 1e-3)
    #expect(abs(plan.units.reduce(0) { $0 + $1.annualCostAfter } - totals.steadyStateAnnualCost) < 1e-3)
    #expect(abs(plan.units.reduce(0) { $0 + $1.annualCostBefore } - totals.baselineAnnualCost) < 1e-3)
    #expect(abs(plan.units.reduce(0) { $0 + $1.fteAfter } - totals.steadyStateFTE) < 1e-6)
    #expect(abs((plan.savings ?? 0) - (plan.baseline - (plan.npv ?? 0))) < 1e-3)
    #expect(plan.tasks.map(\.reason.rule).contains(.dedicated))
    #expect(
      plan.tasks.filter { $0.reason.rule == .economic }.allSatisfy { ($0.reason.flip?.total ?? -1) >= -1e-6 })
    #expect(!plan.tasks.contains { $0.reason.rule == .notComputed })
    #expect(plan.org.count == Self.scenario.units.count)
  }

  @Test("plan.json round-trips and two plans of the same scenario are byte-identical")
  func jsonRoundTrip() throws {
    let first = try PlanningFixtures.plan(Self.scenario)
    let second = try Planner(scenario: Self.scenario).plan(options: PlanningOptions(threads: 2))
    let data = try first.jsonData()
    #expect(data == (try second.jsonData()))
    #expect(try Plan.decode(from: data) == first)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"payback_year\""))
    #expect(text.contains("\"flip\""))
  }

  @Test("a time limit or a raised stop signal yields a plan with that status")
  func stopped() throws {
    let stop = StopSignal()
    stop.raise()
    let plan = try Planner(scenario: Self.scenario).plan(
      options: PlanningOptions(solve: SolveOptions(stopSignal: stop)))
    #expect([.stopped, .optimal].contains(plan.status))
    #expect(plan.tasks.allSatisfy { $0.reason.flip == nil })
  }
}

@Suite("Model names and index maps")
struct PlanningModelNameTests {
  @Test("ids of 64 characters give unique names within GLPK's 255 bytes, and the index maps find them")
  func longIds() throws {
    let long = { (prefix: String) in prefix + String(repeating: "x", count: 64 - prefix.count) }
    var units = PlanningFixtures.units(capacity: YearValues(constant: 10))
    units[1].id = long("a.")
    units[3].id = long("it-")
    let family = TaskFamily(
      id: long("sec_"), name: "IT security", providers: [units[3].id],
      scale: [
        ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 1, effective: 1),
        ScalePoint(pooled: 3, effective: 2),
      ])
    let tasks = (1...2).map {
      ITTask(id: long("t\($0)-"), name: "Task", family: family.id, unit: units[1].id, fte: 1)
    }
    let scenario = Scenario(
      name: "long", horizon: Horizon(start: 2025, years: 2), units: units, families: [family], tasks: tasks,
      policy: Policy(
        budget: YearValues(constant: 1e6), pilots: [Pilot(family: family.id, unit: units[1].id)],
        together: [tasks.map(\.id)]))
    let model = try CentralisationModel(scenario: scenario)
    let names = model.model.columns.map(\.name) + model.model.rows.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(names.allSatisfy { $0.utf8.count <= 255 })
    let x = try #require(model.moveVariable(task: tasks[0].id, provider: units[3].id, year: 2026))
    #expect(model.model.columns[x.index].name == "x(\(tasks[0].id),\(units[3].id),2026)")
    #expect(model.openVariable(provider: units[3].id, family: family.id, year: 2025) != nil)
    #expect(model.segmentVariables(provider: units[3].id, family: family.id, year: 2025).count == 1)
    let plan = try Planner(scenario: scenario).plan()
    #expect(plan.status == .optimal)
  }
}

@Suite("Long solves")
struct PlanningLongSolveTests {
  @Test(
    "a time-limited search on a big city returns the best plan so far (at worst the status quo) with a gap")
  func timeLimitKeepsAPlan() throws {
    let scenario = ScenarioGenerator.bigCity(seed: 1).generate()
    var reports = 0
    let plan = try Planner(scenario: scenario).plan(
      options: PlanningOptions(solve: SolveOptions(timeLimit: 3), explain: false),
      progress: { _ in
        reports += 1
        return true
      })
    #expect(plan.status == .timeLimit)
    let objective = try #require(plan.objective)
    #expect(objective <= plan.baseline + 1e-6 * plan.baseline)
    #expect((plan.gap ?? 0) > 0)
    #expect(plan.bound.map { $0 <= objective } == true)
    #expect(reports > 0)
    #expect(plan.tasks.count == scenario.tasks.count)
  }
}
