import Foundation
import Synchronization
import Testing
import ZentralPlan
import ZentralService
import ZentralSolver
import ZentralTestSupport

@Suite("serve: progress lines for the browser")
struct ProgressTextTests {
  @Test("a served run's progress lines are sentences without the terminal's Ctrl-C hint; the CLI keeps it")
  func noKeyHint() throws {
    let fixture = try ServeFixture()
    defer { fixture.remove() }
    let folder = try DataFolder(root: fixture.data)
    let id = try #require(ScenarioID("krefeld"))
    try folder.writeScenario(id, data: ServeFixture.file("scenarios/krefeld.yaml"))
    let lines = Mutex<[String]>([])
    let outcome = PlanJob(folder: folder, run: RunID.make(), scenario: id)
      .execute(stop: StopSignal()) { line in lines.withLock { $0.append(line) } }
    #expect(outcome != .cancelled)
    let seen = lines.withLock { $0 }
    #expect(seen.contains { $0.hasPrefix("Entscheidungen beziffern: ") }, "\(seen)")
    for line in seen {
      #expect(!line.contains("Strg") && !line.contains("(") && !line.hasSuffix(" "), "\(line)")
    }
    // The terminal keeps its hint; without hints the lines are the same words, cut before it.
    let terminal = ProgressWords(.de)
    let web = ProgressWords(.de, keyHints: false)
    #expect(
      terminal.explaining(done: 3, total: 12) == web.explaining(done: 3, total: 12)
        + " (Strg-C: Rest überspringen)")
    let search = terminal.search(elapsed: 1, incumbent: 2, bound: 1, gap: 0.5, nodes: 7)
    #expect(
      search == web.search(elapsed: 1, incumbent: 2, bound: 1, gap: 0.5, nodes: 7)
        + "  (Strg-C: anhalten, besten Plan behalten)")
    #expect(
      ProgressWords(.en, keyHints: false).explaining(done: 1, total: 2)
        == "explaining decisions: 1 of 2 flips re-solved")
  }
}
