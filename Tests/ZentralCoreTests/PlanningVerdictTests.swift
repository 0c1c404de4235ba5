import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// Verdicts that are true: "infeasible" only when no plan exists, a gap only with a computed
/// bound, every plan checked against every row, a plan file for every time limit, and a warning
/// when the objective is too large for GLPK's precision.
@Suite("The planner's verdicts are true")
struct PlanningVerdictTests {
  /// A set-up cost of 19.8 M EUR against a budget of 2.8 M EUR per wave: no centre can open, the
  /// status quo is the only plan (found as one of 17 of 300 random variants that GLPK called
  /// infeasible before its scaling was turned on).
  static func setupAboveBudget() -> Scenario {
    let units = [
      OrgUnit(id: "city", name: "City", kind: .administration),
      OrgUnit(id: "it", name: "IT", kind: .central, parent: "city", costPerFTE: 67_500),
      OrgUnit(id: "d0", name: "Department 0", kind: .department, parent: "city", costPerFTE: 94_000),
    ]
    let family = TaskFamily(
      id: "f0", name: "Family 0", providers: ["it"],
      centre: CentreTerms(setupCost: 19_753_000, annualOverhead: 352_000, minFTE: 4),
      transitionCostPerFTE: 16_100)
    var divisible = ITTask(id: "t0", name: "Task 0", family: "f0", unit: "d0", fte: 129.3)
    divisible.divisible = true
    let whole = ITTask(id: "t1", name: "Task 1", family: "f0", unit: "d0", fte: 60.7)
    var scenario = Scenario(
      name: "set-up above budget", horizon: Horizon(start: 2025, years: 4), discountRate: 0.03, units: units,
      families: [family], tasks: [divisible, whole],
      policy: Policy(retained: RetainedOrganisation(minShare: 0.18), budget: YearValues(constant: 2_790_000)))
    scenario.language = .en
    return scenario
  }

  @Test(
    "a scenario whose status quo breaks no rule is never infeasible, in every planner mode",
    arguments: [Planner.Decomposition.never, .always], [true, false])
  func statusQuoFeasibleIsNeverInfeasible(_ decomposition: Planner.Decomposition, warmStart: Bool) throws {
    let planner = try Planner(scenario: Self.setupAboveBudget(), decomposition: decomposition)
    #expect(planner.model.model.isFeasible(planner.model.statusQuo()))
    var options = PlanningOptions(explain: false, threads: 1)
    options.warmStart = warmStart
    let plan = try planner.plan(options: options)
    #expect(plan.status == .optimal)
    let objective = try #require(plan.objective)
    // Opening the centre costs more than any budget allows: the status quo is the optimum.
    #expect(abs(objective - plan.baseline) <= 1e-6 * plan.baseline)
    #expect(plan.notes.allSatisfy { $0.kind == .decomposed })
  }

