extension Plan {
  /// One unit before and after (steady state: the last year of the horizon).
  public struct UnitSummary: Codable, Sendable, Equatable {
    /// Unit id.
    public var id: String
    /// Unit name.
    public var name: String
    /// Unit kind.
    public var kind: UnitKind
    /// IT FTE today (own staff, or effective FTE of a provider's centres).
    public var fteBefore: Double
    /// IT FTE in the last year of the plan.
    public var fteAfter: Double
    /// Annual IT cost today, EUR/year.
    public var annualCostBefore: Double
    /// Annual IT cost in the last year of the plan, EUR/year.
    public var annualCostAfter: Double

    enum CodingKeys: String, CodingKey {
      case id, name, kind
      case fteBefore = "fte_before"
      case fteAfter = "fte_after"
      case annualCostBefore = "annual_cost_before"
      case annualCostAfter = "annual_cost_after"
    }

    /// Creates a unit summary.
    public init(
      id: String, name: String, kind: UnitKind, fteBefore: Double, fteAfter: Double, annualCostBefore: Double,
      annualCostAfter: Double
    ) {
      self.id = id
      self.name = name
      self.kind = kind
      self.fteBefore = fteBefore
      self.fteAfter = fteAfter
      self.annualCostBefore = annualCostBefore
      self.annualCostAfter = annualCostAfter
    }
  }

  /// A competence centre of the plan.
  public struct CentreSummary: Codable, Sendable, Equatable {
    /// Provider id.
    public var provider: String
    /// Family id.
    public var family: String
    /// Whether it exists today.
    public var alreadyOpen: Bool
    /// The year it opens (the first year for one that exists).
    public var openedYear: Int
    /// Set-up cost paid by the plan, EUR.
    public var setupCost: Double
    /// Pooled and effective FTE per year.
    public var years: [CentreYear]
    /// Effective FTE today (0 for a centre that does not exist yet).
    public var fteBefore: Double
    /// Effective FTE (pooled plus quoted work) in the last year of the plan.
    public var fteAfter: Double
    /// Annual cost today (staff and overhead), EUR/year.
    public var annualCostBefore: Double
    /// Annual cost in the last year of the plan (staff, overhead and quotes), EUR/year.
    public var annualCostAfter: Double

    enum CodingKeys: String, CodingKey {
      case provider, family
      case alreadyOpen = "already_open"
      case openedYear = "opened_year"
      case setupCost = "setup_cost"
      case years
      case fteBefore = "fte_before"
      case fteAfter = "fte_after"
      case annualCostBefore = "annual_cost_before"
      case annualCostAfter = "annual_cost_after"
    }

    /// Creates a centre summary.
    public init(
      provider: String, family: String, alreadyOpen: Bool, openedYear: Int, setupCost: Double,
      years: [CentreYear], fteBefore: Double, fteAfter: Double, annualCostBefore: Double,
      annualCostAfter: Double
    ) {
      self.provider = provider
      self.family = family
      self.alreadyOpen = alreadyOpen
      self.openedYear = openedYear
      self.setupCost = setupCost
      self.years = years
      self.fteBefore = fteBefore
      self.fteAfter = fteAfter
      self.annualCostBefore = annualCostBefore
      self.annualCostAfter = annualCostAfter
    }
  }

  /// A centre in one year.
  public struct CentreYear: Codable, Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// Whether the centre is open.
    public var open: Bool
    /// Pooled workload (existing plus moved unquoted work), FTE.
    public var pooledFTE: Double
    /// Effective FTE after economies of scale and critical mass.
    public var effectiveFTE: Double
    /// Workload of quoted tasks done there (priced by quote, not pooled), FTE.
    public var quotedFTE: Double

    enum CodingKeys: String, CodingKey {
      case year, open
      case pooledFTE = "pooled_fte"
      case effectiveFTE = "effective_fte"
      case quotedFTE = "quoted_fte"
    }

