public import ZentralSolver

/// Why planning failed (not "no feasible plan", which is a plan with status `infeasible`).
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The scenario produced an invalid model (a bug or an unchecked scenario).
  case model(ModelError)
  /// The solver failed or an option was invalid.
  case solver(SolverError)
  /// GLPK gave up numerically.
  case numericalFailure

  /// One sentence saying what went wrong.
  public var description: String {
    switch self {
    case .model(let error): "The optimisation model could not be built: \(error.description)"
    case .solver(let error): error.description
    case .numericalFailure: "GLPK failed numerically on this scenario; try scaling the amounts."
    }
  }
}

extension PlanningError {
  /// Runs `body`, turning model and solver errors into planning errors.
  static func wrap<T>(_ body: () throws -> T) throws(PlanningError) -> T {
    do {
      return try body()
    } catch let error as PlanningError {
      throw error
    } catch let error as ModelError {
      throw .model(error)
    } catch let error as SolverError {
      throw .solver(error)
    } catch {
      throw .numericalFailure
    }
  }
}
