import Yams
import ZentralPlan

/// The staff keys of format `zentral/1`: `tasks[].posts`, `units[].transfer`,
/// `policy.min_move_fte` and `policy.no_layoffs` (docs/scenario-format.md).
extension ScenarioDecoder {
  /// The most posts a task may have.
  static let mostPosts = 100_000

  /// `tasks[i].posts`: a whole number of posts from 1 to ``mostPosts``.
  func decodePosts(_ mapping: MappingReader) -> Int? {
    mapping["posts"].flatMap {
      reader.wholeNumber(
        $0, path: mapping.path("posts"),
        expected: "posts is the whole number of posts (Stellen) that hold the task, 1 to \(Self.mostPosts)",
        range: 1...Self.mostPosts)
    }
  }

  /// `units[i].transfer`: the transfer form and its costs per FTE moved; only for providers.
  func decodeTransfer(_ mapping: MappingReader, unit: OrgUnit) -> StaffTransfer? {
    guard let node = mapping["transfer"],
      let terms = reader.mapping(node, path: mapping.path("transfer"), shape: ScenarioShapes.transfer)
    else { return nil }
    let form = terms["form"].flatMap {
      reader.choice($0, path: terms.path("form"), noun: "a transfer form", as: TransferForm.self)
    }
    let oneTime = terms["one_time_cost_per_fte"].flatMap {
      reader.number(
        $0, path: terms.path("one_time_cost_per_fte"),
        expected: "a one-time transfer cost is 0 or more EUR (once) per FTE moved",
        quantity: .perFTE(unit: "EUR (once) per FTE moved"))
    }
    let annual = terms["annual_cost_per_fte"].flatMap {
      reader.number(
        $0, path: terms.path("annual_cost_per_fte"),
        expected: "an annual transfer cost is 0 or more EUR/year per FTE moved",
        quantity: .perFTE(unit: "EUR/year per FTE moved"))
    }
    if !unit.isProvider {
      reader.error(
        mapping.path("transfer"), at: node.mark,
        "unit '\(unit.id)' is of kind \(unit.kind.rawValue), but only a central or shared unit takes over "
          + "tasks; give the transfer to the unit that receives the staff")
    }
    guard let form else { return nil }
    return StaffTransfer(form: form, oneTimeCostPerFTE: oneTime ?? 0, annualCostPerFTE: annual ?? 0)
  }

  /// `policy.min_move_fte` and `policy.no_layoffs`.
  func decodeStaffPolicy(_ mapping: MappingReader, into policy: inout Policy) {
    if let node = mapping["min_move_fte"],
      let value = reader.number(
        node, path: mapping.path("min_move_fte"),
        expected: "the smallest part of a task that may move is 0 or more FTE (0: no minimum)", quantity: .fte
      )
    {
      policy.minMoveFTE = value
    }
    if let node = mapping["no_layoffs"],
      let terms = reader.mapping(node, path: mapping.path("no_layoffs"), shape: ScenarioShapes.noLayoffs),
      let rate = terms["attrition_rate"].flatMap({
        reader.number(
          $0, path: terms.path("attrition_rate"),
          expected: "an attrition rate is a share of the surplus staff a year from 0 to 1, such as 0.04",
          quantity: .share)
      })
    {
      policy.noLayoffs = NoLayoffs(attritionRate: rate)
    }
  }
}

extension ScenarioShapes {
  /// `units[i].transfer`.
  static let transfer = ObjectShape(
    noun: "a staff transfer",
    keys: ["form", "one_time_cost_per_fte", "annual_cost_per_fte"],
    required: [
      "form": "a transfer names its form (\(TransferForm.allCases.map(\.rawValue).joined(separator: ", ")))"
    ])

  /// `policy.no_layoffs`.
  static let noLayoffs = ObjectShape(
    noun: "a no-layoffs rule",
    keys: ["attrition_rate"],
    required: ["attrition_rate": "the no-layoffs rule gives the attrition rate, such as 0.04 (4 % a year)"])
}
