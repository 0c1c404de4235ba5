import Foundation
import ZentralSolver

extension FamilyDecomposition {
  /// The Lagrangian step of the decomposition (docs/model.md, "The Lagrangian bound"): rounds of
  /// ``LagrangianBound`` started from the LP duals (`duals`; without them, when the whole LP did
  /// not fit in the time, from zero multipliers) raise the proven bound above the LP's; after
  /// every round each family's Lagrangian plan is tried in place of its part of the best plan
  /// (kept only when the whole plan stays feasible and gets cheaper).
  ///
  /// Runs until `until`, at most ``lagrangianRounds`` rounds, and stops early once the requested
  /// gap is reached, ``lagrangianPatience`` rounds in a row did not raise the bound, or a round
  /// left the multipliers unchanged.
  ///
  /// - Returns: the columns some family's Lagrangian plan has away from 0, for
  ///   ``restrictedSearch(columns:search:)``, and the families whose last Lagrangian plan differs
  ///   from their part of the best plan; `nil` when the step did not run.
  func lagrangianStep(
    duals: [Double]?, partition: [Int], count: Int, until: Date?, search: inout Search
  ) -> (used: [Bool], restless: Set<Int>)? {
    guard model.model.sense == .minimize,
      var lagrangian = LagrangianBound(model.model, partition: partition, count: count, duals: duals)
    else { return nil }
    trace?("Lagrangian relaxation: \(lagrangian.shared.count) shared rows, \(lagrangian.blocks.count) blocks")
    let full = model.model
    while !search.finished, lagrangian.rounds < Self.lagrangianRounds {
      if let until, until.timeIntervalSinceNow < 0.5 { break }
      let evaluation = lagrangian.round(
        options: options, threads: threads, deadline: until ?? search.deadline, target: search.bestObjective)
      if evaluation.infeasible { break }
      if let best = lagrangian.best, best > (search.bound ?? -.infinity) {
        search.bound = best
        search.report()
      }
      var improved = 0
      for (b, block) in lagrangian.blocks.enumerated() {
        guard let values = lagrangian.solution(of: b), let current = search.best else { continue }
        let candidate = block.merge(values, into: current)
        if full.isFeasible(candidate) && search.offer(candidate) { improved += 1 }
      }
      trace?(
        "Lagrangian round \(lagrangian.rounds): \(evaluation.solved) blocks solved, value "
          + (evaluation.value.map { String(format: "%.2f", $0) } ?? "-")
          + ", best bound \(lagrangian.best.map { String(format: "%.2f", $0) } ?? "-"), "
          + "\(improved) family plans taken; \(search.summary)")
      if evaluation.value == nil || lagrangian.stalled
        || lagrangian.rounds - lagrangian.lastGain >= Self.lagrangianPatience
      {
        break
      }
    }
    guard lagrangian.rounds > 0 else { return nil }
    var restless = Set<Int>()
    if let best = search.best {
      for (b, block) in lagrangian.blocks.enumerated() where b < count {
        guard let values = lagrangian.solution(of: b) else { continue }
        if zip(values, block.restrict(best)).contains(where: { abs($0 - $1) > 1e-6 }) { restless.insert(b) }
      }
    }
    return (lagrangian.used, restless)
  }

  /// Rounds in a row without a higher bound after which the Lagrangian step ends.
  static let lagrangianPatience = 3

  /// Branch-and-cut from the best plan on the whole model **restricted** to the columns that the
  /// best plan or some Lagrangian family plan uses (every other integer column fixed at 0), for
  /// the time left: a much smaller MIP whose plans are plans of the whole model (only bounds were
  /// tightened). Its plan is offered after the check against every row; its bound is a bound of
  /// the restricted model only and is **not** used.
  func restrictedSearch(columns used: [Bool], search: inout Search) {
    guard let best = search.best, used.count == best.count, search.remaining != nil else { return }
    var restricted = model.model
    var fixed = 0
    for (j, column) in restricted.columns.enumerated()
    where column.kind != .continuous && !used[j] && best[j] == 0 && (column.lower ?? 0) <= 0
      && (column.upper ?? 1) > 0
    {
      guard let variable = restricted.variable(j),
        (try? restricted.setBounds(of: variable, lower: column.lower, upper: 0)) != nil
      else { return }
      fixed += 1
    }
    guard fixed > 0 else { return }
    var options = self.options
    options.initialSolution = best
    options.timeLimit = search.remaining.map { max(0.001, $0) }
    let result = try? Solver.solve(restricted, options: options, progress: search.progress)
    if let result, result.hasSolution, model.model.isFeasible(result.values) { search.offer(result.values) }
    trace?(
      "restricted branch-and-cut (\(fixed) integer columns fixed at 0): "
        + "\(result?.termination.rawValue ?? "failed"); \(search.summary)")
  }

