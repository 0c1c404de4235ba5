/// Why a key path could not be read or did not lead to a value: one sentence, without the file and
/// place, which the caller adds (the place in the sweep specification or in the variant).
struct ScenarioKeyPathError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong.
  var description: String

  /// Creates an error saying `description`.
  init(_ description: String) {
    self.description = description
  }
}
