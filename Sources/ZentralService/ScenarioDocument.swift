import Foundation
import Yams

/// The YAML tree of one scenario file, for the form editor and the what-if panel: sets values at
/// key paths (`tasks.fb20-finanz.fte`, `policy.budget`, `name`), where the lists `units`,
/// `families` and `tasks` are addressed by their items' `id`, as a variant merges them.
///
/// Saving through the tree writes the file anew from its values: comments are not kept.
public struct ScenarioDocument {
  /// The lists whose items are addressed by id.
  public static let keyedLists: Set<String> = ["units", "families", "tasks"]

  private(set) var root: Node

  /// Parses `text` (a scenario already screened by the loader).
  ///
  /// - Throws: ``ServiceError`` when the text is not a YAML mapping.
  public init(text: String) throws(ServiceError) {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw ServiceError(.invalid, "Die Datei ist kein lesbares YAML: \(error)")
    }
    guard let node, node.mapping != nil else {
      throw ServiceError(.invalid, "Die Datei ist keine Zuordnung (mapping) von Schlüsseln zu Werten.")
    }
    root = node
  }

  /// A new variant of `base` (`extends: <base>`), named `name`.
  public init(variantOf base: ScenarioID, name: String) {
    root = Node.mapping(
      Node.Mapping([
        (Node("extends"), Node(base.fileName)),
        (Node("name"), Node(name, Tag(.str), .doubleQuoted)),
      ]))
  }

  /// The YAML text.
  public func yaml() throws(ServiceError) -> String {
    do {
      return try Yams.serialize(node: root, allowUnicode: true, sortKeys: false)
    } catch {
      throw ServiceError(.internalFailure, "Das Szenario konnte nicht geschrieben werden: \(error)")
    }
  }

  /// The ids of the items of the keyed lists, by position (for diagnostics `tasks[3].fte`).
  public var listIDs: [String: [String]] {
    var result: [String: [String]] = [:]
    for list in Self.keyedLists {
      let items = root.mapping?[list]?.sequence.map(Array.init) ?? []
      result[list] = items.map { $0.mapping?["id"]?.string ?? "" }
    }
    return result
  }

  /// Whether the file is a variant (has `extends`).
  public var isVariant: Bool { root.mapping?["extends"] != nil }

  /// Sets the field `keyPath` (dot-separated; in a keyed list the second part is the item's id)
  /// to `text`: a number when it reads as one (a decimal comma too), empty: `~` (not given),
  /// `true`/`false` for those words, else text. An item id not in the list is added as
  /// `{id: ...}` (a variant's change to its base's item).
  ///
  /// - Throws: ``ServiceError`` when the key path is not one a form may set.
  public mutating func set(_ keyPath: String, to text: String) throws(ServiceError) {
    let parts = keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard (1...3).contains(parts.count), parts.allSatisfy(Self.isKeyPart) else {
      throw ServiceError(.badRequest, "Das Feld »\(keyPath)« gibt es im Formular nicht.")
    }
    let value = Self.scalar(text)
    guard var top = root.mapping else { return }
    if Self.keyedLists.contains(parts[0]) {
      guard parts.count == 3 else {
        throw ServiceError(.badRequest, "Das Feld »\(keyPath)« gibt es im Formular nicht.")
      }
      var items = top[parts[0]]?.sequence.map(Array.init) ?? []
      let position = items.firstIndex { $0.mapping?["id"]?.string == parts[1] }
      var item =
        position.flatMap { items[$0].mapping } ?? Node.Mapping([(Node("id"), Node(parts[1]))])
      item[parts[2]] = value
      if let position { items[position] = Node.mapping(item) } else { items.append(Node.mapping(item)) }
      top[parts[0]] = Node.sequence(Node.Sequence(items))
    } else if parts.count == 2 {
      var inner = top[parts[0]]?.mapping ?? Node.Mapping([])
      inner[parts[1]] = value
      top[parts[0]] = Node.mapping(inner)
    } else if parts.count == 1 {
      top[parts[0]] = value
    } else {
      throw ServiceError(.badRequest, "Das Feld »\(keyPath)« gibt es im Formular nicht.")
    }
    root = Node.mapping(top)
  }

  /// A key or id of a key path: `[A-Za-z0-9_-]`, 1 to 64 characters.
  static func isKeyPart(_ part: String) -> Bool {
    !part.isEmpty && part.utf8.count <= 64
      && part.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-")
      }
  }

  /// The YAML scalar for a form value.
  static func scalar(_ text: String) -> Node {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return Node("~", Tag(.null)) }
    if trimmed == "true" || trimmed == "false" { return Node(trimmed, Tag(.bool)) }
    let number = trimmed.replacingOccurrences(of: ",", with: ".")
    if let value = Double(number), value.isFinite, number.allSatisfy({ "0123456789.-+eE".contains($0) }) {
      return Node(
        number, Tag(Double(Int(exactly: value) ?? 0) == value && !number.contains(".") ? .int : .float))
    }
    return Node(trimmed, Tag(.str), .doubleQuoted)
  }
}
