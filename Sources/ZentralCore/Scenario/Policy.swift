/// The rules a plan must respect, as decided by the administration or the council.
public struct Policy: Equatable, Sendable {
  /// What each department keeps (IT coordination, demand management).
  public var retained: RetainedOrganisation?
  /// One-time money available per wave, EUR (`nil`: no limit).
  public var budget: YearValues?
  /// Change capacity: FTE that can be moved per wave (`nil`: no limit).
  public var maxMovedFTEPerWave: YearValues?
  /// Pilots: a family moves first at the pilot unit, elsewhere only in later waves.
  public var pilots: [Pilot]
  /// Deadlines: every movable task of a family has moved by the given year.
  public var deadlines: [Deadline]
  /// Groups of tasks that move together (same provider, same wave, same share).
  public var together: [[String]]
  /// Tasks that must move.
  public var mustMove: [String]
  /// Tasks that must stay.
  public var mustStay: [String]
  /// Required savings at steady state (the last year of the horizon).
  public var savingsTarget: SavingsTarget?
  /// The smallest part of a divisible task that may move, FTE (0: no minimum); a whole task
  /// always may move.
  public var minMoveFTE: Double
  /// No layoffs: staff a centre does not need stay until attrition (`nil`: savings from fewer
  /// staff count from the year of the move).
  public var noLayoffs: NoLayoffs?
  /// Parallel running: months (0 to 12) in the year of a move during which the task's home cost
  /// goes on besides its new cost.
  public var parallelRunningMonths: Double = 0
  /// Years by which must-move tasks have moved (`must_move` entries `{task, by}`), by task id.
  public var mustMoveBy: [String: Int] = [:]
  /// Deadlines of single tasks (`deadlines` entries `{task, by}`).
  public var taskDeadlines: [TaskDeadline] = []
  /// Decisions already carried out (re-planning after the first waves).
  public var done: [DoneMove] = []
  /// Flip cost (EUR, money plus penalty) below which a decision is a close call; `nil`: 1 % of
  /// the task's annual cost at home, at least ``Policy/defaultTieFloor``.
  public var tieThreshold: Double?

  /// The smallest default close-call threshold, EUR.
  public static let defaultTieFloor = 1_000.0

  /// Creates a policy; everything defaults to "no rule".
  public init(
    retained: RetainedOrganisation? = nil,
    budget: YearValues? = nil,
    maxMovedFTEPerWave: YearValues? = nil,
    pilots: [Pilot] = [],
    deadlines: [Deadline] = [],
    together: [[String]] = [],
    mustMove: [String] = [],
    mustStay: [String] = [],
    savingsTarget: SavingsTarget? = nil,
    minMoveFTE: Double = Policy.defaultMinMoveFTE,
    noLayoffs: NoLayoffs? = nil
  ) {
    self.retained = retained
    self.budget = budget
    self.maxMovedFTEPerWave = maxMovedFTEPerWave
    self.pilots = pilots
    self.deadlines = deadlines
    self.together = together
    self.mustMove = mustMove
    self.mustStay = mustStay
    self.savingsTarget = savingsTarget
    self.minMoveFTE = minMoveFTE
    self.noLayoffs = noLayoffs
  }

  /// The default of `policy.min_move_fte`: half a post.
  public static let defaultMinMoveFTE = 0.5
}

/// The IT work each department keeps: at least `minFTE` FTE and at least `minShare` of its IT
/// workload today (never more than it has).
public struct RetainedOrganisation: Equatable, Sendable {
  /// Minimum share of today's IT workload kept, 0...1.
  public var minShare: Double
  /// Minimum FTE kept.
  public var minFTE: Double

  /// Creates a retention rule.
  public init(minShare: Double = 0, minFTE: Double = 0) {
    self.minShare = minShare
    self.minFTE = minFTE
  }
}

/// A pilot: `family` moves first at `unit`; its tasks elsewhere move only in later waves.
public struct Pilot: Equatable, Sendable {
  /// The family piloted.
  public var family: String
  /// The pilot unit.
  public var unit: String

  /// Creates a pilot.
  public init(family: String, unit: String) {
    self.family = family
    self.unit = unit
  }
}

/// A deadline: every movable task of `family` (not dedicated, not must-stay) has moved by `year`.
public struct Deadline: Equatable, Sendable {
  /// The family.
  public var family: String
  /// The last year in which its tasks may move.
  public var year: Int

  /// Creates a deadline.
  public init(family: String, year: Int) {
    self.family = family
    self.year = year
  }
}

/// Savings the plan must reach in the last year of the horizon compared with the status quo.
public struct SavingsTarget: Equatable, Sendable {
  /// Annual running cost saved, EUR/year.
  public var annualCost: Double?
  /// IT workload saved, FTE (own staff plus FTE bought from shared providers).
  public var fte: Double?

  /// Creates a savings target.
  public init(annualCost: Double? = nil, fte: Double? = nil) {
    self.annualCost = annualCost
    self.fte = fte
  }
}

/// What the optimiser minimises.
public struct Objective: Equatable, Sendable {
  /// Weight of disruption: EUR-equivalent added per FTE moved (0: cost only).
  public var disruptionWeight: Double

  /// Creates an objective.
  public init(disruptionWeight: Double = 0) {
    self.disruptionWeight = disruptionWeight
  }
}
