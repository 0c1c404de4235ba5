/// A task family (Aufgabenbereich): similar IT work that can be pooled in a competence centre
/// at a provider, e.g. client support, SAP, IT security.
public struct TaskFamily: Equatable, Sendable {
  /// Unique identifier.
  public var id: String
  /// Display name.
  public var name: String
  /// Units (central or shared) allowed to run a competence centre for this family.
  public var providers: [String]
  /// Default competence-centre economics at every provider of the family.
  public var centre: CentreTerms
  /// Per-provider deviations from ``centre`` and ``scale`` (provider id -> terms).
  public var centres: [String: ProviderCentre]
  /// Economies of scale: pooled workload (FTE) -> FTE needed, as breakpoints of a concave,
  /// increasing piecewise-linear curve that starts at (0, 0). Empty means no economies (E = L).
  public var scale: [ScalePoint]
  /// One-time cost of moving one FTE of this family (staff moves, migration, training), EUR.
  public var transitionCostPerFTE: Double
  /// The family is a role each unit keeps (IT coordination): when any family is marked, only
  /// tasks of marked families count for `policy.retained`.
  public var retainedRole: Bool

  /// Creates a task family.
  public init(
    id: String,
    name: String,
    providers: [String],
    centre: CentreTerms = CentreTerms(),
    centres: [String: ProviderCentre] = [:],
    scale: [ScalePoint] = [],
    transitionCostPerFTE: Double = 0,
    retainedRole: Bool = false
  ) {
    self.id = id
    self.name = name
    self.providers = providers
    self.centre = centre
    self.centres = centres
    self.scale = scale
    self.transitionCostPerFTE = transitionCostPerFTE
    self.retainedRole = retainedRole
  }

  /// The centre terms in force at `provider`: the family default with the provider's overrides.
  public func terms(at provider: String) -> CentreTerms {
    guard let local = centres[provider] else { return centre }
    return CentreTerms(
      setupCost: local.setupCost ?? centre.setupCost,
      annualOverhead: local.annualOverhead ?? centre.annualOverhead,
      minFTE: local.minFTE ?? centre.minFTE, nonStaffFactor: local.nonStaffFactor ?? centre.nonStaffFactor)
  }

  /// The scale curve in force at `provider`.
  public func scale(at provider: String) -> [ScalePoint] { centres[provider]?.scale ?? scale }
}

/// The economics of a competence centre for one family at one provider.
public struct CentreTerms: Equatable, Sendable {
  /// One-time cost of setting the centre up, EUR.
  public var setupCost: Double
  /// Running cost of the centre besides its staff (lead, tools), EUR/year while open.
  public var annualOverhead: Double
  /// Critical mass: the centre needs at least this many FTE once open.
  public var minFTE: Double
  /// What a task's non-staff cost becomes in this centre, as a factor of its cost at home (1: it
  /// moves unchanged; 0.6: shared licences and rooms cost 40 % less).
  public var nonStaffFactor: Double

  /// Creates centre terms; all default to 0, the non-staff factor to 1.
  public init(
    setupCost: Double = 0, annualOverhead: Double = 0, minFTE: Double = 0, nonStaffFactor: Double = 1
  ) {
    self.setupCost = setupCost
    self.annualOverhead = annualOverhead
    self.minFTE = minFTE
    self.nonStaffFactor = nonStaffFactor
  }
}

/// Provider-specific deviations for one family: any field left `nil` inherits the family's.
public struct ProviderCentre: Equatable, Sendable {
  /// One-time set-up cost at this provider, EUR.
  public var setupCost: Double?
  /// Annual overhead at this provider, EUR/year.
  public var annualOverhead: Double?
  /// Minimum staffing at this provider, FTE.
  public var minFTE: Double?
  /// Scale curve at this provider.
  public var scale: [ScalePoint]?
  /// Workload of this family the provider already does today, FTE (pooled with what moves in).
  public var existingFTE: Double
  /// Whether the centre exists already (open from the first year, no set-up cost).
  public var isOpen: Bool
  /// Non-staff factor at this provider (``CentreTerms/nonStaffFactor``).
  public var nonStaffFactor: Double?

  /// Creates provider-specific terms.
  public init(
    setupCost: Double? = nil,
    annualOverhead: Double? = nil,
    minFTE: Double? = nil,
    scale: [ScalePoint]? = nil,
    existingFTE: Double = 0,
    isOpen: Bool = false,
    nonStaffFactor: Double? = nil
  ) {
    self.setupCost = setupCost
    self.annualOverhead = annualOverhead
    self.minFTE = minFTE
    self.scale = scale
    self.existingFTE = existingFTE
    self.isOpen = isOpen
    self.nonStaffFactor = nonStaffFactor
  }
}

/// One breakpoint of an economies-of-scale curve.
public struct ScalePoint: Equatable, Sendable {
  /// Pooled workload, FTE.
  public var pooled: Double
  /// FTE needed to do that workload in one centre.
  public var effective: Double

  /// Creates a breakpoint.
  public init(pooled: Double, effective: Double) {
    self.pooled = pooled
    self.effective = effective
  }
}
