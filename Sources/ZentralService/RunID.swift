/// The id of a plan run: `r` and 12 lower-case letters or digits, made by the server. Only a value
/// of that form becomes a run id, so it is never a path.
public struct RunID: Hashable, Sendable, CustomStringConvertible {
  /// The id text.
  public let rawValue: String

  /// The run id `text`, or `nil` when it is not `r` and 12 of `[a-z0-9]`.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 13, bytes[0] == UInt8(ascii: "r") else { return nil }
    for byte in bytes.dropFirst() {
      let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      guard isLetter || isDigit else { return nil }
    }
    rawValue = text
  }

  /// A new random run id.
  public static func make() -> RunID {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    var generator = SystemRandomNumberGenerator()
    let tail = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
    // The text has the checked form by construction.
    return RunID(unchecked: "r" + String(tail))
  }

  private init(unchecked text: String) { rawValue = text }

  /// The id text.
  public var description: String { rawValue }
}
