/// Lifted cover inequalities of one knapsack row `Σ a_j x_j <= b` over binary `x` with `a_j > 0`.
///
/// A cover `C` is a set of items that together exceed the capacity (`Σ_C a_j > b`), so at most
/// `|C| - 1` of them fit: `Σ_C x_j <= |C| - 1`. The items outside the cover are lifted with the
/// superadditive step function of Gu, Nemhauser and Savelsbergh (2000): with the cover's weights
/// sorted from the largest, `μ_h` the sum of the `h` largest, an item of weight `a` gets the
/// coefficient `g(a) = max{h : μ_h <= a}`. `g` is superadditive (`μ_{h1+h2} <= μ_{h1} + μ_{h2}`)
/// and never above the exact lifting function (an item of weight at least `μ_h` leaves room for
/// at most `|C| - h - 1` cover items), so every item can be lifted with it at once and the cut is
/// valid for every 0-1 point of the row: no integer plan is cut off.
public enum KnapsackCover {
  /// A cut `Σ coefficient_j x_j <= rhs` over item positions of the row.
  public struct Cut: Equatable, Sendable {
    /// The items (positions in the row) with their coefficients, all positive.
    public var terms: [(item: Int, coefficient: Double)]
    /// The right-hand side, `|C| - 1`.
    public var rhs: Double

    /// The cut's left-hand side at `point` (values by item position).
    public func activity(at point: [Double]) -> Double {
      terms.reduce(0) { $0 + $1.coefficient * point[$1.item] }
    }

    /// Whether both cuts have the same terms in the same order and the same right-hand side.
    public static func == (a: Cut, b: Cut) -> Bool {
      a.rhs == b.rhs && a.terms.count == b.terms.count
        && zip(a.terms, b.terms).allSatisfy { $0.item == $1.item && $0.coefficient == $1.coefficient }
    }
  }

  /// A lifted cover cut of `Σ weights_j x_j <= capacity` that `point` violates by more than
  /// `minimumViolation`, or `nil` when the greedy separation finds none.
  ///
  /// The cover is chosen greedily by `(1 - x*_j) / a_j` (items the point almost takes, heavy ones
  /// first), then made minimal by dropping the items with the smallest `x*` that it does not need.
  /// Items of weight above the capacity are left to the caller (they are fixed at 0 by bounds).
  ///
  /// - Parameters:
  ///   - weights: the positive weights `a_j`.
  ///   - capacity: `b`, at least 0.
  ///   - point: the LP values `x*_j` in [0, 1], by item.
  public static func separate(
    weights: [Double], capacity: Double, point: [Double], minimumViolation: Double = 1e-3
  ) -> Cut? {
    let n = weights.count
    guard n == point.count, n >= 2, capacity.isFinite, capacity >= 0 else { return nil }
    guard weights.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
    let tolerance = 1e-9 * max(1, capacity)
    let total = weights.reduce(0, +)
    guard total > capacity + tolerance else { return nil }
    // Items with x* = 0 cost a whole unit of slack: the greedy takes them last.
    let order = (0..<n).sorted {
      let a = (1 - point[$0]) / weights[$0]
      let b = (1 - point[$1]) / weights[$1]
      return a != b ? a < b : $0 < $1
    }
    var cover: [Int] = []
    var weight = 0.0
    for j in order {
      cover.append(j)
      weight += weights[j]
      if weight > capacity + tolerance { break }
    }
    guard weight > capacity + tolerance else { return nil }
    // Minimal: drop items (smallest x* first) while the rest still exceeds the capacity.
    for j in cover.sorted(by: { point[$0] != point[$1] ? point[$0] < point[$1] : $0 > $1 }) {
      if weight - weights[j] > capacity + tolerance {
        weight -= weights[j]
        cover.removeAll { $0 == j }
      }
    }
    guard cover.count >= 2 else { return nil }
    let cut = lifted(cover: cover, weights: weights)
    return cut.activity(at: point) > cut.rhs + minimumViolation ? cut : nil
  }

  /// The cover inequality of `cover` with every other item lifted by the step function.
  static func lifted(cover: [Int], weights: [Double]) -> Cut {
    let sorted = cover.map { weights[$0] }.sorted(by: >)
    var prefix: [Double] = [0]
    for w in sorted { prefix.append(prefix[prefix.count - 1] + w) }
    let members = Set(cover)
    var terms: [(item: Int, coefficient: Double)] = []
    for j in weights.indices {
      if members.contains(j) {
        terms.append((j, 1))
        continue
      }
      // g(a) = max{h : μ_h <= a}, at most |C| - 1 (μ_|C| exceeds the capacity, and an item of
      // that weight is fixed at 0 anyway).
      var h = 0
      while h + 1 < cover.count && prefix[h + 1] <= weights[j] { h += 1 }
      if h > 0 { terms.append((j, Double(h))) }
    }
    return Cut(terms: terms, rhs: Double(cover.count - 1))
  }
}
