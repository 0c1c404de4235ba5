public import ZentralPlan

/// One unit of the organisation: the administration, a division (Dezernat), a department
/// (Referat, Fachbereich), a municipal enterprise (Eigenbetrieb), a staff unit (Stabsstelle),
/// a central IT unit, or an outside shared-service provider.
public struct OrgUnit: Equatable, Sendable {
  /// Unique identifier used for references (letters, digits, `-`, `_`, `.`).
  public var id: String
  /// Display name.
  public var name: String
  /// What kind of unit this is.
  public var kind: UnitKind
  /// The unit above this one in the hierarchy; `nil` for the root and for outside providers.
  public var parent: String?
  /// Employer cost of one FTE in this unit including overhead, EUR/year. Required for units
  /// that do IT work today and for central units.
  public var costPerFTE: Double?
  /// For shared providers: price per FTE of work taken over (after economies of scale), EUR/year.
  public var pricePerFTE: Double?
  /// Headcount ceiling for IT work taken over, in FTE, per year (`nil`: no ceiling).
  public var capacityFTE: YearValues?
  /// For providers: how staff go with the tasks it takes over, and the cost per FTE moved.
  public var transfer: StaffTransfer?
  /// For central and shared units: the legal form as the scenario gives it (`nil`: not given,
  /// see ``providerLegalForm``).
  public var legalForm: LegalForm?
  /// For shared providers: the VAT (Umsatzsteuer) on ``pricePerFTE`` and on quotes, a fraction
  /// from 0 to 0.25 (0.19 for 19 %); 0 when the inter-municipal exemption applies.
  public var vatRate: Double = 0

  /// Creates a unit.
  public init(
    id: String,
    name: String,
    kind: UnitKind,
    parent: String? = nil,
    costPerFTE: Double? = nil,
    pricePerFTE: Double? = nil,
    capacityFTE: YearValues? = nil,
    transfer: StaffTransfer? = nil,
    legalForm: LegalForm? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.parent = parent
    self.costPerFTE = costPerFTE
    self.pricePerFTE = pricePerFTE
    self.capacityFTE = capacityFTE
    self.transfer = transfer
    self.legalForm = legalForm
  }

  /// Whether the unit may take over tasks (a central IT unit or a shared provider).
  public var isProvider: Bool { kind == .central || kind == .shared }

  /// The annual cost of one FTE of pooled work at this unit when it acts as a provider:
  /// ``pricePerFTE`` for shared providers, otherwise ``costPerFTE``.
  public var providerRate: Double? { kind == .shared ? (pricePerFTE ?? costPerFTE) : costPerFTE }

  /// The legal form in force for a provider: the given ``legalForm``, else `own` for a central
  /// unit and `public_body` for a shared provider; `nil` for units that take over no work.
  public var providerLegalForm: LegalForm? {
    guard isProvider else { return nil }
    return legalForm ?? LegalForm.implied(by: kind)
  }
}

/// The kinds of unit in the organisation tree: one closed set for scenarios and plans, owned by
/// the plan format (``ZentralPlan/Plan/UnitKind``).
public typealias UnitKind = Plan.UnitKind

/// The legal forms of a provider: one closed set for scenarios and plans, owned by the plan
/// format (``ZentralPlan/Plan/LegalForm``).
public typealias LegalForm = Plan.LegalForm
