/// One rule of a conflict (a scenario without a plan, or a flip that has none), with the numbers
/// of the rule. Which fields are present depends on ``rule``:
///
/// - `capacity`: `provider`, `year`, `limit` (FTE);
/// - `budget`, `change_capacity`: `year`, `limit` (EUR, FTE);
/// - `pilot_order`: `family`, `units` (the pilot units);
/// - `deadline`: `family`, `year` (a family's deadline) or `task`, `year` (one task's);
/// - `together`: `tasks`;
/// - `must_move`: `task`, and `year` when it must have moved by a year;
/// - `done`: `task`, `provider`, `year` (a decision already carried out);
/// - `retained`: `unit`, `limit` (FTE kept), `total` (FTE of IT work);
/// - `savings_target`: `measure`, `limit` (EUR/year or FTE), `year`;
/// - `critical_mass`: `provider`, `family`, `limit` (FTE);
/// - `confidential`: `task`, `units` (the private providers it is kept from);
/// - `separation`: `task`, `families` (the families it is kept apart from);
/// - `retained_role`: `unit`, `limit` (FTE kept), `total` (FTE of its retained-role tasks),
///   `families` (the retained-role families).
public struct Conflict: Codable, Sendable, Equatable {
  /// The kind of a rule.
  public enum Rule: String, PlanEnum {
    /// The headcount ceiling of a provider in one year.
    case capacity
    /// The one-time budget of one wave.
    case budget
    /// The change capacity (FTE moved) of one wave.
    case changeCapacity = "change_capacity"
    /// The pilot order of a family.
    case pilotOrder = "pilot_order"
    /// The deadline of a family.
    case deadline
    /// Tasks that move together.
    case together
    /// A task that must move.
    case mustMove = "must_move"
    /// The IT work a unit keeps.
    case retained
    /// A savings target.
    case savingsTarget = "savings_target"
    /// The critical mass of a competence centre.
    case criticalMass = "critical_mass"
    /// A decision already carried out.
    case done
    /// A confidential task may not go to a private provider.
    case confidential
    /// A task kept apart from the work of other families.
    case separation
    /// The roles a unit keeps (the retained rule over the retained-role families).
    case retainedRole = "retained_role"
  }

  /// What a savings target measures.
  public enum Measure: String, PlanEnum {
    /// Annual running cost, EUR/year.
    case annualCost = "annual_cost"
    /// FTE.
    case fte
  }

  /// The kind of rule.
  public var rule: Rule
  /// Provider unit id.
  public var provider: String?
  /// Unit id.
  public var unit: String?
  /// Family id.
  public var family: String?
  /// Task id.
  public var task: String?
  /// Task ids.
  public var tasks: [String]?
  /// Unit ids.
  public var units: [String]?
  /// Year.
  public var year: Int?
  /// The rule's limit (FTE or EUR, see the rule).
  public var limit: Double?
  /// For `retained`: the unit's IT work today, FTE.
  public var total: Double?
  /// For `savings_target`: what it measures.
  public var measure: Measure?
  /// Family ids (for `separation` and `retained_role`).
  public var families: [String]?

  /// Creates a conflict entry.
  public init(
    rule: Rule, provider: String? = nil, unit: String? = nil, family: String? = nil, task: String? = nil,
    tasks: [String]? = nil, units: [String]? = nil, year: Int? = nil, limit: Double? = nil,
    total: Double? = nil, measure: Measure? = nil, families: [String]? = nil
  ) {
    self.rule = rule
    self.provider = provider
    self.unit = unit
    self.family = family
    self.task = task
    self.tasks = tasks
    self.units = units
    self.year = year
    self.limit = limit
    self.total = total
    self.measure = measure
    self.families = families
  }
}
