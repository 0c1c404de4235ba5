/// The keys of one kind of mapping in the format, for unknown-key and missing-key messages.
struct ObjectShape {
  /// The mapping named in messages with its article: `a task`.
  var noun: String
  /// All keys, in the order of the format reference.
  var keys: [String]
  /// The required keys, each with what it must say (`a task names its home unit`).
  var required: [String: String] = [:]

  /// The keys as a list for messages.
  var keyList: String { keys.joined(separator: ", ") }

  /// What such a mapping looks like, for a value that is not a mapping.
  var summary: String { "\(noun) is a mapping with the keys \(keyList)" }
}
