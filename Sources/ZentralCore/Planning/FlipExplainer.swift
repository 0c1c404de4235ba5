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

  /// Runs every job and returns the outcomes by job.
  func run(_ jobs: [Job], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Job: Outcome] {
    let work = Work(jobs: jobs)
    let model = self.model
    let options = self.options
    let deadline = self.deadline
    SolverThreads.run(min(threads, jobs.count)) { _ in
      while let job = work.take() {
        let done = work.store(job, Self.solve(job, model: model, options: options, deadline: deadline))
        progress?(done, jobs.count)
      }
    }
    return work.results.withLock { $0 }
  }

  private static func solve(
    _ job: Job, model: CentralisationModel, options: SolveOptions, deadline: ContinuousClock.Instant?
  ) -> Outcome {
    if options.stopSignal?.isRaised == true { return .unsolved(.stopped) }
    var options = options
    if let deadline {
      let left = Planner.seconds(until: deadline)
      guard left > 0.01 else { return .unsolved(.timeLimit) }
      options.timeLimit = min(options.timeLimit ?? left, left)
    }
    let unsolved: () -> Outcome = {
      if options.stopSignal?.isRaised == true { return .unsolved(.stopped) }
      if let deadline, ContinuousClock.now >= deadline { return .unsolved(.timeLimit) }
      return .unsolved(.unproven)
    }
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
    guard !result.hasSolution, [.infeasible, .infeasibleOrUnbounded].contains(result.termination) else {
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

    func take() -> Job? {
      next.withLock { index in
        guard index < jobs.count else { return nil }
        defer { index += 1 }
        return jobs[index]
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
