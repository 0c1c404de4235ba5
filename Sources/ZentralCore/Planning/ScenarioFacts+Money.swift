import Foundation
import ZentralPlan

/// The full-cost facts of a scenario (docs/model.md, "Costs and objective"): VAT of shared
/// providers, non-staff costs at a provider, parallel running and the terminal value.
extension ScenarioFacts {
  /// The VAT rate `unit` charges on its price and quotes: its `vat_rate` for a shared provider,
  /// 0 for every other unit (the city's own units charge none).
  static func vatRate(of unit: OrgUnit?) -> Double {
    guard let unit, unit.kind == .shared else { return 0 }
    return unit.vatRate
  }

  /// The VAT rate of provider `p` (0 unless it is a shared provider with a `vat_rate`).
  func vatRate(_ p: String) -> Double { Self.vatRate(of: units[p]) }

  /// The share of a gross amount of provider `p` that is VAT: `v / (1 + v)`.
  func vatShare(_ p: String) -> Double {
    let rate = vatRate(p)
    return rate / (1 + rate)
  }

  /// Non-staff cost of the whole task `t` at provider `p`, EUR/year: the offer's
  /// `non_staff_cost`, else the task's non-staff cost times the centre's non-staff factor.
  func nonStaffCost(_ t: Int, at p: String) -> Double {
    let task = scenario.tasks[t]
    if let cost = task.at[p]?.nonStaffCost { return cost }
    guard task.nonStaffCost != 0 else { return 0 }
    return task.nonStaffCost * (families[task.family]?.terms(at: p).nonStaffFactor ?? 1)
  }

  /// The share of a year both sides pay in the year of a move (`parallel_running_months / 12`).
  var parallelShare: Double { scenario.policy.parallelRunningMonths / 12 }

  /// The factor that turns the running cost of the last year into the value of every year after
  /// the horizon, discounted to today: `(1 + r)^-(N-1) / r` for a perpetuity (the sum of
  /// `(1 + r)^-k` over `k >= N`), 0 without a terminal value or at a rate of 0 (refused by the
  /// loader).
  var terminalFactor: Double {
    let rate = scenario.discountRate
    guard scenario.horizon.terminalValue == .perpetuity, rate > 0, let last = discount.last else { return 0 }
    return last / rate
  }

  /// VAT in the annual cost of the status quo, EUR/year: the VAT share of the open centres'
  /// staff cost at shared providers.
  var baselineVAT: Double {
    centres.reduce(0) { total, centre in
      centre.isOpen ? total + vatShare(centre.key.provider) * centre.rate * centre.baselineEffective : total
    }
  }
}
