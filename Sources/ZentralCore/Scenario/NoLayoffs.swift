/// The rule that nobody is laid off (no betriebsbedingte Kündigung, as service agreements with the
/// staff council require): staff a centre does not need stay on the payroll as surplus
/// (Personalüberhang) until natural attrition removes them.
///
/// Each year `attritionRate` of the surplus carried into the year leaves (retirement, leaving) and
/// is not replaced; a centre that needs more staff takes them from its surplus first
/// (docs/model.md, "Staff").
public struct NoLayoffs: Equatable, Sendable {
  /// Share of the surplus staff that leaves each year, 0...1 (e.g. 0.04).
  public var attritionRate: Double

  /// Creates the rule.
  public init(attritionRate: Double) {
    self.attritionRate = attritionRate
  }
}
