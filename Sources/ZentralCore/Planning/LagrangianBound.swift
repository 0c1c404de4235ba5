import Foundation
import Synchronization
import ZentralSolver

/// A proven lower bound of a minimisation model whose columns split into blocks (the task
/// families) coupled only by a few shared rows: the Lagrangian relaxation of the shared rows.
///
/// With one multiplier `π_i` per shared row `l_i <= a_i x <= u_i` (`π_i >= 0` prices the upper
/// bound, `π_i <= 0` the lower one; a row with only one bound admits only that sign),
///
///     L(π) = const + Σ_b min { (c_b + Σ_i π_i a_ib) x_b : x_b in X_b } − Σ_i π_i r_i(π_i),
///
/// with `r_i = u_i` for `π_i > 0` and `l_i` for `π_i < 0`, and `X_b` the block's own rows,
/// bounds and integrality. Every feasible plan `x` has `π_i (a_i x − r_i) <= 0`, so
/// `L(π) <= c x` for every `π`: each `L(π)` is a proven bound, whatever the multipliers. Each
/// block is a MIP of its own, solved with GLPK; a block solved to its gap or stopped by the time
/// contributes GLPK's **bound** of that block (never its plan's objective), less GLPK's pruning
/// tolerance, so the sum stays a bound.
///
/// Started from the duals of the LP relaxation, the first value is at least the LP bound (the
/// blocks' LP relaxations at the LP duals sum to the LP optimum, and each block's MIP bound is at
/// least its LP's); later rounds move the multipliers along a subgradient (Polyak steps towards
/// the best plan's objective) and keep the best value. A block is re-solved only when a
/// multiplier of one of its shared rows changed; each block's model is built once and only its
/// objective changes between rounds, and its last solution starts its next solve (the block's
/// rows do not change, so that solution stays feasible).
struct LagrangianBound {
  /// The model (minimisation).
  let full: LinearModel
  /// The block of every column (columns outside every family form one extra block).
  let blocks: [ModelBlock]
  /// The shared rows: rows of `full` with columns in more than one block.
  let shared: [Int]
  /// Each shared row's terms (column of `full`, coefficient).
  private let sharedTerms: [[(column: Int, coefficient: Double)]]
  /// The blocks each shared row touches.
  private let sharedBlocks: [[Int]]
  /// The full objective's coefficient of every column.
  private let costs: [Double]
  /// The multiplier of each shared row (index into ``shared``).
  private(set) var multipliers: [Double]
  /// The multipliers of the last evaluation, per block: a block is re-solved only when one of
  /// its rows' multipliers differs from these.
  private var evaluatedAt: [Double]?
  /// Each block's last bound, solution and objective at the multipliers it was solved with.
  private var blockBounds: [Double?]
  private var blockSolutions: [[Double]?]
  /// The best (largest) value of `L` so far: a proven lower bound of `full`.
  private(set) var best: Double?
  /// The value of the last evaluation and the step size factor of the subgradient method.
  private(set) var last: Double?
  private var step = 0.5
  private var roundsWithoutGain = 0
  /// The round that last raised ``best``.
  private(set) var lastGain = 0
  /// The columns that some block solution so far has away from 0 (the candidates of the
  /// restricted search, ``FamilyDecomposition/restrictedSearch(columns:search:)``).
  private(set) var used: [Bool]
  /// Whether the last round left the multipliers where they were (no subgradient: a block without
  /// a solution, or every shared row satisfied and priced right), so another round would repeat it.
  private(set) var stalled = false
  /// Evaluations so far, and blocks solved in them.
  private(set) var rounds = 0
  private(set) var solves = 0

