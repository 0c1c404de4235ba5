import ArgumentParser
import Foundation
import ZentralCore

extension Zentral {
  /// `zentral generate`: writes a synthetic scenario for scale tests and benchmarks.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Writes a synthetic scenario (repeatable from a seed) for scale tests and benchmarks.",
      discussion: """
        Region (default): N municipalities, each a small administration with departments and IT tasks \
        of every family, and M shared providers. The state-scale case is --municipalities 400 \
        --providers 6 --families 30 --waves 5 (12,000 tasks).
        --big-city: one city of --units units with --central-units central IT units \
        (defaults 60 units, 2 central units, 40 families, 5 waves).
        The same options and seed always give the same file, byte for byte, and every file \
        written passes 'zentral validate'; settings whose file would exceed 10 MiB are refused.
        """)

    @Option(help: "Number of municipalities (region).")
    var municipalities = 400

    @Option(help: "Number of shared providers (region).")
    var providers = 6

    @Flag(help: "Generate one big city instead of a region.")
    var bigCity = false

    @Option(help: "Number of units of the big city, including its root and central units.")
    var units = 60

    @Option(help: "Number of central IT units of the big city.")
    var centralUnits = 2

    @Option(help: "Number of task families (default: 30 for a region, 40 for a big city).")
    var families: Int?

    @Option(help: "Number of waves (years of the horizon).")
    var waves = 5

    @Option(help: "First year of the horizon, 1990 to 2100.")
    var start = 2026

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the scenario (YAML); '-' writes to standard output.")
    var out: String

    func run() throws {
      let shape: ScenarioGenerator.Shape =
        bigCity
        ? .city(units: units, centralUnits: centralUnits)
        : .region(municipalities: municipalities, providers: providers)
      let generator = ScenarioGenerator(
        shape: shape, families: families ?? (bigCity ? 40 : 30), waves: waves, seed: seed, startYear: start)
      if let problem = generator.problems.first { fail(problem) }
      let text: String
      do {
        text = try generator.generateFile()
      } catch {
        fail(error.message)
      }
      if out == "-" {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
      }
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        fail("cannot write \(out): \(error.localizedDescription)")
      }
    }

    /// Prints `message` as one `zentral: ` line on standard error and exits with status 1.
    private func fail(_ message: String) -> Never {
      FileHandle.standardError.write(Data("zentral: \(message)\n".utf8))
      Foundation.exit(1)
    }
  }
}
