import Foundation
import Synchronization
import ZentralSolver

/// Solves a large centralisation model family by family, for scenarios on which one
/// branch-and-bound over the whole model makes no progress (a region of 400 municipalities has
/// 12,000 tasks and 190,000 rows).
///
/// The model separates by task family apart from a few shared rows: provider capacity, budget,
/// change capacity, retained organisation and the savings target (families linked by a
/// together group form one block). The decomposition
/// 1. solves the LP relaxation of the whole model: its objective is the proven lower bound of
///    every plan, and its solution says how the shared rows are used;
/// 2. solves every family as a MIP of its own with the other families held at the LP solution
///    and an equal part of each shared row's slack, so that the family plans fit together (two
///    threads; merged in family order and checked against the whole model). The retained
///    organisation is decided first: in each unit the tasks the LP moves least stay until the
///    rest may all move, so that no family is blocked by another's partly moved task;
/// 3. improves the best plan in rounds: every family is re-solved with the others held at the
///    plan (so the shared rows keep their slack for it), and the improvements are merged in family
///    order while the whole plan stays feasible, until a round changes nothing, the gap is reached,
///    or the time is up;
/// 4. under a time limit, spends the time left on branch-and-cut over the whole model (up to
///    ``wholeModelLimit`` columns), started from the best plan.
///
/// Without a usable LP solution it starts step 3 from the status quo; with neither (a rule forces
/// change and the family plans do not fit together) it solves the whole model as one MIP. Every
/// plan it returns satisfies every row of the whole model (checked in Swift); its gap is measured
/// against the LP bound (or GLPK's bound from step 4), so it is proven, though it cannot be closed
/// below the LP's integrality gap.
struct FamilyDecomposition {
  let model: CentralisationModel
  let options: SolveOptions
  let threads: Int
  /// Receives one line per step (what was solved, how long it took, the best plan and bound).
  var trace: (@Sendable (String) -> Void)? = nil

  /// The block of every column: the block of its task's or centre's family
  /// (``ScenarioFacts/blockOfFamily``: families that share a together group share a block).
  static func partition(of model: CentralisationModel) -> (blocks: [Int], count: Int) {
    let facts = model.facts
    let tasks = model.scenario.tasks
    var blocks = Array(repeating: -1, count: model.model.columns.count)
    for (t, moves) in model.moves.enumerated() {
      guard let b = facts.blockOfFamily[tasks[t].family] else { continue }
      for move in moves { blocks[move.variable.index] = b }
    }
    for (c, centre) in facts.centres.enumerated() {
      guard let b = facts.blockOfFamily[centre.key.family] else { continue }
      for variable in model.open[c] + model.effective[c] { blocks[variable.index] = b }
      for wave in model.segments[c] {
        for piece in wave {
          blocks[piece.delta.index] = b
          if let z = piece.full { blocks[z.index] = b }
        }
      }
    }
    model.assignStaffBlocks(&blocks)
    return (blocks, facts.blockCount)
  }