  /// Most Lagrangian rounds in one run.
  static let lagrangianRounds = 30

  /// The part of the time left after the family plans that the Lagrangian step may use.
  static let lagrangianShare = 0.5
}

extension FamilyDecomposition {
  /// Re-solves pairs of families together, the others held at the best plan, for the time until
  /// `until`: the rounds re-solve one family at a time, so two families that would do better by
  /// trading room in a shared row they both fill (a provider's capacity, a wave's budget) never
  /// do. Only pairs that share a row without slack at the best plan are tried, first those with a
  /// family whose Lagrangian plan differs from its part of the best plan (`restless`). Every
  /// improvement is checked against every row of the whole model before it is kept.
  func pairSearch(
    partition: [Int], count: Int, restless: Set<Int>, until: Date?, search: inout Search
  ) {
    guard let best = search.best, count >= 2 else { return }
    let full = model.model
    var pairs = Set<[Int]>()
    for row in full.rows {
      let terms = row.constraint.expression.terms
      var activity = 0.0
      var touched = Set<Int>()
      for (variable, coefficient) in terms {
        activity += coefficient * best[variable.index]
        if partition[variable.index] >= 0 { touched.insert(partition[variable.index]) }
      }
      guard touched.count >= 2 else { continue }
      let tolerance = 1e-3 * max(1, abs(activity))
      let tight =
        (row.constraint.upper.map { activity >= $0 - tolerance } ?? false)
        || (row.constraint.lower.map { activity <= $0 + tolerance } ?? false)
      guard tight else { continue }
      let sorted = touched.sorted()
      for (k, a) in sorted.enumerated() {
        for b in sorted[(k + 1)...] { pairs.insert([a, b]) }
      }
    }
    let ordered = pairs.sorted { lhs, rhs in
      let l = lhs.filter(restless.contains).count
      let r = rhs.filter(restless.contains).count
      return l != r ? l > r : lhs.lexicographicallyPrecedes(rhs)
    }
    var improved = 0
    var tried = 0
    for pair in ordered {
      if search.finished { break }
      if let until, until.timeIntervalSinceNow < 0.2 { break }
      guard let current = search.best else { break }
      let joined = partition.map { pair.contains($0) ? 0 : -1 }
      guard let split = try? ModelSplit(full, partition: joined, count: 1, values: current),
        !split.columns(of: 0).isEmpty, let block = try? split.block(0)
      else { continue }
      var options = self.options
      options.relativeGap = min(options.relativeGap ?? 1e-4, 1e-4)
      options.initialSolution = block.restrict(current)
      options.timeLimit =
        until.map { max(0.001, min(Self.pairLimit, $0.timeIntervalSinceNow)) } ?? Self.pairLimit
      tried += 1
      guard let result = try? Solver.solve(block.model, options: options), result.hasSolution else {
        continue
      }
      let candidate = block.merge(result.values, into: current)
      if full.isFeasible(candidate) && search.offer(candidate) { improved += 1 }
    }
    trace?("pairs of families: \(tried) of \(ordered.count) tried, \(improved) improved; \(search.summary)")
  }

  /// Longest solve of one pair of families.
  static let pairLimit = 3.0

  /// The part of the time left after the rounds that the pairs of families may use: all of it
  /// (the restricted branch-and-cut gets what the pairs leave). On the big city at 30 s the pairs
  /// improved 39 of 215 pairs tried with all the time, against 30 of 95 with 70 % and nothing
  /// from the restricted search in the other 30 % (557.19 against 557.50 M EUR).
  static let pairShare = 1.0
}
