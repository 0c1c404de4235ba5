import ZentralCore

/// The decision on one task and its reason in the report's language, built from the plan's
/// structured fields (rule, moves, flip cost) rather than from the optimiser's English sentence.
struct TaskExplanation {
  let index: PlanIndex
  let words: Vocabulary

  var format: LocaleFormat { words.format }

  /// "bleibt", "wechselt 2022 zu IT-Referat", "teilweise: 40 % 2022 zu it@M".
  func decision(_ task: Plan.TaskDecision) -> String {
    guard !task.moves.isEmpty else { return words.decisionName("stay") }
    let parts = task.moves.map { part in
      let share = part.share >= 1 - 1e-6 ? "" : format.percent(part.share, decimals: 0) + " "
      return words.pick(
        "\(share)\(part.year) zu \(index.unitName(part.provider))",
        "\(share)in \(part.year) to \(index.unitName(part.provider))")
    }
    let verb =
      task.decision == "partial"
      ? words.pick("wechselt teilweise:", "moves in part:") : words.decisionName("move")
    return verb + " " + parts.joined(separator: "; ")
  }

  /// The reason, with money where the optimiser decided on the merits.
  func reason(_ task: Plan.TaskDecision) -> String {
    let moved = !task.moves.isEmpty
    switch task.rule {
    case "dedicated":
      let reason = task.reason.map { ": " + Escape.name($0) } ?? ""
      return words.pick(
        "dediziert für \(index.unitName(task.unit))", "dedicated to \(index.unitName(task.unit))") + reason
    case "not_eligible":
      return words.pick(
        "kein Anbieter darf Aufgaben aus „\(index.familyName(task.family))“ übernehmen",
        "no provider may take over \(index.familyName(task.family)) work")
    case "must_stay":
      return words.pick("laut Vorgabe muss die Aufgabe bleiben", "the policy says it must stay")
    case "must_move":
      return words.pick("laut Vorgabe muss die Aufgabe wechseln", "the policy says it must move")
    case "deadline":
      let year = index.deadline(task.family)
      let by = year.map { words.pick(" bis \($0)", " by \($0)") } ?? ""
      return words.pick(
        "Frist: alle Aufgaben aus „\(index.familyName(task.family))“ wechseln\(by)",
        "deadline: every task of \(index.familyName(task.family)) moves\(by)")
    case "economic", "together":
      var text: String
      if let cost = task.flipCost {
        let flip =
          moved
          ? words.pick("sie zu behalten", "keeping it")
          : words.pick("sie ganz zu verlagern", "moving it in full")
        text =
          cost >= 0
          ? words.pick(
            "\(flip) kostete \(format.money(cost)) mehr (Barwert)",
            "\(flip) would cost \(format.money(cost)) more (NPV)")
          : words.pick(
            "\(flip) spart \(format.money(-cost)) (Barwert)",
            "\(flip) would save \(format.money(-cost)) (NPV)")
      } else {
        text = words.pick(
          "wirtschaftlich (Kosten des Gegenteils nicht berechnet)",
          "economic (cost of the opposite not computed)")
      }
      if task.rule == "together" {
        let group = index.togetherGroup(task.id).filter { $0 != task.id }
        if !group.isEmpty {
          text +=
            words.pick(" (gemeinsam mit ", " (together with ")
            + group.map(index.taskName).joined(separator: ", ") + ")"
        }
      }
      return text
    default:
      let flip = moved ? words.pick("Behalten", "Keeping it") : words.pick("Verlagern", "Moving it")
      return words.pick(
        "\(flip) ist nicht zulässig: \(words.ruleName(task.rule))",
        "\(flip) is not possible: \(words.ruleName(task.rule))")
    }
  }
}
