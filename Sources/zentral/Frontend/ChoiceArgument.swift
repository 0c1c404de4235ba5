import ArgumentParser
import Foundation

/// Reads a value, or a comma-separated list of values, of an `ExpressibleByArgument` enum and
/// names the allowed values when one is wrong.
///
/// Used as the option's `transform` where argument-parser cannot list the values itself: for a
/// list (`--cuts gomory,mir`) and for hidden options (the expert solver options), whose values
/// argument-parser leaves out of its error. The error then reads `The value 'gomory,foo' is
/// invalid for '--cuts': 'foo' is not one of 'gomory', 'mir', 'cover', 'clique', 'none'`.
enum ChoiceArgument<Element: ExpressibleByArgument> {
  /// One value, read case-insensitively.
  static func one(_ text: String) throws -> Element {
    let item = text.trimmingCharacters(in: .whitespaces)
    guard let element = Element(argument: item.lowercased()) else {
      throw ValidationError("'\(item)' is not one of \(allowed)")
    }
    return element
  }

  /// The values of `text`, separated by commas, each trimmed and read case-insensitively.
  static func list(_ text: String) throws -> [Element] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      guard !part.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError("an empty item; separate the values by single commas, from \(allowed)")
      }
      return try one(String(part))
    }
  }

  private static var allowed: String {
    Element.allValueStrings.map { "'\($0)'" }.joined(separator: ", ")
  }
}
