import Testing
import ZentralSolver

@Suite("zentral's exact knapsack cuts (Fenchel-type separation, exact lifting)")
struct KnapsackFenchelTests {
  @Test("every exact knapsack cut holds at every 0-1 point of its knapsack (enumeration)")
  func cutsAreValid() {
    var generator = SeededGenerator(seed: 1_818)
    var cuts = 0
    var fractionalCoefficients = 0
    for _ in 0..<600 {
      let n = Int.random(in: 3...12, using: &generator)
      let weights = (0..<n).map { _ in Double(Int.random(in: 1...25, using: &generator)) }
      let capacity = (weights.reduce(0, +) * Double.random(in: 0.2...0.8, using: &generator)).rounded()
      let point = KnapsackCoverTests.fractionalPoint(weights: weights, capacity: capacity, using: &generator)
      guard let cut = KnapsackFenchel.separate(weights: weights, capacity: capacity, point: point) else {
        continue
      }
      cuts += 1
      let scaled = cut.terms.map { $0.coefficient / cut.terms[0].coefficient }
      if scaled.contains(where: { abs($0 - $0.rounded()) > 1e-6 }) { fractionalCoefficients += 1 }
      // The cut is violated by the point it was separated from ...
      #expect(cut.activity(at: point) > cut.rhs + 1e-3)
      // ... and holds at every feasible 0-1 point.
      for mask in 0..<(1 << n) {
        let x = (0..<n).map { mask & (1 << $0) != 0 ? 1.0 : 0.0 }
        let weight = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
        guard weight <= capacity else { continue }
        #expect(
          cut.activity(at: x) <= cut.rhs + 1e-9,
          "weights \(weights), capacity \(capacity), point \(point): cut \(cut.terms) <= \(cut.rhs) cuts off \(x)"
        )
      }
    }
    // The test says something: many cuts, and not only (lifted) covers with integral coefficients.
    #expect(cuts >= 200)
    #expect(fractionalCoefficients >= 1)
  }

  @Test("each cut is at least as violated as the lifted cover of the same point, after scaling")
  func atLeastAsStrongAsTheCoverOnItsFace() {
    // Both cuts are valid; the exact one is the most violated of the face's polytope, so on
    // points whose support is the face, its relative violation is at least the cover's.
    var generator = SeededGenerator(seed: 18)
    var compared = 0
    for _ in 0..<300 {
      let n = Int.random(in: 3...9, using: &generator)
      let weights = (0..<n).map { _ in Double(Int.random(in: 1...20, using: &generator)) }
      let capacity = (weights.reduce(0, +) * Double.random(in: 0.3...0.7, using: &generator)).rounded()
      // Every item fractional: the face is the whole knapsack, no lifting.
      let point = (0..<n).map { _ in Double.random(in: 0.05...0.95, using: &generator) }
      guard let cover = KnapsackCover.separate(weights: weights, capacity: capacity, point: point) else {
        continue
      }
      let exact = KnapsackFenchel.separate(
        weights: weights, capacity: capacity, point: point, minimumViolation: 0)
      #expect(exact != nil, "weights \(weights), capacity \(capacity), point \(point): no exact cut")
      guard let exact else { continue }
      compared += 1
      let exactViolation = exact.activity(at: point) / exact.rhs
      let coverViolation = cover.activity(at: point) / cover.rhs
      #expect(exactViolation >= coverViolation - 1e-6)
    }
    #expect(compared >= 50)
  }

  @Test("the cover example: items at 1 leave no room, x3 <= 0 on the face, lifted to the cover")
  func liftedFromAFace() {
    // 5 + 5 at 1 leave 4 of 14; the third item (5) cannot be 1 on that face. Lifted exactly:
    // x1 + x2 + x3 + 2 x4 + 2 x5 <= 2 (x5 weighs more than the capacity).
    let cut = KnapsackFenchel.separate(weights: [5, 5, 5, 12, 20], capacity: 14, point: [1, 1, 0.8, 0, 0])
    #expect(cut?.rhs == 2)
    #expect(cut?.terms.map(\.item) == [0, 1, 2, 3, 4])
    #expect(cut?.terms.map(\.coefficient) == [1, 1, 1, 2, 2])
  }

  @Test("no cut for fractional weights, a support above the limit or a point in the polytope")
  func noCut() {
    #expect(KnapsackFenchel.separate(weights: [4.5, 4, 4], capacity: 10, point: [1, 1, 0.5]) == nil)
    let many = Array(repeating: 1.0, count: KnapsackFenchel.maximumSupport + 1)
    #expect(KnapsackFenchel.separate(weights: many, capacity: 6.5, point: many.map { _ in 0.5 }) == nil)
    // 2.5 of three items of weight 4 with capacity 10 would be cut off; 2 are not.
    #expect(KnapsackFenchel.separate(weights: [4, 4, 4], capacity: 10, point: [1, 0.5, 0.5]) == nil)
    #expect(KnapsackFenchel.separate(weights: [4, 4, 4], capacity: 10, point: [1, 1, 0.5]) != nil)
  }

  @Test("assignment problems solved with the exact cuts agree with enumeration")
  func assignmentsAgreeWithEnumeration() throws {
    let solved = try KnapsackCoverTests.expectAssignmentsAgree(
      seed: 181_818, cutSets: [[.mir, .clique, .fenchel], [.fenchel, .knapsack]])
    #expect(solved >= 80)
  }
}
