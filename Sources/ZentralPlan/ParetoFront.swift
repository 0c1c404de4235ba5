extension Plan {
  /// The efficient plans between two goals: the most NPV saved for each bound on a second measure
  /// (FTE moved, or the penalties), found by ε-constraints (docs/model.md, "Pareto front").
  public struct ParetoFront: Codable, Sendable, Equatable {
    /// The second goal.
    public enum Measure: String, PlanEnum {
      /// FTE moved over the horizon.
      case disruption
      /// The concern and disruption penalties of the objective, EUR.
      case penalties
    }

    /// The second goal, kept at or below ε.
    public var measure: Measure
    /// The efficient plans, by increasing ``Point/measure``; none is dominated by another.
    public var points: [Point]
    /// The recommended plan on the same axes.
    public var recommended: Point
    /// Whether every ε-solve was proven optimal within the time limit and the analysis budget.
    public var complete: Bool

    /// Creates a front.
    public init(measure: Measure, points: [Point], recommended: Point, complete: Bool) {
      self.measure = measure
      self.points = points
      self.recommended = recommended
      self.complete = complete
    }

    /// One plan on the front.
    public struct Point: Codable, Sendable, Equatable {
      /// The bound ε on the measure this plan was solved under (absent for the recommendation).
      public var epsilon: Double?
      /// NPV saved against the status quo, EUR.
      public var savings: Double
      /// The plan's value of the measure (FTE moved or EUR of penalties).
      public var measure: Double
      /// The tasks that move in this plan.
      public var moved: [String]
      /// When the analysis budget cut this ε-solve short: the most NPV any plan within ε could
      /// save (the solver's bound), EUR; absent when this plan is proven the most saving for ε.
      public var savingsBound: Double?

      enum CodingKeys: String, CodingKey {
        case epsilon, savings, measure, moved
        case savingsBound = "savings_bound"
      }

      /// Creates a point.
      public init(
        epsilon: Double?, savings: Double, measure: Double, moved: [String], savingsBound: Double? = nil
      ) {
        self.epsilon = epsilon
        self.savings = savings
        self.measure = measure
        self.moved = moved
        self.savingsBound = savingsBound
      }
    }
  }
}