  /// Runs the decomposition from `start` (the status quo, if it satisfies every rule).
  ///
  /// - Returns: the best plan with the proven bound and gap. `termination` is `optimal` for a gap
  ///   of 0, `gapReached` when the requested gap is reached or the rounds ended without an
  ///   improvement (the gap then says how good the plan is), `timeLimit` or `stoppedByCaller`
  ///   when a limit ended the search, `infeasible` when the LP relaxation (or, without any plan,
  ///   the whole MIP) is infeasible.
  func solve(start: [Double]?, progress: ((SolveProgress) -> Bool)? = nil) -> SolveResult {
    let full = model.model
    let (partition, count) = Self.partition(of: model)
    var search = Search(full: full, options: options, progress: progress)
    if let start, full.isFeasible(start) { search.offer(start) }

    // 1. The LP relaxation: bound and guide.
    let (relaxation, familyBound) = solveRelaxation(
      partition: partition, count: count, deadline: search.deadline)
    trace?(
      "LP relaxation: \(relaxation?.termination.rawValue ?? "not solved"), bound "
        + "\(relaxation?.objective.map { String(format: "%.2f", $0) } ?? "-") after \(Self.format(search.elapsed))"
    )
    if relaxation?.termination != .optimal, let familyBound {
      // The families' own LPs (shared rows left out) bound every plan too, only less tightly.
      search.bound = familyBound
      search.report()
      trace?("bound from the family LPs without the shared rows: \(String(format: "%.2f", familyBound))")
    }
    if let relaxation, [.infeasible, .infeasibleOrUnbounded].contains(relaxation.termination) {
      return search.noPlan(relaxation.termination)
    }
    if let relaxation, relaxation.termination == .optimal, let bound = relaxation.objective {
      search.bound = bound
      search.report()
      // 2. Every family on its own share of the shared rows.
      if !search.finished, let (guided, implied) = try? keepingRetainedWork(lp: relaxation.values),
        let split = try? ModelSplit(
          guided, partition: partition, count: count, values: relaxation.values, shareSlack: true,
          omitting: implied)
      {
        let solved = solveAll(split, base: nil, deadline: search.deadline)
        var merged = search.best ?? relaxation.values
        var complete = true
        for b in 0..<count {
          if let block = solved[b]?.block, let values = solved[b]?.result?.values {
            merged = block.merge(values, into: merged)
          } else if search.best == nil && !split.columns(of: b).isEmpty {
            complete = false
          }
        }
        let fits = complete && full.isFeasible(merged)
        if fits { search.offer(merged) }
        trace?(
          "family plans on shares of the LP: \(solved.compactMap { $0?.result }.count) of \(count) solved, "
            + (fits ? "fit together" : "do not fit together") + "; \(search.summary)")
      }
    }

    // 2b. The Lagrangian bound over the shared rows, from the LP duals, for its share of the time.
    var lagrangian: (used: [Bool], restless: Set<Int>)?
    if !search.finished, let relaxation, relaxation.termination == .optimal {
      let until = search.remaining.map { Date().addingTimeInterval($0 * Self.lagrangianShare) }
      lagrangian = lagrangianStep(
        duals: relaxation.duals, partition: partition, count: count, until: until, search: &search)
    } else if !search.finished, familyBound != nil, search.best != nil {
      // The whole LP did not fit in the time (or failed), but the family LPs did: the Lagrangian
      // step from zero multipliers (its first value is at least the family LPs' bound) gives a
      // bound with the families' integrality and family plans for the best plan.
      let until = search.remaining.map { Date().addingTimeInterval($0 * Self.lagrangianShare) }
      lagrangian = lagrangianStep(
        duals: nil, partition: partition, count: count, until: until, search: &search)
    }

    // No plan yet (the status quo breaks a rule and the family plans did not fit together): one
    // MIP over the whole model for the time left, which also proves a scenario infeasible.
    if search.best == nil && !search.finished, let result = solveWhole(from: nil, search: &search),
      [.infeasible, .infeasibleOrUnbounded].contains(result.termination)
    {
      return search.noPlan(result.termination)
    }

    // 3. Rounds of re-solving each family with the others held at the best plan.
    var converged = false
    var rounds = 0
    while !search.finished, let base = search.best {
      guard let split = try? ModelSplit(full, partition: partition, count: count, values: base) else { break }
      let solved = solveAll(split, base: base, deadline: search.deadline)
      var improved = false
      for b in 0..<count {
        guard let block = solved[b]?.block, let values = solved[b]?.result?.values, let current = search.best
        else { continue }
        let candidate = block.merge(values, into: current)
        if full.isFeasible(candidate) && search.offer(candidate) { improved = true }
      }
      rounds += 1
      trace?("round \(rounds): " + (improved ? "improved" : "no change") + "; \(search.summary)")
      if !improved && !search.finished {
        converged = true
        break
      }
    }
    // 3b. Under a time limit, pairs of families that share a full row, then branch-and-cut on the
    // model restricted to the columns of the best plan and of the Lagrangian family plans.
    if converged, !search.finished, let lagrangian, let remaining = search.remaining {
      pairSearch(
        partition: partition, count: count, restless: lagrangian.restless,
        until: Date().addingTimeInterval(remaining * Self.pairShare), search: &search)
      if !search.finished { restrictedSearch(columns: lagrangian.used, search: &search) }
    }
    // 4. Under a time limit, the time left goes to branch-and-cut over the whole model, started
    // from the best plan: it can improve both the plan and the bound (cuts, branching).
    if converged, !search.finished, let best = search.best, search.remaining != nil,
      full.columns.count <= Self.wholeModelLimit
    {
      let result = solveWhole(from: best, search: &search)
      trace?(
        "branch-and-cut over the whole model: \(result?.termination.rawValue ?? "failed"); \(search.summary)")
    }
    return search.outcome()
  }

