extension Plan {
  /// Why an infeasible scenario has no plan: a minimal set of conflicting rules (empty when even
  /// the data without any policy rule has no plan), and, when forced moves overload one
  /// provider, the shortfall in numbers.
  public struct Diagnosis: Codable, Sendable, Equatable {
    /// The conflicting rules.
    public var conflicts: [Conflict]
    /// Forced moves against one capacity: what they need and what there is.
    public var shortfall: Shortfall?
    /// Id and name of every task the conflicts name (an infeasible plan has no task list).
    public var tasks: [TaskName]

    /// Creates a diagnosis.
    public init(conflicts: [Conflict], shortfall: Shortfall?, tasks: [TaskName] = []) {
      self.conflicts = conflicts
      self.shortfall = shortfall
      self.tasks = tasks
    }
  }

  /// A task's id and name.
  public struct TaskName: Codable, Sendable, Equatable {
    /// Task id.
    public var id: String
    /// Task name.
    public var name: String

    /// Creates an entry.
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// Forced moves (must-move tasks, deadlines) need more FTE at one provider than it has.
  public struct Shortfall: Codable, Sendable, Equatable {
    /// Provider id.
    public var provider: String
    /// The year.
    public var year: Int
    /// FTE the forced moves need there.
    public var need: Double
    /// The provider's capacity that year, FTE.
    public var limit: Double
    /// Families of the forced tasks.
    public var families: [String]
    /// Whether must-move tasks are among them.
    public var mustMove: Bool
    /// Whether tasks with a deadline are among them.
    public var deadline: Bool

    enum CodingKeys: String, CodingKey {
      case provider, year, need, limit, families
      case mustMove = "must_move"
      case deadline
    }

    /// Creates a shortfall.
    public init(
      provider: String, year: Int, need: Double, limit: Double, families: [String], mustMove: Bool,
      deadline: Bool
    ) {
      self.provider = provider
      self.year = year
      self.need = need
      self.limit = limit
      self.families = families
      self.mustMove = mustMove
      self.deadline = deadline
    }
  }
}
