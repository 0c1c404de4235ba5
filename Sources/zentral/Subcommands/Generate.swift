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

    @Option(
      help: ArgumentHelp("Number of municipalities of a region (default: 400).", valueName: "count"))
    var municipalities: Int?

    @Option(help: ArgumentHelp("Number of shared providers of a region (default: 6).", valueName: "count"))
    var providers: Int?

    @Flag(help: "Generate one big city instead of a region.")
    var bigCity = false

    @Option(
      help: ArgumentHelp(
        "Number of units of the big city, including its root and central units (default: 60).",
        valueName: "count"))
    var units: Int?

    @Option(
      help: ArgumentHelp("Number of central IT units of the big city (default: 2).", valueName: "count"))
    var centralUnits: Int?

    @Option(
      help: ArgumentHelp(
        "Number of task families (default: 30 for a region, 40 for a big city).", valueName: "count"))
    var families: Int?

    @Option(help: ArgumentHelp("Number of waves (years of the horizon).", valueName: "count"))
    var waves = 5

    @Option(help: ArgumentHelp("First year of the horizon, 1990 to 2100.", valueName: "year"))
    var start = 2026

    @Option(help: ArgumentHelp("Seed of the random generator.", valueName: "number"))
    var seed: UInt64 = 1

    @Option(
      help: ArgumentHelp(
        "Where to write the scenario (YAML); '-' writes to standard output.", valueName: "file"),
      completion: .file(extensions: ["yaml", "yml"]))
    var out: String

    func validate() throws {
      if bigCity {
        if municipalities != nil || providers != nil {
          throw ValidationError(
            "--municipalities and --providers shape a region; a --big-city has --units and --central-units")
        }
      } else if units != nil || centralUnits != nil {
        throw ValidationError(
          "--units and --central-units shape a big city; add --big-city, or leave them out")
      }
      if out.isEmpty {
        throw ValidationError("--out is empty; name the file to write, or '-' for standard output")
      }
    }

    func run() throws {
      let shape: ScenarioGenerator.Shape =
        bigCity
        ? .city(units: units ?? 60, centralUnits: centralUnits ?? 2)
        : .region(municipalities: municipalities ?? 400, providers: providers ?? 6)
      let generator = ScenarioGenerator(
        shape: shape, families: families ?? (bigCity ? 40 : 30), waves: waves, seed: seed, startYear: start)
      if let problem = generator.problems.first { throw CommandFailure(problem) }
      if out != "-" { try OutputPath.checkFolder(of: out, option: "--out") }
      let text: String
      do {
        text = try generator.generateFile()
      } catch {
        throw CommandFailure(error.message)
      }
      if out == "-" {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
      }
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
      }
    }
  }
}
