extension Plan {
  /// The funding of a plan (`funding` in plan.json, present only when the scenario has some):
  /// the programmes and the amount they refinance per year, in the plan and in the status quo.
  /// The plan's and the baseline's annual costs and NPVs elsewhere in the plan are net of it:
  /// what the city pays.
  public struct FundingSummary: Codable, Sendable, Equatable {
    /// The funding programmes of the scenario.
    public var programmes: [Programme]
    /// The funded amount per year of the horizon.
    public var years: [Year]
    /// The plan's funded amount over the horizon, EUR (undiscounted).
    public var total: Double
    /// The plan's funded amount, discounted like the NPV, EUR.
    public var totalNPV: Double
    /// The status quo's funded amount over the horizon, EUR (undiscounted).
    public var baselineTotal: Double

    enum CodingKeys: String, CodingKey {
      case programmes, years, total
      case totalNPV = "total_npv"
      case baselineTotal = "baseline_total"
    }

    /// Creates a funding summary.
    public init(
      programmes: [Programme], years: [Year], total: Double, totalNPV: Double, baselineTotal: Double
    ) {
      self.programmes = programmes
      self.years = years
      self.total = total
      self.totalNPV = totalNPV
      self.baselineTotal = baselineTotal
    }

    /// One funding programme: what it refinances, which share, until when.
    public struct Programme: Codable, Sendable, Equatable {
      /// The funded task's id (absent for a unit's funding).
      public var task: String?
      /// The funded unit's id (absent for a task's funding).
      public var unit: String?
      /// The share of the cost refinanced, 0...1.
      public var share: Double
      /// The last year it pays.
      public var until: Int

      /// Creates a programme entry.
      public init(task: String?, unit: String?, share: Double, until: Int) {
        self.task = task
        self.unit = unit
        self.share = share
        self.until = until
      }
    }

    /// The funded amount in one year.
    public struct Year: Codable, Sendable, Equatable {
      /// Calendar year.
      public var year: Int
      /// Refinanced in the plan, EUR/year.
      public var plan: Double
      /// Refinanced in the status quo, EUR/year.
      public var baseline: Double

      /// Creates a year entry.
      public init(year: Int, plan: Double, baseline: Double) {
        self.year = year
        self.plan = plan
        self.baseline = baseline
      }
    }
  }
}
