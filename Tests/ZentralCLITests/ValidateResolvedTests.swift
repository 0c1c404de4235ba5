import Foundation
import Testing
import ZentralTestSupport

/// `zentral validate --resolved`: the merged scenario of a variant as YAML, which validates on its
/// own and plans to the same plan as the variant.
@Suite("zentral validate --resolved (end to end)")
struct ValidateResolvedTests {
  @Test("the resolved Krefeld variant is a full scenario that validates and has the variant's values")
  func resolved() throws {
    let directory = try ZentralBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let variant = CompareCommandTests.scenarios.appendingPathComponent(
      "variants/krefeld-hoehere-umstellungskosten.yaml")
    let run = try ZentralBinary.run(["validate", "--resolved", variant.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("extends"))
    #expect(run.stdout.contains("format: zentral/1"))
    #expect(run.stdout.contains("transition_cost_per_fte: 15600"))
    #expect(run.stdout.contains("transition_cost: 52000"))
    let file = directory.appendingPathComponent("resolved.yaml")
    try run.stdout.write(to: file, atomically: true, encoding: .utf8)
    let check = try ZentralBinary.run(["validate", file.path])
    #expect(check.status == 0, "\(check.stderr)")
    // The resolved file compares equal to the variant: no decision differs.
    let compare = try ZentralBinary.run(["compare", variant.path, file.path, "--lang", "en"])
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.contains("Decisions that differ (0)"))

    let two = try ZentralBinary.run(["validate", "--resolved", variant.path, file.path])
    #expect(two.status == 1)
    #expect(two.stderr == "zentral: --resolved prints one scenario; give one file, not 2\n")
  }
}
