public import ZentralPlan

/// Rewrites a real plan from fuzz bytes: any Unicode in every name, id and text, any unit kind,
/// legal form and reason, and any shape of org tree (flat, deep chains, dangling and cyclic
/// parents, duplicate ids), with tasks, moves, conflicts, funding and staff pointing anywhere. Figures stay finite, as in every plan a JSON file can hold.
public enum PlanShaper {
  /// The largest org tree shaped. Deep trees are a known slow case of issue 17 (1,000 levels
  /// take 16 s to export); the fuzzer's time goes further with small ones.
  public static let maxUnits = 48

  /// A plan built from one of `templates` (which must not be empty).
  public static func plan(from input: inout FuzzInput, templates: [Plan]) -> Plan {
    var plan = input.pick(templates)
    plan.language = input.pick(ReportLanguage.allCases)
    plan.scenario = input.string(maxLength: 12)
    plan.status = input.pick(Plan.Status.allCases)
    if input.chance(0.2) { plan.gap = figure(&input) }

    // The org tree.
    let kinds = Plan.UnitKind.allCases
    let shape = input.byte() % 4  // 0 tree, 1 chain, 2 flat, 3 anything goes
    let count = input.int(in: 0...maxUnits)
    var ids: [String] = []
    if let prototype = plan.org.first {
      var org: [Plan.OrgNode] = []
      for i in 0..<count {
        var node = prototype
        node.id = input.chance(0.8) ? "u\(i)" : input.string(maxLength: 6)
        node.name = input.string(maxLength: 16)
        node.kind = input.pick(kinds)
        node.legalForm = input.chance(0.3) ? input.pick(Plan.LegalForm.allCases) : nil
        switch shape {
        case 0: node.parent = ids.isEmpty || input.chance(0.05) ? nil : input.pick(ids)
        case 1: node.parent = ids.last
        case 2: node.parent = ids.first
        default:
          node.parent =
            input.chance(0.2)
            ? nil : input.chance(0.3) ? input.string(maxLength: 4) : "u\(input.int(in: 0...count))"
        }
        ids.append(node.id)
        org.append(node)
      }
      plan.org = org
    }
    if ids.isEmpty { ids = [""] }

    // Units, tasks, centres, families and conflicts point at the new ids, or anywhere.
    func someID() -> String { input.chance(0.9) ? input.pick(ids) : input.string(maxLength: 4) }
    plan.units = plan.units.map { unit in
      var unit = unit
      unit.id = someID()
      unit.name = input.string(maxLength: 12)
      unit.kind = input.pick(kinds)
      if input.chance(0.2) { unit.fteAfter = figure(&input) }
      return unit
    }
    if let prototype = plan.tasks.first {
      plan.tasks = (0..<input.int(in: 0...10)).map { i in
        var task = plan.tasks.indices.contains(i) ? plan.tasks[i] : prototype
        task.id = input.chance(0.7) ? "t\(i)" : input.string(maxLength: 6)
        task.name = input.string(maxLength: 16)
        task.unit = someID()
        task.family = input.chance(0.8) ? task.family : input.string(maxLength: 4)
        task.decision = input.pick(Plan.Decision.allCases)
        task.reason = reason(&input, ids: ids, old: task.reason)
        if input.chance(0.3) { task.fte = figure(&input) }
        if input.chance(0.2) { task.posts = input.pick([nil, 0, 1, 3, 100_000]) }
        if input.chance(0.4) {
          task.moves = (0..<input.int(in: 0...3)).map { _ in
            var part = Plan.MovePart(
              provider: someID(), year: 2025 + input.int(in: 0...3), share: input.pick([0, 0.5, 1, 1e-9]))
            if input.chance(0.3) { part.posts = input.pick([0, 1, 7]) }
            return part
          }
          task.provider = task.moves.first?.provider
        }
        return task
      }
    }
    plan.centres = plan.centres.map { centre in
      var centre = centre
      if input.chance(0.5) { centre.provider = someID() }
      if input.chance(0.3) { centre.family = input.string(maxLength: 6) }
      if input.chance(0.2) { centre.setupCost = figure(&input) }
      return centre
    }
    plan.families = plan.families.map { family in
      var family = family
      family.name = input.string(maxLength: 12)
      return family
    }
    if plan.status == .infeasible || input.chance(0.1) {
      let conflicts = (0..<input.int(in: 0...3)).map { _ in
        Conflict(
          rule: input.pick(Conflict.Rule.allCases), provider: someID(), unit: someID(),
          family: input.string(maxLength: 6), task: someID(), year: 2025 + input.int(in: 0...3),
          limit: figure(&input), total: figure(&input))
      }
      plan.diagnosis = Plan.Diagnosis(
        conflicts: conflicts, shortfall: nil,
        tasks: plan.tasks.map { Plan.TaskName(id: $0.id, name: input.string(maxLength: 8)) })
    }
    if input.chance(0.2) {
      plan.funding = Plan.FundingSummary(
        programmes: [
          Plan.FundingSummary.Programme(
            task: input.chance(0.5) ? someID() : nil, unit: input.chance(0.5) ? someID() : nil,
            share: input.pick([0.5, 1, 1e-9]), until: 2025 + input.int(in: 0...3))
        ],
        years: [Plan.FundingSummary.Year(year: 2025, plan: figure(&input), baseline: figure(&input))],
        total: figure(&input), totalNPV: figure(&input), baselineTotal: figure(&input))
    }
    if input.chance(0.2) {
      plan.staff = Plan.StaffSummary(
        minMoveFTE: input.pick([0, 0.5]), attritionRate: input.chance(0.5) ? 0.04 : nil,
        posts: [
          Plan.UnitPosts(
            unit: someID(), year: 2025, postsIn: input.int(in: 0...3), postsOut: input.int(in: 0...3),
            fteIn: figure(&input), fteOut: figure(&input))
        ],
        surplus: [Plan.Surplus(unit: someID(), year: 2025, fte: figure(&input), annualCost: figure(&input))])
    }
    return plan
  }