  @Test("a time limit that ends before any bound gives no gap, and the plan file is written")
  func tinyTimeLimitOnMuenster() throws {
    let scenario = try PlanningSeedTests.load("muenster.yaml")
    var options = PlanningOptions(solve: SolveOptions(timeLimit: 0.001), explain: false, threads: 1)
    options.warmStart = true
    let plan = try Planner(scenario: scenario).plan(options: options)
    #expect(plan.hasSolution)
    #expect(plan.status == .timeLimit)
    // GLPK writes -DBL_MAX for a node bound it has not computed; that is no bound.
    #expect(plan.gap == nil && plan.bound == nil)
    let decoded = try Plan.decode(from: try plan.jsonData())
    #expect(decoded == plan)
    #expect(
      PlanSummary.text(plan, language: .en).contains(
        "status: time limit reached (best plan found) (no bound yet)"))
    #expect(
      PlanSummary.text(plan).contains(
        "Ergebnis: Zeitlimit erreicht (beste gefundene Lösung) (noch keine Schranke)"))
  }

  @Test("a decomposed solve cut short before its LP bound states no gap")
  func decompositionWithoutBound() throws {
    var scenario = ScenarioGenerator.bigCity(seed: 1).generate()
    scenario.language = .en
    let planner = try Planner(scenario: scenario)
    #expect(planner.decomposes)
    let plan = try planner.plan(
      options: PlanningOptions(solve: SolveOptions(timeLimit: 0.1), explain: false, threads: 1))
    #expect(plan.hasSolution)
    #expect(plan.status != .optimal)
    if let gap = plan.gap {
      // A gap only with the bound it was measured against.
      let bound = try #require(plan.bound)
      let objective = try #require(plan.objective)
      #expect(abs(gap - max(0, objective - bound) / abs(objective)) <= 1e-6)
      #expect(PlanWords(plan, language: .en).note(plan.notes.last!).contains("stated gap is proven"))
    } else {
      #expect(plan.bound == nil)
      #expect(PlanWords(plan, language: .en).note(plan.notes.last!).contains("no bound yet"))
      #expect(PlanSummary.text(plan, language: .en).contains("(no bound yet)"))
      #expect(PlanSummary.text(plan, language: .de).contains("(noch keine Schranke)"))
    }
  }

  @Test("a plan that breaks a row is not presented: the checked status quo replaces it")
  func brokenPlanReplaced() throws {
    let planner = try Planner(scenario: Self.setupAboveBudget(), decomposition: .never)
    let model = planner.model
    // "Open the centre in 2025 and move everything": breaks the budget of 2025.
    var values = model.statusQuo()
    for move in model.moves.flatMap({ $0 }) where move.wave == 0 { values[move.variable.index] = 1 }
    for variable in model.open.flatMap({ $0 }) { values[variable.index] = 1 }
    #expect(!model.model.isFeasible(values))
    let claimed = SolveResult(
      termination: .optimal, hasSolution: true, objective: model.model.objective.value { values[$0.index] },
      bestBound: 0, gap: 0, values: values)
    var notes: [Plan.Note] = []
    let checked = try planner.checkedVerdict(
      claimed, statusQuo: model.statusQuo(), options: SolveOptions(), notes: &notes)
    #expect(checked.hasSolution)
    #expect(model.model.isFeasible(checked.values))
    #expect(notes.first?.kind == .brokenPlan)
    // Without a status quo the broken plan is dropped; what comes back is a plan found anew and
    // checked, or none.
    var none: [Plan.Note] = []
    let dropped = try planner.checkedVerdict(
      SolveResult(
        termination: .timeLimit, hasSolution: true, objective: claimed.objective, bestBound: nil, gap: nil,
        values: values),
      statusQuo: nil, options: SolveOptions(), notes: &none)
    #expect(!dropped.hasSolution || (dropped.values != values && model.model.isFeasible(dropped.values)))
    #expect(none.first?.kind == .brokenPlan)
  }

  @Test("an infeasible verdict next to a feasible status quo is replaced by a checked plan")
  func wrongInfeasibleVerdictReplaced() throws {
    let planner = try Planner(scenario: Self.setupAboveBudget(), decomposition: .never)
    let model = planner.model
    var notes: [Plan.Note] = []
    let checked = try planner.checkedVerdict(
      SolveResult(
        termination: .infeasible, hasSolution: false, objective: nil, bestBound: nil, gap: nil, values: []),
      statusQuo: model.statusQuo(), options: SolveOptions(), notes: &notes)
    #expect(checked.hasSolution)
    #expect(checked.termination != .infeasible)
    #expect(model.model.isFeasible(checked.values))
    #expect(notes == [.init(kind: .wrongVerdict, said: .infeasible)])
  }

  @Test("a status-quo cost of 1e14 EUR next to a task of 90,000 EUR a year gives a precision warning")
  func hiddenSavingsWarned() throws {
    var scenario = PlanningFixtures.scenario(
      families: [TaskFamily(id: "f", name: "Family", providers: ["it"], transitionCostPerFTE: 1_000)],
      tasks: [ITTask(id: "t", name: "Task", family: "f", unit: "a", fte: 4)], years: 3)
    scenario.language = .en
    let normal = try PlanningFixtures.plan(scenario, explain: false)
    #expect(normal.notes.isEmpty)
    scenario.units.append(
      OrgUnit(id: "big", name: "Big", kind: .department, parent: "city", costPerFTE: 1e14))
    var dedicated = ITTask(id: "d", name: "Dedicated", family: "f", unit: "big", fte: 1)
    dedicated.dedicated = true
    scenario.tasks.append(dedicated)
    let plan = try PlanningFixtures.plan(scenario, explain: false)
    let note = try #require(plan.notes.first)
    #expect(note.kind == .hiddenSavings)
    #expect(PlanWords(plan).note(note).contains("savings of that size may be hidden"))
    #expect(PlanSummary.text(plan).contains("warning:"))
  }

  @Test("amounts that would overflow GLPK are refused with a sentence that names the row and value")
  func outOfScaleRefused() throws {
    var scenario = Self.setupAboveBudget()
    scenario.families[0].centre.setupCost = 1e305
    #expect {
      _ = try Planner(scenario: scenario)
    } throws: { error in
      let text = (error as? PlanningError)?.description ?? ""
      return text.contains("budget(2025)") && text.contains("1e+305") && text.contains("out of scale")
    }
    // An FTE of 1e-170 next to one of 129.3 is round-off in every row it shares: left out, and the
    // scenario plans (GLPK aborted on it in a flip re-solve).
    var tiny = Self.setupAboveBudget()
    tiny.tasks[1].fte = 1e-170
    tiny.policy.budget = YearValues(constant: 1e14)
    let plan = try Planner(scenario: tiny).plan(options: PlanningOptions(threads: 1))
    #expect(plan.status == .optimal)
    // Alone in a row it is refused: the change capacity counts only this task.
    tiny.tasks.removeFirst()
    tiny.policy.maxMovedFTEPerWave = YearValues(constant: 1)
    #expect {
      _ = try Planner(scenario: tiny)
    } throws: { error in
      ((error as? PlanningError)?.description ?? "").contains("1e-170")
    }
  }
}
