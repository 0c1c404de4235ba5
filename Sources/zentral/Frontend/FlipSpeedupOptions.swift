import ArgumentParser
import ZentralCore

/// `zentral plan --flip-speedups`: which measures make the flip re-solves cheap (all by default).
/// Hidden like the solver options: it exists so that `scripts/bench` can measure each measure's
/// effect on the explain time; the flip costs do not depend on it.
struct FlipSpeedupOptions: ParsableArguments {
  /// One measure, or `none`.
  enum Speedup: String, CaseIterable, ExpressibleByArgument {
    case reuse, firstPlan = "first-plan", precisionStop = "precision-stop", parallel, none
  }

  @Option(
    name: .customLong("flip-speedups"),
    help: ArgumentHelp(
      "Measures that make the flip re-solves cheap, comma-separated from reuse, first-plan, "
        + "precision-stop, parallel, or 'none' (default: all; for benchmarks).", valueName: "list"),
    transform: ChoiceArgument<Speedup>.list)
  var speedups: [Speedup]?

  func validate() throws {
    if let speedups, speedups.contains(.none), speedups.count > 1 {
      throw ValidationError("--flip-speedups: 'none' cannot be combined with measures; give one or the other")
    }
  }

  /// The chosen measures, or `nil` for the default.
  var chosen: FlipSpeedups? {
    speedups.map { list in
      FlipSpeedups.names.reduce(into: FlipSpeedups()) { set, entry in
        if list.contains(where: { $0.rawValue == entry.name }) { set.insert(entry.value) }
      }
    }
  }
}
