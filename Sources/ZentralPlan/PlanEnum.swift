/// A closed set of words in a plan file (decision, rule, kind, status, ...). Reading a word that
/// is not one of them fails with the word and the ones allowed, e.g. `"moved" is not one of stay,
/// move, partial`.
public protocol PlanEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable
where RawValue == String {}

extension PlanEnum {
  /// Reads the word, or fails naming it and the words allowed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let word = try container.decode(String.self)
    guard let value = Self(rawValue: word) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "\"\(word)\" is not one of " + Self.allCases.map(\.rawValue).joined(separator: ", ")
      )
    }
    self = value
  }

  /// Writes the word.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// The language of every text rendered from a plan.
public enum ReportLanguage: String, PlanEnum {
  /// German (the default: reports go to a German council).
  case de
  /// English.
  case en
}
