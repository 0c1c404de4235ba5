import Foundation
import Testing
import ZentralSolver

@testable import ZentralCore

@Suite("Retained covers: valid inequalities of the retained-organisation rows")
struct RetainedCoverTests {
  typealias Item = RetainedCovers.Item

  /// Every vector of moved posts (`0...P_t` per item) whose FTE fit within `limit` (with the
  /// row check's tolerance).
  static func feasiblePosts(_ items: [Item], limit: Double) -> [[Int]] {
    var result: [[Int]] = [[]]
    for item in items {
      result = result.flatMap { prefix in (0...item.posts).map { prefix + [$0] } }
    }
    return result.filter { vector in
      zip(vector, items).reduce(0) { $0 + Double($1.0) * $1.1.ftePerPost } <= limit + 1e-7 * max(1, limit)
    }
  }

  @Test("400 random rows: every cover holds for every plan, is reached, says more than the bounds")
  func coversAgainstEnumeration() {
    var random = SplitMix64(seed: 20_261_218)
    var covers = 0
    for _ in 0..<400 {
      let count = 1 + Int(random.next() % 5)
      let items = (0..<count).map { _ in
        Item(posts: 1 + Int(random.next() % 4), ftePerPost: Double(1 + random.next() % 12) * 0.25)
      }
      let total = items.reduce(0) { $0 + Double($1.posts) * $1.ftePerPost }
      let limit = (random.unit() * total * 100).rounded() / 100
      let plans = Self.feasiblePosts(items, limit: limit)
      for cover in RetainedCovers.covers(items: items, limit: limit) {
        covers += 1
        let moved = plans.map { plan in cover.items.reduce(0) { $0 + plan[$1] } }
        // Valid: no plan moves more posts of the cover's items; tight: some plan moves that many.
        #expect(moved.allSatisfy { $0 <= cover.maxPosts }, "\(items) \(limit) \(cover)")
        #expect(moved.contains(cover.maxPosts), "\(items) \(limit) \(cover)")
        // It says more than the posts' bounds: all of them together do not fit.
        let all = cover.items.reduce(0) { $0 + items[$1].posts }
        #expect(cover.maxPosts < all)
        let fte = cover.items.reduce(0.0) { $0 + Double(items[$1].posts) * items[$1].ftePerPost }
        #expect(fte > limit + 1e-9)
      }
    }
    #expect(covers > 100)
  }

  @Test("a department of 300 tasks gets at most 200 covers from at most 20,000 subsets, each valid")
  func largeRowIsBounded() {
    var random = SplitMix64(seed: 300)
    let items = (0..<300).map { _ in
      Item(posts: 1 + Int(random.next() % 3), ftePerPost: Double(1 + random.next() % 8) * 0.5)
    }
    let limit = 3.0
    let started = ContinuousClock.now
    let covers = RetainedCovers.covers(items: items, limit: limit)
    #expect(ContinuousClock.now - started < .seconds(30))
    #expect(!covers.isEmpty)
    #expect(covers.count <= RetainedCovers.maxCoversPerRow)
    for cover in covers {
      // Valid: the lightest posts first is the most that fit, and the cover says exactly that.
      #expect(cover.maxPosts == RetainedCovers.maxPosts(of: cover.items, items: items, limit: limit))
      #expect(cover.items.count <= RetainedCovers.largeRowSubsetSize)
    }
  }

  @Test("Münster's amt10: two whole tasks of 2 FTE and three posts of 2.5 FTE within 6.375 FTE")
  func muensterExample() {
    let items = [
      Item(posts: 3, ftePerPost: 2.5 / 3), Item(posts: 1, ftePerPost: 2), Item(posts: 1, ftePerPost: 2),
    ]
    let covers = RetainedCovers.covers(items: items, limit: 6.375)
    // Both whole tasks leave room for two of the three posts (2 + 2 + 2 x 0.83 <= 6.375), not three.
    #expect(covers == [RetainedCovers.Cover(items: [0, 1, 2], maxPosts: 4)])
    // A task heavier than the limit may not move at all: K = 0.
    #expect(
      RetainedCovers.covers(items: [Item(posts: 1, ftePerPost: 3)], limit: 2.975)
        == [RetainedCovers.Cover(items: [0], maxPosts: 0)])
    #expect(RetainedCovers.covers(items: items, limit: .infinity).isEmpty)
  }

  /// The seed `name` planned over `years` years: a variant file that `extends:` it, as
  /// `scripts/bench` writes them.
  static func seed(_ name: String, years: Int) throws -> Scenario {
    let seed = PlanningSeedTests.root.appendingPathComponent("scenarios/\(name)")
    let start = try PlanningSeedTests.load(name).horizon.start
    let variant = FileManager.default.temporaryDirectory
      .appendingPathComponent("retained-covers-\(UUID().uuidString).yaml")
    try "extends: \(seed.path)\nhorizon: {start: \(start), years: \(years)}\n"
      .write(to: variant, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: variant) }
    return try ScenarioLoader.load(path: variant.path).scenario
  }

  @Test(
    "on Münster over 4 and 10 years the covers raise the LP bound and keep the optimum",
    arguments: [4, 10])
  func muensterBound(years: Int) throws {
    let facts = ScenarioFacts(try Self.seed("muenster.yaml", years: years))
    let with = try CentralisationModel(facts: facts)
    let without = try CentralisationModel(facts: facts, retainedCovers: false)
    let covers = with.model.rows.filter { $0.name.hasPrefix("rcover(") }.count
    #expect(covers > 0)
    #expect(with.model.rows.count == without.model.rows.count + covers)
    #expect(with.model.columns.count == without.model.columns.count)
    let lpWith = try Solver.solve(with.model.relaxation())
    let lpWithout = try Solver.solve(without.model.relaxation())
    let a = try #require(lpWith.objective)
    let b = try #require(lpWithout.objective)
    // Minimising: the LP bound with the covers is higher (by 98,000 EUR over 10 years).
    #expect(a > b + 1000, "LP with covers \(a), without \(b)")
    let mipWith = try Solver.solve(with.model)
    let mipWithout = try Solver.solve(without.model)
    #expect(mipWith.termination == .optimal && mipWithout.termination == .optimal)
    let optimum = try #require(mipWithout.objective)
    #expect(abs((mipWith.objective ?? 0) - optimum) <= 1e-6 * abs(optimum))
    #expect(a <= optimum + 1e-6 * abs(optimum))
  }

  @Test("a relaxed retained row takes its covers with it; a decomposed model has none")
  func relaxedAndDecomposed() throws {
    let facts = ScenarioFacts(try Self.seed("muenster.yaml", years: 4))
    let relaxed = Set(facts.homeUnits.map { RuleGroup.retained(unit: $0) })
    let model = try CentralisationModel(facts: facts, relaxing: relaxed)
    #expect(!model.model.rows.contains { $0.name.hasPrefix("rcover(") || $0.name.hasPrefix("retain(") })
    let compact = try CentralisationModel(facts: facts, compactLinks: true)
    #expect(!compact.model.rows.contains { $0.name.hasPrefix("rcover(") })
    #expect(compact.model.rows.contains { $0.name.hasPrefix("retain(") })
  }
}
