import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

/// One test per model element: a small scenario where the element changes the plan, with the
/// plan expected with and without it.
///
/// The base case: IT security work in departments `a` (80,000 EUR per FTE) and `b`, and a central
/// IT unit `it` (70,000 EUR per FTE): every move saves 10,000 EUR per FTE and year.
@Suite("Each policy and model element binds")
struct PlanningPolicyTests {
  static func family(
    providers: [String] = ["it"], setup: Double = 0, overhead: Double = 0, minFTE: Double = 0,
    scale: [ScalePoint] = [], transition: Double = 0, centres: [String: ProviderCentre] = [:]
  ) -> TaskFamily {
    TaskFamily(
      id: "sec", name: "IT security", providers: providers,
      centre: CentreTerms(setupCost: setup, annualOverhead: overhead, minFTE: minFTE), centres: centres,
      scale: scale, transitionCostPerFTE: transition)
  }

  static let t1 = ITTask(id: "t1", name: "Firewall", family: "sec", unit: "a", fte: 2)
  static let t2 = ITTask(id: "t2", name: "ISMS", family: "sec", unit: "b", fte: 1)

  static func plan(
    family: TaskFamily = family(), tasks: [ITTask] = [t1, t2], policy: Policy = Policy(), years: Int = 1,
    discountRate: Double = 0, capacity: YearValues? = nil, disruption: Double = 0, itCost: Double = 70_000,
    bCost: Double = 80_000, kdnPrice: Double = 60_000
  ) throws -> Plan {
    var scenario = PlanningFixtures.scenario(
      families: [family], tasks: tasks, policy: policy, years: years, discountRate: discountRate,
      capacity: capacity,
      disruptionWeight: disruption)
    scenario.units[3].costPerFTE = itCost
    scenario.units[2].costPerFTE = bCost
    scenario.units[4].pricePerFTE = kdnPrice
    let plan = try PlanningFixtures.plan(scenario, explain: false)
    #expect(plan.status == .optimal)
    return plan
  }

  /// `id: provider@year` for moved tasks, `id: stay` otherwise.
  static func decisions(_ plan: Plan) -> [String] {
    plan.tasks.map { task in
      task.moves.isEmpty
        ? "\(task.id): stay"
        : "\(task.id): "
          + task.moves.map { "\($0.provider)@\($0.year)\($0.share < 1 ? "x\($0.share)" : "")" }.joined(
            separator: "+")
    }
  }

  @Test("base case: both tasks move to the cheaper central unit in the first wave")
  func baseCase() throws {
    #expect(Self.decisions(try Self.plan()) == ["t1: it@2025", "t2: it@2025"])
  }

  @Test("must-stay keeps a task that would move")
  func mustStay() throws {
    let plan = try Self.plan(policy: Policy(mustStay: ["t1"]))
    #expect(Self.decisions(plan) == ["t1: stay", "t2: it@2025"])
    #expect(plan.tasks[0].reason.rule == .mustStay)
  }

  @Test("must-move moves a task that would stay")
  func mustMove() throws {
    #expect(Self.decisions(try Self.plan(itCost: 90_000)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(policy: Policy(mustMove: ["t1"]), itCost: 90_000)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: stay"])
    #expect(plan.tasks[0].reason.rule == .mustMove)
  }

  @Test("a dedicated task stays")
  func dedicated() throws {
    var task = Self.t1
    task.dedicated = true
    let plan = try Self.plan(tasks: [task, Self.t2])
    #expect(Self.decisions(plan) == ["t1: stay", "t2: it@2025"])
    #expect(plan.tasks[0].reason.rule == .dedicated)
  }

  @Test("a task without eligible provider stays")
  func notEligible() throws {
    var task = Self.t1
    task.providers = []
    let plan = try Self.plan(tasks: [task, Self.t2])
    #expect(Self.decisions(plan) == ["t1: stay", "t2: it@2025"])
    #expect(plan.tasks[0].reason.rule == .notEligible)
  }

  @Test("a together group moves a task that alone would stay")
  func together() throws {
    #expect(Self.decisions(try Self.plan(bCost: 60_000)) == ["t1: it@2025", "t2: stay"])
    let plan = try Self.plan(policy: Policy(together: [["t1", "t2"]]), bCost: 60_000)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
  }

