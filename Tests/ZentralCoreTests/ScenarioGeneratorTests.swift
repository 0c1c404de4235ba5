import Testing
import ZentralCore
import ZentralPlan

/// `zentral generate`: repeatable from the seed, and what it writes loads and plans.
@Suite("Scenario generator")
struct ScenarioGeneratorTests {
  static let smallRegion = ScenarioGenerator(
    shape: .region(municipalities: 6, providers: 2), families: 4, waves: 2, seed: 7)
  static let smallCity = ScenarioGenerator(
    shape: .city(units: 12, centralUnits: 1), families: 5, waves: 2, seed: 7)

  @Test("SplitMix64 gives the reference sequence for seed 0")
  func splitMixReference() {
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("The same seed gives the same bytes; another seed gives another scenario")
  func determinism() {
    let first = ScenarioGenerator.stateScale(seed: 42).generateYAML()
    let second = ScenarioGenerator.stateScale(seed: 42).generateYAML()
    #expect(first == second)
    #expect(first != ScenarioGenerator.stateScale(seed: 43).generateYAML())
    #expect(Self.smallCity.generateYAML() == Self.smallCity.generateYAML())
  }

  @Test("The state-scale case has 400 municipalities, 6 providers, 30 families and 12,000 tasks")
  func stateScaleShape() {
    let scenario = ScenarioGenerator.stateScale().generate()
    #expect(scenario.tasks.count == 12_000)
    #expect(scenario.families.count == 30)
    #expect(scenario.units.filter { $0.kind == .shared }.count == 6)
    #expect(scenario.units.filter { $0.parent == "region" && $0.kind == .administration }.count == 400)
    #expect(scenario.horizon.years == 5)
    for unit in scenario.units where unit.kind == .department {
      let cost = unit.costPerFTE ?? 0
      #expect(cost >= 55_000 * 1.15 * 0.97 && cost <= 85_000 * 1.2 * 1.03)
    }
    for family in scenario.families {
      #expect(family.scale.first == ScalePoint(pooled: 0, effective: 0))
      let slopes = zip(family.scale, family.scale.dropFirst()).map {
        ($1.effective - $0.effective) / ($1.pooled - $0.pooled)
      }
      #expect(zip(slopes, slopes.dropFirst()).allSatisfy { $1 < $0 }, "\(family.id) is not concave")
    }
  }

  @Test("A small generated region and a small city load without errors and round-trip")
  func loads() throws {
    for generator in [Self.smallRegion, Self.smallCity, ScenarioGenerator.bigCity()] {
      let loaded = try ScenarioLoader.load(text: generator.generateYAML(), fileName: "generated.yaml")
      #expect(loaded.scenario == generator.generate())
    }
  }

  @Test("A small generated region and a small city plan to optimality")
  func plans() throws {
    for generator in [Self.smallRegion, Self.smallCity] {
      let loaded = try ScenarioLoader.load(text: generator.generateYAML(), fileName: "generated.yaml")
      let plan = try Planner(scenario: loaded.scenario).plan(
        options: PlanningOptions(explain: false, diagnose: false))
      #expect(plan.status == .optimal)
      let objective = try #require(plan.objective)
      #expect(objective <= plan.baseline + 1e-6 * plan.baseline)
    }
  }

  @Test("Settings out of range are named")
  func problems() {
    let bad = ScenarioGenerator(
      shape: .region(municipalities: 0, providers: 2), families: 0, waves: 31, seed: 1)
    #expect(bad.problems.count == 3)
    #expect(Self.smallRegion.problems.isEmpty)
  }
}
