extension Plan {
  /// What happens to one task, and why.
  public struct TaskDecision: Codable, Sendable, Equatable {
    /// Task id.
    public var id: String
    /// Task name.
    public var name: String
    /// Family id.
    public var family: String
    /// Home unit id.
    public var unit: String
    /// Workload today, FTE.
    public var fte: Double
    /// Whether it stays, moves in full or in part.
    public var decision: Decision
    /// The provider it moves to (the one taking the largest share); absent when it stays.
    public var provider: String?
    /// The wave (year) of that move; absent when it stays.
    public var year: Int?
    /// Share moved by the end of the horizon, 0...1.
    public var share: Double
    /// Every part that moves: provider, year, share.
    public var moves: [MovePart]
    /// Why it is decided this way: the rule and its numbers.
    public var reason: TaskReason
    /// The posts (Stellen) that hold the task's workload; absent in plans made before posts.
    public var posts: Int?

    /// Creates a decision.
    public init(
      id: String, name: String, family: String, unit: String, fte: Double, decision: Decision,
      provider: String?, year: Int?, share: Double, moves: [MovePart], reason: TaskReason
    ) {
      self.id = id
      self.name = name
      self.family = family
      self.unit = unit
      self.fte = fte
      self.decision = decision
      self.provider = provider
      self.year = year
      self.share = share
      self.moves = moves
      self.reason = reason
    }
  }

  /// Whether a task stays, moves in full, or moves in part (a divisible task).
  public enum Decision: String, PlanEnum {
    /// It stays in its home unit.
    case stay
    /// It moves in full.
    case move
    /// Part of it moves.
    case partial
  }

  /// One part of a move.
  public struct MovePart: Codable, Sendable, Equatable {
    /// Provider id.
    public var provider: String
    /// Year of the wave.
    public var year: Int
    /// Share of the task moved, 0...1.
    public var share: Double
    /// Posts that move in this part (share times the task's posts); absent in older plans.
    public var posts: Int?
    /// How the staff go over and what it costs; absent when the provider has no transfer rule.
    public var transfer: MoveTransfer?

    /// Creates a part.
    public init(provider: String, year: Int, share: Double) {
      self.provider = provider
      self.year = year
      self.share = share
    }
  }
}
