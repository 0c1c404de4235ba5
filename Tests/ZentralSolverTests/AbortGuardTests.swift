import CGLPK
import Foundation
import Testing
import ZentralSolver

/// Each input that makes GLPK abort the process is refused by the wrapper with a thrown error;
/// the exit tests show that the same input, given to GLPK directly, really ends the process.
@Suite("Inputs that would abort GLPK are refused before they reach it")
struct AbortGuardTests {
  // MARK: The wrapper throws

  @Test("A variable from another model is refused as unknown")
  func unknownVariable() throws {
    var small = try LinearModel(name: "small")
    _ = try small.addVariable("a")
    var large = try LinearModel(name: "large")
    _ = try large.addVariable("a")
    let stranger = try large.addVariable("b")
    #expect(throws: ModelError.unknownVariable(index: 1, context: "constraint c")) {
      try small.addConstraint(LinearExpression(stranger) <= 1, name: "c")
    }
    #expect(throws: ModelError.unknownVariable(index: 1, context: "objective")) {
      try small.setObjective(LinearExpression(stranger), sense: .minimize)
    }
    #expect(throws: ModelError.unknownVariable(index: 1, context: "bounds")) {
      try small.setBounds(of: stranger, lower: 0, upper: 1)
    }
  }

  @Test("NaN and infinite coefficients, constants and bounds are refused")
  func nonFiniteNumbers() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x")
    #expect(throws: ModelError.self) { try model.addConstraint(Double.nan * x <= 1, name: "nan") }
    #expect(throws: ModelError.self) { try model.addConstraint(Double.infinity * x <= 1, name: "inf") }
    #expect(throws: ModelError.self) {
      try model.addConstraint(LinearExpression(x) <= LinearExpression(constant: .nan), name: "rhs")
    }
    #expect(throws: ModelError.self) { try model.setObjective(-Double.infinity * x, sense: .minimize) }
    #expect(throws: ModelError.self) { try model.addVariable("y", lower: .nan) }
    #expect(throws: ModelError.self) { try model.addVariable("z", lower: .infinity) }
    #expect(throws: ModelError.self) { try model.addVariable("w", upper: -.infinity) }
    #expect(model.rows.isEmpty)
    #expect(model.columns.count == 1)
  }

  @Test("Numbers beyond 1e15 and nonzero coefficients below 1e-9 are refused; round-off is left out")
  func outOfRangeNumbers() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x", upper: 1)
    let y = try model.addVariable("y", upper: 1)
    #expect(throws: ModelError.outOfRange(what: "coefficient of x in the constraint big", value: 1e16)) {
      try model.addConstraint(1e16 * x <= 1, name: "big")
    }
    #expect(throws: ModelError.outOfRange(what: "coefficient of x in the constraint small", value: 1e-10)) {
      try model.addConstraint(1e-10 * x <= 1, name: "small")
    }
    #expect(throws: ModelError.outOfRange(what: "upper bound of constraint rhs", value: 2e15)) {
      try model.addConstraint(LinearExpression(x) <= 2e15, name: "rhs")
    }
    #expect(throws: ModelError.outOfRange(what: "upper bound of variable z", value: 1e300)) {
      try model.addVariable("z", upper: 1e300)
    }
    #expect(throws: ModelError.outOfRange(what: "constant term of the objective", value: 1e16)) {
      try model.setObjective(LinearExpression(x) + 1e16, sense: .minimize)
    }
    // NaN next to normal coefficients is still refused, not dropped as round-off.
    #expect(throws: ModelError.self) { try model.addConstraint(x + Double.nan * y <= 1, name: "nan") }
    // 1e-12 next to 1 is round-off: left out of the row.
    try model.addConstraint(x + 1e-12 * y <= 1, name: "noise")
    #expect(model.rows.last?.constraint.expression.terms == [x: 1])
    // The edges of the range are accepted and solved.
    try model.addConstraint(1e15 * x + 1e-9 * y <= 1e15, name: "edges")
    try model.setObjective(1e15 * x + 1e-9 * y, sense: .maximize)
    let result = try Solver.solve(model)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective! - (1e15 + 1e-9)) <= 1)
    #expect(
      ModelError.outOfRange(what: "coefficient of x in the constraint c", value: 1e305).description.hasPrefix(
        "The coefficient of x in the constraint c is 1e+305; zentral hands GLPK only numbers from 1e-9 to 1e15"
      ))
  }

  @Test("A lower bound above the upper bound is refused with both values")
  func inconsistentBounds() throws {
    var model = try LinearModel()
    #expect(throws: ModelError.inconsistentBounds(what: "variable x", lower: 5, upper: 2)) {
      try model.addVariable("x", lower: 5, upper: 2)
    }
    let y = try model.addVariable("y")
    #expect(throws: ModelError.inconsistentBounds(what: "variable y", lower: 1, upper: 0)) {
      try model.setBounds(of: y, lower: 1, upper: 0)
    }
    #expect(throws: ModelError.inconsistentBounds(what: "constraint r", lower: 4, upper: 3)) {
      try model.addConstraint(LinearConstraint(LinearExpression(y), lower: 4, upper: 3), name: "r")
    }
  }

  @Test("Empty, over-long, blank-containing and duplicate names are refused")
  func badNames() throws {
    var model = try LinearModel()
    #expect(throws: ModelError.emptyName(kind: "variable")) { try model.addVariable("") }
    let long = String(repeating: "ü", count: 128)  // 256 bytes in UTF-8
    #expect(throws: ModelError.nameTooLong(kind: "variable", name: long, length: 256)) {
      try model.addVariable(long)
    }
    let limit = String(repeating: "a", count: 255)
    _ = try model.addVariable(limit)
    #expect(throws: ModelError.invalidName(kind: "constraint", name: "two words")) {
      try model.addConstraint(LinearExpression(constant: 0) <= 1, name: "two words")
    }
    _ = try model.addVariable("x")
    #expect(throws: ModelError.duplicateName(kind: "variable", name: "x")) { try model.addVariable("x") }
    #expect(throws: ModelError.emptyName(kind: "model")) { try LinearModel(name: "") }
  }

  @Test("Repeated terms are merged into one matrix entry, so GLPK never sees a duplicate")
  func duplicateEntriesMerged() throws {
    var model = try LinearModel()
    let x = try model.addVariable("x", upper: 10)
    var row = LinearExpression(x)
    row.add(2, x)
    row += 3 * x
    try model.addConstraint(row <= 12, name: "merged")
    try model.setObjective(LinearExpression(x), sense: .maximize)
    #expect(model.rows[0].constraint.expression.terms == [x: 6])
    let result = try Solver.solve(model)
    #expect(abs(result.objective! - 2) < 1e-9)
  }

  @Test("Errors read as one sentence with the offending value")
  func messages() {
    #expect(
      ModelError.inconsistentBounds(what: "variable x", lower: 5, upper: 2).description
        == "The variable x has lower bound 5.0 above its upper bound 2.0.")
    #expect(
      ModelError.invalidNumber(what: "coefficient of x in constraint c", value: .nan).description
        == "The coefficient of x in constraint c is nan; it must be a finite number.")
  }

  @Test("Invalid solve options are refused")
  func badOptions() throws {
    let model = try TestModels.wyndor()
    #expect(throws: SolverError.self) { try Solver.solve(model, options: SolveOptions(timeLimit: -1)) }
    #expect(throws: SolverError.self) { try Solver.solve(model, options: SolveOptions(timeLimit: .nan)) }
    #expect(throws: SolverError.self) { try Solver.solve(model, options: SolveOptions(relativeGap: -0.1)) }
  }

  // MARK: GLPK itself aborts (so the guards are not vacuous)

  @Test("GLPK aborts on a column index out of range")
  func glpkAbortsOnIndex() async {
    await #expect(processExitsWith: .signal(SIGABRT)) {
      glp_term_out(GLP_OFF)
      let problem = glp_create_prob()
      glp_add_cols(problem, 1)
      glp_set_col_bnds(problem, 99, GLP_LO, 0, 0)
    }
  }

  @Test("GLPK aborts on an invalid bound type")
  func glpkAbortsOnBoundType() async {
    await #expect(processExitsWith: .signal(SIGABRT)) {
      glp_term_out(GLP_OFF)
      let problem = glp_create_prob()
      glp_add_cols(problem, 1)
      glp_set_col_bnds(problem, 1, 42, 0, 1)
    }
  }

  @Test("GLPK aborts on a duplicate matrix entry")
  func glpkAbortsOnDuplicate() async {
    await #expect(processExitsWith: .signal(SIGABRT)) {
      glp_term_out(GLP_OFF)
      let problem = glp_create_prob()
      glp_add_rows(problem, 1)
      glp_add_cols(problem, 1)
      let ia: [Int32] = [0, 1, 1]
      let ja: [Int32] = [0, 1, 1]
      let ar: [Double] = [0, 1, 2]
      glp_load_matrix(problem, 2, ia, ja, ar)
    }
  }

  @Test("GLPK aborts on a name over 255 characters")
  func glpkAbortsOnLongName() async {
    await #expect(processExitsWith: .signal(SIGABRT)) {
      glp_term_out(GLP_OFF)
      let problem = glp_create_prob()
      glp_add_cols(problem, 1)
      glp_set_col_name(problem, 1, String(repeating: "a", count: 256))
    }
  }

  @Test("GLPK aborts when a problem is deleted on another thread than its creator's")
  func glpkAbortsOnForeignThread() async {
    await #expect(processExitsWith: .signal(SIGABRT)) {
      glp_term_out(GLP_OFF)
      let problem = glp_create_prob()
      let done = DispatchSemaphore(value: 0)
      let address = Int(bitPattern: UnsafeRawPointer(problem))
      let thread = Thread {
        glp_delete_prob(OpaquePointer(bitPattern: address))
        done.signal()
      }
      thread.start()
      done.wait()
    }
  }
}
