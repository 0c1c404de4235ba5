public import Foundation

/// The optimiser's recommendation for one scenario: what moves where and when, what it costs
/// against the status quo, why each task is decided the way it is, or, for a scenario without a
/// feasible plan, which rules conflict.
///
/// Money is in EUR (NPV over the horizon, annual amounts EUR/year), workload in FTE. Numbers are
/// rounded to 1e-6 so that `plan.json` is byte-identical across runs. Encoded with snake_case keys
/// (``jsonData()``).
public struct Plan: Codable, Sendable, Equatable {
  /// How good the plan is.
  public enum Status: String, Codable, Sendable, Equatable {
    /// Proven optimal (within GLPK's default tolerances).
    case optimal
    /// Feasible (checked against every rule), within the requested relative gap of the optimum;
    /// without a ``Plan/gap`` no bound was computed (see ``Plan/warnings``).
    case feasible
    /// No plan satisfies every rule; see ``Plan/conflicts``.
    case infeasible
    /// The time limit ended the search; the best plan found so far, with its gap.
    case timeLimit = "time_limit"
    /// The caller (Ctrl-C) stopped the search; the best plan found so far, with its gap.
    case stopped
  }

  /// Format tag of the plan file.
  public var format = "zentral-plan/1"
  /// The scenario's title.
  public var scenario: String
  /// The report language of the scenario (`de` or `en`).
  public var language: String
  /// First year and number of years of the horizon.
  public var horizon: HorizonSummary
  /// Annual discount rate used for the NPV.
  public var discountRate: Double
  /// How good the plan is.
  public var status: Status
  /// The objective of the solved MIP (plan NPV plus concern and disruption penalties), EUR;
  /// the same value another solver finds for the exported model.
  public var objective: Double?
  /// Net present value of the plan's running and one-time costs, EUR.
  public var npv: Double?
  /// Net present value of the status quo, EUR.
  public var baseline: Double
  /// Relative gap between ``objective`` and ``bound`` (0 when optimal); `nil` when no bound was
  /// computed before the search ended ("no bound yet"): a gap is only stated with a real bound.
  public var gap: Double?
  /// Best proven lower bound on the objective, EUR; `nil` when none was computed.
  public var bound: Double?
  /// NPV saved against the status quo (`baseline - npv`), EUR.
  public var savings: Double?
  /// The first year from which the discounted cumulative savings stay at or above zero.
  public var paybackYear: Int?
  /// Decision and explanation per task, in scenario order.
  public var tasks: [TaskDecision]
  /// FTE and annual cost before and after, per unit.
  public var units: [UnitSummary]
  /// Competence centres open in the plan at some point.
  public var centres: [CentreSummary]
  /// Moves and costs per wave.
  public var waves: [WaveSummary]
  /// Baseline against plan.
  public var totals: Totals?
  /// The organisation tree (every unit of the scenario), for drawing the org chart.
  public var org: [OrgNode]
  /// For an infeasible scenario: the rules that conflict (a minimal set).
  public var conflicts: [Conflict]
  /// For an infeasible scenario: the conflict in one sentence.
  public var message: String?
  /// The task families (id and name), for labels in org charts and reports.
  public var families: [FamilySummary]?
  /// The policy the plan respects, as the report lists it among the model's assumptions.
  public var policy: PolicySummary?
  /// What the reader must know about the verdict's reliability, in the scenario's language: a
  /// solver verdict that was contradicted by a checked plan, or an objective so large that GLPK's
  /// precision hides savings. Absent when there is nothing to say.
  public var warnings: [String]?

  /// Creates a plan from its parts.
  public init(
    scenario: String, language: String, horizon: HorizonSummary, discountRate: Double, status: Status,
    objective: Double?, npv: Double?, baseline: Double, gap: Double?, bound: Double?, savings: Double?,
    paybackYear: Int?, tasks: [TaskDecision], units: [UnitSummary], centres: [CentreSummary],
    waves: [WaveSummary], totals: Totals?, org: [OrgNode], conflicts: [Conflict], message: String?
  ) {
    self.scenario = scenario
    self.language = language
    self.horizon = horizon
    self.discountRate = discountRate
    self.status = status
    self.objective = objective
    self.npv = npv
    self.baseline = baseline
    self.gap = gap
    self.bound = bound
    self.savings = savings
    self.paybackYear = paybackYear
    self.tasks = tasks
    self.units = units
    self.centres = centres
    self.waves = waves
    self.totals = totals
    self.org = org
    self.conflicts = conflicts
    self.message = message
  }

  /// Whether the plan holds decisions (every status but infeasible, when a solution was found).
  public var hasSolution: Bool { objective != nil }

  /// Whether a proven bound was computed (otherwise the plan's quality is unknown: "no bound yet").
  public var hasBound: Bool { bound != nil && gap != nil }

  /// The plan as JSON: sorted snake_case keys, pretty-printed, ending in a newline.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a plan written by ``jsonData()``.
  public static func decode(from data: Data) throws -> Plan {
    let decoder = JSONDecoder()
    // `.convertFromSnakeCase` would read `pooled_fte` as `pooledFte`, not `pooledFTE`.
    decoder.keyDecodingStrategy = .custom { path in PlanKey(snakeCase: path.last!.stringValue) }
    return try decoder.decode(Plan.self, from: data)
  }
}

