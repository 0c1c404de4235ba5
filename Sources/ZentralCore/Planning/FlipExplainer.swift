import Foundation
import Synchronization
import ZentralSolver

/// Prices decisions taken on the merits: re-solves the model with one task forced the other way
/// (a moved task kept at home, a kept task moved in full) and reports the objective difference,
/// or, when the flip has no feasible plan, the rules that forbid it.
///
/// Each re-solve starts from a copy of the built model with changed bounds (or one added row for a
/// forced move), so nothing is rebuilt; members of a together group share one re-solve; the
/// re-solves run on `threads` threads, each with its own GLPK environment.
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

  /// Runs every job and returns the outcomes by job.
  func run(_ jobs: [Job], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Job: Outcome] {
    let work = Work(jobs: jobs)
    let explainer = self
    SolverThreads.run(min(threads, jobs.count)) { _ in
      while let (job, waiting) = work.take() {
        let done = work.store(job, explainer.solve(job, waiting: waiting))
        progress?(done, jobs.count)
      }
    }
    return work.results.withLock { $0 }
  }

  /// Solves one job; `waiting` flips (this one included) still share what is left of the budget.
  private func solve(_ job: Job, waiting: Int) -> Outcome {
    if options.stopSignal?.isRaised == true { return .unsolved(.stopped) }
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
      // second: an easy flip ends long before its share and leaves the rest to the hard ones.
      let remaining = Planner.seconds(until: budgetEnd)
      let share = max(0.5, remaining * Double(threads) / Double(max(1, waiting)))
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
    guard let flipped = try? force(model), let result = try? Solver.solve(flipped, options: options) else {
      return unsolved()
    }
    if result.termination == .optimal, let objective = result.objective {
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
    guard let groups = try? diagnosis.conflict() else { return unsolved() }
    return .infeasible(groups)
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

    func store(_ job: Job, _ outcome: Outcome) -> Int {
      results.withLock {
        $0[job] = outcome
        return $0.count
      }
    }
  }
}
