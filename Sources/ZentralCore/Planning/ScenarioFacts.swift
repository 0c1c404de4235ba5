import Foundation

/// The data of a scenario as the optimiser sees it: which tasks may move where, what work and
/// money each move means, which competence centres exist or may open, and the status quo.
///
/// Everything is in the scenario's order (units, families, tasks, providers as listed), so that
/// models and plans come out the same on every run.
///
/// The one owner of every fact derived from the scenario (a family's deadline year, the together
/// groups, the decomposition blocks, a centre's scale segments, the centres of a provider): the
/// model, the plan builder, the planner's explanations, the infeasibility diagnosis and the
/// decomposition read them here instead of deriving them again.
struct ScenarioFacts: Sendable {
  /// Why a task cannot move.
  enum Fixed: String, Sendable {
    case dedicated
    case mustStay = "must_stay"
    case notEligible = "not_eligible"
  }

  /// A competence centre: one family at one provider.
  struct Centre: Hashable, Sendable {
    var provider: String
    var family: String
  }

  /// What the model needs to know about one centre.
  struct CentreData: Sendable {
    var key: Centre
    var terms: CentreTerms
    var curve: ScaleCurve
    var existingFTE: Double
    var isOpen: Bool
    var rate: Double
    /// Largest pooled workload the centre can reach (existing plus every unquoted task).
    var maximumPooled: Double
    /// Effective FTE in the status quo (0 when not open).
    var baselineEffective: Double
    /// The segments of the scale curve up to ``maximumPooled`` (empty when nothing can be pooled;
    /// one segment for a linear curve).
    var pieces: [ScaleCurve.Segment]
  }

  /// A together group of the policy that names two or more tasks of the scenario.
  struct TogetherGroup: Sendable {
    /// The group's position in `policy.together` (its rule group and row names count from it).
    var index: Int
    /// The member tasks (by task position, in the group's order).
    var tasks: [Int]
  }

  let scenario: Scenario
  let years: [Int]
  let discount: [Double]
  let units: [String: OrgUnit]
  let families: [String: TaskFamily]
  let taskIndex: [String: Int]
  /// The tasks of each unit and of each family (by task position, ascending), looked up once:
  /// scanning every task per unit or per centre made building a 48,000-task city's model
  /// quadratic (5,000 units times 48,000 tasks).
  let tasksOfUnit: [String: [Int]]
  let tasksOfFamily: [String: [Int]]
  /// Eligible providers of each task (empty for a task that cannot move).
  let providers: [[String]]
  /// Why each task cannot move, or `nil` for a movable task.
  let fixed: [Fixed?]
  let centres: [CentreData]
  let centreIndex: [Centre: Int]
  /// The centres of each provider (by centre position, ascending), looked up once: a scan per
  /// unit made the plan's unit summaries quadratic (5,000 units times 48,000 tasks took 3 s).
  let centresOfProvider: [String: [Int]]
  let baselineAnnual: Double
  let baselineFTE: Double
  /// The deadline year of each family that has one (the earliest, when several are listed).
  let deadlineYear: [String: Int]
  /// The together groups that link two or more tasks, in policy order.
  let togetherGroups: [TogetherGroup]
  /// The together group of each task in one (its index in `policy.together`; the first group
  /// that names the task).
  let togetherGroupOfTask: [Int: Int]
  /// The block of each family when the model is solved family by family: families linked by a
  /// together group share a block; blocks are numbered in family order.
  let blockOfFamily: [String: Int]
  /// The number of blocks (see ``blockOfFamily``).
  let blockCount: Int
  /// Per-task years, decisions already carried out and funding (``ReplanningFacts``).
  let replanning: ReplanningFacts

