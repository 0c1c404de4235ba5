import ZentralSolver

extension CentralisationModel {
  /// The centre-opening columns `y` of the centres not open today, wave by wave (model column
  /// indices): the decisions ``PlanningOptions/centresFirst`` has GLPK branch on first.
  public var centreOpeningColumns: [Int] {
    var columns: [Int] = []
    for (c, centre) in facts.centres.enumerated() where !centre.isOpen {
      columns.append(contentsOf: open[c].map(\.index))
    }
    return columns
  }
}
