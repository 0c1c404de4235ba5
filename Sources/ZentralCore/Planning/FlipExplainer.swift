import Foundation
import Synchronization
import ZentralSolver

/// Prices decisions taken on the merits: re-solves the model with one task forced the other way
/// (a moved task kept at home, a kept task moved in full) and reports the objective difference,
/// or, when the flip has no feasible plan, the rules that forbid it.
///
/// A flip is the built model with changed bounds (or one added row for a forced move); members of a
/// together group share one re-solve. With ``FlipSpeedups/reuse`` each of the `threads` threads
/// loads the model into one GLPK problem (``ZentralSolver/ReusedProblem``) and solves its flips on
/// it by changing bounds, from the optimum's LP basis, after a first plan found near the optimum
/// (``FlipSpeedups/firstPlan``) and stopping at the printed precision
/// (``FlipSpeedups/precisionStop``); a flip the reused problem cannot settle (a numerical
/// failure) is re-solved on a new problem as before.
struct FlipExplainer {
  /// The result of one flip.
  enum Outcome: Sendable, Equatable {
    /// The flipped plan's objective and its NPV (the objective without penalties), and for a
    /// forced move where the flipped plan moves the task (the part with the largest share).
    case objective(Double, npv: Double, move: FlipMove?)
    /// The explain budget cut the re-solve short: its bound on the flipped objective, and the
    /// best flipped plan's objective and NPV.
    case bracket(bound: Double, objective: Double, npv: Double)
    /// No plan with the flip: the conflicting rules.
    case infeasible([RuleGroup])
    /// The flip was not priced: why.
    case unsolved(Unsolved)
  }

  /// Why a flip was not priced.
  enum Unsolved: Sendable, Equatable {
    /// The time limit of the run was reached before or during its re-solve.
    case timeLimit
    /// The run was stopped (Ctrl-C or another stop signal).
    case stopped
    /// The re-solve ended without a proven optimum or a proof of infeasibility.
    case unproven
    /// The explain budget was used up before or during its re-solve, without a bracket.
    case budget
  }

  /// Where a forced move puts the task in the flipped plan.
  struct FlipMove: Sendable, Equatable {
    /// The provider.
    var provider: String
    /// The calendar year.
    var year: Int
  }

  /// One flip to price: force task `task` to stay (`toStay`) or to move.
  struct Job: Sendable, Hashable {
    var task: Int
    var toStay: Bool
  }

  let model: CentralisationModel
  /// Options of every re-solve; its time limit caps each one.
  let options: SolveOptions
  let threads: Int
  /// When the run's time is up: each re-solve gets at most the time left, and flips not started
  /// by then are not priced (``Unsolved/timeLimit``).
  var deadline: ContinuousClock.Instant? = nil
  /// When the explain budget is used up: flips not started by then are not priced
  /// (``Unsolved/budget``), and a re-solve it cuts short is a bracket when it can be.
  var budgetEnd: ContinuousClock.Instant? = nil
  /// The optimum's values (by variable index): where first plans are searched near.
  var optimum: [Double]? = nil
  /// Which measures make the flips cheap.
  var speedups: FlipSpeedups = .all

  /// The stop of ``FlipSpeedups/precisionStop``: half a euro (the report prints whole euros).
  static let printedPrecision = 0.5

  /// Runs every job and returns the outcomes by job. With ``FlipSpeedups/reuse``, flips the budget
  /// cut short (brackets and flips without a plan) are tried again while the budget lasts, at most
  /// twice more, each keeping the better of its outcomes.
  func run(_ jobs: [Job], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Job: Outcome] {
    var outcomes = pass(jobs, progress: progress)
    guard speedups.contains(.reuse), let budgetEnd else { return outcomes }
    for _ in 0..<2 {
      guard Planner.seconds(until: budgetEnd) > 0.2 else { break }
      let again = jobs.filter {
        switch outcomes[$0] {
        case .bracket, .unsolved(.budget): true
        default: false
        }
      }
      guard !again.isEmpty else { break }
      let second = pass(again, progress: nil)
      for job in again { outcomes[job] = better(outcomes[job], second[job]) }
    }
    return outcomes
  }

  /// The better of two outcomes of one flip: a priced or infeasible flip, else the narrower
  /// bracket (the higher bound and the cheaper flipped plan of the two), else a bracket.
  private func better(_ a: Outcome?, _ b: Outcome?) -> Outcome? {
    guard let a, let b else { return a ?? b }
    switch (a, b) {
    case (.objective, _), (.infeasible, _): return a
    case (_, .objective), (_, .infeasible): return b
    case (.bracket(let boundA, let objectiveA, let npvA), .bracket(let boundB, let objectiveB, let npvB)):
      let minimise = model.model.sense == .minimize
      let bound = minimise ? max(boundA, boundB) : min(boundA, boundB)
      let aWins = minimise ? objectiveA <= objectiveB : objectiveA >= objectiveB
      return .bracket(bound: bound, objective: aWins ? objectiveA : objectiveB, npv: aWins ? npvA : npvB)
    case (.bracket, _): return a
    case (_, .bracket): return b
    default: return a
    }
  }