  /// Prepares the relaxation of `full` for `partition` (the block of every column, `0..<count`;
  /// a negative entry puts the column in one extra block with every other such column), starting
  /// from the LP relaxation's `duals` (GLPK's row duals, one per row of `full`) when given.
  ///
  /// - Returns: `nil` for a maximisation model, a partition that does not match, or a block
  ///   that cannot be built.
  init?(_ full: LinearModel, partition: [Int], count: Int, duals: [Double]?) {
    guard full.sense == .minimize, partition.count == full.columns.count, count >= 0 else { return nil }
    let extra = partition.contains { $0 < 0 }
    let blockCount = count + (extra ? 1 : 0)
    let assigned = partition.map { $0 < 0 ? count : $0 }
    guard
      let split = try? ModelSplit(
        full, partition: assigned, count: blockCount,
        values: Array(repeating: 0, count: full.columns.count), dropSharedRows: true)
    else { return nil }
    var blocks: [ModelBlock] = []
    for b in 0..<blockCount {
      guard let block = try? split.block(b) else { return nil }
      blocks.append(block)
    }
    var shared: [Int] = []
    var sharedTerms: [[(column: Int, coefficient: Double)]] = []
    var sharedBlocks: [[Int]] = []
    for (i, row) in full.rows.enumerated() {
      let terms = row.constraint.expression.sortedTerms
      let touched = Set(terms.map { assigned[$0.variable.index] })
      guard touched.count > 1 else { continue }
      shared.append(i)
      sharedTerms.append(terms.map { ($0.variable.index, $0.coefficient) })
      sharedBlocks.append(touched.sorted())
    }
    var costs = Array(repeating: 0.0, count: full.columns.count)
    for (variable, coefficient) in full.objective.terms { costs[variable.index] = coefficient }
    self.full = full
    self.blocks = blocks
    self.shared = shared
    self.sharedTerms = sharedTerms
    self.sharedBlocks = sharedBlocks
    self.costs = costs
    self.blockBounds = Array(repeating: nil, count: blockCount)
    self.blockSolutions = Array(repeating: nil, count: blockCount)
    self.used = Array(repeating: false, count: full.columns.count)
    var multipliers = Array(repeating: 0.0, count: shared.count)
    if let duals, duals.count == full.rows.count {
      // GLPK's row dual is d(objective)/d(bound): minus the multiplier of the convention above.
      for (k, i) in shared.enumerated() { multipliers[k] = -duals[i] }
    }
    self.multipliers = []
    self.multipliers = multipliers.indices.map { projected(multipliers[$0], row: shared[$0]) }
  }

  /// `value` with the sign the row admits (0 where it admits neither, e.g. a free row).
  private func projected(_ value: Double, row i: Int) -> Double {
    guard value.isFinite else { return 0 }
    let constraint = full.rows[i].constraint
    if value > 0 { return constraint.upper == nil ? 0 : value }
    if value < 0 { return constraint.lower == nil ? 0 : value }
    return 0
  }

  /// The right-hand side a multiplier prices: the upper bound for a positive one, the lower for a
  /// negative one.
  private func priced(_ k: Int) -> Double {
    let constraint = full.rows[shared[k]].constraint
    let value = multipliers[k]
    if value > 0 { return value * (constraint.upper ?? 0) }
    if value < 0 { return value * (constraint.lower ?? 0) }
    return 0
  }

  /// The solution of the blocks at the last evaluation, merged into one vector of `full` (it
  /// satisfies every block's rows, but usually not the shared rows); `nil` before the first
  /// complete evaluation.
  var merged: [Double]? {
    var values = Array(repeating: 0.0, count: full.columns.count)
    for (b, block) in blocks.enumerated() where !block.columns.isEmpty {
      guard let solution = blockSolutions[b] else { return nil }
      values = block.merge(solution, into: values)
    }
    return values
  }

  /// Block `b`'s own solution at the last evaluation, if it has one.
  func solution(of b: Int) -> [Double]? { blockSolutions[b] }

  /// The outcome of one evaluation.
  struct Evaluation: Sendable {
    /// `L` at the multipliers evaluated (`nil` if a block could not be bounded in time).
    var value: Double?
    /// Blocks solved in this evaluation (the others kept their result).
    var solved: Int
    /// Whether a block has no solution at all: the model is infeasible.
    var infeasible: Bool
  }