/// A snake_case key of a plan file turned back into the property name: `baseline_npv` ->
/// `baselineNPV`, `moved_fte` -> `movedFTE`, `fte_before` -> `fteBefore`.
private struct PlanKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }

  init(snakeCase: String) {
    let words = snakeCase.split(separator: "_", omittingEmptySubsequences: false)
    guard let first = words.first, words.count > 1 else {
      stringValue = snakeCase
      return
    }
    stringValue =
      String(first)
      + words.dropFirst().map { word in
        word == "fte" || word == "npv" ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
      }.joined()
  }

  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension Plan {
  /// The horizon in a plan.
  public struct HorizonSummary: Codable, Sendable, Equatable {
    /// First year.
    public var start: Int
    /// Number of years (waves).
    public var years: Int
  }

  /// What happens to one task.
  public struct TaskDecision: Codable, Sendable, Equatable {
    /// Task id.
    public var id: String
    /// Task name.
    public var name: String
    /// Family id.
    public var family: String
    /// Home unit id.
    public var unit: String
    /// Workload today, FTE.
    public var fte: Double
    /// `stay`, `move` or `partial` (a divisible task moved in part).
    public var decision: String
    /// The provider it moves to (the one taking the largest share), if it moves.
    public var provider: String?
    /// The wave (year) of that move.
    public var year: Int?
    /// Share moved by the end of the horizon, 0...1.
    public var share: Double
    /// Every part that moves: provider, year, share.
    public var moves: [MovePart]
    /// What decided it: `dedicated`, `not_eligible`, `must_stay`, `must_move`, `deadline`,
    /// `pilot_order`, `together`, `economic`, or the rule that makes the opposite infeasible.
    public var rule: String
    /// For a decision on the merits: objective change (EUR) if the decision were flipped
    /// (a moved task kept, a kept task moved in full); positive means the flip costs more.
    public var flipCost: Double?
    /// The reason in one sentence.
    public var explanation: String
    /// Why the scenario marks the task dedicated (its `reason`), if it gives one.
    public var reason: String?
  }

  /// One part of a move.
  public struct MovePart: Codable, Sendable, Equatable {
    /// Provider id.
    public var provider: String
    /// Year of the wave.
    public var year: Int
    /// Share of the task moved, 0...1.
    public var share: Double
  }

  /// One unit before and after (steady state: the last year of the horizon).
  public struct UnitSummary: Codable, Sendable, Equatable {
    /// Unit id.
    public var id: String
    /// Unit name.
    public var name: String
    /// Unit kind (`department`, `central`, `shared`, ...).
    public var kind: String
    /// IT FTE today (own staff, or effective FTE of a provider's centres).
    public var fteBefore: Double
    /// IT FTE in the last year of the plan.
    public var fteAfter: Double
    /// Annual IT cost today, EUR/year.
    public var annualCostBefore: Double
    /// Annual IT cost in the last year of the plan, EUR/year.
    public var annualCostAfter: Double
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
    public var fteBefore: Double?
    /// Effective FTE (pooled plus quoted work) in the last year of the plan.
    public var fteAfter: Double?
    /// Annual cost today (staff and overhead), EUR/year.
    public var annualCostBefore: Double?
    /// Annual cost in the last year of the plan (staff, overhead and quotes), EUR/year.
    public var annualCostAfter: Double?
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
    /// Payback year (see ``Plan/paybackYear``).
    public var paybackYear: Int?
  }

  /// A unit of the org tree.
  public struct OrgNode: Codable, Sendable, Equatable {
    /// Unit id.
    public var id: String
    /// Unit name.
    public var name: String
    /// Unit kind.
    public var kind: String
    /// Parent unit id.
    public var parent: String?
  }

  /// A task family's id and name.
  public struct FamilySummary: Codable, Sendable, Equatable {
    /// Family id.
    public var id: String
    /// Family name.
    public var name: String
  }

  /// The policy of the scenario: the rules every plan respects.
  public struct PolicySummary: Codable, Sendable, Equatable {
    /// Minimum share of today's IT workload each department keeps, 0...1.
    public var retainedMinShare: Double?
    /// Minimum FTE each department keeps.
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
    /// Required annual savings at steady state, EUR/year.
    public var savingsTargetAnnualCost: Double?
    /// Required FTE savings at steady state.
    public var savingsTargetFTE: Double?
    /// EUR-equivalent added to the objective per FTE moved.
    public var disruptionWeight: Double
  }

  /// A value in one year.
  public struct YearAmount: Codable, Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// The value.
    public var value: Double
  }

  /// A pilot in a plan's policy.
  public struct PilotSummary: Codable, Sendable, Equatable {
    /// Family id.
    public var family: String
    /// Pilot unit id.
    public var unit: String
  }

  /// A deadline in a plan's policy.
  public struct DeadlineSummary: Codable, Sendable, Equatable {
    /// Family id.
    public var family: String
    /// The last year in which its tasks may move.
    public var year: Int
  }

  /// One rule in a conflict.
  public struct Conflict: Codable, Sendable, Equatable {
    /// Rule kind (`capacity`, `budget`, `must_move`, ...).
    public var rule: String
    /// The rule instance, e.g. `capacity(it-referat,2026)`.
    public var id: String
    /// The rule in the planner's words.
    public var text: String
  }
}
