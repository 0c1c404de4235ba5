import ZentralSolver

/// The planner's sentences about the reliability of a verdict, in the scenario's language
/// (`warnings` of a plan, which a council reads in the report).
struct PlannerWords {
  let language: ReportLanguage

  private func pick(_ german: String, _ english: String) -> String { language == .de ? german : english }

  /// GLPK's plan broke a row of the model when checked in Swift.
  var brokenPlan: String {
    pick(
      "GLPK lieferte einen Plan, der bei exakter Prüfung eine Regel des Modells verletzt; er wurde verworfen.",
      "GLPK returned a plan that breaks a rule of the model when checked in exact terms; it was discarded.")
  }

  /// GLPK said there is no plan (or failed) although a checked plan exists.
  func wrongVerdict(_ termination: Termination) -> String {
    let said =
      switch termination {
      case .infeasible, .infeasibleOrUnbounded:
        pick("„keine zulässige Lösung“", "\"no feasible plan\"")
      default: pick("einen numerischen Fehler", "a numerical failure")
      }
    return pick(
      "GLPK meldete zunächst \(said), es gibt aber einen Plan, der jede Regel erfüllt (exakt geprüft); "
        + "der Plan stammt aus einer zweiten, vorsichtigeren Lösung oder ist dieser geprüfte Plan. Ohne "
        + "angegebene Lücke ist seine Güte nicht bewiesen (noch keine Schranke).",
      "GLPK first reported \(said), but a plan that satisfies every rule exists (checked in exact terms); "
        + "the plan comes from a second, safer solve or is that checked plan. Without a stated gap its quality "
        + "is not proven (no bound yet).")
  }

  /// The objective is so large that GLPK's precision hides savings of a typical decision.
  func hiddenSavings(noise: Double, objective: Double, typical: Double) -> String {
    pick(
      "Der Zielwert beträgt \(PlanText.euros(objective)); GLPK unterscheidet Pläne nicht, deren Zielwerte "
        + "sich um weniger als etwa \(PlanText.euros(noise)) unterscheiden (ein Zehnmillionstel davon). Das ist "
        + "mehr als 1 % des Gewichts einer typischen Entscheidung (\(PlanText.euros(typical))): Einsparungen "
        + "dieser Größe können verdeckt sein. Bitte die Beträge des Szenarios auf einen falschen Maßstab prüfen.",
      "The objective is \(PlanText.euros(objective)); GLPK does not tell apart plans whose objectives differ "
        + "by less than about \(PlanText.euros(noise)) (1e-7 of it). That is more than 1 % of a typical "
        + "decision's weight (\(PlanText.euros(typical))): savings of that size may be hidden. Check the "
        + "scenario's amounts for a wrong scale.")
  }
}
