import Foundation

/// A scenario document assembled from the cells of a workbook, each value remembering its cell,
/// written out as block-style YAML with one value per line, so that every problem the scenario
/// loader finds at a line can be traced back to its sheet and cell.
final class WorkbookTree {
  /// A YAML scalar as written (quoted text, a number, `true`), or `nil` for a mapping or list.
  private(set) var scalar: String?
  /// Whether this node is a list.
  private(set) var isList: Bool
  /// Keys of a mapping in the order they were added.
  private(set) var keys: [String] = []
  /// Children of a mapping by key.
  private(set) var children: [String: WorkbookTree] = [:]
  /// Items of a list.
  private(set) var items: [WorkbookTree] = []
  /// Where the node came from.
  var place: WorkbookPlace?

  private init(scalar: String?, isList: Bool, place: WorkbookPlace?) {
    self.scalar = scalar
    self.isList = isList
    self.place = place
  }

  /// An empty mapping.
  static func mapping(_ place: WorkbookPlace? = nil) -> WorkbookTree {
    WorkbookTree(scalar: nil, isList: false, place: place)
  }

  /// An empty list.
  static func list(_ place: WorkbookPlace? = nil) -> WorkbookTree {
    WorkbookTree(scalar: nil, isList: true, place: place)
  }

  /// A scalar.
  static func value(_ yaml: String, _ place: WorkbookPlace?) -> WorkbookTree {
    WorkbookTree(scalar: yaml, isList: false, place: place)
  }

  /// The child at `key`, made by `make` when there is none.
  func child(_ key: String, make: () -> WorkbookTree = { .mapping() }) -> WorkbookTree {
    if let existing = children[key] { return existing }
    let made = make()
    keys.append(key)
    children[key] = made
    return made
  }

  /// Whether the mapping has `key`.
  func has(_ key: String) -> Bool { children[key] != nil }

  /// Sets the node at the dotted `path` below this mapping to `node`, making mappings on the way.
  func set(_ path: String, _ node: WorkbookTree) {
    let parts = path.split(separator: ".").map(String.init)
    var current = self
    for part in parts.dropLast() { current = current.child(part) }
    guard let last = parts.last else { return }
    if current.children[last] == nil { current.keys.append(last) }
    current.children[last] = node
  }

  /// The node at the dotted `path`, if any.
  func node(at path: String) -> WorkbookTree? {
    var current: WorkbookTree? = self
    for part in path.split(separator: ".") { current = current?.children[String(part)] }
    return current
  }

  /// Appends `node` to this list.
  func append(_ node: WorkbookTree) { items.append(node) }

  /// The tree as YAML lines, each with the place of the value it holds.
  func yamlLines() -> [(text: String, place: WorkbookPlace?)] {
    var lines: [(String, WorkbookPlace?)] = []
    emitMapping(indent: 0, into: &lines)
    return lines
  }

  private func emitMapping(indent: Int, into lines: inout [(String, WorkbookPlace?)]) {
    let pad = String(repeating: " ", count: indent)
    for key in keys {
      guard let child = children[key] else { continue }
      let written = WorkbookTree.key(key)
      if let scalar = child.scalar, scalar.contains(where: \.isNewline) {
        // YAML text from the sheet of further keys: its lines below the key, indented.
        lines.append(("\(pad)\(written):", child.place))
        for line in scalar.split(whereSeparator: \.isNewline) {
          lines.append(("\(pad)  \(line)", child.place))
        }
      } else if let scalar = child.scalar {
        lines.append(("\(pad)\(written): \(scalar)", child.place))
      } else if child.isList {
        if child.items.isEmpty {
          lines.append(("\(pad)\(written): []", child.place))
        } else {
          lines.append(("\(pad)\(written):", child.place))
          child.emitItems(indent: indent + 2, into: &lines)
        }
      } else if child.keys.isEmpty {
        lines.append(("\(pad)\(written): {}", child.place))
      } else {
        lines.append(("\(pad)\(written):", child.place))
        child.emitMapping(indent: indent + 2, into: &lines)
      }
    }
  }

  private func emitItems(indent: Int, into lines: inout [(String, WorkbookPlace?)]) {
    let pad = String(repeating: " ", count: indent)
    for item in items {
      if let scalar = item.scalar {
        lines.append(("\(pad)- \(scalar)", item.place))
      } else if item.isList {
        if item.items.isEmpty {
          lines.append(("\(pad)- []", item.place))
        } else {
          lines.append(("\(pad)-", item.place))
          item.emitItems(indent: indent + 2, into: &lines)
        }
      } else if item.keys.isEmpty {
        lines.append(("\(pad)- {}", item.place))
      } else {
        lines.append(("\(pad)-", item.place))
        item.emitMapping(indent: indent + 2, into: &lines)
      }
    }
  }

  /// A mapping key as YAML: the format's own keys and years plain, anything else quoted.
  private static func key(_ key: String) -> String {
    let plain = key.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    let reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(key.lowercased())
    return plain && !reserved && !key.isEmpty ? key : quoted(key)
  }

  /// `value` as four hexadecimal digits.
  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// `text` as a double-quoted YAML scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          out += "\\u" + hex4(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
