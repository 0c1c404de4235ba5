import ZentralPlan
import ZentralSolver

/// The staff side of a plan: posts per move and per unit and year, transfer costs per move, and
/// the surplus staff per provider and year (docs/plan-format.md, `staff`).
extension PlanBuilder {
  /// Fills in posts and transfers of every move part and the plan's ``Plan/StaffSummary``.
  func addStaffFigures(to plan: inout Plan, result: SolveResult) {
    var rows: [String: [Int: (postsIn: Int, postsOut: Int, fteIn: Double, fteOut: Double)]] = [:]
    for (t, task) in scenario.tasks.enumerated() where t < plan.tasks.count {
      let posts = task.postCount
      plan.tasks[t].posts = posts
      for (i, part) in plan.tasks[t].moves.enumerated() {
        let moved = Int((part.share * Double(posts)).rounded())
        let fte = PlanText.clean(part.share * task.fte)
        plan.tasks[t].moves[i].posts = moved
        if let transfer = facts.units[part.provider]?.transfer {
          plan.tasks[t].moves[i].transfer = .init(
            form: transfer.form, oneTimeCost: PlanText.clean(transfer.oneTimeCostPerFTE * fte),
            annualCost: PlanText.clean(transfer.annualCostPerFTE * fte))
        }
        rows[task.unit, default: [:]][part.year, default: (0, 0, 0, 0)].postsOut += moved
        rows[task.unit, default: [:]][part.year, default: (0, 0, 0, 0)].fteOut += fte
        rows[part.provider, default: [:]][part.year, default: (0, 0, 0, 0)].postsIn += moved
        rows[part.provider, default: [:]][part.year, default: (0, 0, 0, 0)].fteIn += fte
      }
    }
    var posts: [Plan.UnitPosts] = []
    for unit in scenario.units {
      for (year, row) in (rows[unit.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
        posts.append(
          .init(
            unit: unit.id, year: year, postsIn: row.postsIn, postsOut: row.postsOut,
            fteIn: PlanText.clean(row.fteIn), fteOut: PlanText.clean(row.fteOut)))
      }
    }
    plan.staff = .init(
      minMoveFTE: scenario.policy.minMoveFTE, attritionRate: scenario.policy.noLayoffs?.attritionRate,
      posts: posts, surplus: surplus(result: result))
  }

  /// Surplus staff per provider and year: each centre's `U` at its least value given the plan's
  /// moves (the recursion of the `surplus` rows, with the centre's need from its scale curve and
  /// critical mass), summed per provider; providers with a surplus in some year, every year.
  func surplus(result: SolveResult) -> [Plan.Surplus] {
    guard let rule = scenario.policy.noLayoffs else { return [] }
    var fte: [String: [Double]] = [:]
    var cost: [String: [Double]] = [:]
    for (c, centre) in facts.centres.enumerated() {
      var previous = 0.0
      var previousEffective = centre.baselineEffective
      for k in facts.years.indices {
        // The centre's need as its summary states it (scale curve and critical mass): E itself
        // may exceed it in an optimum where the surplus costs the same (the last year, say).
        var effective = centre.curve.value(at: result.value(of: model.pooledWorkload(centre: c, by: k)))
        if result[model.open[c][k]] > 0.5 { effective = max(effective, centre.terms.minFTE) }
        let arriving = result.value(of: model.arrivingStaff(centre: c, wave: k))
        let value = max(0, (1 - rule.attritionRate) * (previous + previousEffective) + arriving - effective)
        let provider = centre.key.provider
        fte[provider, default: Array(repeating: 0, count: facts.years.count)][k] += value
        cost[provider, default: Array(repeating: 0, count: facts.years.count)][k] += centre.rate * value
        previous = value
        previousEffective = effective
      }
    }
    var rows: [Plan.Surplus] = []
    for unit in scenario.units {
      guard let values = fte[unit.id], values.contains(where: { $0 > 1e-6 }) else { continue }
      for (k, year) in facts.years.enumerated() {
        rows.append(
          .init(
            unit: unit.id, year: year, fte: PlanText.clean(values[k]),
            annualCost: PlanText.clean(cost[unit.id]?[k] ?? 0)))
      }
    }
    return rows
  }
}
