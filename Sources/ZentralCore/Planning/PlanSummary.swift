/// The short text summary of a plan that `zentral plan` prints.
public enum PlanSummary {
  /// Status, baseline and plan NPV, savings, payback year, moved FTE per wave, centres opened;
  /// for an infeasible scenario the conflicting rules. A gap is shown only with a computed bound
  /// ("no bound yet" otherwise); the plan's warnings follow the status.
  public static func text(_ plan: Plan) -> String {
    var lines: [String] = []
    var status = plan.status.rawValue
    if plan.status != .optimal, plan.hasSolution {
      if let gap = plan.gap, plan.hasBound {
        status += gap * 100 < 0.01 ? " (gap < 0.01%)" : " (gap \(PlanText.number(gap * 100))%)"
      } else {
        status += " (no bound yet)"
      }
    }
    lines.append("status:       \(status)")
    for warning in plan.warnings ?? [] { lines.append("warning:      \(warning)") }
    lines.append("baseline NPV: \(PlanText.euros(plan.baseline))")
    guard plan.hasSolution, let npv = plan.npv else {
      if plan.status == .infeasible {
        lines.append("no plan satisfies every rule: \(plan.message ?? "the conflict was not analysed")")
        for conflict in plan.conflicts { lines.append("  - \(conflict.text) [\(conflict.id)]") }
      } else {
        lines.append("no plan was found before the search ended")
      }
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append("plan NPV:     \(PlanText.euros(npv))")
    if let objective = plan.objective, abs(objective - npv) > 1e-6 {
      lines.append("objective:    \(PlanText.euros(objective)) (NPV plus concern and disruption penalties)")
    }
    lines.append("savings:      \(PlanText.euros(plan.savings ?? 0)) over \(plan.horizon.years) years")
    if let totals = plan.totals {
      lines.append("annual savings at steady state: \(PlanText.euros(totals.annualSavings)) a year")
    }
    lines.append("payback year: \(plan.paybackYear.map(String.init) ?? "none within the horizon")")
    let waves = plan.waves.map { "\($0.year): \(PlanText.number($0.movedFTE)) FTE" }
    lines.append("moved per wave: \(waves.joined(separator: ", "))")
    let opened = plan.centres.filter { !$0.alreadyOpen }
    if opened.isEmpty {
      lines.append("centres opened: none")
    } else {
      lines.append("centres opened:")
      for centre in opened {
        lines.append("  - \(centre.family) at \(centre.provider) in \(centre.openedYear)")
      }
    }
    let moved = plan.tasks.filter { $0.share > 0 }.count
    lines.append("tasks: \(moved) of \(plan.tasks.count) move")
    return lines.joined(separator: "\n") + "\n"
  }
}