  @Test("a pilot moves first; the other units follow a wave later")
  func pilot() throws {
    #expect(Self.decisions(try Self.plan(years: 2)) == ["t1: it@2025", "t2: it@2025"])
    let plan = try Self.plan(policy: Policy(pilots: [Pilot(family: "sec", unit: "b")]), years: 2)
    #expect(Self.decisions(plan) == ["t1: it@2026", "t2: it@2025"])
  }

  @Test("a deadline moves unprofitable work as late as it allows")
  func deadline() throws {
    #expect(Self.decisions(try Self.plan(years: 3, itCost: 90_000)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(
      policy: Policy(deadlines: [Deadline(family: "sec", year: 2026)]), years: 3, itCost: 90_000)
    #expect(Self.decisions(plan) == ["t1: it@2026", "t2: it@2026"])
    #expect(plan.tasks[0].reason.rule == .deadline)
  }

  @Test("capacity admits the more valuable task only")
  func capacity() throws {
    let plan = try Self.plan(capacity: YearValues(constant: 2))
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: stay"])
  }

  @Test("capacity by year delays the larger task")
  func capacityByYear() throws {
    let plan = try Self.plan(years: 2, capacity: YearValues(byYear: [2025: 1, 2026: 3]))
    #expect(Self.decisions(plan) == ["t1: it@2026", "t2: it@2025"])
  }

  @Test("a budget per wave spreads the moves over two waves")
  func budget() throws {
    let family = Self.family(transition: 10_000)
    #expect(Self.decisions(try Self.plan(family: family, years: 3)) == ["t1: it@2025", "t2: it@2025"])
    let plan = try Self.plan(family: family, policy: Policy(budget: YearValues(constant: 25_000)), years: 3)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: it@2026"])
    #expect(plan.waves.allSatisfy { $0.oneTimeCost <= 25_000 })
  }

  @Test("change capacity spreads the moves over two waves")
  func changeCapacity() throws {
    let plan = try Self.plan(policy: Policy(maxMovedFTEPerWave: YearValues(constant: 2)), years: 2)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: it@2026"])
  }

  @Test("the retained organisation keeps half of a department's IT work")
  func retained() throws {
    var t3 = Self.t1
    t3.id = "t3"
    t3.transitionCost = 1_000
    let tasks = [Self.t1, t3]
    #expect(Self.decisions(try Self.plan(tasks: tasks)) == ["t1: it@2025", "t3: it@2025"])
    let plan = try Self.plan(tasks: tasks, policy: Policy(retained: RetainedOrganisation(minShare: 0.5)))
    #expect(Self.decisions(plan) == ["t1: it@2025", "t3: stay"])
  }

  @Test("an annual savings target forces a move whose transition does not pay back")
  func savingsTargetCost() throws {
    let family = Self.family(transition: 15_000)
    #expect(Self.decisions(try Self.plan(family: family)) == ["t1: stay", "t2: stay"])
    let target = SavingsTarget(annualCost: 15_000)
    let plan = try Self.plan(family: family, policy: Policy(savingsTarget: target))
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: stay"])
  }

  @Test("an FTE savings target forces pooling that costs money")
  func savingsTargetFTE() throws {
    let family = Self.family(scale: [
      ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 10, effective: 8),
    ])
    #expect(Self.decisions(try Self.plan(family: family, itCost: 120_000)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(
      family: family, policy: Policy(savingsTarget: SavingsTarget(fte: 0.3)), itCost: 120_000)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: stay"])
    #expect(plan.totals?.steadyStateFTE == 2.6)
  }

  @Test("critical mass makes a small centre too expensive")
  func criticalMass() throws {
    #expect(Self.decisions(try Self.plan(family: Self.family(minFTE: 3))) == ["t1: it@2025", "t2: it@2025"])
    #expect(Self.decisions(try Self.plan(family: Self.family(minFTE: 4))) == ["t1: stay", "t2: stay"])
  }

  @Test("set-up cost needs a horizon long enough to pay back")
  func setupCost() throws {
    let family = Self.family(setup: 50_000)
    #expect(Self.decisions(try Self.plan(family: family)) == ["t1: stay", "t2: stay"])
    let plan = try Self.plan(family: family, years: 2)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
    #expect(plan.centres.first?.setupCost == 50_000)
  }

  @Test("annual overhead above the savings keeps the work at home")
  func overhead() throws {
    #expect(Self.decisions(try Self.plan(family: Self.family(overhead: 40_000))) == ["t1: stay", "t2: stay"])
    #expect(
      Self.decisions(try Self.plan(family: Self.family(overhead: 20_000))) == ["t1: it@2025", "t2: it@2025"])
  }

  @Test("economies of scale make a dearer centre worth it once enough work is pooled")
  func scaleCurve() throws {
    #expect(Self.decisions(try Self.plan(itCost: 100_000)) == ["t1: stay", "t2: stay"])
    let curve = [
      ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 1, effective: 1),
      ScalePoint(pooled: 3, effective: 1.8),
    ]
    let plan = try Self.plan(family: Self.family(scale: curve), itCost: 100_000)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: it@2025"])
    #expect(plan.centres.first?.years.first?.effectiveFTE == 1.8)
    // One task alone would be on the steep first segment: not worth it.
    let single = try Self.plan(family: Self.family(scale: curve), tasks: [Self.t2], itCost: 100_000)
    #expect(Self.decisions(single) == ["t2: stay"])
  }

  @Test("a quote prices a task at a shared provider instead of pooled FTE")
  func quote() throws {
    let family = Self.family(providers: ["it", "kdn"])
    #expect(
      Self.decisions(try Self.plan(family: family, itCost: 90_000, kdnPrice: 85_000)) == [
        "t1: stay", "t2: stay",
      ])
    var task = Self.t1
    task.at["kdn"] = ProviderOffer(annualCost: 100_000)
    let plan = try Self.plan(family: family, tasks: [task, Self.t2], itCost: 90_000, kdnPrice: 85_000)
    #expect(Self.decisions(plan) == ["t1: kdn@2025", "t2: stay"])
    #expect(plan.centres.first?.years.first?.quotedFTE == 2)
  }

  @Test("a workload override at a provider makes the move worth it")
  func workloadAtProvider() throws {
    var task = Self.t1
    task.at["it"] = ProviderOffer(fte: 1)
    let plan = try Self.plan(tasks: [task, Self.t2], itCost: 100_000)
    #expect(Self.decisions(plan) == ["t1: it@2025", "t2: stay"])
  }

  @Test("a department's concern outweighs the savings")
  func concern() throws {
    var task = Self.t1
    task.concern = 25_000
    let plan = try Self.plan(tasks: [task, Self.t2])
    #expect(Self.decisions(plan) == ["t1: stay", "t2: it@2025"])
  }

  @Test("a disruption weight keeps work that saves less than it disrupts")
  func disruption() throws {
    #expect(Self.decisions(try Self.plan(disruption: 15_000)) == ["t1: stay", "t2: stay"])
    #expect(Self.decisions(try Self.plan(disruption: 5_000)) == ["t1: it@2025", "t2: it@2025"])
  }

  @Test("discounting makes a long payback not worth it")
  func discountRate() throws {
    let family = Self.family(transition: 25_000)
    #expect(Self.decisions(try Self.plan(family: family, tasks: [Self.t1], years: 3)) == ["t1: it@2025"])
    let plan = try Self.plan(family: family, tasks: [Self.t1], years: 3, discountRate: 0.3)
    #expect(Self.decisions(plan) == ["t1: stay"])
  }

  @Test("a divisible task moves the share that fits")
  func divisible() throws {
    var task = Self.t1
    task.divisible = true
    let plan = try Self.plan(tasks: [task], capacity: YearValues(constant: 1))
    #expect(Self.decisions(plan) == ["t1: it@2025x0.5"])
    #expect(plan.tasks[0].decision == .partial)
  }

  @Test("an existing centre takes work without set-up cost")
  func existingCentre() throws {
    let family = Self.family(providers: ["it", "kdn"], setup: 100_000)
    #expect(Self.decisions(try Self.plan(family: family)) == ["t1: stay", "t2: stay"])
    var open = family
    open.centres["kdn"] = ProviderCentre(existingFTE: 4, isOpen: true)
    let plan = try Self.plan(family: open)
    #expect(Self.decisions(plan) == ["t1: kdn@2025", "t2: kdn@2025"])
    #expect(plan.centres.first?.alreadyOpen == true)
  }
}
