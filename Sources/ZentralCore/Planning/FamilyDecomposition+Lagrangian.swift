import Foundation
import ZentralSolver

extension FamilyDecomposition {
  /// The Lagrangian step of the decomposition (docs/model.md, "The Lagrangian bound"): rounds of
  /// ``LagrangianBound`` started from the LP duals raise the proven bound above the LP's; after
  /// every round each family's Lagrangian plan is tried in place of its part of the best plan
  /// (kept only when the whole plan stays feasible and gets cheaper).
  ///
  /// Runs until `until`, at most ``lagrangianRounds`` rounds, and stops early once the requested
  /// gap is reached or ``lagrangianPatience`` rounds in a row did not raise the bound.
  ///
  /// - Returns: the columns some family's Lagrangian plan has away from 0, for
  ///   ``restrictedSearch(columns:search:)``; `nil` when the step did not run.
  func lagrangianStep(
    lp: SolveResult, partition: [Int], count: Int, until: Date?, search: inout Search
  ) -> [Bool]? {
    guard lp.termination == .optimal, model.model.sense == .minimize,
      var lagrangian = LagrangianBound(model.model, partition: partition, count: count, duals: lp.duals)
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
      if evaluation.value == nil || lagrangian.rounds - lagrangian.lastGain >= Self.lagrangianPatience { break }
    }
    return lagrangian.rounds > 0 ? lagrangian.used : nil
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