  /// Evaluates `L` at the current multipliers (re-solving only blocks whose multipliers
  /// changed) on `threads` threads, each block with an equal share of the time left until
  /// `deadline`, then moves the multipliers one subgradient step towards `target` (the best
  /// plan's objective, or `nil`).
  mutating func round(
    options: SolveOptions, threads: Int, deadline: Date?, target: Double?
  ) -> Evaluation {
    rounds += 1
    let costs = adjustedCosts()
    var dirty = Array(repeating: evaluatedAt == nil, count: blocks.count)
    if let previous = evaluatedAt {
      for k in shared.indices where previous[k] != multipliers[k] {
        for b in sharedBlocks[k] { dirty[b] = true }
      }
    }
    for b in blocks.indices where blockBounds[b] == nil { dirty[b] = true }
    let work = blocks.indices.filter { dirty[$0] && !blocks[$0].columns.isEmpty }
    let results = solveBlocks(work, costs: costs, options: options, threads: threads, deadline: deadline)
    var infeasible = false
    for (b, outcome) in results {
      blockBounds[b] = outcome.bound
      if let values = outcome.values {
        blockSolutions[b] = values
        for (local, j) in blocks[b].columns.enumerated() where values[local] != 0 { used[j] = true }
      }
      if outcome.infeasible { infeasible = true }
    }
    solves += work.count
    evaluatedAt = multipliers
    var value: Double? = full.objective.constant
    for (b, block) in blocks.enumerated() where !block.columns.isEmpty {
      guard let bound = blockBounds[b], let sum = value else {
        value = nil
        break
      }
      value = sum + bound
    }
    if let sum = value {
      value = shared.indices.reduce(sum) { $0 - priced($1) }
    }
    if let value, value.isFinite {
      last = value
      if value > (best ?? -.infinity) + 1e-9 * max(1, abs(value)) {
        best = value
        lastGain = rounds
        roundsWithoutGain = 0
      } else {
        roundsWithoutGain += 1
        if roundsWithoutGain >= 2 {
          step /= 2
          roundsWithoutGain = 0
        }
      }
      let before = multipliers
      moveMultipliers(value: value, target: target)
      stalled = before == multipliers
    } else {
      stalled = true
    }
    return Evaluation(value: value, solved: work.count, infeasible: infeasible)
  }

  /// The objective coefficient of every column at the current multipliers.
  private func adjustedCosts() -> [Double] {
    var adjusted = costs
    for (k, terms) in sharedTerms.enumerated() where multipliers[k] != 0 {
      for term in terms { adjusted[term.column] += multipliers[k] * term.coefficient }
    }
    return adjusted
  }

  /// One Polyak step along the subgradient `a_i x − r_i` at the blocks' solutions, projected on
  /// the signs each row admits.
  private mutating func moveMultipliers(value: Double, target: Double?) {
    guard let x = merged else { return }
    var gradient = Array(repeating: 0.0, count: shared.count)
    for (k, terms) in sharedTerms.enumerated() {
      let activity = terms.reduce(0.0) { $0 + $1.coefficient * x[$1.column] }
      let constraint = full.rows[shared[k]].constraint
      if multipliers[k] > 0, let upper = constraint.upper {
        gradient[k] = activity - upper
      } else if multipliers[k] < 0, let lower = constraint.lower {
        gradient[k] = activity - lower
      } else if let upper = constraint.upper, activity > upper {
        gradient[k] = activity - upper
      } else if let lower = constraint.lower, activity < lower {
        gradient[k] = activity - lower
      }
      // A step that would leave the admitted sign stops at 0.
      if projected(multipliers[k] + gradient[k], row: shared[k]) == 0 && multipliers[k] == 0 {
        gradient[k] = 0
      }
    }
    let norm = gradient.reduce(0) { $0 + $1 * $1 }
    guard norm > 0 else { return }
    let goal = target.map { max($0, value) } ?? value + 0.01 * max(1, abs(value))
    let distance = max(goal - value, 1e-4 * max(1, abs(value)))
    let length = step * distance / norm
    for k in shared.indices where gradient[k] != 0 {
      multipliers[k] = projected(multipliers[k] + length * gradient[k], row: shared[k])
    }
  }

