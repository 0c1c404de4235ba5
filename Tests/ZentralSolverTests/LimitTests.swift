import Synchronization
import Testing
import ZentralSolver

@Suite("Time limits, stopping by the caller, progress and logs")
struct LimitTests {
  @Test("A time limit returns the best incumbent with status time limit, a bound and a gap")
  func timeLimit() throws {
    let model = try TestModels.marketSplit()
    let result = try Solver.solve(model, options: SolveOptions(timeLimit: 1))
    #expect(result.termination == .timeLimit)
    #expect(result.hasSolution)
    let objective = try #require(result.objective)
    let bound = try #require(result.bestBound)
    #expect(bound <= objective + 1e-9)
    #expect(try #require(result.gap) > 0)
    #expect(result.seconds < 10)
    // The incumbent is a real solution: its values give the objective.
    #expect(abs(result.value(of: model.objective) - objective) < 1e-6)
  }

  @Test("The progress closure sees incumbents and can stop the search, keeping the best plan")
  func callerStop() throws {
    let model = try TestModels.marketSplit()
    var reports: [SolveProgress] = []
    let result = try Solver.solve(
      model,
      progress: { progress in
        reports.append(progress)
        return progress.incumbent == nil || reports.count < 50
      })
    #expect(result.termination == .stoppedByCaller)
    #expect(result.hasSolution)
    #expect(result.gap != nil)
    #expect(reports.contains { $0.incumbent != nil })
    #expect(reports.contains { $0.bound != nil })
    #expect(abs(result.value(of: model.objective) - result.objective!) < 1e-6)
  }

  @Test("A stop signal raised from another thread stops the search")
  func stopSignal() throws {
    let model = try TestModels.marketSplit()
    let signal = StopSignal()
    let calls = Atomic<Int>(0)
    let result = try Solver.solve(
      model, options: SolveOptions(stopSignal: signal),
      progress: { progress in
        if progress.incumbent != nil && calls.add(1, ordering: .relaxed).newValue == 20 { signal.raise() }
        return true
      })
    #expect(result.termination == .stoppedByCaller)
    #expect(result.hasSolution)
    #expect(signal.isRaised)
  }

  @Test("A relative gap ends the search early with a proven gap within it")
  func relativeGap() throws {
    let model = try TestModels.marketSplit(rows: 2, columns: 30, seed: 3)
    let result = try Solver.solve(model, options: SolveOptions(timeLimit: 20, relativeGap: 0.5))
    #expect([.gapReached, .optimal].contains(result.termination))
    #expect(try #require(result.gap) <= 0.5 + 1e-9)
  }

  @Test("GLPK's output goes to the log closure, not the terminal")
  func log() throws {
    var lines = ""
    _ = try Solver.solve(
      TestModels.facilityMIP(seed: 2), options: SolveOptions(messageLevel: .normal), log: { lines += $0 })
    #expect(lines.contains("mip ="))
    #expect(lines.contains("tree is empty"))
    var silent = ""
    _ = try Solver.solve(TestModels.facilityMIP(seed: 2), log: { silent += $0 })
    #expect(!silent.contains("mip ="))
  }
}
