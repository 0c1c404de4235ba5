import Foundation

/// A key path as the scenario loader names a value in its messages (`units[3].posts`,
/// `families[0].centres.krzn.open`, `policy.budget.2026`), read from and written to the sheet of
/// further keys. A key that is not plain letters, digits, `_` and `-` is written in brackets and
/// quotes: `families[0].centres["kdn.it"].open`.
enum WorkbookKeyPath {
  /// One step of a path.
  enum Segment: Equatable {
    /// A key of a mapping.
    case key(String)
    /// An index of a list, from 0.
    case index(Int)
  }

  /// The steps of `text`, or `nil` when it is not a key path.
  static func parse(_ text: String) -> [Segment]? {
    var segments: [Segment] = []
    var rest = Substring(text)
    var expectKey = true
    while !rest.isEmpty {
      if rest.hasPrefix("[\"") {
        guard let end = rest.dropFirst(2).range(of: "\"]") else { return nil }
        segments.append(.key(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))
        rest = rest[end.upperBound...]
        expectKey = false
      } else if rest.hasPrefix("[") {
        guard let end = rest.firstIndex(of: "]"),
          let index = Int(rest[rest.index(after: rest.startIndex)..<end]),
          index >= 0
        else { return nil }
        segments.append(.index(index))
        rest = rest[rest.index(after: end)...]
        expectKey = false
      } else if rest.hasPrefix(".") {
        guard !expectKey else { return nil }
        rest = rest.dropFirst()
        expectKey = true
      } else {
        guard expectKey else { return nil }
        let key = rest.prefix { $0 != "." && $0 != "[" }
        guard !key.isEmpty else { return nil }
        segments.append(.key(String(key)))
        rest = rest.dropFirst(key.count)
        expectKey = false
      }
    }
    return segments.isEmpty || expectKey ? nil : segments
  }

  /// `segments` as text.
  static func text(_ segments: [Segment]) -> String {
    var text = ""
    for segment in segments {
      switch segment {
      case .index(let index): text += "[\(index)]"
      case .key(let key):
        let plain =
          !key.isEmpty
          && key.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-" }
        if plain {
          text += (text.isEmpty ? "" : ".") + key
        } else {
          text += "[\"\(key)\"]"
        }
      }
    }
    return text
  }
}