  /// Branch-and-cut over the whole model for the time left, from `start`: its bound raises the
  /// search's bound, its plan is offered after the check against every row.
  private func solveWhole(from start: [Double]?, search: inout Search) -> SolveResult? {
    var whole = options
    whole.initialSolution = start
    whole.timeLimit = search.remaining.map { max(0.001, $0) }
    guard let result = try? Solver.solve(model.model, options: whole, progress: search.progress) else {
      return nil
    }
    if let bound = result.bestBound { search.bound = max(search.bound ?? bound, bound) }
    if result.hasSolution, model.model.isFeasible(result.values) { search.offer(result.values) }
    return result
  }

  /// Largest model (columns) handed to branch-and-cut as a whole after the rounds: on the
  /// 12,000-task state-scale model (174,000 columns) GLPK needs minutes for the root LP alone.
  static let wholeModelLimit = 50_000

  /// The model with the retained organisation decided up front, for step 2: in every unit with a
  /// retained-organisation row, the tasks the LP moves least are kept at home until the others
  /// may all move, so that row holds whatever the families decide and is left out of the blocks
  /// (sharing it would let no family move a task the LP moves only in part). Tasks that must move
  /// are never kept. Returns the model and the rows it makes redundant.
  private func keepingRetainedWork(lp values: [Double]) throws(ModelError) -> (LinearModel, Set<Int>) {
    var guided = model.model
    var implied = Set<Int>()
    let tasks = model.scenario.tasks
    let mustMove = Set(model.scenario.policy.mustMove)
    func moved(_ t: Int) -> Double { model.moves[t].reduce(0) { $0 + values[$1.variable.index] } }
    for retained in model.retained {
      var free = retained.tasks.reduce(0) { $0 + tasks[$1].fte }
      let candidates = retained.tasks.filter { t in
        !mustMove.contains(tasks[t].id) && !model.facts.mustMove(t)
      }
      for t in candidates.sorted(by: { (moved($0), $0) < (moved($1), $1) }) {
        guard free > retained.limit + 1e-9 else { break }
        for move in model.moves[t] { try guided.setBounds(of: move.variable, lower: 0, upper: 0) }
        free -= tasks[t].fte
      }
      if free <= retained.limit + 1e-9 { implied.insert(retained.row) }
    }
    return (guided, implied)
  }

