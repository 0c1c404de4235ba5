import ZentralPlan

/// Look-ups into a plan shared by the exporters: names, families, tasks per unit, centres.
struct PlanIndex: Sendable {
  let plan: Plan
  /// Unit name by id.
  let unitNames: [String: String]
  /// Unit kind by id.
  let unitKinds: [String: Plan.UnitKind]
  /// Family name by id.
  let familyNames: [String: String]
  /// Colour index by family id (scenario order).
  let familyIndex: [String: Int]
  /// Unit summaries by id.
  let units: [String: Plan.UnitSummary]
  /// Tasks by home unit, in plan order.
  let tasksByUnit: [String: [Plan.TaskDecision]]
  /// Task name by id.
  let taskNames: [String: String]
  /// Tasks moved (in full or in part) into a centre, with the share moved, by `[provider, family]`.
  let movedByCentre: [[String]: [(task: Plan.TaskDecision, share: Double)]]

  init(_ plan: Plan) {
    self.plan = plan
    var unitNames: [String: String] = [:]
    var unitKinds: [String: Plan.UnitKind] = [:]
    for node in plan.org where unitNames[node.id] == nil {
      unitNames[node.id] = node.name
      unitKinds[node.id] = node.kind
    }
    for unit in plan.units where unitNames[unit.id] == nil {
      unitNames[unit.id] = unit.name
      unitKinds[unit.id] = unit.kind
    }
    self.unitNames = unitNames
    self.unitKinds = unitKinds
    var familyNames: [String: String] = [:]
    var familyIndex: [String: Int] = [:]
    let order = plan.families.map(\.id) + plan.tasks.map(\.family) + plan.centres.map(\.family)
    for id in order where familyIndex[id] == nil { familyIndex[id] = familyIndex.count }
    for family in plan.families where familyNames[family.id] == nil {
      familyNames[family.id] = family.name
    }
    self.familyNames = familyNames
    self.familyIndex = familyIndex
    var units: [String: Plan.UnitSummary] = [:]
    for unit in plan.units where units[unit.id] == nil { units[unit.id] = unit }
    self.units = units
    self.tasksByUnit = Dictionary(grouping: plan.tasks, by: \.unit)
    var taskNames: [String: String] = [:]
    var moved: [[String]: [(task: Plan.TaskDecision, share: Double)]] = [:]
    for task in plan.tasks {
      if taskNames[task.id] == nil { taskNames[task.id] = task.name }
      var shares: [String: Double] = [:]
      var providers: [String] = []
      for part in task.moves {
        if shares[part.provider] == nil { providers.append(part.provider) }
        shares[part.provider, default: 0] += part.share
      }
      for provider in providers where shares[provider]! > 0 {
        moved[[provider, task.family], default: []].append((task, shares[provider]!))
      }
    }
    self.taskNames = taskNames
    self.movedByCentre = moved
  }

  /// The name of a unit (its id if it has none), marked as a name (``Escape/name(_:)``).
  func unitName(_ id: String) -> String { Escape.name(unitNames[id] ?? id) }
  /// The name of a family, marked as a name.
  func familyName(_ id: String) -> String { Escape.name(familyNames[id] ?? id) }
  /// The name of a task by id, marked as a name.
  func taskName(_ id: String) -> String { Escape.name(taskNames[id] ?? id) }
  /// The name of a task, marked as a name.
  func name(_ task: Plan.TaskDecision) -> String { Escape.name(task.name) }

  /// Whether the plan holds a solution (decisions exist).
  var hasSolution: Bool { plan.hasSolution }

  /// The last year of the horizon.
  var lastYear: Int { plan.lastYear }

  /// Whether a centre is open in the last year of the plan.
  func isOpenAtEnd(_ centre: Plan.CentreSummary) -> Bool { centre.years.last?.open ?? true }

  /// FTE of a task moved by the end of the plan.
  func movedFTE(_ task: Plan.TaskDecision) -> Double { task.fte * task.share }

  /// Tasks moved (in full or in part) into the centre of `family` at `provider`.
  func movedTasks(provider: String, family: String) -> [(task: Plan.TaskDecision, share: Double)] {
    movedByCentre[[provider, family]] ?? []
  }

  /// Rounds sums to 1e-6 like the plan does, so that exports are stable.
  static func clean(_ value: Double) -> Double {
    let rounded = (value * 1e6).rounded() / 1e6
    return rounded == 0 ? 0 : rounded
  }
}
