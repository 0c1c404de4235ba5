/// Why a task is decided the way it is: the rule that decided it and its numbers, never a
/// sentence (``PlanWords`` renders it). Which fields are present depends on ``rule``:
///
/// - `dedicated`: `note` (the scenario's reason, if it gives one);
/// - `not_eligible`, `must_stay`: nothing more;
/// - `must_move`: `year` when the task must have moved by a year;
/// - `deadline`: `year` (its family's deadline or its own, whichever is earlier), `own: true`
///   when it is the task's own deadline;
/// - `done`: `year` (the decision was already carried out; provider and year are the decision's);
/// - `economic`: `flip` (what the opposite decision would change), and `close_call` when the
///   flip costs less than the close-call threshold;
/// - `infeasible_flip`: `conflicts` (the rules that forbid the opposite);
/// - `not_computed`: `why` (the flip was not priced).
///
/// `together` lists the other tasks of its together group for the last three. `barred` lists, for
/// a confidential task, the private providers it may not go to (with any rule).
public struct TaskReason: Codable, Sendable, Equatable {
  /// The rule that decided a task.
  public enum Rule: String, PlanEnum {
    /// The scenario marks the task dedicated to its unit: it stays.
    case dedicated
    /// No provider may take over work of its family: it stays.
    case notEligible = "not_eligible"
    /// The policy says it must stay.
    case mustStay = "must_stay"
    /// The policy says it must move.
    case mustMove = "must_move"
    /// A deadline of its family makes it move.
    case deadline
    /// Decided on the merits; the opposite would cost ``TaskReason/flip``.
    case economic
    /// Decided on the merits, and the opposite has no feasible plan (``TaskReason/conflicts``).
    case infeasibleFlip = "infeasible_flip"
    /// Decided on the merits; what the opposite would cost was not computed (``TaskReason/why``).
    case notComputed = "not_computed"
    /// Already carried out (`policy.done`): fixed, its one-off costs sunk.
    case done
  }

  /// Why a flip was not priced.
  public enum NotComputed: String, PlanEnum {
    /// The time limit ended the run first.
    case timeLimit = "time_limit"
    /// The run was stopped (Ctrl-C).
    case stopped
    /// The plan has no proven bound, so a flip cost would not be exact.
    case noBound = "no_bound"
    /// The flip's re-solve ended without a proven optimum.
    case unproven
    /// The plan was solved by decomposition, where flips are not priced.
    case decomposed
    /// Pricing flips was switched off, or not asked for this task.
    case notRequested = "not_requested"
    /// The explain budget (`--explain-budget`) was used up before its re-solve found a plan
    /// and a bound.
    case explainBudget = "explain_budget"
  }

  /// What flipping a decision (keeping a moved task, moving a kept task in full) changes in the
  /// objective, split into money and penalty; positive means the flip costs more.
  public struct Flip: Codable, Sendable, Equatable {
    /// Change of the plan's NPV, EUR.
    public var money: Double
    /// Change of the concern and disruption penalties, EUR-equivalent.
    public var penalty: Double
    /// When the explain budget cut the flip's re-solve short: the least the flip costs in all
    /// (money plus penalty), from the re-solve's bound. ``money`` and ``penalty`` are then those of
    /// the best flipped plan found, so their sum is the most it costs: a bracket, not a figure.
    public var atLeast: Double?

    enum CodingKeys: String, CodingKey {
      case money, penalty
      case atLeast = "at_least"
    }

    /// Creates a flip.
    public init(money: Double, penalty: Double, atLeast: Double? = nil) {
      self.money = money
      self.penalty = penalty
      self.atLeast = atLeast
    }

    /// Whether the flip cost is a bracket (at least ``atLeast``, at most ``total``).
    public var isBracket: Bool { atLeast != nil }

    /// Money plus penalty: the change of the objective.
    public var total: Double { money + penalty }
  }

  /// The rule.
  public var rule: Rule
  /// For `dedicated`: the scenario's reason, if it gives one.
  public var note: String?
  /// For `deadline`: the year by which the family moves.
  public var year: Int?
  /// For `economic`: what the opposite would change.
  public var flip: Flip?
  /// For `infeasible_flip`: the rules that forbid the opposite (empty: no plan at all).
  public var conflicts: [Conflict]?
  /// For `not_computed`: why not.
  public var why: NotComputed?
  /// The other tasks of its together group, which flip with it.
  public var together: [String]?
  /// For `economic`: set when the flip costs less than the close-call threshold.
  public var closeCall: CloseCall?
  /// For `deadline`: `true` when the year is the task's own deadline, not its family's.
  public var own: Bool?
  /// For a confidential task: the eligible private providers it may not go to.
  public var barred: [String]?

  enum CodingKeys: String, CodingKey {
    case rule
    case note
    case year
    case flip
    case conflicts
    case why
    case together
    case closeCall = "close_call"
    case own
    case barred
  }

  /// Creates a reason.
  public init(
    rule: Rule, note: String? = nil, year: Int? = nil, flip: Flip? = nil, conflicts: [Conflict]? = nil,
    why: NotComputed? = nil, together: [String]? = nil, barred: [String]? = nil
  ) {
    self.rule = rule
    self.note = note
    self.year = year
    self.flip = flip
    self.conflicts = conflicts
    self.why = why
    self.together = together
    self.barred = barred
  }
}
