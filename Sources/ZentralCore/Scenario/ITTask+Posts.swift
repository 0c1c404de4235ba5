extension ITTask {
  /// The number of posts (Stellen) that hold the task's workload: ``posts`` when given, otherwise
  /// the workload rounded up (at least 1).
  public var postCount: Int {
    if let posts { return posts }
    guard fte.isFinite, fte > 0 else { return 1 }
    return max(1, Int((fte - 1e-9).rounded(.up)))
  }

  /// FTE per post (the workload divided by ``postCount``).
  public var ftePerPost: Double { fte / Double(postCount) }
}
