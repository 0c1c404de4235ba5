extension Plan {
  /// Near-optimal alternatives to the recommendation (`zentral plan --alternatives K --within F`):
  /// plans that cost at most `within` more than the recommendation and change as many move
  /// decisions as possible (docs/model.md, "Near-optimal alternatives").
  public struct AlternativesSection: Codable, Sendable, Equatable {
    /// Alternatives asked for.
    public var requested: Int
    /// The allowed extra cost as a fraction of the recommendation's objective (0.02 for 2 %).
    public var within: Double
    /// The objective no alternative exceeds, EUR: the recommendation's objective plus
    /// `within` times its magnitude.
    public var bound: Double
    /// The alternatives found, most different first (fewer than requested when no further
    /// distinct plan fits the bound, or the time ran out).
    public var alternatives: [Alternative]
    /// Why fewer alternatives than requested were found; absent when all were found.
    public var shortfall: AnalysisShortfall?

    /// Creates the section.
    public init(
      requested: Int, within: Double, bound: Double, alternatives: [Alternative],
      shortfall: AnalysisShortfall? = nil
    ) {
      self.requested = requested
      self.within = within
      self.bound = bound
      self.alternatives = alternatives
      self.shortfall = shortfall
    }
  }

  /// Why a search for alternatives or a robust plan found less than asked for.
  public enum AnalysisShortfall: String, PlanEnum {
    /// No further plan within the bound differs from the ones found.
    case noneLeft = "none_left"
    /// The time limit ended the search.
    case timeLimit = "time_limit"
    /// The caller (Ctrl-C) stopped the search.
    case stopped
    /// The model is solved family by family (too large for one MIP); the analysis is not run.
    case tooLarge = "too_large"
    /// The recommendation is not a plan with decisions (infeasible or no solution).
    case noPlan = "no_plan"
  }

  /// One near-optimal alternative.
  public struct Alternative: Codable, Sendable, Equatable {
    /// Its objective (NPV plus penalties), EUR.
    public var objective: Double
    /// Its NPV of running and one-time costs, EUR.
    public var npv: Double
    /// Objective minus the recommendation's, EUR (0 ≤ it ≤ the allowed extra cost).
    public var costDifference: Double
    /// NPV minus the recommendation's NPV, EUR: the money apart from penalties.
    public var moneyDifference: Double
    /// The change in concern and disruption penalties, EUR.
    public var penaltyDifference: Double
    /// Move indicators `x(task,provider,wave)` that differ from the recommendation (the Hamming
    /// distance; a task that changes provider or wave counts 2, one that moves instead of
    /// staying counts 1).
    public var distance: Int
    /// The smallest such distance to the recommendation and every earlier alternative (what the
    /// search maximises).
    public var minimumDistance: Int
    /// Whether that smallest distance is proven maximal (the MIP was solved to optimality).
    public var provenMostDifferent: Bool
    /// The tasks decided differently from the recommendation.
    public var changes: [DecisionChange]

    enum CodingKeys: String, CodingKey {
      case objective, npv
      case costDifference = "cost_difference"
      case moneyDifference = "money_difference"
      case penaltyDifference = "penalty_difference"
      case distance
      case minimumDistance = "minimum_distance"
      case provenMostDifferent = "proven_most_different"
      case changes
    }

    /// Creates an alternative.
    public init(
      objective: Double, npv: Double, costDifference: Double, moneyDifference: Double,
      penaltyDifference: Double, distance: Int, minimumDistance: Int, provenMostDifferent: Bool,
      changes: [DecisionChange]
    ) {
      self.objective = objective
      self.npv = npv
      self.costDifference = costDifference
      self.moneyDifference = moneyDifference
      self.penaltyDifference = penaltyDifference
      self.distance = distance
      self.minimumDistance = minimumDistance
      self.provenMostDifferent = provenMostDifferent
      self.changes = changes
    }
  }

  /// A task decided differently from the recommendation: where and when it goes there and here.
  public struct DecisionChange: Codable, Sendable, Equatable {
    /// Task id.
    public var task: String
    /// The recommendation's provider (absent: the task stays).
    public var fromProvider: String?
    /// The recommendation's wave (year).
    public var fromYear: Int?
    /// The recommendation's share moved.
    public var fromShare: Double
    /// The other plan's provider (absent: the task stays).
    public var toProvider: String?
    /// The other plan's wave (year).
    public var toYear: Int?
    /// The other plan's share moved.
    public var toShare: Double

    enum CodingKeys: String, CodingKey {
      case task
      case fromProvider = "from_provider"
      case fromYear = "from_year"
      case fromShare = "from_share"
      case toProvider = "to_provider"
      case toYear = "to_year"
      case toShare = "to_share"
    }

    /// Creates a change.
    public init(
      task: String, fromProvider: String?, fromYear: Int?, fromShare: Double, toProvider: String?,
      toYear: Int?,
      toShare: Double
    ) {
      self.task = task
      self.fromProvider = fromProvider
      self.fromYear = fromYear
      self.fromShare = fromShare
      self.toProvider = toProvider
      self.toYear = toYear
      self.toShare = toShare
    }

    /// The tasks whose moves (provider, year, share) differ between `reference` and `other`
    /// (decisions in the same task order).
    public static func between(_ reference: [TaskDecision], _ other: [TaskDecision]) -> [DecisionChange] {
      zip(reference, other).compactMap { a, b in
        let same =
          a.moves.count == b.moves.count
          && zip(a.moves, b.moves).allSatisfy {
            $0.provider == $1.provider && $0.year == $1.year && abs($0.share - $1.share) <= 1e-6
          }
        guard !same else { return nil }
        return DecisionChange(
          task: a.id, fromProvider: a.provider, fromYear: a.year, fromShare: a.share, toProvider: b.provider,
          toYear: b.year, toShare: b.share)
      }
    }
  }
}
