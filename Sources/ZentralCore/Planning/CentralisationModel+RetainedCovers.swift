import ZentralSolver

extension CentralisationModel {
  /// `rcover(unit,i)`: the covers of the unit's row `retain(unit)` (``RetainedCovers``), each
  /// `sum_{t in S} P_t m_t <= K_S` written over the move columns: `x` of a task that is not
  /// divisible, the posts `n` of a divisible one (`P_t x = n`, so the row is the same, and GLPK
  /// sees a row over integer columns). Valid for every plan, so they change no optimum; they
  /// belong to the rule group of the retained row and go with it when it is relaxed.
  mutating func addRetainedCovers(unit: String, tasks: [Int], limit: Double) throws(ModelError) {
    let items = tasks.map { t -> RetainedCovers.Item in
      let task = scenario.tasks[t]
      let posts = task.divisible ? task.postCount : 1
      return RetainedCovers.Item(posts: posts, ftePerPost: task.fte / Double(posts))
    }
    for (number, cover) in RetainedCovers.covers(items: items, limit: limit).enumerated() {
      var row = LinearExpression()
      for position in cover.items {
        let t = tasks[position]
        for (i, move) in moves[t].enumerated() {
          if scenario.tasks[t].divisible, let posts = staff.posts[t][i] {
            row.add(1, posts)
          } else {
            row.add(Double(items[position].posts), move.variable)
          }
        }
      }
      try model.addConstraint(
        row <= LinearExpression(constant: Double(cover.maxPosts)), name: "rcover(\(unit),\(number + 1))")
    }
  }
}
