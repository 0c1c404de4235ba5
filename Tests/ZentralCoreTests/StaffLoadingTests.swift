import Foundation
import Testing
import ZentralPlan

@testable import ZentralCore

/// Reading the staff keys: `tasks[].posts`, `units[].transfer`, `policy.min_move_fte` and
/// `policy.no_layoffs`, with their defaults and the messages for wrong values.
@Suite("Staff keys in scenario files")
struct StaffLoadingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  @Test("the staff example reads with every value; defaults apply where a key is left out")
  func example() throws {
    let scenario = try ScenarioLoader.load(
      path: Self.root.appendingPathComponent("schema/valid/staff.yaml").path
    )
    .scenario
    #expect(scenario.tasks[0].posts == 5)
    #expect(scenario.tasks[0].postCount == 5)
    #expect(scenario.units[1].transfer == StaffTransfer(form: .versetzung, oneTimeCostPerFTE: 1_500))
    #expect(scenario.units[2].transfer == StaffTransfer(form: .betriebsuebergang, annualCostPerFTE: 2_400))
    #expect(scenario.policy.minMoveFTE == 1)
    #expect(scenario.policy.noLayoffs == NoLayoffs(attritionRate: 0.04))
    let minimal = try ScenarioLoader.load(
      path: Self.root.appendingPathComponent("schema/valid/minimal.yaml").path
    )
    .scenario
    #expect(minimal.policy.minMoveFTE == 0.5)
    #expect(minimal.policy.noLayoffs == nil)
    #expect(ITTask(id: "t", name: "T", family: "f", unit: "u", fte: 2.5).postCount == 3)
    #expect(ITTask(id: "t", name: "T", family: "f", unit: "u", fte: 3).postCount == 3)
    #expect(ITTask(id: "t", name: "T", family: "f", unit: "u", fte: 0).postCount == 1)
  }

  @Test("wrong staff values are refused with the key path and the value")
  func wrongValues() {
    let text = """
      format: zentral/1
      name: Falsch
      horizon: {start: 2030, years: 1}
      units:
        - {id: stadt, name: Stadt, kind: administration}
        - {id: a, name: A, kind: department, parent: stadt, cost_per_fte: 70000, transfer: {form: versetzung}}
        - {id: it, name: IT, kind: central, parent: stadt, cost_per_fte: 70000, transfer: {form: umsetzung}}
      families: [{id: f, name: F, providers: [it]}]
      tasks: [{id: t1, name: Aufgabe, family: f, unit: a, fte: 1, divisible: true, posts: 0}]
      policy: {no_layoffs: {}, min_move_fte: -1}
      """
    do {
      _ = try ScenarioLoader.load(text: text, fileName: "falsch.yaml")
      Issue.record("the scenario was accepted")
    } catch {
      let messages = error.diagnostics.map { "\($0.path): \($0.message)" }
      #expect(messages.contains { $0.hasPrefix("units[1].transfer: unit 'a' is of kind department") })
      #expect(
        messages.contains { $0.hasPrefix("units[2].transfer.form: 'umsetzung' is not a transfer form") })
      #expect(messages.contains { $0.hasPrefix("tasks[0].posts: 0 is less than 1") })
      #expect(messages.contains { $0.hasPrefix("policy.no_layoffs") && $0.contains("attrition") })
      #expect(messages.contains { $0.hasPrefix("policy.min_move_fte: -1") })
    }
  }
}
