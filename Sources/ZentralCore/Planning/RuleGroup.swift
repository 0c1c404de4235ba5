/// A rule of the scenario as the optimiser enforces it: a group of constraints that the
/// infeasibility diagnosis switches off as a whole to find which rules conflict.
public enum RuleGroup: Hashable, Sendable, CustomStringConvertible {
  /// The headcount ceiling of a provider in one year.
  case capacity(provider: String, year: Int)
  /// The one-time budget of one wave.
  case budget(year: Int)
  /// The change capacity (FTE moved) of one wave.
  case changeCapacity(year: Int)
  /// The pilot order of a family.
  case pilot(family: String)
  /// The deadline of a family.
  case deadline(family: String)
  /// A group of tasks that move together (its position in the policy).
  case together(index: Int)
  /// A task that must move.
  case mustMove(task: String)
  /// The IT work a unit keeps.
  case retained(unit: String)
  /// The annual cost savings target.
  case savingsCost
  /// The FTE savings target.
  case savingsFTE
  /// The critical mass of a competence centre.
  case criticalMass(provider: String, family: String)
  /// The deadline of one task (`deadlines: [{task, by}]`).
  case taskDeadline(task: String)
  /// A decision already carried out (`policy.done`).
  case done(task: String)
  /// A confidential task kept from private providers.
  case confidential(task: String)
  /// A task kept apart from the work of other families at the provider it moves to.
  case separation(task: String)
  /// The roles a unit keeps (`policy.retained` counted over the retained-role families only).
  case retainedRole(unit: String)

  /// The kind of rule, as used in plans (`capacity`, `budget`, `must_move`, ...).
  public var kind: String {
    switch self {
    case .capacity: "capacity"
    case .budget: "budget"
    case .changeCapacity: "change_capacity"
    case .pilot: "pilot_order"
    case .deadline: "deadline"
    case .together: "together"
    case .mustMove: "must_move"
    case .retained: "retained"
    case .savingsCost, .savingsFTE: "savings_target"
    case .criticalMass: "critical_mass"
    case .taskDeadline: "deadline"
    case .done: "done"
    case .confidential: "confidential"
    case .separation: "separation"
    case .retainedRole: "retained_role"
    }
  }

  /// A short identifier, e.g. `capacity(it-referat,2026)`.
  public var description: String {
    switch self {
    case .capacity(let p, let y): "capacity(\(p),\(y))"
    case .budget(let y): "budget(\(y))"
    case .changeCapacity(let y): "change(\(y))"
    case .pilot(let f): "pilot(\(f))"
    case .deadline(let f): "deadline(\(f))"
    case .together(let i): "together(\(i + 1))"
    case .mustMove(let t): "must_move(\(t))"
    case .retained(let u): "retained(\(u))"
    case .savingsCost: "savings_target(annual_cost)"
    case .savingsFTE: "savings_target(fte)"
    case .criticalMass(let p, let f): "critical_mass(\(p),\(f))"
    case .taskDeadline(let t): "task_deadline(\(t))"
    case .done(let t): "done(\(t))"
    case .confidential(let t): "confidential(\(t))"
    case .separation(let t): "separation(\(t))"
    case .retainedRole(let u): "retained_role(\(u))"
    }
  }
}
