extension Plan {
  /// The policy of the scenario: the rules every plan respects.
  public struct PolicySummary: Codable, Sendable, Equatable {
    /// Minimum share of today's IT workload each department keeps, 0...1; absent without one.
    public var retainedMinShare: Double?
    /// Minimum FTE each department keeps; absent without one.
    public var retainedMinFTE: Double?
    /// One-time budget per wave, EUR (only waves with a limit).
    public var budget: [YearAmount]
    /// Change capacity per wave, FTE moved (only waves with a limit).
    public var maxMovedFTE: [YearAmount]
    /// Pilots: family and pilot unit.
    public var pilots: [PilotSummary]
    /// Deadlines: family and last year.
    public var deadlines: [DeadlineSummary]
    /// Groups of task ids that move together.
    public var together: [[String]]
    /// Task ids that must move.
    public var mustMove: [String]
    /// Task ids that must stay.
    public var mustStay: [String]
    /// Required annual savings at steady state, EUR/year; absent without one.
    public var savingsTargetAnnualCost: Double?
    /// Required FTE savings at steady state; absent without one.
    public var savingsTargetFTE: Double?
    /// EUR-equivalent added to the objective per FTE moved.
    public var disruptionWeight: Double
    /// The `retained_role` families, the only ones that count for the retained organisation;
    /// absent when the scenario marks none (then every task counts).
    public var retainedRoles: [String]?

    enum CodingKeys: String, CodingKey {
      case retainedMinShare = "retained_min_share"
      case retainedMinFTE = "retained_min_fte"
      case budget
      case maxMovedFTE = "max_moved_fte"
      case pilots, deadlines, together
      case mustMove = "must_move"
      case mustStay = "must_stay"
      case savingsTargetAnnualCost = "savings_target_annual_cost"
      case savingsTargetFTE = "savings_target_fte"
      case disruptionWeight = "disruption_weight"
      case retainedRoles = "retained_roles"
    }

    /// Creates a policy summary.
    public init(
      retainedMinShare: Double?, retainedMinFTE: Double?, budget: [YearAmount], maxMovedFTE: [YearAmount],
      pilots: [PilotSummary], deadlines: [DeadlineSummary], together: [[String]], mustMove: [String],
      mustStay: [String], savingsTargetAnnualCost: Double?, savingsTargetFTE: Double?,
      disruptionWeight: Double, retainedRoles: [String]? = nil
    ) {
      self.retainedMinShare = retainedMinShare
      self.retainedMinFTE = retainedMinFTE
      self.budget = budget
      self.maxMovedFTE = maxMovedFTE
      self.pilots = pilots
      self.deadlines = deadlines
      self.together = together
      self.mustMove = mustMove
      self.mustStay = mustStay
      self.savingsTargetAnnualCost = savingsTargetAnnualCost
      self.savingsTargetFTE = savingsTargetFTE
      self.disruptionWeight = disruptionWeight
      self.retainedRoles = retainedRoles
    }
  }

  /// A value in one year.
  public struct YearAmount: Codable, Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// The value.
    public var value: Double

    /// Creates an amount.
    public init(year: Int, value: Double) {
      self.year = year
      self.value = value
    }
  }

  /// A pilot in a plan's policy.
  public struct PilotSummary: Codable, Sendable, Equatable {
    /// Family id.
    public var family: String
    /// Pilot unit id.
    public var unit: String

    /// Creates a pilot entry.
    public init(family: String, unit: String) {
      self.family = family
      self.unit = unit
    }
  }

  /// A deadline in a plan's policy.
  public struct DeadlineSummary: Codable, Sendable, Equatable {
    /// Family id.
    public var family: String
    /// The last year in which its tasks may move.
    public var year: Int

    /// Creates a deadline entry.
    public init(family: String, year: Int) {
      self.family = family
      self.year = year
    }
  }
}
