/// Which state of the organisation an org chart shows.
public enum ChartView: String, CaseIterable, Sendable {
  /// The recommended organisation at the end of the plan.
  case target
  /// The organisation today.
  case current
  /// The recommended organisation with every move drawn as an arrow from the old to the new home.
  case changes
}