  /// A task's reason: any rule, with a note, a flip (exact or a bracket), a close call, a group
  /// and barred providers drawn from the bytes.
  private static func reason(_ input: inout FuzzInput, ids: [String], old: TaskReason) -> TaskReason {
    guard input.chance(0.7) else { return old }
    var reason = TaskReason(rule: input.pick(TaskReason.Rule.allCases))
    if input.chance(0.3) { reason.note = input.string(maxLength: 10) }
    if input.chance(0.3) { reason.year = 2025 + input.int(in: 0...3) }
    if input.chance(0.4) {
      reason.flip = TaskReason.Flip(
        money: figure(&input), penalty: figure(&input), atLeast: input.chance(0.3) ? figure(&input) : nil)
    }
    if input.chance(0.2) {
      reason.closeCall = CloseCall(
        threshold: figure(&input), alternative: input.pick(Plan.Decision.allCases),
        provider: input.chance(0.5) ? input.pick(ids) : nil, year: 2025 + input.int(in: 0...3))
    }
    if input.chance(0.2) { reason.why = input.pick(TaskReason.NotComputed.allCases) }
    if input.chance(0.2) { reason.together = [input.pick(ids), input.string(maxLength: 4)] }
    if input.chance(0.1) { reason.own = input.chance(0.5) }
    if input.chance(0.2) { reason.barred = [input.pick(ids), input.string(maxLength: 4)] }
    return reason
  }

  /// A finite figure, sometimes extreme.
  private static func figure(_ input: inout FuzzInput) -> Double {
    input.pick([0, 1, -1, 0.5, 1e-9, 123_456.789, 1e15, -1e15, 1e300, Double.leastNonzeroMagnitude])
  }
}