  /// The LP relaxation of the whole model, started from the optimal bases of the families' own
  /// LPs (shared rows left out, their slacks basic): that basis is dual feasible for the whole
  /// LP, so the dual simplex only repairs the shared rows.
  ///
  /// Under a time limit the whole LP is started only when it can fit: every family LP finished
  /// within its share of the time, and the time left is at least what the family LPs took
  /// together (the whole LP is never faster than its parts; on a 48,000-task city the family LPs
  /// did not all finish in 20 s and GLPK then spent over a minute on the whole LP, far past the
  /// limit). When it is not started, the sum of the family LPs' optima (the shared rows left out)
  /// is returned as a weaker proven bound, if every family LP was solved.
  private func solveRelaxation(
    partition: [Int], count: Int, deadline: Date?
  ) -> (SolveResult?, familyBound: Double?) {
    // With the time (nearly) up, not even the family LPs are split off (that alone takes seconds
    // on a large model).
    if let deadline, deadline.timeIntervalSinceNow < 1 { return (nil, nil) }
    let relaxed = model.model.relaxation()
    var lpOptions = options
    lpOptions.initialSolution = nil
    var familyBound: Double?
    if count >= 2,
      let split = try? ModelSplit(
        relaxed, partition: partition, count: count,
        values: Array(repeating: 0, count: relaxed.columns.count),
        dropSharedRows: true)
    {
      let started = Date()
      let solved = solveAll(split, base: nil, deadline: deadline)
      let partsTime = Date().timeIntervalSince(started)
      let complete = (0..<count).allSatisfy { b in
        split.columns(of: b).isEmpty || solved[b]?.result?.objective != nil
      }
      if complete, relaxed.sense == .minimize, !partition.contains(where: { $0 < 0 }) {
        // Each block's objective holds the whole model's constant once.
        let constant = relaxed.objective.constant
        familyBound = solved.reduce(constant) { sum, part in
          guard let objective = part?.result?.objective else { return sum }
          return sum + objective - constant
        }
      }
      if (0..<count).allSatisfy({ solved[$0]?.result?.basis != nil }) {
        var basis = Basis(
          rows: Array(repeating: .basic, count: relaxed.rows.count),
          columns: Array(repeating: .lower, count: relaxed.columns.count))
        for part in solved {
          guard let block = part?.block, let local = part?.result?.basis else { continue }
          for (i, status) in zip(block.rows, local.rows) { basis.rows[i] = status }
          for (j, status) in zip(block.columns, local.columns) { basis.columns[j] = status }
        }
        lpOptions.initialBasis = basis
      }
      let parts = solved.map { $0?.result }
      trace?(
        "family LPs: \(parts.filter { $0?.basis != nil }.count) of \(count) solved in "
          + Self.format(partsTime))
      if let deadline, lpOptions.initialBasis == nil || deadline.timeIntervalSinceNow < partsTime {
        trace?("LP relaxation of the whole model not started: it would not finish within the time limit")
        return (nil, familyBound)
      }
    }
    if let deadline, deadline.timeIntervalSinceNow <= 0.01 { return (nil, familyBound) }
    lpOptions.timeLimit = deadline.map { max(0.001, $0.timeIntervalSinceNow) }
    return (try? Solver.solve(relaxed, options: lpOptions), familyBound)
  }

  /// A block of a split, built by the thread that solved it, and its solution (`nil` when the
  /// solve found none).
  struct Solved: Sendable {
    var block: ModelBlock
    var result: SolveResult?
  }

  /// Builds and solves the blocks of `split` on `threads` threads, each with an equal share of the
  /// time left. A block is built by the thread that solves it, right before its solve and only
  /// while time is left, so that building counts against the deadline and nothing is built that
  /// will not be solved. `base` (a plan of the whole model) gives every block its start. The
  /// results come back in block order (`nil` where a block was not built: no columns, or no time).
  private func solveAll(_ split: ModelSplit, base: [Double]?, deadline: Date?) -> [Solved?] {
    let count = split.count
    let results = Mutex<[Solved?]>(Array(repeating: nil, count: count))
    let next = Mutex(0)
    let rounds = Double(max(1, (count + threads - 1) / threads))
    let share = deadline.map { max(1, $0.timeIntervalSinceNow / rounds) }
    var options = self.options
    options.relativeGap = min(options.relativeGap ?? 1e-4, 1e-4)
    SolverThreads.run(min(threads, count)) { [options] _ in
      var options = options
      while let b = next.withLock({ index -> Int? in
        guard index < count else { return nil }
        defer { index += 1 }
        return index
      }) {
        let columns = split.columns(of: b)
        guard !columns.isEmpty, Self.timeLeft(until: deadline), options.stopSignal?.isRaised != true,
          let block = try? split.block(b), Self.timeLeft(until: deadline)
        else { continue }
        let remaining = deadline.map { $0.timeIntervalSinceNow }
        options.timeLimit = remaining.map { min($0, share ?? $0) }
        options.initialSolution = base.map { base in columns.map { base[$0] } }
        var solved = Solved(block: block, result: nil)
        if let result = try? Solver.solve(block.model, options: options), result.hasSolution {
          solved.result = result
        }
        results.withLock { $0[b] = solved }
      }
    }
    return results.withLock { $0 }
  }