  /// What one block's solve gave.
  private struct BlockOutcome: Sendable {
    var bound: Double?
    var values: [Double]?
    var infeasible = false
  }

  /// Solves the blocks `work` with objective coefficients `costs` (of `full`'s columns).
  private func solveBlocks(
    _ work: [Int], costs: [Double], options: SolveOptions, threads: Int, deadline: Date?
  ) -> [(Int, BlockOutcome)] {
    let results = Mutex<[(Int, BlockOutcome)]>([])
    let next = Mutex(0)
    let rounds = Double(max(1, (work.count + threads - 1) / max(threads, 1)))
    let share = deadline.map { max(0.5, $0.timeIntervalSinceNow / rounds) }
    var base = options
    base.relativeGap = min(options.relativeGap ?? 1e-4, 1e-4)
    let blocks = self.blocks
    let starts = work.map { blockSolutions[$0] }
    SolverThreads.run(min(max(threads, 1), max(work.count, 1))) { [base] _ in
      while let w = next.withLock({ index -> Int? in
        guard index < work.count else { return nil }
        defer { index += 1 }
        return index
      }) {
        if let deadline, deadline.timeIntervalSinceNow <= 0.01 { continue }
        if base.stopSignal?.isRaised == true { continue }
        let b = work[w]
        let outcome = Self.solve(
          blocks[b], costs: costs, start: starts[w], options: base,
          limit: deadline.map { min($0.timeIntervalSinceNow, share ?? $0.timeIntervalSinceNow) })
        results.withLock { $0.append((b, outcome)) }
      }
    }
    return results.withLock { $0 }
  }

  /// One block with objective `costs`: GLPK's bound of it (less GLPK's pruning tolerance), or
  /// its LP relaxation's optimum when the MIP search gave no bound.
  private static func solve(
    _ block: ModelBlock, costs: [Double], start: [Double]?, options: SolveOptions, limit: Double?
  ) -> BlockOutcome {
    var model = block.model
    var terms: [Variable: Double] = [:]
    terms.reserveCapacity(block.columns.count)
    let variables = model.variables
    for (local, j) in block.columns.enumerated() where costs[j] != 0 { terms[variables[local]] = costs[j] }
    guard (try? model.setObjective(LinearExpression(terms: terms), sense: .minimize)) != nil else {
      return BlockOutcome()
    }
    var options = options
    options.initialSolution = start
    options.initialBasis = nil
    options.timeLimit = limit.map { max(0.001, $0) }
    guard let result = try? Solver.solve(model, options: options) else { return BlockOutcome() }
    if [.infeasible].contains(result.termination) {
      return BlockOutcome(bound: nil, values: nil, infeasible: true)
    }
    var outcome = BlockOutcome(bound: nil, values: result.hasSolution ? result.values : nil)
    if let bound = result.bestBound, result.termination != .numericalFailure {
      outcome.bound = bound - Self.tolerance(bound)
    } else if model.isMIP, options.timeLimit.map({ $0 - result.seconds > 0.01 }) ?? true {
      // Within what is left of the block's own limit (at most 5 s).
      var relaxed = options
      relaxed.initialSolution = nil
      relaxed.timeLimit = options.timeLimit.map { min(5, $0 - result.seconds) }
      if let lp = try? Solver.solve(model.relaxation(), options: relaxed), lp.termination == .optimal,
        let objective = lp.objective
      {
        outcome.bound = objective - Self.tolerance(objective)
      }
    }
    return outcome
  }

  /// GLPK prunes a node whose bound is within `1e-7 (1 + |objective|)` of the incumbent (its
  /// `tol_obj`): twice that is taken off each block's bound.
  static func tolerance(_ value: Double) -> Double { 2e-7 * (1 + abs(value)) }
}
