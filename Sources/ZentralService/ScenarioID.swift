import Foundation

/// The id of a scenario in the data folder: `[a-z0-9][a-z0-9-]{0,62}`, also its file name
/// (`<id>.yaml`). Only a value that matches becomes an id, so an id is never a path.
public struct ScenarioID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The id text.
  public let rawValue: String

  /// The id `text`, or `nil` when it is not of the form `[a-z0-9][a-z0-9-]{0,62}`.
  public init?(_ text: String) {
    guard Self.isValid(text) else { return nil }
    rawValue = text
  }

  /// The id derived from a name a person gave (an upload's file name or a title): lower-cased,
  /// umlauts folded (`ü` → `ue`, `ß` → `ss`), a `.yaml`, `.yml`, `.xlsx` or `.csv` ending dropped,
  /// every other run of characters a `-`; `nil` when nothing usable is left.
  public static func derived(from name: String) -> ScenarioID? {
    var base = (name as NSString).lastPathComponent
    for ending in [".yaml", ".yml", ".xlsx", ".csv", ".json"] where base.lowercased().hasSuffix(ending) {
      base = String(base.dropLast(ending.count))
    }
    let folds: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"]
    var text = ""
    var lastWasDash = true
    for character in base.lowercased() {
      let piece: String
      if let fold = folds[character] {
        piece = fold
      } else if character.isASCII, character.isLetter || character.isNumber {
        piece = String(character)
      } else {
        piece = "-"
      }
      if piece == "-" {
        if !lastWasDash { text += "-" }
        lastWasDash = true
      } else {
        text += piece
        lastWasDash = false
      }
    }
    while text.hasSuffix("-") { text.removeLast() }
    if text.count > 63 {
      text = String(text.prefix(63))
      while text.hasSuffix("-") { text.removeLast() }
    }
    return ScenarioID(text)
  }

  /// Whether `text` is of the form `[a-z0-9][a-z0-9-]{0,62}`.
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.utf8.first, text.utf8.count <= 63, isLowerAlphanumeric(first) else { return false }
    return text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// The file name in the scenarios folder.
  public var fileName: String { rawValue + ".yaml" }

  /// The id text.
  public var description: String { rawValue }

  /// Ids in alphabetical order.
  public static func < (lhs: ScenarioID, rhs: ScenarioID) -> Bool { lhs.rawValue < rhs.rawValue }
}
