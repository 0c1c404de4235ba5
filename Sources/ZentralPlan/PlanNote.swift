extension Plan {
  /// Something the reader must know about the verdict or how it was found.
  public struct Note: Codable, Sendable, Equatable {
    /// The kind of note.
    public enum Kind: String, PlanEnum {
      /// GLPK returned a plan that breaks a rule when checked exactly; it was discarded.
      case brokenPlan = "broken_plan"
      /// GLPK said there is no plan (or failed), but a checked plan exists (`said`).
      case wrongVerdict = "wrong_verdict"
      /// The objective is so large that GLPK's precision hides savings (`noise`, `objective`,
      /// `typical`).
      case hiddenSavings = "hidden_savings"
      /// Solved by decomposition into `blocks` subproblems (`bounded`: whether a bound was found).
      case decomposed
    }

    /// What GLPK first reported, for a wrong verdict.
    public enum Verdict: String, PlanEnum {
      /// "No feasible plan".
      case infeasible
      /// A numerical failure.
      case numericalFailure = "numerical_failure"
    }

    /// The kind.
    public var kind: Kind
    /// For `wrong_verdict`.
    public var said: Verdict?
    /// For `hidden_savings`: objective differences GLPK does not see, EUR.
    public var noise: Double?
    /// For `hidden_savings`: the objective, EUR.
    public var objective: Double?
    /// For `hidden_savings`: a typical decision's weight, EUR.
    public var typical: Double?
    /// For `decomposed`: the number of subproblems.
    public var blocks: Int?
    /// For `decomposed`: whether a bound was computed.
    public var bounded: Bool?

    /// Creates a note.
    public init(
      kind: Kind, said: Verdict? = nil, noise: Double? = nil, objective: Double? = nil,
      typical: Double? = nil,
      blocks: Int? = nil, bounded: Bool? = nil
    ) {
      self.kind = kind
      self.said = said
      self.noise = noise
      self.objective = objective
      self.typical = typical
      self.blocks = blocks
      self.bounded = bounded
    }
  }
}
