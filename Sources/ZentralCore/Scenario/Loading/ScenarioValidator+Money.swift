import ZentralPlan

extension ScenarioValidator {
  /// The checks of the full-cost keys: a perpetuity needs a discount rate above 0 (a perpetuity
  /// at 0 % is infinite), and a VAT rate counts only on a shared provider.
  func checkMoney() {
    if scenario.horizon.terminalValue == .perpetuity && scenario.discountRate == 0 {
      let path = "horizon.terminal_value"
      reader.error(
        path, at: reader.mark(of: path),
        "perpetuity needs a discount rate above 0 (discount_rate is 0, so the years after the horizon would "
          + "be worth an infinite amount); give a discount_rate such as 0.03, or terminal_value: none")
    }
    for (index, unit) in scenario.units.enumerated() where unit.vatRate != 0 && unit.kind != .shared {
      let path = NodeReader.member(NodeReader.element("units", index), "vat_rate")
      reader.warning(
        path, at: reader.keyMark(of: path),
        "a VAT rate of \(ScenarioWriter.decimal(unit.vatRate)) is ignored for '\(unit.id)': only a shared "
          + "provider charges VAT on its price; the city's own units charge none")
    }
  }
}
