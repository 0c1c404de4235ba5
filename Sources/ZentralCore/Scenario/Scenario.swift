public import ZentralPlan

/// A complete planning scenario in format `zentral/1`: the organisation, its IT tasks,
/// the providers that may take them over, and the policy a plan must respect.
///
/// Money is in EUR (annual amounts in EUR/year, one-time amounts in EUR once), workload in FTE
/// (Vollzeitäquivalente). Years are calendar years; the waves of a rollout are the years of the
/// ``Horizon``.
public struct Scenario: Equatable, Sendable {
  /// The format tag every file carries; `zentral/1` is the only version so far.
  public static let currentFormat = "zentral/1"

  /// The format tag of the file (always ``currentFormat`` for a loaded scenario).
  public var format: String
  /// Human-readable title, shown in reports.
  public var name: String
  /// Language of labels in reports.
  public var language: ReportLanguage
  /// Currency of every amount; only `EUR` is supported.
  public var currency: String
  /// The planning horizon; each year is one wave of the rollout.
  public var horizon: Horizon
  /// Annual discount rate for the net present value, e.g. `0.03`.
  public var discountRate: Double
  /// The organisation as a tree (through ``OrgUnit/parent``), including providers.
  public var units: [OrgUnit]
  /// Task families (Aufgabenbereiche): similar work that can be pooled in a competence centre.
  public var families: [TaskFamily]
  /// IT work done today, where it is done.
  public var tasks: [ITTask]
  /// Rules a plan must respect.
  public var policy: Policy
  /// What the optimiser minimises.
  public var objective: Objective
  /// Funding programmes that refinance a share of some posts until a year.
  public var funding: [Funding] = []
  /// How far some inputs may vary, for `zentral plan --robust` (`nil`: not given).
  public var uncertainty: Uncertainty?

  /// Creates a scenario from its parts.
  public init(
    format: String = Scenario.currentFormat,
    name: String,
    language: ReportLanguage = .de,
    currency: String = "EUR",
    horizon: Horizon,
    discountRate: Double = 0,
    units: [OrgUnit],
    families: [TaskFamily],
    tasks: [ITTask],
    policy: Policy = Policy(),
    objective: Objective = Objective()
  ) {
    self.format = format
    self.name = name
    self.language = language
    self.currency = currency
    self.horizon = horizon
    self.discountRate = discountRate
    self.units = units
    self.families = families
    self.tasks = tasks
    self.policy = policy
    self.objective = objective
  }
}