  /// One pass over `jobs` on the threads.
  private func pass(_ jobs: [Job], progress: (@Sendable (Int, Int) -> Void)?) -> [Job: Outcome] {
    let work = Work(jobs: jobs)
    let explainer = self
    let threads = speedups.contains(.parallel) ? self.threads : 1
    let neighbours =
      speedups.contains(.firstPlan) && speedups.contains(.reuse) ? Neighbourhood(model.model) : nil
    SolverThreads.run(min(threads, jobs.count)) { _ in
      guard explainer.speedups.contains(.reuse) else {
        while let (job, waiting) = work.take() {
          let done = work.store(
            job, explainer.solve(job, waiting: waiting, threads: threads, on: nil, near: nil))
          progress?(done, jobs.count)
        }
        return
      }
      // One GLPK problem per thread, created, used and deleted on it.
      guard work.hasMore else { return }
      ReusedProblem.with(explainer.model.model) { reused in
        while let (job, waiting) = work.take() {
          let outcome = explainer.solve(job, waiting: waiting, threads: threads, on: reused, near: neighbours)
          let done = work.store(job, outcome)
          progress?(done, jobs.count)
        }
      }
    }
    return work.results.withLock { $0 }
  }

  /// Solves one job; `waiting` flips (this one included) still share what is left of the budget.
  private func solve(
    _ job: Job, waiting: Int, threads: Int, on reused: ReusedProblem?, near neighbours: Neighbourhood?
  ) -> Outcome {
    if options.stopSignal?.isRaised == true { return .unsolved(.stopped) }
    let began = ContinuousClock.now
    var options = self.options
    let deadline = self.deadline
    // Which limit ends this re-solve first: the run's time limit or the explain budget.
    var budgetBinds = false
    if let deadline {
      let left = Planner.seconds(until: deadline)
      guard left > 0.01 else { return .unsolved(.timeLimit) }
      options.timeLimit = min(options.timeLimit ?? left, left)
    }
    if let budgetEnd {
      // A fair share of what is left (the threads share the waiting flips), at least half a
      // second on a new problem per flip, a tenth on a reused one (nothing to load, and a flip cut
      // short is tried again while the budget lasts): an easy flip ends long before its share and
      // leaves the rest to the hard ones.
      let remaining = Planner.seconds(until: budgetEnd)
      let least = reused == nil ? 0.5 : 0.1
      let share = max(least, remaining * Double(threads) / Double(max(1, waiting)))
      let left = min(remaining, share)
      guard left > 0.01 else { return .unsolved(.budget) }
      if left < (options.timeLimit ?? .infinity) {
        options.timeLimit = left
        budgetBinds = true
      }
    }
    let unsolved: () -> Outcome = {
      if options.stopSignal?.isRaised == true { return .unsolved(.stopped) }
      if let deadline, ContinuousClock.now >= deadline { return .unsolved(.timeLimit) }
      return .unsolved(budgetBinds ? .budget : .unproven)
    }
    let model = self.model
    let t = job.task
    let toStay = job.toStay
    let force: @Sendable (CentralisationModel) throws(ModelError) -> LinearModel = {
      built throws(ModelError) in
      toStay ? try built.forcingStay(t) : try built.forcingMove(t)
    }
    guard let flipped = try? force(model) else { return unsolved() }
    var settled: SolveResult?
    if let reused {
      let start = neighbours.flatMap { firstPlan(of: flipped, near: $0, on: reused, options: options) }
      // The first plan's search came out of this flip's time, not on top of it.
      let limit = options.timeLimit
      options.timeLimit = limit.map { max(0.01, $0 + Planner.seconds(until: began)) }
      let gap = speedups.contains(.precisionStop) ? Self.printedPrecision : nil
      if let result = try? reused.solve(flipped, options: options, start: start, absoluteGap: gap),
        result.termination != .numericalFailure
      {
        settled = result
      } else {
        // A new problem for what is left of this flip's time.
        options.timeLimit = limit.map { max(0.001, $0 + Planner.seconds(until: began)) }
      }
    }
    let fresh = options
    guard
      let result = settled ?? Self.elsewhere(reused != nil, { try? Solver.solve(flipped, options: fresh) })
    else {
      return unsolved()
    }
    if [.optimal, .gapReached].contains(result.termination), let objective = result.objective {
      let largest = toStay ? nil : model.moves[t].max { result[$0.variable] < result[$1.variable] }
      let move = largest.map { FlipMove(provider: $0.provider, year: model.facts.years[$0.wave]) }
      return .objective(objective, npv: result.value(of: model.objectiveParts.npv), move: move)
    }
    if budgetBinds, result.termination == .timeLimit, result.hasSolution, let objective = result.objective,
      let bound = result.bestBound
    {
      return .bracket(bound: bound, objective: objective, npv: result.value(of: model.objectiveParts.npv))
    }
    guard !result.hasSolution, [.infeasible, .infeasibleOrUnbounded].contains(result.termination) else {
      if result.termination == .timeLimit && budgetBinds { return .unsolved(.budget) }
      return result.termination == .timeLimit && deadline != nil ? .unsolved(.timeLimit) : unsolved()
    }
    let diagnosis = InfeasibilityDiagnosis(facts: model.facts, options: options, modify: force)
    guard let groups = Self.elsewhere(reused != nil, { (try? diagnosis.conflict()) ?? nil }) else {
      return unsolved()
    }
    return .infeasible(groups)
  }

