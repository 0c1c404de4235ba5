extension Plan {
  /// The robust plan (`zentral plan --robust N`): the one set of move and centre decisions with
  /// the lowest expected objective over N sampled scenarios (sample-average approximation), with
  /// its regret against each sample's own optimum (docs/model.md, "Robust plan").
  public struct RobustSection: Codable, Sendable, Equatable {
    /// Samples drawn.
    public var samples: Int
    /// The seed of the sampling (the same seed gives the same samples).
    public var seed: UInt64
    /// How good the robust decisions are: optimal for the sample average, or the best found.
    public var status: Status?
    /// Why no robust plan was computed; absent when one was.
    public var shortfall: AnalysisShortfall?
    /// Mean objective (NPV plus penalties) of the robust decisions over the samples, EUR.
    public var expectedObjective: Double?
    /// Mean NPV of the robust decisions over the samples, EUR.
    public var expectedNPV: Double?
    /// Proven lower bound of the best expected objective over the samples, EUR (the
    /// sample-average MIP's bound; equal to ``expectedObjective`` when `status` is optimal).
    public var bound: Double?
    /// Relative gap `(expected_objective - bound) / max(1, |expected_objective|)`: how much better
    /// the sample average could still be; 0 when optimal.
    public var gap: Double?
    /// Distinct single-sample plans (each sample's own optimal decisions, and the
    /// recommendation's) evaluated on every sample; the robust plan is no worse than the best.
    public var candidates: Int?
    /// Mean objective of the recommendation's decisions over the samples, EUR (absent when
    /// they break a rule in some sample).
    public var recommendationExpectedObjective: Double?
    /// Largest regret over the samples, EUR.
    public var maximumRegret: Double?
    /// Mean regret over the samples, EUR.
    public var meanRegret: Double?
    /// The tasks the robust plan decides differently from the recommendation.
    public var changes: [DecisionChange]
    /// Each sample: its factors, its own optimum, the robust decisions' objective and the regret.
    public var draws: [RobustSample]

    enum CodingKeys: String, CodingKey {
      case samples, seed, status, shortfall
      case expectedObjective = "expected_objective"
      case expectedNPV = "expected_npv"
      case bound, gap, candidates
      case recommendationExpectedObjective = "recommendation_expected_objective"
      case maximumRegret = "maximum_regret"
      case meanRegret = "mean_regret"
      case changes, draws
    }

    /// Creates the section.
    public init(samples: Int, seed: UInt64) {
      self.samples = samples
      self.seed = seed
      self.changes = []
      self.draws = []
    }
  }

  /// One sampled scenario of a robust plan.
  public struct RobustSample: Codable, Sendable, Equatable {
    /// The factors drawn, by input (`cost_per_fte`, `transition_cost`, `price_per_fte`).
    public var factors: [String: Double]
    /// The sample's own optimal objective, EUR (absent when not solved in time).
    public var optimum: Double?
    /// The robust decisions' objective in this sample, EUR.
    public var robust: Double?
    /// `robust - optimum`, EUR (0 or more).
    public var regret: Double?

    /// Creates a sample entry.
    public init(factors: [String: Double], optimum: Double?, robust: Double?, regret: Double?) {
      self.factors = factors
      self.optimum = optimum
      self.robust = robust
      self.regret = regret
    }
  }
}
