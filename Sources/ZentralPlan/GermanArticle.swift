/// The German article of a unit's name, guessed from its head noun ("IT-Referat" → das,
/// "Fachbereich Umwelt" → der, "Stabsstelle Digitalisierung" → die); names without a known head
/// noun (brands such as "citeq" or "it@M") take none.
enum GermanArticle {
  /// Neuter, masculine or feminine; `nil` for a name used without article.
  enum Gender { case neuter, masculine, feminine }

  /// The gender of the head noun of `name` (the first known noun among its leading words, before
  /// "für", "der", a dash ...), if there is one.
  static func gender(of name: String) -> Gender? {
    let words = name.split(whereSeparator: { $0 == " " || $0 == "," })
    for (position, word) in words.prefix(4).enumerated() {
      let last = word.split(separator: "-").last.map(String.init) ?? String(word)
      let head = String(
        last.lowercased().unicodeScalars.filter(\.properties.isAlphabetic).map(Character.init))
      if head.isEmpty || stops.contains(head) { return nil }
      if head == "fb" { return .masculine }
      // "die Zentrale IT", "die Stadt-IT"; "IT" before another word ("IT unit") is no head noun.
      if head == "it" {
        if position == words.count - 1 { return .feminine }
        continue
      }
      if neuter.contains(where: head.hasSuffix) { return .neuter }
      if masculine.contains(where: head.hasSuffix) { return .masculine }
      if feminine.contains(where: head.hasSuffix) { return .feminine }
    }
    return nil
  }

  /// Words after which no head noun follows.
  private static let stops: Set<String> = ["für", "der", "des", "und", "im", "in", "am", "bei", "von"]

  /// "an das IT-Referat", "an den Fachbereich", "an die Stabsstelle", "an citeq".
  static func accusative(_ name: String, marked: String) -> String {
    switch gender(of: name) {
    case .neuter: "das " + marked
    case .masculine: "den " + marked
    case .feminine: "die " + marked
    case nil: marked
    }
  }

  /// "bei dem IT-Referat" written "beim IT-Referat", "bei der Stabsstelle", "bei citeq".
  static func atDative(_ name: String, marked: String) -> String {
    switch gender(of: name) {
    case .neuter, .masculine: "beim " + marked
    case .feminine: "bei der " + marked
    case nil: "bei " + marked
    }
  }

  private static let neuter = [
    "referat", "amt", "dezernat", "zentrum", "büro", "institut", "team", "rathaus", "kommunalunternehmen",
    "unternehmen", "center", "centre", "management",
  ]
  private static let masculine = [
    "bereich", "betrieb", "dienst", "dienstleister", "verband", "service", "stab", "kreis", "rat",
  ]
  private static let feminine = [
    "stelle", "abteilung", "verwaltung", "ei", "ung", "gesellschaft", "gmbh", "anstalt", "behörde",
    "zentrale", "kasse", "schule", "bibliothek",
  ]
}
