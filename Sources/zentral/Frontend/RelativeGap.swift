import ArgumentParser
import Foundation

/// The value of `--gap`: a relative gap written as a fraction (`0.01`) or a percentage (`1%`).
struct RelativeGap: ExpressibleByArgument, Equatable {
  /// The gap as a fraction (`0.01` for 1 %).
  var fraction: Double

  /// Reads `0.01`, `1%` or `1 %`; `nil` for anything else (argument-parser then names the option).
  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("%") {
      guard let percent = Double(text.dropLast().trimmingCharacters(in: .whitespaces)) else { return nil }
      fraction = percent / 100
    } else {
      guard let value = Double(text) else { return nil }
      fraction = value
    }
  }

  var defaultValueDescription: String { "\(fraction)" }
}
