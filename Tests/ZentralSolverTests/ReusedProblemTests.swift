import Foundation
import Testing
import ZentralSolver

/// ``ReusedProblem``: one GLPK problem solved in changed forms gives what a new problem per form
/// gives, and each solve leaves the loaded problem as it was.
@Suite("Reused GLPK problem")
struct ReusedProblemTests {
  /// The changed forms of a facility model: each facility forced open or shut, each customer
  /// forced to each facility (an appended row), and an infeasible one.
  static func forms(of model: LinearModel) throws -> [LinearModel] {
    var forms: [LinearModel] = [model]
    for f in 0..<5 {
      guard let open = model.columns.firstIndex(where: { $0.name == "open_\(f)" }) else { continue }
      for value in [0.0, 1.0] {
        var copy = model
        try copy.setBounds(of: model.variable(open)!, lower: value, upper: value)
        forms.append(copy)
      }
    }
    for c in [0, 5, 11] {
      for f in 0..<5 {
        guard let x = model.columns.firstIndex(where: { $0.name == "assign_\(c)_\(f)" }) else { continue }
        var copy = model
        try copy.addConstraint(.equal(LinearExpression(model.variable(x)!), 1), name: "force")
        forms.append(copy)
      }
    }
    var none = model
    for f in 0..<5 {
      if let open = model.columns.firstIndex(where: { $0.name == "open_\(f)" }) {
        try none.setBounds(of: model.variable(open)!, lower: 0, upper: 0)
      }
    }
    forms.append(none)
    return forms
  }

  @Test(
    "each changed form solves to the optimum of a new problem, in any order",
    arguments: [1, 2, 3] as [UInt64])
  func sameOptima(seed: UInt64) throws {
    let model = try TestModels.facilityMIP(seed: seed)
    let forms = try Self.forms(of: model)
    let fresh = try forms.map { try Solver.solve($0) }
    // Forwards, then backwards: a form's changes are undone before the next.
    let order = Array(forms.indices) + forms.indices.reversed()
    let reused: [SolveResult] = ReusedProblem.with(model) { problem in
      order.map { (try? problem.solve(forms[$0], options: SolveOptions())) ?? fresh[$0] }
    }
    var infeasible = 0
    for (k, i) in order.enumerated() {
      let a = fresh[i]
      let b = reused[k]
      #expect(a.termination == b.termination, "form \(i)")
      if a.termination == .infeasible { infeasible += 1 }
      if let x = a.objective, let y = b.objective {
        #expect(abs(x - y) <= 1e-6 * max(1, abs(x)), "form \(i): \(x) vs \(y)")
        #expect(forms[i].isFeasible(b.values), "form \(i)")
      }
    }
    #expect(infeasible == 2)
  }

  @Test("a start is used as the first plan, and the absolute gap stops the search")
  func startAndGap() throws {
    let model = try TestModels.marketSplit()
    let zero = Array(repeating: 0.0, count: model.columns.count)
    var start = zero
    // All x zero: the slacks take the whole right-hand sides.
    for (i, row) in model.rows.enumerated() {
      let d = row.constraint.lower ?? 0
      start[model.columns.firstIndex { $0.name == "sp\(i)" }!] = d
    }
    #expect(model.isFeasible(start))
    ReusedProblem.with(model) { problem in
      let result = try? problem.solve(
        model, options: SolveOptions(timeLimit: 0.5), start: start, absoluteGap: 1e9)
      // Any plan is within 1e9 of the bound: the search stops at once with a plan.
      #expect(result?.termination == .gapReached)
      #expect(result?.hasSolution == true)
      #expect((result?.objective ?? .infinity) <= model.objectiveValue(start) + 1e-9)
    }
  }

  @Test("a model with other rows or objective is refused, not loaded")
  func refusesOtherModels() throws {
    let model = try TestModels.facilityMIP(seed: 1)
    let other = try TestModels.facilityMIP(seed: 2)
    ReusedProblem.with(model) { problem in
      #expect(!problem.accepts(other))
      #expect(throws: SolverError.self) { try problem.solve(other, options: SolveOptions()) }
      #expect(throws: SolverError.self) {
        try problem.solve(model, options: SolveOptions(), absoluteGap: -1)
      }
    }
  }

  @Test("reused problems on two threads at once give the same optima")
  func twoThreads() throws {
    let model = try TestModels.facilityMIP(seed: 4)
    let forms = try Self.forms(of: model)
    let fresh = try forms.map { try Solver.solve($0).objective }
    let results = Results()
    SolverThreads.run(2) { worker in
      ReusedProblem.with(model) { problem in
        for i in forms.indices where i % 2 == worker {
          results.set(i, (try? problem.solve(forms[i], options: SolveOptions()))?.objective)
        }
      }
    }
    for i in forms.indices {
      let a = fresh[i]
      let b = results.get(i)
      #expect((a == nil) == (b == nil), "form \(i)")
      if let a, let b { #expect(abs(a - b) <= 1e-6 * max(1, abs(a)), "form \(i)") }
    }
  }

  /// Objectives by form, written from two threads.
  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Double?] = [:]
    func set(_ i: Int, _ value: Double?) { lock.withLock { values[i] = value } }
    func get(_ i: Int) -> Double? { lock.withLock { values[i] ?? nil } }
  }
}
