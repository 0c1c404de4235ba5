/// A decision already carried out (`policy.done`): the task moved in full to `provider` in
/// `year`. The model fixes it; its transition cost and the set-up of the centre it opened are
/// sunk and not counted again.
public struct DoneMove: Equatable, Sendable {
  /// The task moved.
  public var task: String
  /// The provider it moved to.
  public var provider: String
  /// The year (wave) of the move.
  public var year: Int

  /// Creates a done move.
  public init(task: String, provider: String, year: Int) {
    self.task = task
    self.provider = provider
    self.year = year
  }
}
