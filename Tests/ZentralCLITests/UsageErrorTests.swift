import Testing
import ZentralTestSupport

@Suite("Usage errors of the command line")
struct UsageErrorTests {
  @Test(
    "Unknown options, missing arguments and bad values exit with status 1 and say what is wrong",
    arguments: [
      (["plan"], "zentral: Missing expected argument '<scenario-file>'"),
      (["validate", "--verbose"], "Unknown option '--verbose'"),
      (["plan", "x.yaml", "--time-limit", "soon"], "--time-limit"),
      (["frobnicate"], "Unexpected argument 'frobnicate'"),
    ])
  func usageErrors(arguments: [String], expected: String) throws {
    let run = try ZentralBinary.run(arguments)
    #expect(run.status == 1)
    #expect(run.stderr.contains(expected), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  @Test("--help and --version exit with status 0")
  func helpAndVersion() throws {
    let help = try ZentralBinary.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: zentral"))
    let version = try ZentralBinary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.contains("0.1.0"))
  }
}
