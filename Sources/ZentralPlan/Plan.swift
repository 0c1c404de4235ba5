public import Foundation

/// The optimiser's recommendation for one scenario: what moves where and when, what it costs
/// against the status quo, why each task is decided the way it is, or, for a scenario without a
/// feasible plan, which rules conflict. The one contract between the optimiser and everything
/// that shows a plan (format `zentral-plan/1`, docs/plan-format.md).
///
/// A plan holds facts and numbers, never sentences: reasons, conflicts and notes are structured
/// (the rule and its numbers) and rendered in a language by ``PlanWords``.
///
/// Money is in EUR (NPV over the horizon, annual amounts EUR/year), workload in FTE. Numbers are
/// rounded to 1e-6 so that `plan.json` is byte-identical across runs and across a read and write.
public struct Plan: Codable, Sendable, Equatable {
  /// How good the plan is.
  public enum Status: String, PlanEnum {
    /// Proven optimal (within GLPK's default tolerances).
    case optimal
    /// Feasible (checked against every rule), within the requested relative gap of the optimum;
    /// without a ``Plan/gap`` no bound was computed.
    case feasible
    /// No plan satisfies every rule; see ``Plan/diagnosis``.
    case infeasible
    /// The time limit ended the search; the best plan found so far.
    case timeLimit = "time_limit"
    /// The caller (Ctrl-C) stopped the search; the best plan found so far.
    case stopped
  }

  /// The format id of a plan file.
  public enum Format: String, PlanEnum {
    /// This format.
    case v1 = "zentral-plan/1"
  }

  /// Format id of the plan file.
  public var format = Format.v1
  /// The scenario's title.
  public var scenario: String
  /// The report language of the scenario.
  public var language: ReportLanguage
  /// First year and number of years of the horizon.
  public var horizon: HorizonSummary
  /// Annual discount rate used for the NPV.
  public var discountRate: Double
  /// How good the plan is.
  public var status: Status
  /// The objective of the solved MIP (plan NPV plus concern and disruption penalties), EUR;
  /// absent without a solution.
  public var objective: Double?
  /// Net present value of the plan's running and one-time costs, EUR; absent without a solution.
  public var npv: Double?
  /// Net present value of the status quo, EUR.
  public var baseline: Double
  /// Relative gap between ``objective`` and ``bound`` (0 when optimal); absent when no bound was
  /// computed before the search ended ("no bound yet"): a gap is only stated with a real bound.
  public var gap: Double?
  /// Best proven lower bound on the objective, EUR; absent when none was computed.
  public var bound: Double?
  /// NPV saved against the status quo (`baseline - npv`), EUR; absent without a solution.
  public var savings: Double?
  /// The first year from which the discounted cumulative savings stay at or above zero; absent
  /// when there is none within the horizon.
  public var paybackYear: Int?
  /// Decision and reason per task, in scenario order (empty without a solution).
  public var tasks: [TaskDecision]
  /// FTE and annual cost before and after, per unit.
  public var units: [UnitSummary]
  /// Competence centres open in the plan at some point.
  public var centres: [CentreSummary]
  /// Moves and costs per wave.
  public var waves: [WaveSummary]
  /// Baseline against plan; absent without a solution.
  public var totals: Totals?
  /// The organisation tree (every unit of the scenario), for drawing the org chart.
  public var org: [OrgNode]
  /// The task families (id and name), in scenario order.
  public var families: [FamilySummary]
  /// The policy the plan respects, as the report lists it among the model's assumptions.
  public var policy: PolicySummary
  /// For an infeasible scenario whose conflict was analysed: the rules that conflict.
  public var diagnosis: Diagnosis?
  /// What the reader must know about the verdict and how it was found (empty when nothing).
  public var notes: [Note]
  /// How firm the decisions are against scaled inputs (`zentral plan --sensitivity`); absent
  /// when not requested.
  public var sensitivity: Sensitivity?
  /// The efficient plans between savings and a second goal (`zentral plan --pareto`); absent when
  /// not requested.
  public var pareto: ParetoFront?
  /// Near-optimal alternatives (`--alternatives`); absent when not asked for.
  public var alternatives: AlternativesSection?
  /// The robust plan over sampled scenarios (`--robust`); absent when not asked for.
  public var robust: RobustSection?
  /// Posts in and out per unit and year, surplus staff; absent without a solution.
  public var staff: StaffSummary?
  /// The funding of the plan; absent when the scenario has none (then every cost is the gross cost).
  public var funding: FundingSummary?

