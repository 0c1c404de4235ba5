/// A deadline for one task (`policy.deadlines` entry `{task, by}`): the task has moved in full by
/// the end of `year`.
public struct TaskDeadline: Equatable, Sendable {
  /// The task.
  public var task: String
  /// The last year in which it may move.
  public var year: Int

  /// Creates a task deadline.
  public init(task: String, year: Int) {
    self.task = task
    self.year = year
  }
}
