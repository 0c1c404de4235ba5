/// A piece of IT work done today in one home unit: the thing a plan moves or leaves.
public struct ITTask: Equatable, Sendable {
  /// Unique identifier.
  public var id: String
  /// Display name.
  public var name: String
  /// The task family it belongs to.
  public var family: String
  /// The unit that does it today.
  public var unit: String
  /// Workload today, FTE.
  public var fte: Double
  /// A task with a special link to its unit, unique city-wide: it stays.
  public var dedicated: Bool
  /// Why the task is dedicated (shown in the report).
  public var reason: String?
  /// Whether the task may move in part (a share of it moves).
  public var divisible: Bool
  /// The home unit's objection to moving it, priced as a penalty, EUR (scaled by the share moved).
  public var concern: Double
  /// One-time cost of moving the whole task, EUR; overrides the family's per-FTE transition cost.
  public var transitionCost: Double?
  /// An explicit list of allowed providers; `nil` means the family's providers.
  public var providers: [String]?
  /// Per-provider overrides: workload and quoted annual cost at that provider.
  public var at: [String: ProviderOffer]
  /// The number of posts (Stellen) that hold the workload, `nil` for the default (the workload
  /// rounded up, ``postCount``); a divisible task moves in whole posts.
  public var posts: Int?
  /// The task handles confidential data (social, tax or personnel data): it may go only to
  /// providers of legal form `own` or `public_body`.
  public var confidential: Bool
  /// Families whose work may not sit at the provider this task moves to, in any year (the
  /// information-security officer apart from IT operations).
  public var separateFrom: [String]
  /// Running cost of the task besides its staff today (licences, hardware, rooms), EUR/year; at a
  /// provider it becomes ``ProviderOffer/nonStaffCost`` or this times the centre's
  /// ``CentreTerms/nonStaffFactor``.
  public var nonStaffCost: Double = 0

  /// Creates a task.
  public init(
    id: String,
    name: String,
    family: String,
    unit: String,
    fte: Double,
    dedicated: Bool = false,
    reason: String? = nil,
    divisible: Bool = false,
    concern: Double = 0,
    transitionCost: Double? = nil,
    providers: [String]? = nil,
    at: [String: ProviderOffer] = [:],
    posts: Int? = nil,
    confidential: Bool = false,
    separateFrom: [String] = []
  ) {
    self.id = id
    self.name = name
    self.family = family
    self.unit = unit
    self.fte = fte
    self.dedicated = dedicated
    self.reason = reason
    self.divisible = divisible
    self.concern = concern
    self.transitionCost = transitionCost
    self.providers = providers
    self.at = at
    self.posts = posts
    self.confidential = confidential
    self.separateFrom = separateFrom
  }
}

/// What one provider offers for one task.
public struct ProviderOffer: Equatable, Sendable {
  /// Workload of the task at this provider, FTE (defaults to the task's workload).
  public var fte: Double?
  /// Quoted annual cost of doing the whole task at this provider, EUR/year. A quoted task is
  /// priced by its quote instead of being pooled; its workload still uses the provider's capacity.
  public var annualCost: Double?
  /// One-time cost of moving the whole task to this provider, EUR.
  public var transitionCost: Double?
  /// Running cost besides staff of the whole task at this provider, EUR/year; overrides the
  /// task's non-staff cost times the centre's factor.
  public var nonStaffCost: Double?

  /// Creates an offer.
  public init(
    fte: Double? = nil, annualCost: Double? = nil, transitionCost: Double? = nil, nonStaffCost: Double? = nil
  ) {
    self.fte = fte
    self.annualCost = annualCost
    self.transitionCost = transitionCost
    self.nonStaffCost = nonStaffCost
  }
}
