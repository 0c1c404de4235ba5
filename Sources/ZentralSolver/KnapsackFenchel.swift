/// Exact (Fenchel-type) separation over the knapsack polytope of one row `Σ a_j x_j <= b` with
/// integral weights, restricted to the point's fractional support, with exact sequential lifting.
///
/// For an LP point `x*` the items split into `F` (fractional), `U` (at 1) and `Z` (at 0). On the
/// face `x_U = 1, x_Z = 0` the knapsack has only the items of `F` and the capacity
/// `b' = b - Σ_U a_j`; with at most ``maximumSupport`` items its feasible sets are enumerated and
/// the separation LP `max Σ_F x*_j π_j` subject to `Σ_{j ∈ S} π_j <= 1` for every maximal
/// feasible set `S` (and `0 <= π_j <= 1`) gives the most violated inequality `π x <= 1` of that
/// face's knapsack polytope (a small dense simplex, Bland's rule); when an item of `F` does not
/// fit into `b'` at all, the face inequality is `x_j <= 0` for the one with the largest `x*_j`
/// and the other items of `F` are lifted up first. It is lifted exactly to the
/// whole row: the items of `U` (down-lifting, `π_j = max{π x : a x <= b' + a_j} - π_0`,
/// `π_0 += π_j`), then the items of `Z` (up-lifting, `π_j = π_0 - max{π x : a x <= b - a_j}`),
/// each maximum by dynamic programming over the integral weights. Exact lifting keeps the
/// inequality valid for every 0-1 point of the row; as a guard against rounding, the right-hand
/// side is finally raised to the exact maximum of `π x` over the row (dynamic programming), so
/// the returned cut never cuts off a 0-1 point even if the LP were inexact.
public enum KnapsackFenchel {
  /// Fractional items beyond which the face is not enumerated (2^n sets).
  public static let maximumSupport = 12

  /// A cut of `Σ weights_j x_j <= capacity` that `point` violates by more than
  /// `minimumViolation`, or `nil`: when the weights are not integral (or the dynamic program
  /// would be too large), the support is empty or larger than ``maximumSupport``, or the face's
  /// knapsack polytope contains the point.
  ///
  /// - Parameters:
  ///   - weights: the positive weights `a_j`; integral (within 1e-9) for a cut to be found.
  ///   - capacity: `b`, at least 0 (rounded down).
  ///   - point: the LP values `x*_j` in [0, 1], by item.
  public static func separate(
    weights: [Double], capacity: Double, point: [Double], minimumViolation: Double = 1e-3
  ) -> KnapsackCover.Cut? {
    let n = weights.count
    guard n == point.count, n >= 2, capacity.isFinite, capacity >= 0, capacity <= 1e6 else { return nil }
    var a: [Int] = []
    a.reserveCapacity(n)
    for w in weights {
      guard w.isFinite, w >= 0.5, w <= 1e6, abs(w - w.rounded()) <= 1e-9 else { return nil }
      a.append(Int(w.rounded()))
    }
    let b = Int((capacity + 1e-9).rounded(.down))
    guard n * (b + 1) <= 20_000_000 else { return nil }
    var fractional: [Int] = []
    var ones: [Int] = []
    var zeros: [Int] = []
    for j in 0..<n {
      if point[j] >= 1 - 1e-6 {
        ones.append(j)
      } else if point[j] <= 1e-6 {
        zeros.append(j)
      } else {
        fractional.append(j)
      }
    }
    guard !fractional.isEmpty, fractional.count <= maximumSupport else { return nil }
    var room = b - ones.reduce(0) { $0 + a[$1] }
    guard room >= 0, fractional.reduce(0, { $0 + a[$1] }) > room else { return nil }

    var coefficient = Array(repeating: 0.0, count: n)
    var rhs: Double
    var free: [Int]
    var later: [Int] = []  // fractional items lifted up on the face
    if let heavy = fractional.filter({ a[$0] > room }).max(by: { point[$0] < point[$1] }) {
      // An item that cannot be 1 on the face: x_j <= 0 there, the others lifted.
      coefficient[heavy] = 1
      rhs = 0
      free = [heavy]
      later = fractional.filter { $0 != heavy }.sorted { point[$0] > point[$1] }
    } else {
      guard
        let face = faceCut(
          fractional, weights: a, room: room, point: point, minimumViolation: minimumViolation)
      else { return nil }
      for (i, j) in fractional.enumerated() { coefficient[j] = face[i] }
      rhs = 1
      free = fractional
    }
    // Up-lifting of the other fractional items, the items at 1 still fixed.
    for j in later {
      let best = maximum(of: coefficient, weights: a, items: free, capacity: room - a[j])
      coefficient[j] = best.isFinite ? max(0, rhs - best) : rhs
      free.append(j)
    }
    // Down-lifting of the items at 1, those nearest 1 first.
    for j in ones.sorted(by: { point[$0] != point[$1] ? point[$0] > point[$1] : $0 < $1 }) {
      room += a[j]
      let best = maximum(of: coefficient, weights: a, items: free, capacity: room)
      coefficient[j] = max(0, best - rhs)
      rhs += coefficient[j]
      free.append(j)
    }
    // Up-lifting of the items at 0 (one that never fits gets the right-hand side).
    for j in zeros {
      let best = maximum(of: coefficient, weights: a, items: free, capacity: b - a[j])
      coefficient[j] = best.isFinite ? max(0, rhs - best) : rhs
      free.append(j)
    }
    // The guard: the right-hand side is at least the exact maximum over the whole row.
    let fits = (0..<n).filter { a[$0] <= b }
    rhs = max(rhs, maximum(of: coefficient, weights: a, items: fits, capacity: b))
    var terms: [(item: Int, coefficient: Double)] = []
    for j in 0..<n where coefficient[j] > 1e-9 { terms.append((j, coefficient[j])) }
    let cut = KnapsackCover.Cut(terms: terms, rhs: rhs)
    return cut.activity(at: point) > cut.rhs + minimumViolation ? cut : nil
  }

