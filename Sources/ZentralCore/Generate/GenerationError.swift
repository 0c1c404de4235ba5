/// Why `zentral generate` cannot write a scenario for the settings given.
public struct GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong and what to change, one sentence.
  public var message: String

  /// Creates the error.
  public init(message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
