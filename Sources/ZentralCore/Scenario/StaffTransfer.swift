public import ZentralPlan

/// How staff go with the tasks a provider takes over, and what that costs per FTE moved: the
/// one-time cost (advice, moving desks, the staff council's procedure) and the annual cost from
/// the year of the move on (protected pay, Besitzstand, allowances).
///
/// Set per receiving unit (`units[].transfer`); a unit without one has no transfer cost.
public struct StaffTransfer: Equatable, Sendable {
  /// The legal form of the transfer.
  public var form: TransferForm
  /// One-time cost per FTE moved to this unit, EUR.
  public var oneTimeCostPerFTE: Double
  /// Annual cost per FTE moved to this unit, EUR/year, from the year of the move on.
  public var annualCostPerFTE: Double

  /// Creates a transfer rule.
  public init(form: TransferForm, oneTimeCostPerFTE: Double = 0, annualCostPerFTE: Double = 0) {
    self.form = form
    self.oneTimeCostPerFTE = oneTimeCostPerFTE
    self.annualCostPerFTE = annualCostPerFTE
  }
}

/// The legal forms of a staff transfer: one closed set for scenarios and plans, owned by the plan
/// format (``ZentralPlan/Plan/TransferForm``).
public typealias TransferForm = Plan.TransferForm