  /// Whether more than 10 ms are left until `deadline` (always without one).
  private static func timeLeft(until deadline: Date?) -> Bool {
    deadline.map { $0.timeIntervalSinceNow > 0.01 } ?? true
  }

  /// Seconds with one decimal, for the trace.
  static func format(_ seconds: Double) -> String { String(format: "%.1f s", seconds) }
}

/// The best plan so far, the bound and the limits of one decomposition run (used on the calling
/// thread only).
struct Search {
  let full: LinearModel
  let options: SolveOptions
  let progress: ((SolveProgress) -> Bool)?
  let started = Date()
  let deadline: Date?
  var best: [Double]?
  var bestObjective: Double?
  var bound: Double?
  var stoppedByProgress = false

  init(full: LinearModel, options: SolveOptions, progress: ((SolveProgress) -> Bool)?) {
    self.full = full
    self.options = options
    self.progress = progress
    self.deadline = options.timeLimit.map { Date().addingTimeInterval($0) }
  }

  var elapsed: Double { Date().timeIntervalSince(started) }
  var remaining: Double? { deadline.map { $0.timeIntervalSinceNow } }
  var timeUp: Bool { (remaining ?? 1) <= 0.01 }
  var stopped: Bool { stoppedByProgress || options.stopSignal?.isRaised == true }

  var gap: Double? {
    guard let objective = bestObjective, let bound else { return nil }
    return max(0, objective - bound) / (abs(objective) + Double.ulpOfOne)
  }

  /// The requested gap is reached (a gap of 1e-9 counts as proven optimal).
  var gapReached: Bool { gap.map { $0 <= max(options.relativeGap ?? 0, 1e-9) } ?? false }

  var finished: Bool { stopped || timeUp || gapReached }

  /// Keeps `values` (a feasible plan of the whole model) if it is better than the best so far.
  @discardableResult
  mutating func offer(_ values: [Double]) -> Bool {
    let objective = full.objectiveValue(values)
    if let current = bestObjective, objective >= current - 1e-9 * max(1, abs(current)) { return false }
    best = values
    bestObjective = objective
    report()
    return true
  }

  /// The best plan, bound, gap and time, for the trace.
  var summary: String {
    let objective = bestObjective.map { String(format: "%.2f", $0) } ?? "-"
    let gap = self.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "-"
    return "best \(objective), gap \(gap), \(FamilyDecomposition.format(elapsed))"
  }

  /// Tells the progress closure where the search stands.
  mutating func report() {
    guard let progress else { return }
    let report = SolveProgress(elapsed: elapsed, incumbent: bestObjective, bound: bound, gap: gap, nodes: 0)
    if !progress(report) { stoppedByProgress = true }
  }

  /// No plan, because the model (or its LP relaxation) is infeasible or unbounded.
  func noPlan(_ termination: Termination) -> SolveResult {
    SolveResult(
      termination: termination, hasSolution: false, objective: nil, bestBound: nil, gap: nil, values: [],
      seconds: elapsed)
  }

  /// The best plan, bound and gap, and why the search ended.
  func outcome() -> SolveResult {
    let termination: Termination =
      if gapReached { (gap ?? 1) <= 1e-9 ? .optimal : .gapReached } else if stopped {
        .stoppedByCaller
      } else if timeUp || best == nil { .timeLimit } else { .gapReached }
    return SolveResult(
      termination: termination, hasSolution: best != nil, objective: bestObjective,
      bestBound: bound.map { b in bestObjective.map { min(b, $0) } ?? b }, gap: gap, values: best ?? [],
      seconds: elapsed)
  }
}