  enum CodingKeys: String, CodingKey {
    case format, scenario, language, horizon
    case discountRate = "discount_rate"
    case status, objective, npv, baseline, gap, bound, savings
    case paybackYear = "payback_year"
    case tasks, units, centres, waves, totals, org, families, policy, diagnosis, notes
    case sensitivity, pareto
    case alternatives, robust
    case staff
    case funding
  }

  /// Creates a plan without a solution; the optimiser fills in the rest.
  public init(
    scenario: String, language: ReportLanguage, horizon: HorizonSummary, discountRate: Double, status: Status,
    baseline: Double, org: [OrgNode], families: [FamilySummary], policy: PolicySummary
  ) {
    self.scenario = scenario
    self.language = language
    self.horizon = horizon
    self.discountRate = discountRate
    self.status = status
    self.baseline = baseline
    self.tasks = []
    self.units = []
    self.centres = []
    self.waves = []
    self.org = org
    self.families = families
    self.policy = policy
    self.notes = []
  }

  /// Whether the plan holds decisions (every status but infeasible, when a solution was found).
  public var hasSolution: Bool { objective != nil }

  /// Whether a proven bound was computed (otherwise the plan's quality is unknown: "no bound yet").
  public var hasBound: Bool { bound != nil && gap != nil }

  /// The last year of the horizon.
  public var lastYear: Int { horizon.start + max(horizon.years, 1) - 1 }

  /// The plan as JSON: sorted keys, pretty-printed, ending in a newline.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a plan written by ``jsonData()``; `file` names it in errors.
  public static func decode(from data: Data, file: String = "plan.json") throws(PlanReadError) -> Plan {
    do {
      return try JSONDecoder().decode(Plan.self, from: data)
    } catch let error as DecodingError {
      throw PlanReadError(file: file, error: error)
    } catch {
      throw PlanReadError(file: file, path: "", problem: "cannot be read as a plan (\(error))")
    }
  }
}

extension Plan {
  /// The horizon in a plan.
  public struct HorizonSummary: Codable, Sendable, Equatable {
    /// First year.
    public var start: Int
    /// Number of years (waves).
    public var years: Int
    /// How the years after the horizon are valued: `perpetuity`, or absent for none (only the
    /// years of the horizon count).
    public var terminalValue: String?

    enum CodingKeys: String, CodingKey {
      case start, years
      case terminalValue = "terminal_value"
    }

    /// Creates a horizon.
    public init(start: Int, years: Int, terminalValue: String? = nil) {
      self.start = start
      self.years = years
      self.terminalValue = terminalValue
    }
  }

  /// A task family's id and name.
  public struct FamilySummary: Codable, Sendable, Equatable {
    /// Family id.
    public var id: String
    /// Family name.
    public var name: String

    /// Creates a family entry.
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// A unit of the org tree.
  public struct OrgNode: Codable, Sendable, Equatable {
    /// Unit id.
    public var id: String
    /// Unit name.
    public var name: String
    /// Unit kind.
    public var kind: UnitKind
    /// Parent unit id.
    public var parent: String?
    /// For a central or shared unit: its legal form (as given, or implied by its kind).
    public var legalForm: LegalForm?

    enum CodingKeys: String, CodingKey {
      case id, name, kind, parent
      case legalForm = "legal_form"
    }

    /// Creates an org node.
    public init(id: String, name: String, kind: UnitKind, parent: String?, legalForm: LegalForm? = nil) {
      self.id = id
      self.name = name
      self.kind = kind
      self.parent = parent
      self.legalForm = legalForm
    }
  }

  /// The kind of an organisational unit (in scenarios too, as `UnitKind`).
  public enum UnitKind: String, PlanEnum {
    /// The whole city administration (the root).
    case administration
    /// A division (Dezernat, Geschäftsbereich).
    case division
    /// A department (Referat, Fachbereich, Amt).
    case department
    /// A municipal enterprise (Eigenbetrieb).
    case enterprise
    /// A staff unit (Stabsstelle).
    case staff
    /// A central IT unit of the city that may take over tasks.
    case central
    /// A shared-service provider outside the city (KDN member, citeq, the market).
    case shared
  }
}
