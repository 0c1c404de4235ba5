/// A funding programme that refinances a share of the cost of some posts until a year
/// (`funding` in the scenario file, docs/scenario-format.md).
///
/// Funding is bound to where the work is done: a task's funding applies while the task stays at
/// its home unit; a unit's funding applies to the tasks done at that unit while they stay there
/// and, for a provider, to the posts of its competence centres (effective FTE times its rate).
/// A task that moves away loses its funding from the year of the move.
public struct Funding: Equatable, Sendable {
  /// What the funding refinances.
  public enum Target: Equatable, Sendable {
    /// One task, while it stays at its home unit.
    case task(String)
    /// The posts of one unit: its tasks while they stay, and its centres' effective FTE.
    case unit(String)
  }

  /// What the funding refinances.
  public var target: Target
  /// The share of the cost refinanced, more than 0 and at most 1.
  public var share: Double
  /// The last year (inclusive) in which the funding pays.
  public var until: Int

  /// Creates a funding entry.
  public init(target: Target, share: Double, until: Int) {
    self.target = target
    self.share = share
    self.until = until
  }
}
