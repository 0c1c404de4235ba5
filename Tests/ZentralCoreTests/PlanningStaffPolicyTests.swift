import Foundation
import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// The staff elements, each in a small scenario where it changes the plan (the base case of
/// ``PlanningPolicyTests``: departments at 80,000 EUR per FTE, the central unit `it` at 70,000).
@Suite("Each staff element binds")
struct PlanningStaffPolicyTests {
  /// Plans `scenario` (expected optimal).
  static func plan(_ scenario: Scenario) throws -> Plan {
    let plan = try PlanningFixtures.plan(scenario, explain: false)
    #expect(plan.status == .optimal)
    return plan
  }

  /// A divisible task `t1` of `fte` FTE in `posts` posts.
  static func divisible(fte: Double = 2, posts: Int? = nil) -> ITTask {
    var task = ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: fte, divisible: true)
    task.posts = posts
    return task
  }

  /// The move parts of `plan` that break the staff rules: a part of less than
  /// `policy.min_move_fte` that is not the whole task, or a part that is not whole posts.
  static func partsBelowMinimum(_ plan: Plan, scenario: Scenario) -> [String] {
    var broken: [String] = []
    for (decision, task) in zip(plan.tasks, scenario.tasks) {
      for part in decision.moves {
        let posts = part.share * Double(task.postCount)
        if part.share * task.fte < scenario.policy.minMoveFTE - 1e-6 && part.share < 1 - 1e-6 {
          broken.append("\(task.id): \(part.share * task.fte) FTE to \(part.provider) in \(part.year)")
        }
        // Shares in a plan are rounded to 1e-6, so 8 of 12 posts read 8.000004.
        if abs(posts - posts.rounded()) > 1e-4 * max(1, posts) || part.posts != Int(posts.rounded()) {
          broken.append("\(task.id): \(posts) posts to \(part.provider) in \(part.year)")
        }
      }
    }
    return broken
  }

  @Test("a divisible task moves in whole posts: with room for 1.5 FTE, 1 of 2 posts moves, 3 of 4 posts")
  func posts() throws {
    func scenario(posts: Int?) -> Scenario {
      PlanningFixtures.scenario(
        families: [PlanningPolicyTests.family()], tasks: [Self.divisible(posts: posts)],
        capacity: YearValues(constant: 1.5))
    }
    let two = try Self.plan(scenario(posts: nil))
    #expect(PlanningPolicyTests.decisions(two) == ["t1: it@2025x0.5"])
    #expect(two.tasks[0].posts == 2)
    #expect(two.tasks[0].moves.map(\.posts) == [1])
    #expect(
      two.staff?.posts == [
        .init(unit: "a", year: 2025, postsIn: 0, postsOut: 1, fteIn: 0, fteOut: 1),
        .init(unit: "it", year: 2025, postsIn: 1, postsOut: 0, fteIn: 1, fteOut: 0),
      ])
    let four = try Self.plan(scenario(posts: 4))
    #expect(PlanningPolicyTests.decisions(four) == ["t1: it@2025x0.75"])
    #expect(four.tasks[0].moves.map(\.posts) == [3])
  }

  @Test("the smallest part that may move: 0.25 FTE moves without a minimum, nothing with 0.5")
  func minimumMove() throws {
    func scenario(minimum: Double, capacity: Double) -> Scenario {
      PlanningFixtures.scenario(
        families: [PlanningPolicyTests.family()], tasks: [Self.divisible(posts: 8)],
        policy: Policy(minMoveFTE: minimum), capacity: YearValues(constant: capacity))
    }
    #expect(
      PlanningPolicyTests.decisions(try Self.plan(scenario(minimum: 0, capacity: 0.25))) == [
        "t1: it@2025x0.125"
      ])
    #expect(
      PlanningPolicyTests.decisions(try Self.plan(scenario(minimum: 0.5, capacity: 0.25))) == ["t1: stay"])
    #expect(
      PlanningPolicyTests.decisions(try Self.plan(scenario(minimum: 0.5, capacity: 0.75))) == [
        "t1: it@2025x0.375"
      ])
  }

  @Test("a whole task smaller than the minimum part still moves")
  func wholeTaskBelowMinimum() throws {
    let scenario = PlanningFixtures.scenario(
      families: [PlanningPolicyTests.family()], tasks: [Self.divisible(fte: 0.3)],
      policy: Policy(minMoveFTE: 0.5))
    #expect(PlanningPolicyTests.decisions(try Self.plan(scenario)) == ["t1: it@2025"])
  }

  /// `t1` (2 FTE) and a centre that needs half an FTE per FTE pooled, with a transition cost of
  /// 80,000 EUR, over three years: the move saves 160,000 - 70,000 EUR a year at once, but with
  /// no layoffs the FTE not needed stays until attrition.
  static func surplusScenario(attrition: Double?) -> Scenario {
    let family = PlanningPolicyTests.family(
      scale: [ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 4, effective: 2)])
    var task = PlanningPolicyTests.t1
    task.transitionCost = 80_000
    return PlanningFixtures.scenario(
      families: [family], tasks: [task],
      policy: Policy(noLayoffs: attrition.map { NoLayoffs(attritionRate: $0) }),
      years: 3)
  }

  @Test("no layoffs: the surplus FTE costs until attrition; without attrition the move does not pay")
  func noLayoffs() throws {
    let free = try Self.plan(Self.surplusScenario(attrition: nil))
    #expect(PlanningPolicyTests.decisions(free) == ["t1: it@2025"])
    #expect(free.staff?.surplus == [])
    // Without attrition: 1 FTE surplus for three years, 3 * (160,000 - 140,000) < 80,000.
    let kept = try Self.plan(Self.surplusScenario(attrition: 0))
    #expect(PlanningPolicyTests.decisions(kept) == ["t1: stay"])
    // A quarter of last year's staff (surplus and the centre's 1 FTE) leaves each year, and the
    // surplus fills the posts: 1, 0.75 * 2 - 1 = 0.5, 0.75 * 1.5 - 1 = 0.125 FTE;
    // savings 20,000 + 55,000 + 81,250 > 80,000.
    let quarter = try Self.plan(Self.surplusScenario(attrition: 0.25))
    #expect(PlanningPolicyTests.decisions(quarter) == ["t1: it@2025"])
    #expect(quarter.staff?.surplus.map(\.fte) == [1, 0.5, 0.125])
    #expect(quarter.staff?.surplus.map(\.annualCost) == [70_000, 35_000, 8_750])
    // The centre's 1 FTE (70,000 EUR) plus the surplus.
    #expect(quarter.waves.map(\.annualCost) == [140_000, 105_000, 78_750])
    #expect(abs((quarter.npv ?? 0) - (80_000 + 140_000 + 105_000 + 78_750)) < 1e-6)
    #expect(quarter.staff?.attritionRate == 0.25)
  }

  @Test("the surplus is a variable and a row of the MIP in every year")
  func surplusShiftsTiming() throws {
    let built = try CentralisationModel(scenario: Self.surplusScenario(attrition: 0.04))
    #expect(built.model.columns.contains { $0.name == "U(it,sec,2027)" })
    #expect(built.model.rows.contains { $0.name == "surplus(it,sec,2025)" })
  }

  @Test("transfer costs: an annual Besitzstand at it sends the tasks to the shared provider instead")
  func transfer() throws {
    var scenario = PlanningFixtures.scenario(
      families: [PlanningPolicyTests.family(providers: ["it", "kdn"])],
      tasks: [PlanningPolicyTests.t1, PlanningPolicyTests.t2])
    scenario.units[4].pricePerFTE = 75_000
    let before = try Self.plan(scenario)
    #expect(PlanningPolicyTests.decisions(before) == ["t1: it@2025", "t2: it@2025"])
    scenario.units[3].transfer = StaffTransfer(form: .versetzung, annualCostPerFTE: 8_000)
    scenario.units[4].transfer = StaffTransfer(form: .personalgestellung, oneTimeCostPerFTE: 1_000)
    let after = try Self.plan(scenario)
    #expect(PlanningPolicyTests.decisions(after) == ["t1: kdn@2025", "t2: kdn@2025"])
    #expect(
      after.tasks[0].moves[0].transfer == .init(form: .personalgestellung, oneTimeCost: 2_000, annualCost: 0))
    #expect(after.waves[0].transitionCost == 3_000)
    #expect(abs((after.npv ?? 0) - (3_000 + 3 * 75_000)) < 1e-6)
  }

  @Test(
    "with posts, a minimum part of 1 FTE, no layoffs and transfer costs on, HiGHS solves the exported model to zentral's objective",
    arguments: ["krefeld.yaml", "muelheim.yaml", "muenster.yaml"])
  func highsWithStaff(_ name: String) throws {
    var scenario = try PlanningSeedTests.load(name)
    scenario.policy.minMoveFTE = 1
    // The seeds' savings targets are out of reach once freed staff stay (Krefeld's 100,000 EUR
    // and Mülheim's 150,000 EUR a year in the last year): the check is about the model, not them.
    scenario.policy.savingsTarget = nil
    scenario.policy.noLayoffs = NoLayoffs(attritionRate: 0.04)
    for u in scenario.units.indices where scenario.units[u].isProvider {
      scenario.units[u].transfer = StaffTransfer(
        form: .betriebsuebergang, oneTimeCostPerFTE: 2_500, annualCostPerFTE: 1_200)
    }
    for t in scenario.tasks.indices where scenario.tasks[t].divisible {
      scenario.tasks[t].posts = scenario.tasks[t].postCount * 2
    }
    let planner = try Planner(scenario: scenario)
    let plan = try planner.plan(options: PlanningOptions(explain: false))
    #expect(plan.status == .optimal)
    let objective = try #require(plan.objective)
    #expect(Self.partsBelowMinimum(plan, scenario: scenario).isEmpty)
    #expect(planner.model.model.columns.contains { $0.name.hasPrefix("U(") })
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("zentral-staff-\(name).mps").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.write(planner.model.model, format: .freeMPS, to: path)
    let highs = try PlanningSeedTests.highs(path)
    let difference = abs(highs - objective) / max(1, abs(objective))
    print("staff on, seed \(name): GLPK \(objective), HiGHS \(highs), relative difference \(difference)")
    #expect(difference <= 1e-6, "\(name): GLPK \(objective), HiGHS \(highs)")
  }
}
