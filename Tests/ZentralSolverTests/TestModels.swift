import Foundation
import ZentralSolver

/// Small models with known answers, shared by the solver tests.
enum TestModels {
  /// The Wyndor Glass LP (Hillier & Lieberman) with an objective constant of 7:
  /// max 3x + 5y + 7 s.t. x <= 4, 2y <= 12, 3x + 2y <= 18; optimum 43 at (2, 6),
  /// duals (0, 1.5, 1).
  static func wyndor() throws -> LinearModel {
    var model = try LinearModel(name: "wyndor")
    let x = try model.addVariable("x")
    let y = try model.addVariable("y")
    try model.addConstraint(LinearExpression(x) <= 4, name: "plant1")
    try model.addConstraint(2 * y <= 12, name: "plant2")
    try model.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
    try model.setObjective(3 * x + 5 * y + 7, sense: .maximize)
    return model
  }

  /// A 0/1 knapsack: maximise value within the capacity.
  struct Knapsack {
    var values: [Double]
    var weights: [Double]
    var capacity: Double

    static func random(using generator: inout SeededGenerator) -> Knapsack {
      let n = Int.random(in: 4...12, using: &generator)
      let values = (0..<n).map { _ in Double(Int.random(in: 1...60, using: &generator)) }
      let weights = (0..<n).map { _ in Double(Int.random(in: 1...40, using: &generator)) }
      let capacity = (weights.reduce(0, +) * Double.random(in: 0.2...0.7, using: &generator)).rounded()
      return Knapsack(values: values, weights: weights, capacity: capacity)
    }

    func model() throws -> (LinearModel, [Variable]) {
      var model = try LinearModel(name: "knapsack")
      let items = try values.indices.map { try model.addVariable("take_\($0)", kind: .binary) }
      var weight = LinearExpression()
      var value = LinearExpression()
      for i in items.indices {
        weight.add(weights[i], items[i])
        value.add(values[i], items[i])
      }
      try model.addConstraint(weight <= LinearExpression(constant: capacity), name: "capacity")
      try model.setObjective(value, sense: .maximize)
      return (model, items)
    }

    /// The optimum by enumerating all 2^n choices.
    func bruteForce() -> Double {
      var best = 0.0
      for mask in 0..<(1 << values.count) {
        var weight = 0.0
        var value = 0.0
        for i in values.indices where mask & (1 << i) != 0 {
          weight += weights[i]
          value += values[i]
        }
        if weight <= capacity { best = max(best, value) }
      }
      return best
    }
  }

  /// A small uncapacitated-facility flavoured MIP whose optimum depends on the seed:
  /// open facilities (fixed cost) and assign each customer to one open facility.
  static func facilityMIP(seed: UInt64) throws -> LinearModel {
    var generator = SeededGenerator(seed: seed)
    var model = try LinearModel(name: "facility_\(seed)")
    let facilities = 5
    let customers = 12
    let open = try (0..<facilities).map { try model.addVariable("open_\($0)", kind: .binary) }
    var objective = LinearExpression(constant: 100)
    for f in 0..<facilities { objective.add(Double(Int.random(in: 50...150, using: &generator)), open[f]) }
    for c in 0..<customers {
      var assigned = LinearExpression()
      for f in 0..<facilities {
        let x = try model.addVariable("assign_\(c)_\(f)", kind: .binary)
        assigned.add(1, x)
        objective.add(Double(Int.random(in: 1...60, using: &generator)), x)
        try model.addConstraint(x - LinearExpression(open[f]) <= 0, name: "link_\(c)_\(f)")
      }
      try model.addConstraint(LinearConstraint.equal(assigned, 1), name: "serve_\(c)")
    }
    try model.setObjective(objective, sense: .minimize)
    return model
  }

  /// A market-split instance (Cornuéjols and Dawande): tiny but very hard for branch and bound,
  /// with an easy incumbent (all zero, slack used). Good for time-limit and stop tests.
  static func marketSplit(rows: Int = 4, columns: Int = 34, seed: UInt64 = 7) throws -> LinearModel {
    var generator = SeededGenerator(seed: seed)
    var model = try LinearModel(name: "market_split")
    let x = try (0..<columns).map { try model.addVariable("x\($0)", kind: .binary) }
    var objective = LinearExpression()
    for i in 0..<rows {
      let a = (0..<columns).map { _ in Double(Int.random(in: 0...99, using: &generator)) }
      let d = (a.reduce(0, +) / 2).rounded(.down)
      let plus = try model.addVariable("sp\(i)")
      let minus = try model.addVariable("sm\(i)")
      var row = LinearExpression()
      for j in 0..<columns { row.add(a[j], x[j]) }
      row.add(1, plus)
      row.add(-1, minus)
      try model.addConstraint(LinearConstraint.equal(row, LinearExpression(constant: d)), name: "split\(i)")
      objective.add(1, plus)
      objective.add(1, minus)
    }
    try model.setObjective(objective, sense: .minimize)
    return model
  }

  /// Capacitated facility location from OR-Library's cap41 (split demand), published optimum
  /// 1040444.375.
  static func cap41() throws -> LinearModel {
    let url = Bundle.module.url(forResource: "cap41", withExtension: "txt", subdirectory: "Resources")!
    let tokens = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace).map {
      Double(String($0))!
    }
    var next = 0
    func take() -> Double {
      defer { next += 1 }
      return tokens[next]
    }
    let m = Int(take())
    let n = Int(take())
    var capacity: [Double] = []
    var fixed: [Double] = []
    for _ in 0..<m {
      capacity.append(take())
      fixed.append(take())
    }
    var model = try LinearModel(name: "cap41")
    let open = try (0..<m).map { try model.addVariable("y\($0)", kind: .binary) }
    var objective = LinearExpression()
    for i in 0..<m { objective.add(fixed[i], open[i]) }
    var load = Array(repeating: LinearExpression(), count: m)
    for j in 0..<n {
      let demand = take()
      var served = LinearExpression()
      for i in 0..<m {
        let cost = take()
        let x = try model.addVariable("x\(i)_\(j)", upper: 1)
        objective.add(cost, x)
        served.add(1, x)
        load[i].add(demand, x)
        try model.addConstraint(x - LinearExpression(open[i]) <= 0, name: "link\(i)_\(j)")
      }
      try model.addConstraint(LinearConstraint.equal(served, 1), name: "demand\(j)")
    }
    for i in 0..<m {
      try model.addConstraint(load[i] - capacity[i] * LinearExpression(open[i]) <= 0, name: "cap\(i)")
    }
    try model.setObjective(objective, sense: .minimize)
    return model
  }
}
