import Foundation
import Synchronization
import Testing
import ZentralSolver

@Suite("Independent solves on separate threads")
struct ConcurrencyTests {
  @Test("16 MIPs solved on 8 threads at once give the same results as solved one after another")
  func parallelEqualsSequential() throws {
    let seeds: [UInt64] = Array(1...16)
    let models = try seeds.map { try TestModels.facilityMIP(seed: $0) }
    let sequential = try models.map { try Solver.solve($0) }

    let results = Mutex<[Int: SolveResult]>([:])
    let failures = Mutex<[String]>([])
    let group = DispatchGroup()
    for worker in 0..<8 {
      group.enter()
      let thread = Thread {
        for index in stride(from: worker, to: models.count, by: 8) {
          do {
            let result = try Solver.solve(models[index])
            results.withLock { $0[index] = result }
          } catch {
            failures.withLock { $0.append("\(error)") }
          }
        }
        group.leave()
      }
      thread.start()
    }
    group.wait()
    #expect(failures.withLock { $0 }.isEmpty)
    let parallel = results.withLock { $0 }
    #expect(parallel.count == models.count)
    for index in models.indices {
      let a = sequential[index]
      let b = try #require(parallel[index])
      #expect(a.termination == .optimal && b.termination == .optimal)
      #expect(a.objective == b.objective)
      #expect(a.values == b.values)
    }
    // The instances differ, so equal results are not a coincidence of one answer.
    #expect(Set(sequential.map { $0.objective! }).count > 8)
  }

  @Test("solveDetached runs a solve on a thread of its own from async code")
  func detached() async throws {
    let model = try TestModels.facilityMIP(seed: 5)
    async let first = Solver.solveDetached(model)
    async let second = Solver.solveDetached(model)
    let (a, b) = try await (first, second)
    #expect(a.termination == .optimal)
    #expect(a.objective == b.objective)
    #expect(a.objective == (try Solver.solve(model)).objective)
  }
}
