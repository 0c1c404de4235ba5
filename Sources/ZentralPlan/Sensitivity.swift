extension Plan {
  /// How firm the recommendation is: for each uncertain input, scaled by one factor, the range of
  /// factors over which the recommended decisions stay optimal and the break-even factor of each
  /// decision that flips inside the plausible range (docs/model.md, "Sensitivity").
  public struct Sensitivity: Codable, Sendable, Equatable {
    /// The smallest factor examined (0.5: 50 % below the scenario's value).
    public var lowest: Double
    /// The largest factor examined (1.5: 50 % above).
    public var highest: Double
    /// The two re-solves that enclose a break-even are at most this far apart (in factor).
    public var tolerance: Double
    /// The number of MIP re-solves the analysis ran.
    public var solves: Int
    /// Wall time of the analysis, seconds.
    public var seconds: Double
    /// One entry per input examined, in the order examined.
    public var inputs: [Input]

    /// Creates a sensitivity section.
    public init(
      lowest: Double, highest: Double, tolerance: Double, solves: Int, seconds: Double, inputs: [Input]
    ) {
      self.lowest = lowest
      self.highest = highest
      self.tolerance = tolerance
      self.solves = solves
      self.seconds = seconds
      self.inputs = inputs
    }

    /// One uncertain input and how far it may move.
    public struct Input: Codable, Sendable, Equatable {
      /// The input: `cost_per_fte`, `transition_costs`, `scale_curves`, `provider_prices`,
      /// `discount_rate`, or a scenario key path such as `families.sap.transition_cost_per_fte`.
      public var key: String
      /// The factor below which the recommended decisions stop being optimal (``Sensitivity/lowest``
      /// when they stay optimal down to it).
      public var low: Double
      /// The factor above which they stop being optimal (``Sensitivity/highest`` when they stay
      /// optimal up to it).
      public var high: Double
      /// Whether every re-solve finished within the time limit and the analysis budget (otherwise
      /// the range is what was proven before time ran out, and break-evens may be brackets).
      public var complete: Bool
      /// The decisions that change inside the examined range, nearest to the scenario's value first.
      public var flips: [Flip]

      /// Creates an input entry.
      public init(key: String, low: Double, high: Double, complete: Bool, flips: [Flip]) {
        self.key = key
        self.low = low
        self.high = high
        self.complete = complete
        self.flips = flips
      }
    }

    /// One decision that changes when an input moves past its break-even.
    public struct Flip: Codable, Sendable, Equatable {
      /// The task whose decision changes.
      public var task: String
      /// The break-even factor (midpoint of the last factor with the recommended decision and the
      /// first without it).
      public var factor: Double
      /// The input's value at the break-even as it bears on this task (its transition cost, its
      /// home unit's cost per FTE, the provider's price, the discount rate); absent for scale curves.
      public var value: Double?
      /// The recommended decision: the provider it moves to; absent when it stays.
      public var from: String?
      /// The decision past the break-even: the provider it moves to; absent when it stays.
      public var to: String?
      /// When the analysis budget ended the bisection early: the two factors `[low, high]` between
      /// which the break-even is proven to lie (``factor`` is then their midpoint, not a proven
      /// break-even); absent when the break-even is narrowed to the tolerance.
      public var bracket: [Double]?

      /// Creates a flip.
      public init(
        task: String, factor: Double, value: Double?, from: String?, to: String?, bracket: [Double]? = nil
      ) {
        self.task = task
        self.factor = factor
        self.value = value
        self.from = from
        self.to = to
        self.bracket = bracket
      }
    }
  }
}
