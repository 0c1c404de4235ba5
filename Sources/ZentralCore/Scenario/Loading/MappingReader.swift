import Yams

/// The entries of one mapping, without the empty ones.
struct MappingReader {
  /// The path of the mapping.
  var path: String
  /// Where the mapping starts.
  var mark: Mark?
  /// The entries whose value is not empty, by key.
  var entries: [String: Node]

  /// The value at `key`, if given and not empty.
  subscript(_ key: String) -> Node? { entries[key] }

  /// The path of `key` in this mapping.
  func path(_ key: String) -> String { NodeReader.member(path, key) }
}
