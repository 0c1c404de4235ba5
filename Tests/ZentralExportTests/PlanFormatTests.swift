import Foundation
import Testing
import ZentralPlan

/// The plan file format zentral-plan/1: byte-identical round trips, and errors that name the key
/// path and what was expected.
@Suite("Plan format zentral-plan/1")
struct PlanFormatTests {
  static func fixtureData(_ name: String) throws -> Data {
    try Data(contentsOf: ExportFixtures.folder.appendingPathComponent("Fixtures/\(name).plan.json"))
  }

  @Test("decode → encode of every seed plan is byte-identical", arguments: ExportFixtures.seeds)
  func byteIdentical(name: String) throws {
    let data = try Self.fixtureData(name)
    let plan = try Plan.decode(from: data)
    #expect(try plan.jsonData() == data)
  }

  /// The Krefeld plan with `change` applied to its JSON object, read back.
  static func read(_ change: (inout [String: Any]) -> Void) throws -> PlanReadError? {
    var object = try #require(
      try JSONSerialization.jsonObject(with: fixtureData("krefeld")) as? [String: Any])
    change(&object)
    let data = try JSONSerialization.data(withJSONObject: object)
    do {
      _ = try Plan.decode(from: data, file: "plan.json")
      return nil
    } catch {
      return error
    }
  }

  @Test("a word that is not one of the allowed ones names its path and the words allowed")
  func badWord() throws {
    let error = try Self.read { object in
      var tasks = object["tasks"] as! [[String: Any]]
      tasks[3]["decision"] = "moved"
      object["tasks"] = tasks
    }
    #expect(error?.description == #"plan.json: tasks[3].decision: "moved" is not one of stay, move, partial"#)
    let rule = try Self.read { object in
      var tasks = object["tasks"] as! [[String: Any]]
      var reason = tasks[0]["reason"] as! [String: Any]
      reason["rule"] = "together"
      tasks[0]["reason"] = reason
      object["tasks"] = tasks
    }
    #expect(
      rule?.description
        == #"plan.json: tasks[0].reason.rule: "together" is not one of dedicated, not_eligible, must_stay, "#
        + "must_move, deadline, economic, infeasible_flip, not_computed, done")
  }

  @Test("another format, a missing key, a wrong type, a foreign file and broken JSON are named")
  func damaged() throws {
    let format = try Self.read { $0["format"] = "zentral-plan/2" }
    #expect(format?.description == #"plan.json: format: "zentral-plan/2" is not one of zentral-plan/1"#)
    let missing = try Self.read { object in
      var units = object["units"] as! [[String: Any]]
      units[1]["fte_after"] = nil
      object["units"] = units
    }
    #expect(missing?.description == #"plan.json: units[1]: the key "fte_after" is missing"#)
    let type = try Self.read { object in
      var centres = object["centres"] as! [[String: Any]]
      centres[0]["setup_cost"] = "12.000 €"
      object["centres"] = centres
    }
    #expect(type?.description == "plan.json: centres[0].setup_cost: expected a number")
    let foreign = try Self.read { object in object = ["format": "zentral/1", "name": "A scenario"] }
    #expect(
      foreign?.description.hasPrefix(#"plan.json: format: "zentral/1" is not one of zentral-plan/1"#) == true)
    let empty = try Self.read { object in object = [:] }
    #expect(
      empty?.description
        == #"plan.json: the key "format" is missing: this is not a zentral plan (format zentral-plan/1); "#
        + "write one with `zentral plan`")
    #expect(throws: PlanReadError.self) { try Plan.decode(from: Data("{\"format\": ".utf8)) }
    do {
      _ = try Plan.decode(from: Data("not json".utf8), file: "out/plan.json")
    } catch {
      #expect(error.description.hasPrefix("out/plan.json: is not JSON"))
    }
  }
}
