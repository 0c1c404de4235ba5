import Testing
import ZentralCore

/// Property: every scenario `zentral generate` writes passes `zentral validate`, for every seed and
/// every setting the generator accepts.
@Suite("Generated scenarios validate")
struct GeneratedScenarioPropertyTests {
  /// Generator settings drawn from `seed`: small shapes (so that many seeds run in a few seconds),
  /// the extremes of the horizon and both shapes.
  static func settings(_ seed: UInt64) -> ScenarioGenerator {
    var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17)
    let central = rng.integer(1, 3)
    let shape: ScenarioGenerator.Shape =
      rng.chance(0.5)
      ? .region(municipalities: rng.integer(1, 8), providers: rng.integer(1, 4))
      : .city(units: rng.integer(central + 3, 24), centralUnits: central)
    let waves = rng.integer(1, 30)
    let start = rng.chance(0.2) ? [1990, 2100 - waves + 1, 2100][rng.integer(0, 2)] : rng.integer(1990, 2100)
    return ScenarioGenerator(
      shape: shape, families: rng.integer(1, 12), waves: waves, seed: seed, startYear: start)
  }

  /// The problems `validate` finds in what `generator` writes (empty when it is valid).
  static func problems(_ generator: ScenarioGenerator) -> [String] {
    do {
      _ = try ScenarioLoader.load(text: generator.generateYAML(), fileName: "generated.yaml")
      return []
    } catch {
      return error.diagnostics.filter(\.isError).map(\.description)
    }
  }

  @Test("600 seeds of small regions and cities with random settings all validate")
  func smallShapes() {
    var failures: [String] = []
    for seed in UInt64(0)..<600 {
      let generator = Self.settings(seed)
      guard generator.problems.isEmpty else {
        failures.append("seed \(seed): settings refused: \(generator.problems)")
        continue
      }
      if let problem = Self.problems(generator).first {
        failures.append("seed \(seed) (\(generator.shape), \(generator.families) families): \(problem)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
  }

  @Test(
    "The settings of the reported failures validate: big city seed 244, a region with a dedicated pilot task")
  func reported() {
    for generator in [
      ScenarioGenerator.bigCity(seed: 244),
      ScenarioGenerator(shape: .region(municipalities: 6, providers: 1), families: 2, waves: 2, seed: 127),
    ] {
      #expect(Self.problems(generator).isEmpty, "\(generator.shape) seed \(generator.seed)")
    }
  }

  @Test("A start outside 1990 to 2100 is refused up front, as validate would refuse the file")
  func startYears() {
    for (start, refused) in [(1989, true), (1990, false), (2100, false), (2101, true)] {
      let generator = ScenarioGenerator(
        shape: .region(municipalities: 2, providers: 1), families: 2, waves: 30, seed: 1, startYear: start)
      #expect(generator.problems.isEmpty == !refused, "start \(start)")
      if !refused { #expect(Self.problems(generator).isEmpty, "start \(start)") }
    }
  }

  @Test("A scenario over 10 MiB (3,000 municipalities) is refused with its size instead of written")
  func tooLarge() throws {
    let generator = ScenarioGenerator(
      shape: .region(municipalities: 3_000, providers: 6), families: 30, waves: 5, seed: 1)
    #expect(generator.problems.isEmpty)
    do {
      _ = try generator.generateFile()
      Issue.record("a file over 10 MiB must be refused")
    } catch {
      #expect(
        error.message
          == "the scenario would have 90,000 tasks in 12,260,618 bytes, more than the 10,485,760 bytes (10 MiB) "
          + "a scenario file may have; use fewer municipalities or families")
    }
    let small = ScenarioGenerator(
      shape: .region(municipalities: 3, providers: 1), families: 2, waves: 2, seed: 1)
    #expect(try small.generateFile() == small.generateYAML())
  }
}
