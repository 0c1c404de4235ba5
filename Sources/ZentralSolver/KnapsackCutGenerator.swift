import CGLPK

/// zentral's own cutting planes, added through GLPK's cut callback (`GLP_ICUTGEN`): lifted cover
/// inequalities (``KnapsackCover``) of every row that is a knapsack over binary columns once its
/// other columns sit at the bound that leaves the most room (capacity per provider and year,
/// budget, change capacity, retained organisation; the capacity rows of a generalised assignment).
///
/// The rows are read once, at the root, from the problem GLPK searches (the preprocessed one when
/// GLPK's MIP presolver runs) with the root's bounds, which hold globally; a cut derived from
/// them holds at every node. A binary column with a negative coefficient is complemented
/// (`x = 1 - x̄`). Rounds per node are limited: ``rootRounds`` at the root, ``nodeRounds`` at
/// the other nodes.
final class KnapsackCutGenerator {
  /// One knapsack row: items (column, complemented?) with weights, and the capacity.
  struct Knapsack {
    var columns: [Int32]
    var complemented: [Bool]
    var weights: [Double]
    var capacity: Double
  }

  /// Separate lifted covers (``KnapsackCover``).
  let covers: Bool
  /// Separate exactly over each row's knapsack polytope on the point's fractional support
  /// (``KnapsackFenchel``), before a cover is tried.
  let exact: Bool
  /// Rounds of separation at the root node.
  let rootRounds: Int
  /// Rounds of separation at every other node.
  let nodeRounds: Int
  private var knapsacks: [Knapsack]?
  private var node: Int32 = 0
  private var rounds = 0
  /// Cuts handed to GLPK so far.
  private(set) var added = 0

  init(covers: Bool = true, exact: Bool = false, rootRounds: Int = 50, nodeRounds: Int = 2) {
    self.covers = covers
    self.exact = exact
    self.rootRounds = rootRounds
    self.nodeRounds = nodeRounds
  }

  /// Called on `GLP_ICUTGEN`: separates the current LP point and adds violated cuts to the pool.
  func generate(_ tree: OpaquePointer) {
    guard let problem = glp_ios_get_prob(tree) else { return }
    let current = glp_ios_curr_node(tree)
    let level = glp_ios_node_level(tree, current)
    if knapsacks == nil {
      // The rows are read at the first call, which is at the root (level 0).
      guard level == 0 else {
        knapsacks = []
        return
      }
      knapsacks = Self.knapsacks(of: problem, tree: tree)
    }
    if current != node {
      node = current
      rounds = 0
    }
    rounds += 1
    guard rounds <= (level == 0 ? rootRounds : nodeRounds), let knapsacks, !knapsacks.isEmpty else { return }
    var values: [Int32: Double] = [:]
    for knapsack in knapsacks {
      var point: [Double] = []
      point.reserveCapacity(knapsack.columns.count)
      var fractional = false
      for (i, column) in knapsack.columns.enumerated() {
        let value: Double
        if let known = values[column] {
          value = known
        } else {
          value = min(1, max(0, glp_get_col_prim(problem, column)))
          values[column] = value
        }
        let item = knapsack.complemented[i] ? 1 - value : value
        if item > 1e-6 && item < 1 - 1e-6 { fractional = true }
        point.append(item)
      }
      guard fractional,
        let cut =
          (exact
            ? KnapsackFenchel.separate(weights: knapsack.weights, capacity: knapsack.capacity, point: point)
            : nil)
          ?? (covers
            ? KnapsackCover.separate(weights: knapsack.weights, capacity: knapsack.capacity, point: point)
            : nil)
      else { continue }
      var index: [Int32] = [0]
      var value: [Double] = [0]
      var rhs = cut.rhs
      for term in cut.terms {
        index.append(knapsack.columns[term.item])
        if knapsack.complemented[term.item] {
          value.append(-term.coefficient)
          rhs -= term.coefficient
        } else {
          value.append(term.coefficient)
        }
      }
      _ = glp_ios_add_row(tree, nil, 101, 0, Int32(index.count - 1), index, value, GLP_UP, rhs)
      added += 1
    }
  }

  /// The knapsack rows of `problem` (regular rows only), with the root's bounds.
  static func knapsacks(of problem: OpaquePointer, tree: OpaquePointer) -> [Knapsack] {
    let rows = glp_get_num_rows(problem)
    let columns = glp_get_num_cols(problem)
    var index = [Int32](repeating: 0, count: Int(columns) + 1)
    var value = [Double](repeating: 0, count: Int(columns) + 1)
    var result: [Knapsack] = []
    var attributes = glp_attr()
    for i in stride(from: Int32(1), through: rows, by: 1) {
      glp_ios_row_attr(tree, i, &attributes)
      guard attributes.origin == GLP_RF_REG else { continue }
      let type = glp_get_row_type(problem, i)
      let length = Int(glp_get_mat_row(problem, i, &index, &value))
      guard length >= 2 else { continue }
      let terms = (1...length).map { (index[$0], value[$0]) }
      if type == GLP_UP || type == GLP_DB || type == GLP_FX {
        if let knapsack = knapsack(problem, terms: terms, sign: 1, rhs: glp_get_row_ub(problem, i)) {
          result.append(knapsack)
        }
      }
      if type == GLP_LO || type == GLP_DB || type == GLP_FX {
        if let knapsack = knapsack(problem, terms: terms, sign: -1, rhs: -glp_get_row_lb(problem, i)) {
          result.append(knapsack)
        }
      }
    }
    return result
  }

  /// `sign * row <= rhs` as a knapsack over its free binary columns, or `nil` when it has fewer
  /// than three of them, a column without the bound it needs, or no room for a cover.
  static func knapsack(
    _ problem: OpaquePointer, terms: [(Int32, Double)], sign: Double, rhs: Double
  ) -> Knapsack? {
    var capacity = rhs
    var columns: [Int32] = []
    var complemented: [Bool] = []
    var weights: [Double] = []
    for (column, raw) in terms {
      let a = sign * raw
      guard a != 0 else { continue }
      let lower = glp_get_col_lb(problem, column)
      let upper = glp_get_col_ub(problem, column)
      let type = glp_get_col_type(problem, column)
      let binary =
        glp_get_col_kind(problem, column) != GLP_CV && type == GLP_DB && lower == 0 && upper == 1
      if binary {
        columns.append(column)
        complemented.append(a < 0)
        weights.append(abs(a))
        if a < 0 { capacity -= a }
        continue
      }
      // Any other column at the bound that leaves the row the most room.
      if type == GLP_FX {
        capacity -= a * lower
      } else if a > 0, type == GLP_LO || type == GLP_DB {
        capacity -= a * lower
      } else if a < 0, type == GLP_UP || type == GLP_DB {
        capacity -= a * upper
      } else {
        return nil
      }
    }
    guard columns.count >= 3, capacity.isFinite, capacity >= 0 else { return nil }
    // A row that every choice satisfies has no cover.
    guard weights.reduce(0, +) > capacity + 1e-9 * max(1, capacity) else { return nil }
    return Knapsack(columns: columns, complemented: complemented, weights: weights, capacity: capacity)
  }
}