  /// The most violated inequality `π x <= 1` (values by position in `items`) of the knapsack
  /// polytope of `items` with capacity `room`, or `nil` when the point satisfies all of them.
  static func faceCut(
    _ items: [Int], weights a: [Int], room: Int, point: [Double], minimumViolation: Double
  ) -> [Double]? {
    // The maximal feasible sets, as rows of the separation LP, and the bounds π_j <= 1.
    let k = items.count
    var rows: [[Double]] = []
    for mask in 1..<(1 << k) {
      var weight = 0
      for i in 0..<k where mask & (1 << i) != 0 { weight += a[items[i]] }
      guard weight <= room else { continue }
      if (0..<k).allSatisfy({ mask & (1 << $0) != 0 || weight + a[items[$0]] > room }) {
        rows.append((0..<k).map { mask & (1 << $0) != 0 ? 1 : 0 })
      }
    }
    for i in 0..<k {
      var bound = Array(repeating: 0.0, count: k)
      bound[i] = 1
      rows.append(bound)
    }
    guard let face = maximise(objective: items.map { point[$0] }, rows: rows),
      zip(items, face).reduce(0, { $0 + point[$1.0] * $1.1 }) > 1 + minimumViolation
    else { return nil }
    return face
  }

  /// `max{Σ_items c_j x_j : Σ_items a_j x_j <= capacity, x ∈ {0,1}}` by dynamic programming
  /// (items with `c_j <= 0` are never taken).
  static func maximum(of c: [Double], weights a: [Int], items: [Int], capacity: Int) -> Double {
    guard capacity >= 0 else { return -.infinity }  // no 0-1 point: the item never fits
    var best = Array(repeating: 0.0, count: capacity + 1)
    for j in items where c[j] > 0 && a[j] <= capacity {
      var s = capacity
      while s >= a[j] {
        let value = best[s - a[j]] + c[j]
        if value > best[s] { best[s] = value }
        s -= 1
      }
    }
    return best[capacity]
  }

  /// `max c·π` subject to `rows · π <= 1` and `π >= 0` (every row has non-negative entries and
  /// bounds every variable), by the primal simplex method on a dictionary with Bland's rule,
  /// started from the slack basis. `nil` when it does not end within its iteration limit.
  static func maximise(objective c: [Double], rows: [[Double]]) -> [Double]? {
    let n = c.count
    let m = rows.count
    var table = rows  // basic_i = rhs_i - Σ_k table[i][k] * nonbasic_k
    var rhs = Array(repeating: 1.0, count: m)
    var cost = c  // z = z0 + Σ_k cost[k] * nonbasic_k
    var nonbasic = Array(0..<n)  // variable ids: 0..<n structural, n..<n+m slacks
    var basic = Array(n..<(n + m))
    let epsilon = 1e-9
    for _ in 0..<10_000 {
      // Bland: the entering variable with the smallest id among those that improve.
      var enter = -1
      for k in 0..<n where cost[k] > epsilon && (enter < 0 || nonbasic[k] < nonbasic[enter]) { enter = k }
      guard enter >= 0 else {
        var solution = Array(repeating: 0.0, count: n)
        for i in 0..<m where basic[i] < n { solution[basic[i]] = max(0, rhs[i]) }
        return solution
      }
      var leave = -1
      var ratio = Double.infinity
      for i in 0..<m where table[i][enter] > epsilon {
        let r = rhs[i] / table[i][enter]
        if r < ratio - 1e-12 || (abs(r - ratio) <= 1e-12 && leave >= 0 && basic[i] < basic[leave]) {
          ratio = r
          leave = i
        }
      }
      guard leave >= 0 else { return nil }  // unbounded: cannot happen with the bound rows
      let pivot = table[leave][enter]
      rhs[leave] /= pivot
      for k in 0..<n where k != enter { table[leave][k] /= pivot }
      table[leave][enter] = 1 / pivot
      for i in 0..<m where i != leave {
        let factor = table[i][enter]
        guard factor != 0 else { continue }
        rhs[i] -= factor * rhs[leave]
        for k in 0..<n where k != enter { table[i][k] -= factor * table[leave][k] }
        table[i][enter] = -factor / pivot
      }
      let gain = cost[enter]
      for k in 0..<n where k != enter { cost[k] -= gain * table[leave][k] }
      cost[enter] = -gain / pivot
      swap(&basic[leave], &nonbasic[enter])
    }
    return nil
  }
}
