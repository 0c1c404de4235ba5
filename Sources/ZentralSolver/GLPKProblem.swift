import CGLPK

/// Owns one GLPK problem object for the length of one synchronous call on one thread.
///
/// GLPK keeps its environment per OS thread: a problem must be created, used and deleted on
/// the same thread. This class is never handed out; ``Solver`` and ``ModelFile`` create it
/// inside ``GLPKSession/run(hook:info:_:)``, use it and let it go there, and `deinit` deletes
/// the problem.
///
/// The objective's constant is loaded as a column fixed at 1 (when it is not 0), because the
/// MPS and LP writers of GLPK and the readers of other solvers disagree on how to carry it;
/// as a column it survives every file format.
final class GLPKProblem {
  let pointer: OpaquePointer
  /// Columns of the model (the constant's column, if any, comes after them).
  let columnCount: Int
  let rowCount: Int

  /// Loads a checked model into a new GLPK problem. Every value passed here has been
  /// validated by ``LinearModel``: names are 1...255 bytes, bounds are ordered and finite
  /// where present, coefficients are finite and there is at most one entry per (row, column).
  init(_ model: LinearModel) {
    pointer = glp_create_prob()
    columnCount = model.columns.count
    rowCount = model.rows.count
    glp_set_prob_name(pointer, model.name)
    glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
    glp_set_obj_name(pointer, "obj")

    if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
    for (offset, column) in model.columns.enumerated() {
      let j = Int32(offset + 1)
      glp_set_col_name(pointer, j, column.name)
      switch column.kind {
      case .continuous: glp_set_col_kind(pointer, j, GLP_CV)
      case .integer: glp_set_col_kind(pointer, j, GLP_IV)
      case .binary: glp_set_col_kind(pointer, j, GLP_IV)  // bounds [0, 1] are set below
      }
      let (type, lower, upper) = GLPKParameters.boundType(column.lower, column.upper)
      glp_set_col_bnds(pointer, j, type, lower, upper)
    }

    if model.objective.constant != 0 {
      var name = "objective_constant"
      while model.columns.contains(where: { $0.name == name }) { name += "_" }
      let j = glp_add_cols(pointer, 1)
      glp_set_col_name(pointer, j, name)
      glp_set_col_bnds(pointer, j, GLP_FX, 1, 1)
      glp_set_obj_coef(pointer, j, model.objective.constant)
    }
    for (j, coefficient) in zip(model.objectiveTerms.indices, model.objectiveTerms.coefficients) {
      glp_set_obj_coef(pointer, Int32(j + 1), coefficient)
    }

    if rowCount > 0 { glp_add_rows(pointer, Int32(rowCount)) }
    var ia: [Int32] = [0]
    var ja: [Int32] = [0]
    var ar: [Double] = [0]
    for (offset, row) in model.rows.enumerated() {
      let i = Int32(offset + 1)
      glp_set_row_name(pointer, i, row.name)
      let (type, lower, upper) = GLPKParameters.boundType(row.constraint.lower, row.constraint.upper)
      glp_set_row_bnds(pointer, i, type, lower, upper)
      for (j, coefficient) in zip(row.terms.indices, row.terms.coefficients) where coefficient != 0 {
        ia.append(i)
        ja.append(Int32(j + 1))
        ar.append(coefficient)
      }
    }
    if ia.count > 1 { glp_load_matrix(pointer, Int32(ia.count - 1), ia, ja, ar) }
  }

  /// Scales rows and columns (GLPK's automatic choice of geometric mean and equilibration
  /// scaling, rounded to powers of two). GLPK's LP presolver scales its own copy, but
  /// branch-and-cut without the MIP presolver (a solve from a start) works on this problem as
  /// loaded: unscaled, a budget row with set-up costs of 2e7 next to shares of 1 made GLPK prune
  /// every node of feasible centralisation models. Values read back are unscaled.
  func scale() {
    guard columnCount > 0 || rowCount > 0 else { return }
    glp_scale_prob(pointer, GLP_SF_AUTO)
  }

  deinit {
    glp_delete_prob(pointer)
  }

}

/// One use of GLPK on the calling thread: installs the terminal hook, runs the body (which
/// creates and drops its ``GLPKProblem``), then removes the hook and frees this thread's GLPK
/// environment, so that a worker thread leaks nothing when it ends.
enum GLPKSession {
  /// GLPK's terminal hook type.
  typealias Hook = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32

  static func run<T>(hook: Hook, info: UnsafeMutableRawPointer?, _ body: () -> T) -> T {
    glp_term_hook(hook, info)
    let result = body()
    glp_term_hook(nil, nil)
    glp_free_env()
    return result
  }
}