    /// Creates a centre year.
    public init(year: Int, open: Bool, pooledFTE: Double, effectiveFTE: Double, quotedFTE: Double) {
      self.year = year
      self.open = open
      self.pooledFTE = pooledFTE
      self.effectiveFTE = effectiveFTE
      self.quotedFTE = quotedFTE
    }
  }

  /// One wave.
  public struct WaveSummary: Codable, Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// FTE moved in this wave (home workload).
    public var movedFTE: Double
    /// Transition costs, EUR.
    public var transitionCost: Double
    /// Set-up costs of centres opened, EUR.
    public var setupCost: Double
    /// Transition plus set-up, EUR.
    public var oneTimeCost: Double
    /// Running cost of the year in the plan, EUR/year.
    public var annualCost: Double
    /// Running cost of the year in the status quo, EUR/year.
    public var baselineAnnualCost: Double
    /// Discount factor of the year.
    public var discountFactor: Double
    /// Parallel running in this wave: the home cost that goes on besides the new cost while the
    /// tasks moved in this wave change over, EUR; absent when the scenario has no parallel running.
    public var parallelRunningCost: Double?
    /// VAT contained in ``annualCost`` (on shared providers' prices and quotes), EUR/year; absent
    /// when no provider charges VAT.
    public var vat: Double?

    enum CodingKeys: String, CodingKey {
      case year
      case movedFTE = "moved_fte"
      case transitionCost = "transition_cost"
      case setupCost = "setup_cost"
      case oneTimeCost = "one_time_cost"
      case annualCost = "annual_cost"
      case baselineAnnualCost = "baseline_annual_cost"
      case discountFactor = "discount_factor"
      case parallelRunningCost = "parallel_running_cost"
      case vat
    }

    /// Creates a wave summary.
    public init(
      year: Int, movedFTE: Double, transitionCost: Double, setupCost: Double, oneTimeCost: Double,
      annualCost: Double, baselineAnnualCost: Double, discountFactor: Double
    ) {
      self.year = year
      self.movedFTE = movedFTE
      self.transitionCost = transitionCost
      self.setupCost = setupCost
      self.oneTimeCost = oneTimeCost
      self.annualCost = annualCost
      self.baselineAnnualCost = baselineAnnualCost
      self.discountFactor = discountFactor
    }
  }

  /// Baseline against plan.
  public struct Totals: Codable, Sendable, Equatable {
    /// NPV of the status quo, EUR.
    public var baselineNPV: Double
    /// NPV of the plan, EUR.
    public var planNPV: Double
    /// `baselineNPV - planNPV`, EUR.
    public var npvSavings: Double
    /// Annual running cost of the status quo, EUR/year.
    public var baselineAnnualCost: Double
    /// Annual running cost in the last year of the plan, EUR/year.
    public var steadyStateAnnualCost: Double
    /// Annual savings at steady state, EUR/year.
    public var annualSavings: Double
    /// IT FTE of the status quo (own plus bought).
    public var baselineFTE: Double
    /// IT FTE in the last year of the plan.
    public var steadyStateFTE: Double
    /// All one-time costs, EUR (undiscounted).
    public var oneTimeCost: Double
    /// All FTE moved.
    public var movedFTE: Double
    /// Concern penalties in the objective, EUR.
    public var concernPenalty: Double
    /// Disruption penalty in the objective, EUR.
    public var disruptionPenalty: Double
    /// The plan's terminal value (the running cost of the last year as a discounted perpetuity),
    /// EUR, contained in ``planNPV``; absent without a terminal value.
    public var terminalValue: Double?
    /// The status quo's terminal value, EUR, contained in ``baselineNPV``; absent without one.
    public var baselineTerminalValue: Double?
    /// Parallel running over all waves, EUR (undiscounted; contained in the NPV, not in
    /// ``oneTimeCost``); absent when the scenario has no parallel running.
    public var parallelRunningCost: Double?
    /// VAT contained in ``baselineAnnualCost``, EUR/year; absent when no provider charges VAT.
    public var baselineVAT: Double?
    /// VAT contained in ``steadyStateAnnualCost``, EUR/year; absent when no provider charges VAT.
    public var steadyStateVAT: Double?
    /// Static payback in years: one-time costs and parallel running divided by the annual saving
    /// at steady state; absent when the plan saves nothing a year.
    public var staticPaybackYears: Double?

    enum CodingKeys: String, CodingKey {
      case baselineNPV = "baseline_npv"
      case planNPV = "plan_npv"
      case npvSavings = "npv_savings"
      case baselineAnnualCost = "baseline_annual_cost"
      case steadyStateAnnualCost = "steady_state_annual_cost"
      case annualSavings = "annual_savings"
      case baselineFTE = "baseline_fte"
      case steadyStateFTE = "steady_state_fte"
      case oneTimeCost = "one_time_cost"
      case movedFTE = "moved_fte"
      case concernPenalty = "concern_penalty"
      case disruptionPenalty = "disruption_penalty"
      case terminalValue = "terminal_value"
      case baselineTerminalValue = "baseline_terminal_value"
      case parallelRunningCost = "parallel_running_cost"
      case baselineVAT = "baseline_vat"
      case steadyStateVAT = "steady_state_vat"
      case staticPaybackYears = "static_payback_years"
    }

    /// Creates totals.
    public init(
      baselineNPV: Double, planNPV: Double, npvSavings: Double, baselineAnnualCost: Double,
      steadyStateAnnualCost: Double, annualSavings: Double, baselineFTE: Double, steadyStateFTE: Double,
      oneTimeCost: Double, movedFTE: Double, concernPenalty: Double, disruptionPenalty: Double
    ) {
      self.baselineNPV = baselineNPV
      self.planNPV = planNPV
      self.npvSavings = npvSavings
      self.baselineAnnualCost = baselineAnnualCost
      self.steadyStateAnnualCost = steadyStateAnnualCost
      self.annualSavings = annualSavings
      self.baselineFTE = baselineFTE
      self.steadyStateFTE = steadyStateFTE
      self.oneTimeCost = oneTimeCost
      self.movedFTE = movedFTE
      self.concernPenalty = concernPenalty
      self.disruptionPenalty = disruptionPenalty
    }
  }
}
