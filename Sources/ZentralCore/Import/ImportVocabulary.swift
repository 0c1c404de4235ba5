import ZentralPlan

/// The words spreadsheets use: column headers (German, with English aliases), unit kinds and
/// yes/no values, compared after ``normalise(_:)``.
enum ImportVocabulary {
  /// A column the importer reads.
  enum Field: String, CaseIterable {
    case id, name, kind, parent, costPerFTE, pricePerFTE, capacityFTE
    case family, unit, fte, dedicated, reason, divisible, concern, transitionCost
  }

  /// The header written in the documentation and in messages.
  static func title(of field: Field) -> String {
    switch field {
    case .id: "ID"
    case .name: "Name"
    case .kind: "Art"
    case .parent: "Übergeordnet"
    case .costPerFTE: "Kosten je VZÄ"
    case .pricePerFTE: "Preis je VZÄ"
    case .capacityFTE: "Kapazität VZÄ"
    case .family: "Aufgabenbereich"
    case .unit: "Einheit"
    case .fte: "VZÄ"
    case .dedicated: "Zweckgebunden"
    case .reason: "Begründung"
    case .divisible: "Teilbar"
    case .concern: "Bedenken"
    case .transitionCost: "Übergangskosten"
    }
  }

  /// Headers accepted in the units file, normalised.
  static let unitColumns: [Field: [String]] = [
    .id: ["id", "kennung", "kuerzel", "kurzzeichen", "schluessel"],
    .name: ["name", "bezeichnung", "einheit", "organisationseinheit"],
    .kind: ["art", "kind", "typ", "type", "einheitenart"],
    .parent: ["uebergeordnet", "uebergeordnete einheit", "parent", "gehoert zu", "oberhalb"],
    .costPerFTE: [
      "kosten je vzae", "kosten pro vzae", "kosten vzae", "kosten", "personalkosten je vzae", "cost per fte",
      "cost",
    ],
    .pricePerFTE: ["preis je vzae", "preis pro vzae", "preis", "verrechnungssatz", "price per fte", "price"],
    .capacityFTE: [
      "kapazitaet vzae", "kapazitaet", "kapazitaet in vzae", "stellenobergrenze", "capacity fte", "capacity",
    ],
  ]

  /// Headers accepted in the tasks file, normalised.
  static let taskColumns: [Field: [String]] = [
    .id: ["id", "kennung", "aufgaben id", "schluessel"],
    .name: ["name", "aufgabe", "bezeichnung", "taetigkeit", "task"],
    .family: ["aufgabenbereich", "aufgabenfamilie", "familie", "bereich", "family"],
    .unit: ["einheit", "organisationseinheit", "heimateinheit", "unit", "home unit"],
    .fte: ["vzae", "fte", "vollzeitaequivalente", "aufwand vzae", "workload"],
    .dedicated: ["zweckgebunden", "fachspezifisch", "spezifisch", "dedicated"],
    .reason: ["begruendung", "grund", "reason"],
    .divisible: ["teilbar", "divisible"],
    .concern: ["bedenken", "bedenken eur", "einwand", "concern"],
    .transitionCost: ["uebergangskosten", "umstellungskosten", "einmalkosten", "transition cost"],
  ]

  /// Words for each unit kind, normalised.
  static let kindWords: [UnitKind: [String]] = [
    .administration: [
      "administration", "verwaltung", "stadtverwaltung", "gesamtverwaltung", "stadt", "gemeinde",
    ],
    .division: ["division", "dezernat", "geschaeftsbereich", "ressort", "vorstandsbereich"],
    .department: ["department", "fachbereich", "referat", "amt", "abteilung", "dienststelle", "fb"],
    .enterprise: ["enterprise", "eigenbetrieb", "eigenbetriebsaehnliche einrichtung"],
    .staff: ["staff", "stabsstelle", "stab"],
    .central: ["central", "zentral", "zentrale it", "it zentral", "zentraler it bereich"],
    .shared: [
      "shared", "extern", "externer dienstleister", "dienstleister", "zweckverband", "shared service",
    ],
  ]

  /// The kind named by `word`, if any.
  static func kind(_ word: String) -> UnitKind? {
    let key = normalise(word)
    return UnitKind.allCases.first { kindWords[$0]?.contains(key) ?? false }
  }

  /// The words a planner may write for a kind, for messages.
  static let kindHint =
    "Verwaltung, Dezernat, Fachbereich (Referat, Amt), Eigenbetrieb, Stabsstelle, zentral or extern"

  /// The truth value of a yes/no cell: `ja`, `x`, `1`, `wahr`, `yes`, `true` or `nein`, `0`, `-`, empty.
  static func flag(_ word: String) -> Bool? {
    let key = normalise(word)
    if ["ja", "j", "x", "1", "wahr", "yes", "y", "true", "✓", "✔"].contains(key) { return true }
    if ["nein", "n", "0", "falsch", "no", "false", "-", ""].contains(key) { return false }
    return nil
  }

  /// `text` lower-cased, umlauts folded (`ä` -> `ae`, `ß` -> `ss`), parenthesised units dropped
  /// (`Kosten je VZÄ (EUR/Jahr)` -> `kosten je vzae`), `_ - / .` as spaces, spaces collapsed.
  static func normalise(_ text: String) -> String {
    var result = ""
    var depth = 0
    for character in text.lowercased() {
      switch character {
      case "(", "[": depth += 1
      case ")", "]": depth = max(0, depth - 1)
      case _ where depth > 0: continue
      case "ä": result += "ae"
      case "ö": result += "oe"
      case "ü": result += "ue"
      case "ß": result += "ss"
      case "_", "-", "/", ".", ":": result += " "
      default: result.append(character.isWhitespace ? " " : character)
      }
    }
    return result.split(separator: " ").joined(separator: " ")
  }

  /// An identifier made from `text`: ASCII lower-case letters, digits and `-`, at most `limit`
  /// characters (`Client-Support Schulen` -> `client-support-schulen`); `fallback` when nothing is left.
  static func slug(_ text: String, limit: Int = 64, fallback: String = "x") -> String {
    var result = ""
    for character in normalise(text) {
      if character.isASCII && (character.isLetter || character.isNumber) {
        result.append(character)
      } else if !result.hasSuffix("-") && !result.isEmpty {
        result.append("-")
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    if result.count > limit {
      result = String(result.prefix(limit))
      while result.hasSuffix("-") { result.removeLast() }
    }
    return result.isEmpty ? fallback : result
  }
}