  /// Runs `body` on a thread of its own when `away` (a ``ReusedProblem`` lives on this thread:
  /// ``ZentralSolver/Solver`` frees the calling thread's GLPK environment when it ends, and with it
  /// every problem of the thread), else here.
  private static func elsewhere<T: Sendable>(_ away: Bool, _ body: @escaping @Sendable () -> T?) -> T? {
    guard away else { return body() }
    let box = Mutex<T?>(nil)
    SolverThreads.run(1) { _ in
      let value = body()
      box.withLock { $0 = value }
    }
    return box.withLock { $0 }
  }

  /// A plan of the flipped model near the optimum: the optimum's integer values, except in the
  /// neighbourhood of the columns the flip changes, where a short search on the reused problem
  /// chooses them (at most a third of the flip's time, at most one second); `nil` when there is
  /// no optimum or that search finds no plan.
  private func firstPlan(
    of flipped: LinearModel, near neighbours: Neighbourhood, on reused: ReusedProblem, options: SolveOptions
  ) -> [Double]? {
    guard let optimum, optimum.count == flipped.columns.count else { return nil }
    var seeds = Set<Int>()
    for (j, (a, b)) in zip(flipped.columns, model.model.columns).enumerated()
    where a.lower != b.lower || a.upper != b.upper {
      seeds.insert(j)
    }
    for row in flipped.rows[model.model.rows.count...] {
      for variable in row.constraint.expression.terms.keys { seeds.insert(variable.index) }
    }
    let free = neighbours.around(seeds)
    var local = flipped
    for (j, column) in flipped.columns.enumerated() where column.kind != .continuous && !free.contains(j) {
      var value = optimum[j].rounded()
      if let lower = column.lower { value = max(value, lower) }
      if let upper = column.upper { value = min(value, upper) }
      guard let variable = flipped.variable(j),
        (try? local.setBounds(of: variable, lower: value, upper: value)) != nil
      else { return nil }
    }
    var limited = options
    limited.timeLimit = min(1, (options.timeLimit ?? 5) / 3)
    guard let result = try? reused.solve(local, options: limited), result.hasSolution,
      flipped.isFeasible(result.values)
    else { return nil }
    return result.values
  }

  /// Which integer columns share a short row with which: the neighbourhood a first plan may change.
  final class Neighbourhood: Sendable {
    /// Rows with more terms than this (budgets, capacities, savings targets) link nothing here.
    static let shortRow = 50
    /// For each column, the integer columns of the short rows it is in.
    let linked: [[Int]]
    let isInteger: [Bool]

    init(_ model: LinearModel) {
      let isInteger = model.columns.map { $0.kind != .continuous }
      self.isInteger = isInteger
      var linked = Array(repeating: Set<Int>(), count: model.columns.count)
      for row in model.rows where row.constraint.expression.terms.count <= Self.shortRow {
        let columns = row.constraint.expression.terms.keys.map(\.index)
        let integers = columns.filter { isInteger[$0] }
        for j in columns { linked[j].formUnion(integers) }
      }
      self.linked = linked.map { $0.sorted() }
    }

    /// The integer columns within two steps of `seeds` (through short rows).
    func around(_ seeds: Set<Int>) -> Set<Int> {
      var reached = Set(seeds.filter { isInteger[$0] })
      var frontier = Array(seeds)
      for _ in 0..<2 {
        var next: [Int] = []
        for j in frontier {
          for k in linked[j] where reached.insert(k).inserted { next.append(k) }
        }
        frontier = next
      }
      return reached
    }
  }

  /// The shared queue of jobs and their outcomes.
  private final class Work: Sendable {
    let jobs: [Job]
    let next = Mutex(0)
    let results = Mutex<[Job: Outcome]>([:])

    init(jobs: [Job]) { self.jobs = jobs }

    /// The next job and how many are waiting, it included.
    func take() -> (Job, Int)? {
      next.withLock { index in
        guard index < jobs.count else { return nil }
        defer { index += 1 }
        return (jobs[index], jobs.count - index)
      }
    }

    /// Whether a job is still waiting.
    var hasMore: Bool { next.withLock { $0 < jobs.count } }

    func store(_ job: Job, _ outcome: Outcome) -> Int {
      results.withLock {
        $0[job] = outcome
        return $0.count
      }
    }
  }
}
