/// The optional `uncertainty:` section of a scenario: how far some inputs may lie from the values
/// the scenario gives, as factors drawn from a distribution (docs/scenario-format.md). `zentral plan
/// --robust N` samples N scenarios from it; the plain plan ignores it.
public struct Uncertainty: Equatable, Sendable {
  /// The inputs a factor may scale.
  public enum Input: String, CaseIterable, Sendable {
    /// Every unit's `cost_per_fte` (home units and central units).
    case costPerFTE = "cost_per_fte"
    /// Every transition cost: tasks' `transition_cost`, offers' `transition_cost` and families'
    /// `transition_cost_per_fte`.
    case transitionCost = "transition_cost"
    /// Shared providers' `price_per_fte` and the quoted `annual_cost` of offers.
    case pricePerFTE = "price_per_fte"
  }

  /// The distribution of one factor.
  public enum Distribution: Equatable, Sendable {
    /// Uniform between the two ends.
    case uniform(low: Double, high: Double)
    /// Triangular: from `low` to `high`, most likely `mode`.
    case triangular(low: Double, mode: Double, high: Double)

    /// The factors a scenario may give: 0.1 to 10.
    public static let factorRange: ClosedRange<Double> = 0.1...10

    /// One draw, from a uniform number `u` in [0, 1) (inverse transform).
    public func draw(_ u: Double) -> Double {
      switch self {
      case .uniform(let low, let high):
        return low + (high - low) * u
      case .triangular(let low, let mode, let high):
        guard high > low else { return low }
        let cut = (mode - low) / (high - low)
        if u < cut { return low + ((high - low) * (mode - low) * u).squareRoot() }
        return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
      }
    }
  }

  /// The factor of each input given (an input not given keeps its value: factor 1).
  public var factors: [Input: Distribution]

  /// Creates the section.
  public init(factors: [Input: Distribution] = [:]) {
    self.factors = factors
  }

  /// `count` sets of factors drawn with `seed`: the same seed gives the same draws, on every
  /// platform. Inputs are drawn in a fixed order (cost, transition, price) for each sample.
  public func draws(count: Int, seed: UInt64) -> [[Input: Double]] {
    var generator = SplitMix64(seed: seed)
    return (0..<max(0, count)).map { _ in
      var draw: [Input: Double] = [:]
      for input in Input.allCases {
        let u = generator.unit()
        if let distribution = factors[input] { draw[input] = distribution.draw(u) }
      }
      return draw
    }
  }
}

extension Scenario {
  /// The scenario with every input of `factors` multiplied by its factor (see
  /// ``Uncertainty/Input`` for what each scales).
  public func scaled(by factors: [Uncertainty.Input: Double]) -> Scenario {
    var copy = self
    let cost = factors[.costPerFTE] ?? 1
    let transition = factors[.transitionCost] ?? 1
    let price = factors[.pricePerFTE] ?? 1
    for u in copy.units.indices {
      copy.units[u].costPerFTE = copy.units[u].costPerFTE.map { $0 * cost }
      copy.units[u].pricePerFTE = copy.units[u].pricePerFTE.map { $0 * price }
    }
    for f in copy.families.indices { copy.families[f].transitionCostPerFTE *= transition }
    for t in copy.tasks.indices {
      copy.tasks[t].transitionCost = copy.tasks[t].transitionCost.map { $0 * transition }
      for (p, offer) in copy.tasks[t].at {
        var offer = offer
        offer.transitionCost = offer.transitionCost.map { $0 * transition }
        offer.annualCost = offer.annualCost.map { $0 * price }
        copy.tasks[t].at[p] = offer
      }
    }
    return copy
  }
}
