/// Valid inequalities implied by one retained-organisation row (docs/model.md, "Retained covers").
///
/// A unit's row `retain(u)` says that at most `limit` FTE of its movable tasks move:
/// `sum_t w_t m_t <= limit`, `m_t` the share of task `t` moved by the last wave. In every plan a
/// task that is not divisible moves whole or not at all (`m_t` is 0 or 1) and a divisible one in
/// whole posts (`P_t m_t` is a whole number from 0 to `P_t`). Item `t` therefore stands for
/// `P_t` posts (1 for a task that is not divisible) of `w_t / P_t` FTE each, and for any set `S`
/// of items the posts of `S` that can move together are at most
///
///     K_S = the most posts of S whose FTE sum to at most `limit`,
///
/// found by taking the lightest posts first (every post counts one, so the lightest first is
/// optimal). The cover `sum_{t in S} P_t m_t <= K_S` holds for every plan; it is kept when it
/// says more than the posts' bounds (`K_S < sum_{t in S} P_t`) and when every item of `S` is
/// needed (`K_S < K_{S without t} + P_t` for each `t` in `S`; otherwise the cover of the smaller
/// set with `P_t m_t <= P_t` implies it). The LP relaxation of the row alone lets the last task
/// move in part; the covers do not.
struct RetainedCovers {
  /// One task of the row: its posts `P_t` and the FTE of one post, `w_t / P_t`.
  struct Item: Equatable {
    /// Posts of the task (1 for a task that is not divisible).
    var posts: Int
    /// FTE of one post.
    var ftePerPost: Double
  }

  /// One cover: at most `maxPosts` posts of the `items` (positions in the row's items) move.
  struct Cover: Equatable {
    /// Positions of the items in the cover, ascending.
    var items: [Int]
    /// The most posts of these items that may move together.
    var maxPosts: Int
  }

  /// Rows with up to this many items get every subset tried; larger rows only subsets of up to
  /// ``largeRowSubsetSize`` items (the number of subsets grows as `2^n`).
  static let allSubsetsUpTo = 12
  /// The largest subsets tried in a row of more than ``allSubsetsUpTo`` items.
  static let largeRowSubsetSize = 3
  /// At most this many subsets of one row are tried, smallest first: a department of 300 tasks
  /// would otherwise mean 4.5 million subsets of three before the model is built.
  static let maxSubsetsPerRow = 20_000
  /// At most this many covers are kept for one row (the smallest sets come first), so that a
  /// large department cannot add thousands of rows; fewer covers never cut off a plan.
  static let maxCoversPerRow = 200
  /// Relative tolerance of the FTE sums: a set of posts whose FTE exceed `limit` by less than
  /// this (times `max(1, limit)`) counts as fitting, as the row itself does within the
  /// tolerance of a plan's check (1e-7 for rows), so a cover never cuts off a plan the row admits.
  static let tolerance = 1e-7

  /// The covers of the row `sum_t w_t m_t <= limit` over `items`, in subset order (by size, then
  /// by position). Empty when `limit` is not finite.
  static func covers(items: [Item], limit: Double) -> [Cover] {
    guard limit.isFinite, !items.isEmpty, items.allSatisfy({ $0.posts > 0 && $0.ftePerPost >= 0 }) else {
      return []
    }
    let largest = items.count <= allSubsetsUpTo ? items.count : largeRowSubsetSize
    var result: [Cover] = []
    var subset: [Int] = []
    var tried = 0
    var full: Bool { tried >= maxSubsetsPerRow || result.count >= maxCoversPerRow }
    func visit(from start: Int, size: Int) {
      if subset.count == size {
        tried += 1
        if let cover = cover(of: subset, items: items, limit: limit) { result.append(cover) }
        return
      }
      guard start < items.count else { return }
      for i in start..<items.count where !full {
        subset.append(i)
        visit(from: i + 1, size: size)
        subset.removeLast()
      }
    }
    for size in 1...largest where !full { visit(from: 0, size: size) }
    return result
  }

  /// The cover of `subset` if it says more than the bounds and needs every item of it.
  private static func cover(of subset: [Int], items: [Item], limit: Double) -> Cover? {
    let most = maxPosts(of: subset, items: items, limit: limit)
    let all = subset.reduce(0) { $0 + items[$1].posts }
    guard most < all else { return nil }
    for t in subset {
      let rest = subset.filter { $0 != t }
      if maxPosts(of: rest, items: items, limit: limit) + items[t].posts <= most { return nil }
    }
    return Cover(items: subset, maxPosts: most)
  }

  /// The most posts of `subset` whose FTE sum to at most `limit`: the lightest posts first.
  static func maxPosts(of subset: [Int], items: [Item], limit: Double) -> Int {
    var room = limit + tolerance * max(1, abs(limit))
    var count = 0
    for i in subset.sorted(by: { items[$0].ftePerPost < items[$1].ftePerPost }) {
      let item = items[i]
      guard room >= 0 else { break }
      let fitting =
        item.ftePerPost > 0
        ? Int(min(Double(item.posts), (room / item.ftePerPost).rounded(.down))) : item.posts
      count += fitting
      room -= Double(fitting) * item.ftePerPost
      if fitting < item.posts { break }
    }
    return count
  }
}
