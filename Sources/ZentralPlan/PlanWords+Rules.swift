/// The words for the rules of law and organisation: a provider's legal form, confidential work,
/// separation and retained roles.
extension PlanWords {
  /// The legal form of a provider, e.g. "öffentlicher Träger (interkommunal)".
  public func legalForm(_ form: Plan.LegalForm) -> String { Self.legalForm(form, language: language) }

  /// The legal form of a provider in `language` (for texts without a plan, such as chart legends).
  public static func legalForm(_ form: Plan.LegalForm, language: ReportLanguage) -> String {
    let pick: (String, String) -> String = { language == .de ? $0 : $1 }
    return switch form {
    case .own: pick("eigene Verwaltung", "part of the city")
    case .publicBody: pick("öffentlicher Träger (interkommunal)", "public body (inter-municipal)")
    case .private: pick("privates Unternehmen", "private company")
    }
  }

  /// A unit's kind with its legal form when it has one: "zentrale IT, eigene Verwaltung",
  /// "gemeinsamer Dienstleister, öffentlicher Träger (interkommunal)".
  public func kind(_ kind: Plan.UnitKind, legalForm form: Plan.LegalForm?) -> String {
    guard let form else { return self.kind(kind) }
    return "\(self.kind(kind)), \(legalForm(form))"
  }

  /// The reason's note on a confidential task kept from private providers, or `nil`.
  public func barred(_ reason: TaskReason) -> String? {
    guard let barred = reason.barred, !barred.isEmpty else { return nil }
    let units = list(barred.map(unit))
    return pick(
      "vertrauliche Daten (Sozial-, Steuer- oder Personaldaten): nicht an das private Unternehmen \(units)",
      "confidential data (social, tax or personnel data): not to the private company \(units)")
  }

  /// A rule of law or organisation in a few words.
  func legalRule(_ rule: Conflict.Rule) -> String {
    switch rule {
    case .confidential: pick("vertrauliche Daten", "confidential data")
    case .separation: pick("Trennung von Aufgaben", "separation of duties")
    default: pick("verbleibende Rollen", "retained roles")
    }
  }

  /// A conflict entry of a rule of law or organisation, as a clause.
  func legalConflict(_ conflict: Conflict) -> String {
    let task = self.task(conflict.task ?? "")
    switch conflict.rule {
    case .confidential:
      let units = list((conflict.units ?? []).map(unit))
      return pick(
        "die Aufgabe \(task) verarbeitet vertrauliche Daten und darf nicht an das private Unternehmen \(units) gehen",
        "task \(task) handles confidential data and may not go to the private company \(units)")
    case .separation:
      let families = list((conflict.families ?? []).map(quotedFamily))
      return pick(
        "die Aufgabe \(task) darf nicht bei einem Anbieter liegen, der Arbeit aus \(families) erledigt",
        "task \(task) may not sit at a provider that does work of \(families)")
    default:
      let unit = self.unit(conflict.unit ?? "")
      let families = list((conflict.families ?? []).map(quotedFamily))
      let total = format.fte(conflict.total ?? 0)
      return pick(
        "\(unit) behält aus \(families) mindestens \(format.fte(conflict.limit ?? 0)) von \(total)",
        "\(unit) keeps at least \(format.fte(conflict.limit ?? 0)) of its \(total) in \(families)")
    }
  }
}
