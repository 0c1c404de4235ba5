import Foundation
import Testing
import ZentralTestSupport

/// The command line's options: values read as argument-parser values, the expert solver options
/// out of the default help, cross-option rules, and `--gap` as a fraction or a percentage.
@Suite("Options of the command line (end to end)")
struct OptionTests {
  @Test(
    "--help lists the everyday options with value names; the expert solver options only under --help-hidden")
  func hiddenSolverOptions() throws {
    let help = try ZentralBinary.run(["plan", "--help"])
    #expect(help.status == 0)
    for line in ["--time-limit <seconds>", "--gap <fraction>", "--export-model <file>", "--out <folder>"] {
      #expect(help.stdout.contains(line), "\(line)")
    }
    for expert in [
      "--cuts", "--branching", "--backtracking", "--heuristics", "--decomposition", "--centres-first",
    ] {
      #expect(!help.stdout.contains(expert), "\(expert)")
    }
    #expect(help.stdout.contains("zentral plan --help-hidden"))
    let hidden = try ZentralBinary.run(["plan", "--help-hidden"])
    #expect(hidden.status == 0)
    #expect(hidden.stdout.contains("SOLVER OPTIONS (EXPERT):"))
    for expert in [
      "--cuts <list>", "--branching <rule>", "--backtracking <rule>", "--heuristics <list>",
      "--centres-first",
    ] {
      #expect(hidden.stdout.contains(expert), "\(expert)")
    }
    let export = try ZentralBinary.run(["export", "--help"])
    #expect(export.stdout.contains("--format <format>"))
    let words = export.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(
      words.contains(
        "--format <format> The format to write. (values: dot, svg, mermaid, csv, json, html, md, pdf, drawio, xlsx)"
      ))
    #expect(
      words.contains("--lang <language> Language of labels (default: the plan's language). (values: de, en)"))
    #expect(export.stdout.contains("--out <file>"))
  }

  @Test(
    "a wrong value names the option and the allowed values, with exit status 1",
    arguments: [
      (
        ["export", "p.json", "--format", "docx"],
        "zentral: The value 'docx' is invalid for '--format <format>'. Please provide one of"
      ),
      (
        ["export", "p.json", "--format", "md", "--view", "tomorrow"],
        "zentral: The value 'tomorrow' is invalid for '--view <view>'"
      ),
      (
        ["export", "p.json", "--format", "md", "--lang", "fr"],
        "zentral: The value 'fr' is invalid for '--lang <language>'"
      ),
      (
        ["plan", "x.yaml", "--cuts", "gomory,foo"],
        "zentral: The value 'gomory,foo' is invalid for '--cuts': 'foo' is not one of 'gomory', 'mir', 'cover', "
          + "'clique', 'knapsack', 'fenchel', 'none'"
      ),
      (
        ["plan", "x.yaml", "--branching", "pseudo"],
        "zentral: The value 'pseudo' is invalid for '--branching': 'pseudo' is not one of 'first-fractional', "
          + "'last-fractional', 'most-fractional', 'driebeck-tomlin', 'pseudo-cost'"
      ),
      (
        ["plan", "x.yaml", "--heuristics", "rounding,none"],
        "zentral: --heuristics: 'none' cannot be combined with heuristics"
      ),
      (
        ["plan", "x.yaml", "--flip-speedups", "reuse,none"],
        "zentral: --flip-speedups: 'none' cannot be combined with measures"
      ),
      (
        ["plan", "x.yaml", "--flip-speedups", "reuse,fast"],
        "zentral: The value 'reuse,fast' is invalid for '--flip-speedups': 'fast' is not one of 'reuse', "
          + "'first-plan', 'precision-stop', 'parallel', 'none'"
      ),
      (["plan", "x.yaml", "--gap=-1%"], "zentral: --gap must be 0 or more, not -0.01"),
      (["plan", "x.yaml", "--gap", "one"], "zentral: The value 'one' is invalid for '--gap <fraction>'"),
      (["generate", "--units", "9", "--out", "-"], "zentral: --units and --central-units shape a big city"),
      (
        ["generate", "--big-city", "--providers", "2", "--out", "-"],
        "zentral: --municipalities and --providers shape a region"
      ),
      (["validate"], "zentral: give at least one scenario file"),
    ])
  func wrongValue(arguments: [String], expected: String) throws {
    let run = try ZentralBinary.run(arguments)
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test("--gap 1% plans exactly as --gap 0.01; the expert options are applied")
  func gapAsPercentage() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = PlanCommandTests.root.appendingPathComponent("scenarios/iserlohn.yaml").path
    var plans: [Data] = []
    for (name, gap) in [("fraction", "0.01"), ("percent", "1%"), ("spaced", "1 %")] {
      let run = try ZentralBinary.run(
        [
          "plan", scenario, "--out", name, "--gap", gap, "--no-explain", "--no-exports", "--quiet",
          "--branching", "pseudo-cost", "--cuts", "mir,clique", "--decomposition", "never",
        ], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
      plans.append(try Data(contentsOf: directory.appendingPathComponent("\(name)/plan.json")))
    }
    #expect(plans[0] == plans[1])
    #expect(plans[0] == plans[2])
  }
}
