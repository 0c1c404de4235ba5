import Testing
import ZentralPlan
import ZentralSolver

@testable import ZentralCore

@Suite("Scale curves at centres with existing work")
struct ScaleStrengtheningTests {
  /// A central unit that already does 25 FTE of client support, with breakpoints at 10 and 40
  /// pooled FTE: the first segment is always full, the second holds at least 15 FTE.
  static func scenario() -> Scenario {
    let family = TaskFamily(
      id: "client", name: "Client support", providers: ["it"],
      centres: ["it": ProviderCentre(existingFTE: 25, isOpen: true)],
      scale: [
        ScalePoint(pooled: 0, effective: 0), ScalePoint(pooled: 10, effective: 9),
        ScalePoint(pooled: 40, effective: 30), ScalePoint(pooled: 100, effective: 62),
      ])
    let tasks = (1...4).map {
      ITTask(
        id: "t\($0)", name: "Task \($0)", family: "client", unit: $0 % 2 == 0 ? "a" : "b", fte: Double($0) * 2
      )
    }
    return PlanningFixtures.scenario(families: [family], tasks: tasks, years: 2)
  }

  @Test("Segments below the existing work are fixed full; the partly covered one has a lower bound")
  func boundsFixed() throws {
    let built = try CentralisationModel(scenario: Self.scenario())
    let columns = built.model.columns
    func column(_ name: String) throws -> LinearModel.Column {
      try #require(columns.first { $0.name == name })
    }
    #expect(try column("d(it,client,2025,1)").lower == 10)
    #expect(try column("d(it,client,2025,1)").upper == 10)
    #expect(try column("z(it,client,2025,1)").lower == 1)
    #expect(try column("d(it,client,2025,2)").lower == 15)
    #expect(try column("z(it,client,2025,2)").lower == 0)
    #expect(try column("d(it,client,2026,3)").lower == 0)
  }

  @Test("The plan equals the cheapest of all 3^4 move patterns priced from the curve")
  func planMatchesEnumeration() throws {
    let scenario = Self.scenario()
    let plan = try PlanningFixtures.plan(scenario, explain: false)
    #expect(plan.status == .optimal)
    let curve = ScaleCurve(points: scenario.families[0].scale)
    // Enumerate which tasks move and in which of the two years; price each year directly.
    var best = Double.infinity
    let fte = scenario.tasks.map(\.fte)
    for pattern in 0..<81 {
      var code = pattern
      var wave: [Int] = []  // 0 stays, 1 moves in 2025, 2 moves in 2026
      for _ in fte {
        wave.append(code % 3)
        code /= 3
      }
      var total = 0.0
      for year in 1...2 {
        var home = 0.0
        var pooled = 25.0
        for (t, w) in fte.enumerated() {
          if wave[t] != 0 && wave[t] <= year { pooled += w } else { home += w }
        }
        total += home * 80_000 + curve.value(at: pooled) * 70_000
      }
      best = min(best, total)
    }
    let objective = try #require(plan.objective)
    #expect(abs(objective - best) <= 1e-6 * best)
  }
}
