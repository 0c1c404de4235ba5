import Foundation
public import ZentralCore

/// Rewrites a real plan from fuzz bytes: any Unicode in every name, id, kind and text, and any
/// shape of org tree (flat, deep chains, dangling and cyclic parents, duplicate ids), with tasks
/// and moves pointing anywhere. Figures stay finite, as in every plan a JSON file can hold.
public enum PlanShaper {
  /// The largest org tree shaped. Deep trees are a known slow case of issue 17 (1,000 levels
  /// take 16 s to export); the fuzzer's time goes further with small ones.
  public static let maxUnits = 48

  /// A plan built from one of `templates` (which must not be empty).
  public static func plan(from input: inout FuzzInput, templates: [Plan]) -> Plan {
    var plan = input.pick(templates)
    plan.language = input.pick(["de", "en", "fr", ""])
    plan.scenario = input.string(maxLength: 12)
    plan.status = input.pick([.optimal, .feasible, .infeasible, .timeLimit, .stopped])
    if input.chance(0.3) { plan.message = input.string(maxLength: 24) }
    if input.chance(0.2) { plan.gap = figure(&input) }

    // The org tree.
    let kinds = ["administration", "division", "department", "enterprise", "staff", "central", "shared"]
    let shape = input.byte() % 4  // 0 tree, 1 chain, 2 flat, 3 anything goes
    let count = input.int(in: 0...maxUnits)
    var ids: [String] = []
    if let prototype = plan.org.first {
      var org: [Plan.OrgNode] = []
      for i in 0..<count {
        var node = prototype
        node.id = input.chance(0.8) ? "u\(i)" : input.string(maxLength: 6)
        node.name = input.string(maxLength: 16)
        node.kind = input.chance(0.9) ? input.pick(kinds) : input.string(maxLength: 6)
        switch shape {
        case 0: node.parent = ids.isEmpty || input.chance(0.05) ? nil : input.pick(ids)
        case 1: node.parent = ids.last
        case 2: node.parent = ids.first
        default:
          node.parent =
            input.chance(0.2)
            ? nil : input.chance(0.3) ? input.string(maxLength: 4) : "u\(input.int(in: 0...count))"
        }
        ids.append(node.id)
        org.append(node)
      }
      plan.org = org
    }
    if ids.isEmpty { ids = [""] }

    // Units, tasks, centres, families and conflicts point at the new ids, or anywhere.
    func someID() -> String { input.chance(0.9) ? input.pick(ids) : input.string(maxLength: 4) }
    plan.units = plan.units.map { unit in
      var unit = unit
      unit.id = someID()
      unit.name = input.string(maxLength: 12)
      unit.kind = input.pick(kinds)
      if input.chance(0.2) { unit.fteAfter = figure(&input) }
      return unit
    }
    if let prototype = plan.tasks.first {
      plan.tasks = (0..<input.int(in: 0...10)).map { i in
        var task = plan.tasks.indices.contains(i) ? plan.tasks[i] : prototype
        task.id = input.chance(0.7) ? "t\(i)" : input.string(maxLength: 6)
        task.name = input.string(maxLength: 16)
        task.unit = someID()
        task.family = input.chance(0.8) ? task.family : input.string(maxLength: 4)
        task.decision = input.pick(["stay", "move", "partial", "dedicated", ""])
        task.explanation = input.string(maxLength: 20)
        task.reason = input.chance(0.3) ? input.string(maxLength: 10) : nil
        task.rule = input.chance(0.8) ? task.rule : input.string(maxLength: 6)
        if input.chance(0.3) { task.fte = figure(&input) }
        if input.chance(0.4) {
          task.moves = (0..<input.int(in: 0...3)).map { _ in
            var part = movePrototype
            part.provider = someID()
            part.year = 2025 + input.int(in: 0...3)
            part.share = input.pick([0, 0.5, 1, 1e-9])
            return part
          }
          task.provider = task.moves.first?.provider
        }
        return task
      }
    }
    plan.centres = plan.centres.map { centre in
      var centre = centre
      if input.chance(0.5) { centre.provider = someID() }
      if input.chance(0.3) { centre.family = input.string(maxLength: 6) }
      if input.chance(0.2) { centre.setupCost = figure(&input) }
      return centre
    }
    plan.families = plan.families?.map { family in
      var family = family
      family.name = input.string(maxLength: 12)
      return family
    }
    if plan.status == .infeasible || input.chance(0.1) {
      plan.conflicts = (0..<input.int(in: 0...3)).map { _ in
        var conflict = conflictPrototype
        conflict.rule = input.string(maxLength: 6)
        conflict.id = someID()
        conflict.text = input.string(maxLength: 20)
        return conflict
      }
    }
    return plan
  }

  // The plan's parts have no public memberwise initialisers; they are read as a plan file reads them.
  private static let movePrototype = try! JSONDecoder().decode(
    Plan.MovePart.self, from: Data(#"{"provider": "it", "year": 2025, "share": 1}"#.utf8))
  private static let conflictPrototype = try! JSONDecoder().decode(
    Plan.Conflict.self, from: Data(#"{"rule": "budget", "id": "it", "text": "budget"}"#.utf8))

  /// A finite figure, sometimes extreme.
  private static func figure(_ input: inout FuzzInput) -> Double {
    input.pick([0, 1, -1, 0.5, 1e-9, 123_456.789, 1e15, -1e15, 1e300, Double.leastNonzeroMagnitude])
  }
}
