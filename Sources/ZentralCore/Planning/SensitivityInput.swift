/// One uncertain input of a scenario that ``SensitivityAnalysis`` scales by a factor: a group of
/// amounts (every cost per FTE, every transition cost, ...) or one value named by its key path.
public struct SensitivityInput: Sendable, Equatable, CustomStringConvertible {
  /// What is scaled.
  public enum Target: Sendable, Equatable {
    /// `cost_per_fte`: the cost per FTE of every unit (home units and central providers).
    case costPerFTE
    /// `transition_costs`: every family's transition cost per FTE, every task's and every offer's
    /// transition cost.
    case transitionCosts
    /// `scale_curves`: the effective FTE of every scale curve (a family without a curve gets the
    /// line `effective = factor × pooled`).
    case scaleCurves
    /// `provider_prices`: the price per FTE of every shared provider and every quoted annual cost.
    case providerPrices
    /// `discount_rate`: the annual discount rate.
    case discountRate
    /// `units.ID.cost_per_fte`: one unit's cost per FTE.
    case unitCost(String)
    /// `units.ID.price_per_fte`: one shared provider's price.
    case unitPrice(String)
    /// `families.ID.transition_cost_per_fte`: one family's transition cost per FTE.
    case familyTransition(String)
    /// `families.ID.setup_cost`: one family's centre set-up cost (every provider).
    case familySetup(String)
    /// `families.ID.annual_overhead`: one family's centre overhead (every provider).
    case familyOverhead(String)
    /// `tasks.ID.transition_cost`: one task's transition cost (every provider).
    case taskTransition(String)
    /// `tasks.ID.concern`: one task's concern penalty.
    case taskConcern(String)
    /// `objective.disruption_weight`: the penalty per FTE moved.
    case disruptionWeight
  }

  /// Why a key path names no input.
  public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key path as given.
    public var key: String
    /// What is wrong with it.
    public var problem: String

