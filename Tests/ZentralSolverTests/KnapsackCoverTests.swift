import Testing
import ZentralSolver

@Suite("zentral's lifted knapsack cover cuts")
struct KnapsackCoverTests {
  /// A fractional point such as an LP relaxation gives: items by value per weight, the last one
  /// taken in part, with some noise.
  static func fractionalPoint(
    weights: [Double], capacity: Double, using generator: inout SeededGenerator
  )
    -> [Double]
  {
    var point = Array(repeating: 0.0, count: weights.count)
    var room = capacity
    for j in weights.indices.shuffled(using: &generator) {
      let share = min(1, max(0, room / weights[j]))
      point[j] =
        Bool.random(using: &generator) ? share : share * Double.random(in: 0.5...1, using: &generator)
      room -= point[j] * weights[j]
    }
    return point
  }

  @Test("every lifted cover holds at every 0-1 point of its knapsack (enumeration)")
  func coversAreValid() {
    var generator = SeededGenerator(seed: 18)
    var cuts = 0
    var lifted = 0
    for _ in 0..<600 {
      let n = Int.random(in: 3...11, using: &generator)
      let weights = (0..<n).map { _ in Double(Int.random(in: 1...30, using: &generator)) / 2 }
      let capacity = (weights.reduce(0, +) * Double.random(in: 0.2...0.8, using: &generator)).rounded()
      let point = Self.fractionalPoint(weights: weights, capacity: capacity, using: &generator)
      guard let cut = KnapsackCover.separate(weights: weights, capacity: capacity, point: point) else {
        continue
      }
      cuts += 1
      if cut.terms.contains(where: { $0.coefficient > 1 }) { lifted += 1 }
      // The cut is violated by the point it was separated from ...
      #expect(cut.activity(at: point) > cut.rhs)
      // ... and holds at every feasible 0-1 point.
      for mask in 0..<(1 << n) {
        let x = (0..<n).map { mask & (1 << $0) != 0 ? 1.0 : 0.0 }
        let weight = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
        guard weight <= capacity else { continue }
        #expect(
          cut.activity(at: x) <= cut.rhs + 1e-9,
          "weights \(weights), capacity \(capacity): cut \(cut.terms) <= \(cut.rhs) cuts off \(x)")
      }
    }
    // The test says something: many cuts, a few with lifted coefficients above 1 (an item must
    // weigh at least the two largest cover items together).
    #expect(cuts >= 200)
    #expect(lifted >= 1)
  }

  @Test("an item as heavy as two cover items is lifted with coefficient 2")
  func liftedCoefficient() {
    // Cover {5, 5, 5} (15 > 14): x1 + x2 + x3 <= 2; 12 >= 5 + 5 lifts x4 with 2, and 20 as well
    // (at most |C| - 1).
    let cut = KnapsackCover.separate(weights: [5, 5, 5, 12, 20], capacity: 14, point: [1, 1, 0.8, 0, 0])
    #expect(cut?.rhs == 2)
    #expect(cut?.terms.map(\.item) == [0, 1, 2, 3, 4])
    #expect(cut?.terms.map(\.coefficient) == [1, 1, 1, 2, 2])
  }

  @Test("no cut when the point satisfies every cover or the items fit together")
  func noCutWhenNoneViolated() {
    #expect(KnapsackCover.separate(weights: [1, 2, 3], capacity: 6, point: [1, 1, 1]) == nil)
    #expect(KnapsackCover.separate(weights: [4, 4, 4], capacity: 8, point: [1, 1, 0]) == nil)
    // 4 + 4 + 4 > 10, the point takes 2.5 of the three: x1 + x2 + x3 <= 2 cuts it off.
    let cut = KnapsackCover.separate(weights: [4, 4, 4], capacity: 10, point: [1, 1, 0.5])
    #expect(cut?.rhs == 2)
    #expect(cut?.terms.count == 3)
  }

  /// A random generalised assignment problem: every job to one agent, agents' capacities.
  static func assignment(
    agents: Int, jobs: Int, using generator: inout SeededGenerator
  ) throws
    -> (LinearModel, brute: Double?)
  {
    var model = try LinearModel(name: "gap")
    let cost = (0..<agents).map { _ in
      (0..<jobs).map { _ in Double(Int.random(in: 5...25, using: &generator)) }
    }
    let size = (0..<agents).map { _ in
      (0..<jobs).map { _ in Double(Int.random(in: 3...15, using: &generator)) }
    }
    let capacity = (0..<agents).map { i in (size[i].reduce(0, +) / Double(agents) * 1.3).rounded() }
    var x: [[Variable]] = []
    for i in 0..<agents {
      x.append(try (0..<jobs).map { j in try model.addVariable("x\(i)_\(j)", kind: .binary) })
    }
    for j in 0..<jobs {
      try model.addConstraint(
        .equal(.sum((0..<agents).map { LinearExpression(x[$0][j]) }), 1), name: "job\(j)")
    }
    var objective = LinearExpression()
    for i in 0..<agents {
      var load = LinearExpression()
      for j in 0..<jobs {
        load.add(size[i][j], x[i][j])
        objective.add(cost[i][j], x[i][j])
      }
      try model.addConstraint(load <= LinearExpression(constant: capacity[i]), name: "cap\(i)")
    }
    try model.setObjective(objective, sense: .minimize)
    // Enumerate every assignment.
    var best: Double?
    var choice = Array(repeating: 0, count: jobs)
    func visit(_ j: Int, _ load: [Double], _ total: Double) {
      if j == jobs {
        best = min(best ?? .infinity, total)
        return
      }
      for i in 0..<agents where load[i] + size[i][j] <= capacity[i] {
        var next = load
        next[i] += size[i][j]
        choice[j] = i
        visit(j + 1, next, total + cost[i][j])
      }
    }
    visit(0, Array(repeating: 0, count: agents), 0)
    return (model, best)
  }

  @Test("assignment problems solved with the cuts agree with enumeration, with and without a time limit")
  func assignmentsAgreeWithEnumeration() throws {
    let solved = try Self.expectAssignmentsAgree(seed: 1_818, cutSets: [[.mir, .clique, .knapsack]])
    #expect(solved >= 40)
  }

  /// Solves 40 random assignment problems (3 agents, 8 jobs, from `seed`) with each of `cutSets`,
  /// with and without a time limit (with one GLPK searches the model as given, without its MIP
  /// presolver), checks each result against enumeration and returns how many solves had an optimum.
  static func expectAssignmentsAgree(seed: UInt64, cutSets: [Set<CutFamily>]) throws -> Int {
    var generator = SeededGenerator(seed: seed)
    var solved = 0
    for _ in 0..<40 {
      let (model, brute) = try Self.assignment(agents: 3, jobs: 8, using: &generator)
      for limit in [nil, 60.0] {
        for cuts in cutSets {
          let result = try Solver.solve(model, options: SolveOptions(timeLimit: limit, cuts: cuts))
          if let brute {
            #expect(result.termination == .optimal)
            #expect(
              abs((result.objective ?? .nan) - brute) < 1e-6,
              "\(cuts.map(\.rawValue).sorted()): \(result.objective ?? .nan) vs \(brute)")
            solved += 1
          } else {
            #expect(result.termination == .infeasible)
          }
        }
      }
    }
    return solved
  }

  @Test("branching on chosen columns first keeps the optimum")
  func branchFirstKeepsTheOptimum() throws {
    for seed in UInt64(1)...8 {
      let model = try TestModels.facilityMIP(seed: seed)
      let plain = try Solver.solve(model)
      var options = SolveOptions(timeLimit: 60)
      options.branchFirst = Array(0..<5)
      let first = try Solver.solve(model, options: options)
      #expect(first.termination == .optimal)
      #expect(abs((first.objective ?? .nan) - (plain.objective ?? .nan)) < 1e-6)
    }
  }
}