  init(_ scenario: Scenario) {
    self.scenario = scenario
    years = scenario.horizon.calendarYears
    discount = years.indices.map { pow(1 + scenario.discountRate, -Double($0)) }
    units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    families = Dictionary(scenario.families.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    taskIndex = Dictionary(scenario.tasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var tasksOfUnit: [String: [Int]] = [:]
    var tasksOfFamily: [String: [Int]] = [:]
    for (t, task) in scenario.tasks.enumerated() {
      tasksOfUnit[task.unit, default: []].append(t)
      tasksOfFamily[task.family, default: []].append(t)
    }
    self.tasksOfUnit = tasksOfUnit
    self.tasksOfFamily = tasksOfFamily
    let mustStay = Set(scenario.policy.mustStay)
    var providers: [[String]] = []
    var fixed: [Fixed?] = []
    for task in scenario.tasks {
      let family = families[task.family]
      var list: [String] = []
      for p in task.providers ?? family?.providers ?? [] where !list.contains(p) {
        if units[p]?.isProvider == true { list.append(p) }
      }
      if task.dedicated {
        fixed.append(.dedicated)
      } else if mustStay.contains(task.id) {
        fixed.append(.mustStay)
      } else if list.isEmpty || family == nil {
        fixed.append(.notEligible)
      } else {
        fixed.append(nil)
      }
      providers.append(fixed.last! == nil ? list : [])
    }
    self.providers = providers
    self.fixed = fixed

    var centres: [CentreData] = []
    var centreIndex: [Centre: Int] = [:]
    for family in scenario.families {
      var candidates = family.providers
      for p in family.centres.keys.sorted() where !candidates.contains(p) { candidates.append(p) }
      for p in candidates where units[p]?.isProvider == true {
        let local = family.centres[p]
        let existing = max(local?.existingFTE ?? 0, 0)
        let isOpen = (local?.isOpen ?? false) || existing > 0
        var maximum = existing
        var used = false
        for t in tasksOfFamily[family.id] ?? [] where providers[t].contains(p) {
          let task = scenario.tasks[t]
          used = true
          if task.at[p]?.annualCost == nil { maximum += task.at[p]?.fte ?? task.fte }
        }
        guard used || isOpen else { continue }
        let key = Centre(provider: p, family: family.id)
        let terms = family.terms(at: p)
        let curve = ScaleCurve(points: family.scale(at: p))
        let baseline = isOpen ? max(curve.value(at: existing), terms.minFTE) : 0
        centreIndex[key] = centres.count
        centres.append(
          CentreData(
            key: key, terms: terms, curve: curve, existingFTE: existing, isOpen: isOpen,
            rate: (units[p]?.providerRate ?? 0) * (1 + Self.vatRate(of: units[p])), maximumPooled: maximum,
            baselineEffective: baseline,
            pieces: curve.pieces(upTo: maximum)))
      }
    }
    self.centres = centres
    self.centreIndex = centreIndex
    var centresOfProvider: [String: [Int]] = [:]
    for (c, centre) in centres.enumerated() { centresOfProvider[centre.key.provider, default: []].append(c) }
    self.centresOfProvider = centresOfProvider

    var annual = 0.0
    var fte = 0.0
    for task in scenario.tasks {
      annual += Self.homeCost(task, units: units)
      fte += task.fte
    }
    for centre in centres where centre.isOpen {
      annual += centre.rate * centre.baselineEffective + centre.terms.annualOverhead
      fte += centre.baselineEffective
    }
    baselineAnnual = annual
    baselineFTE = fte

    var deadlineYear: [String: Int] = [:]
    for deadline in scenario.policy.deadlines {
      deadlineYear[deadline.family] = min(deadlineYear[deadline.family] ?? deadline.year, deadline.year)
    }
    self.deadlineYear = deadlineYear
    let taskIndex = self.taskIndex
    var groups: [TogetherGroup] = []
    var groupOfTask: [Int: Int] = [:]
    for (g, members) in scenario.policy.together.enumerated() {
      let indices = members.compactMap { taskIndex[$0] }
      guard indices.count >= 2 else { continue }
      groups.append(TogetherGroup(index: g, tasks: indices))
      for t in indices where groupOfTask[t] == nil { groupOfTask[t] = g }
    }
    togetherGroups = groups
    togetherGroupOfTask = groupOfTask
    (blockOfFamily, blockCount) = Self.blocks(scenario, taskIndex: taskIndex)
    replanning = ReplanningFacts(
      scenario, years: years, taskIndex: taskIndex,
      providerIDs: Set(scenario.units.filter(\.isProvider).map(\.id)))
  }

  /// The block of each family and the number of blocks: families joined by union-find over the
  /// together groups, each block numbered at its first family.
  private static func blocks(
    _ scenario: Scenario, taskIndex: [String: Int]
  ) -> (blocks: [String: Int], count: Int) {
    var familyIndex: [String: Int] = [:]
    for family in scenario.families where familyIndex[family.id] == nil {
      familyIndex[family.id] = familyIndex.count
    }
    var parent = Array(0..<familyIndex.count)
    func root(_ f: Int) -> Int {
      var f = f
      while parent[f] != f { f = parent[f] }
      return f
    }
    // A task kept apart from other families links its family with theirs (``separationLinks``).
    let linked =
      scenario.policy.together.map { members in
        members.compactMap { taskIndex[$0] }.map { scenario.tasks[$0].family }
      }
      + separationLinks(scenario)
    for members in linked {
      let families = members.compactMap { familyIndex[$0] }
      for f in families.dropFirst() {
        let (a, b) = (root(families[0]), root(f))
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    var blockOfRoot: [Int: Int] = [:]
    var blocks: [String: Int] = [:]
    for (id, f) in familyIndex.sorted(by: { $0.value < $1.value }) {
      let r = root(f)
      if blockOfRoot[r] == nil { blockOfRoot[r] = blockOfRoot.count }
      blocks[id] = blockOfRoot[r]!
    }
    return (blocks, blockOfRoot.count)
  }

  private static func homeCost(_ task: ITTask, units: [String: OrgUnit]) -> Double {
    task.fte * (units[task.unit]?.costPerFTE ?? 0) + task.nonStaffCost
  }

  /// Annual cost of task `t` at home (staff and non-staff), EUR/year.
  func homeCost(_ t: Int) -> Double { Self.homeCost(scenario.tasks[t], units: units) }

  /// Workload of task `t` at provider `p`, FTE.
  func workload(_ t: Int, at p: String) -> Double {
    let task = scenario.tasks[t]
    return task.at[p]?.fte ?? task.fte
  }

  /// Quoted annual cost of the whole task `t` at `p` with the provider's VAT, if quoted.
  func quote(_ t: Int, at p: String) -> Double? {
    scenario.tasks[t].at[p]?.annualCost.map { $0 * (1 + vatRate(p)) }
  }

  /// One-time cost of moving the whole task `t` to `p`.
  func transitionCost(_ t: Int, to p: String) -> Double {
    let task = scenario.tasks[t]
    return task.at[p]?.transitionCost ?? task.transitionCost
      ?? (families[task.family]?.transitionCostPerFTE ?? 0) * task.fte
  }

  /// Whether task `t` must move (must-move list or a deadline of its family).
  func mustMove(_ t: Int) -> Bool {
    let task = scenario.tasks[t]
    return scenario.policy.mustMove.contains(task.id) || hasDeadline(t) || replanning.done[t] != nil
      || replanning.taskDeadlineYear[t] != nil
  }

  /// Whether the family of task `t` has a deadline and `t` is movable.
  func hasDeadline(_ t: Int) -> Bool {
    fixed[t] == nil && deadlineYear[scenario.tasks[t].family] != nil
  }

  /// The units at or below `unit` in the organisation tree.
  func subtree(of unit: String) -> Set<String> {
    var result: Set<String> = [unit]
    var changed = true
    while changed {
      changed = false
      for u in scenario.units where !result.contains(u.id) {
        if let parent = u.parent, result.contains(parent) {
          result.insert(u.id)
          changed = true
        }
      }
    }
    return result
  }

  /// Pilot tasks of `family`: movable tasks of the family at (or below) a pilot unit.
  func pilotTasks(of family: String) -> [Int] {
    var pilotUnits: Set<String> = []
    for pilot in scenario.policy.pilots where pilot.family == family {
      pilotUnits.formUnion(subtree(of: pilot.unit))
    }
    return (tasksOfFamily[family] ?? []).filter {
      fixed[$0] == nil && pilotUnits.contains(scenario.tasks[$0].unit)
    }
  }

  /// The families with a pilot, in order of first mention.
  var pilotFamilies: [String] {
    var seen: [String] = []
    for pilot in scenario.policy.pilots where !seen.contains(pilot.family) { seen.append(pilot.family) }
    return seen
  }

  /// What the retention rule asks unit `unit` to keep, FTE, with the IT work today that counts for
  /// it (every task's, or only the retained-role families' when the scenario marks any; the
  /// share is taken of all its IT work, the amount kept is at most the work that counts).
  func retainedFTE(unit: String) -> (total: Double, keep: Double)? {
    guard let rule = scenario.policy.retained else { return nil }
    let all = (tasksOfUnit[unit] ?? []).reduce(0) { $0 + scenario.tasks[$1].fte }
    let total = retainedTasks(unit: unit).reduce(0) { $0 + scenario.tasks[$1].fte }
    return (total, min(total, max(rule.minFTE, rule.minShare * all)))
  }

  /// Units that do IT work today and are not providers, in scenario order.
  var homeUnits: [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for task in scenario.tasks where !seen.contains(task.unit) && units[task.unit]?.isProvider != true {
      seen.insert(task.unit)
      result.append(task.unit)
    }
    return result
  }

  /// Display name of a unit, family or task id.
  func unitName(_ id: String) -> String { units[id]?.name ?? id }

  /// Display name of a family.
  func familyName(_ id: String) -> String { families[id]?.name ?? id }
}