    /// One sentence naming the key path and what is wrong.
    public var description: String { "sensitivity input '\(key)': \(problem)" }
  }

  /// What is scaled.
  public var target: Target

  /// Creates an input.
  public init(_ target: Target) { self.target = target }

  /// The inputs examined unless others are named: cost per FTE, transition costs, scale curves,
  /// provider prices, discount rate.
  public static let defaults: [SensitivityInput] = [
    .init(.costPerFTE), .init(.transitionCosts), .init(.scaleCurves), .init(.providerPrices),
    .init(.discountRate),
  ]

  /// Reads a key path (`transition_costs`, `units.schul-it.cost_per_fte`, ...) against `scenario`,
  /// whose ids it must name.
  public init(parsing key: String, in scenario: Scenario) throws(ParseError) {
    let groups: [String: Target] = [
      "cost_per_fte": .costPerFTE, "transition_costs": .transitionCosts, "scale_curves": .scaleCurves,
      "provider_prices": .providerPrices, "discount_rate": .discountRate,
      "objective.disruption_weight": .disruptionWeight,
    ]
    if let target = groups[key] {
      self.init(target)
      return
    }
    let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3, !parts[1].isEmpty else {
      throw ParseError(
        key: key,
        problem:
          "is not an input; use cost_per_fte, transition_costs, scale_curves, provider_prices, discount_rate, "
          + "objective.disruption_weight or a key path such as units.ID.cost_per_fte")
    }
    let (section, id, field) = (parts[0], parts[1], parts[2])
    func known(_ ids: [String], _ what: String) throws(ParseError) {
      guard ids.contains(id) else {
        throw ParseError(key: key, problem: "the scenario has no \(what) '\(id)'")
      }
    }
    switch (section, field) {
    case ("units", "cost_per_fte"):
      try known(scenario.units.map(\.id), "unit")
      self.init(.unitCost(id))
    case ("units", "price_per_fte"):
      try known(scenario.units.map(\.id), "unit")
      self.init(.unitPrice(id))
    case ("families", "transition_cost_per_fte"):
      try known(scenario.families.map(\.id), "family")
      self.init(.familyTransition(id))
    case ("families", "setup_cost"):
      try known(scenario.families.map(\.id), "family")
      self.init(.familySetup(id))
    case ("families", "annual_overhead"):
      try known(scenario.families.map(\.id), "family")
      self.init(.familyOverhead(id))
    case ("tasks", "transition_cost"):
      try known(scenario.tasks.map(\.id), "task")
      self.init(.taskTransition(id))
    case ("tasks", "concern"):
      try known(scenario.tasks.map(\.id), "task")
      self.init(.taskConcern(id))
    default:
      throw ParseError(
        key: key,
        problem:
          "names no scaled value; key paths are units.ID.cost_per_fte, units.ID.price_per_fte, "
          + "families.ID.transition_cost_per_fte, families.ID.setup_cost, families.ID.annual_overhead, "
          + "tasks.ID.transition_cost and tasks.ID.concern")
    }
  }

  /// The key as `plan.json` and the command line write it.
  public var description: String {
    switch target {
    case .costPerFTE: "cost_per_fte"
    case .transitionCosts: "transition_costs"
    case .scaleCurves: "scale_curves"
    case .providerPrices: "provider_prices"
    case .discountRate: "discount_rate"
    case .disruptionWeight: "objective.disruption_weight"
    case .unitCost(let id): "units.\(id).cost_per_fte"
    case .unitPrice(let id): "units.\(id).price_per_fte"
    case .familyTransition(let id): "families.\(id).transition_cost_per_fte"
    case .familySetup(let id): "families.\(id).setup_cost"
    case .familyOverhead(let id): "families.\(id).annual_overhead"
    case .taskTransition(let id): "tasks.\(id).transition_cost"
    case .taskConcern(let id): "tasks.\(id).concern"
    }
  }

  /// `scenario` with this input multiplied by `factor` (a positive number); nothing else changes,
  /// so the model keeps its columns and rows.
  public func scaled(_ scenario: Scenario, by factor: Double) -> Scenario {
    var s = scenario
    let times: (Double?) -> Double? = { $0.map { $0 * factor } }
    func scaleCurve(_ points: [ScalePoint]) -> [ScalePoint] {
      points.map { ScalePoint(pooled: $0.pooled, effective: $0.effective * factor) }
    }
    switch target {
    case .costPerFTE:
      for u in s.units.indices { s.units[u].costPerFTE = times(s.units[u].costPerFTE) }
    case .unitCost(let id):
      for u in s.units.indices where s.units[u].id == id {
        s.units[u].costPerFTE = times(s.units[u].costPerFTE)
      }
    case .providerPrices:
      for u in s.units.indices { s.units[u].pricePerFTE = times(s.units[u].pricePerFTE) }
      for t in s.tasks.indices {
        s.tasks[t].at = s.tasks[t].at.mapValues { offer in
          var offer = offer
          offer.annualCost = times(offer.annualCost)
          return offer
        }
      }
    case .unitPrice(let id):
      for u in s.units.indices where s.units[u].id == id {
        s.units[u].pricePerFTE = times(s.units[u].pricePerFTE)
      }
      for t in s.tasks.indices {
        if var offer = s.tasks[t].at[id] {
          offer.annualCost = times(offer.annualCost)
          s.tasks[t].at[id] = offer
        }
      }
    case .transitionCosts:
      for f in s.families.indices { s.families[f].transitionCostPerFTE *= factor }
      for t in s.tasks.indices {
        s.tasks[t].transitionCost = times(s.tasks[t].transitionCost)
        s.tasks[t].at = s.tasks[t].at.mapValues { offer in
          var offer = offer
          offer.transitionCost = times(offer.transitionCost)
          return offer
        }
      }
    case .familyTransition(let id):
      for f in s.families.indices where s.families[f].id == id {
        s.families[f].transitionCostPerFTE *= factor
      }
    case .taskTransition(let id):
      for t in s.tasks.indices where s.tasks[t].id == id {
        // A task without its own amount moves at its family's rate: that amount is what is scaled.
        let own = s.tasks[t].transitionCost ?? ScenarioFacts(scenario).transitionCost(t, to: "")
        s.tasks[t].transitionCost = own * factor
        s.tasks[t].at = s.tasks[t].at.mapValues { offer in
          var offer = offer
          offer.transitionCost = times(offer.transitionCost)
          return offer
        }
      }
    case .scaleCurves:
      for f in s.families.indices {
        s.families[f].scale =
          s.families[f].scale.isEmpty
          ? [ScalePoint(pooled: 1, effective: factor)] : scaleCurve(s.families[f].scale)
        s.families[f].centres = s.families[f].centres.mapValues { centre in
          var centre = centre
          centre.scale = centre.scale.map(scaleCurve)
          return centre
        }
      }
    case .familySetup(let id):
      for f in s.families.indices where s.families[f].id == id {
        s.families[f].centre.setupCost *= factor
        s.families[f].centres = s.families[f].centres.mapValues { centre in
          var centre = centre
          centre.setupCost = times(centre.setupCost)
          return centre
        }
      }
    case .familyOverhead(let id):
      for f in s.families.indices where s.families[f].id == id {
        s.families[f].centre.annualOverhead *= factor
        s.families[f].centres = s.families[f].centres.mapValues { centre in
          var centre = centre
          centre.annualOverhead = times(centre.annualOverhead)
          return centre
        }
      }
    case .taskConcern(let id):
      for t in s.tasks.indices where s.tasks[t].id == id { s.tasks[t].concern *= factor }
    case .discountRate:
      s.discountRate *= factor
    case .disruptionWeight:
      s.objective.disruptionWeight *= factor
    }
    return s
  }

  /// The value of this input as it bears on task `t` moving to `provider` (or on its staying when
  /// `provider` is `nil`), at factor 1: the base of a break-even value; `nil` when the input has no
  /// single amount for the task (scale curves).
  func baseValue(task t: Int, provider: String?, facts: ScenarioFacts) -> Double? {
    let scenario = facts.scenario
    let task = scenario.tasks[t]
    switch target {
    case .costPerFTE: return facts.units[task.unit]?.costPerFTE
    case .unitCost(let id): return facts.units[id]?.costPerFTE
    case .providerPrices:
      guard let provider else { return nil }
      return task.at[provider]?.annualCost ?? facts.units[provider]?.pricePerFTE
    case .unitPrice(let id): return facts.units[id]?.pricePerFTE
    case .transitionCosts, .taskTransition:
      guard let provider else { return facts.transitionCost(t, to: "") }
      return facts.transitionCost(t, to: provider)
    case .familyTransition(let id): return facts.families[id]?.transitionCostPerFTE
    case .familySetup(let id): return facts.families[id]?.centre.setupCost
    case .familyOverhead(let id): return facts.families[id]?.centre.annualOverhead
    case .taskConcern(let id): return scenario.tasks.first { $0.id == id }?.concern
    case .discountRate: return scenario.discountRate
    case .disruptionWeight: return scenario.objective.disruptionWeight
    case .scaleCurves: return nil
    }
  }
}
