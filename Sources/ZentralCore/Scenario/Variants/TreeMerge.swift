import Yams

/// The merge rules of a variant over its base (docs/scenario-format.md, "Variants"), on the level
/// of YAML nodes, so that every value keeps the place of the file that set it:
///
/// - mappings merge by key, recursively; a key of the variant replaces or merges into the base's,
///   a new key is added after the base's keys;
/// - a list whose items all have an `id` (units, families, tasks) merges by id: an item of the
///   variant with an id of the base merges into that item, an item with a new id is appended;
/// - every other value (text, numbers, lists without ids, an empty value) replaces the base's;
/// - `remove` deletes items by id, or keys of a mapping, before the variant is merged in.
///
/// Problems (an item of an id list without an id, an id that names nothing) are reported to the
/// reader at the place in the variant.
struct TreeMerge {
  /// Where problems are reported.
  let reader: NodeReader

  /// The `id` of a list item: the text of its `id` key, or `nil` when it is not a mapping with one.
  static func id(of node: Node) -> String? {
    guard case .mapping(let mapping) = node,
      let value = mapping.first(where: { $0.key.scalar?.string == "id" })?.value,
      case .scalar(let scalar) = value, !ScalarValue.isNull(scalar)
    else { return nil }
    return scalar.string
  }

  /// Whether `items` is a list that merges by id: not empty, every item with an id.
  static func isIDList(_ items: [Node]) -> Bool {
    !items.isEmpty && items.allSatisfy { id(of: $0) != nil }
  }

  // MARK: Merging

  /// `over` (from the variant) merged into `base`; `path` is the key path of both.
  func merge(_ base: Node, _ over: Node, path: String) -> Node {
    switch (base, over) {
    case (.mapping(let baseMapping), .mapping(let overMapping)):
      var pairs = baseMapping.map { ($0.key, $0.value) }
      for (key, value) in overMapping {
        guard let name = key.scalar?.string,
          let position = pairs.firstIndex(where: { $0.0.scalar?.string == name })
        else {
          pairs.append((key, value))
          continue
        }
        pairs[position] = (key, merge(pairs[position].1, value, path: NodeReader.member(path, name)))
      }
      return .mapping(Node.Mapping(pairs, baseMapping.tag, baseMapping.style, baseMapping.mark))
    case (.sequence(let baseList), .sequence(let overList)) where Self.isIDList(Array(baseList)):
      var items = Array(baseList)
      var given: Set<String> = []
      for (offset, item) in overList.enumerated() {
        let itemPath = NodeReader.element(path, offset)
        guard let id = Self.id(of: item) else {
          reader.error(
            itemPath, at: item.mark,
            "\(reader.describe(item)) without an id; in a variant the items of '\(path)' merge by id: give "
              + "the id of the item to change, or of a new item")
          continue
        }
        guard given.insert(id).inserted else {
          reader.error(
            itemPath, at: item.mark, "the id '\(id)' is given twice in this list; change an item in one place"
          )
          continue
        }
        if let position = items.firstIndex(where: { Self.id(of: $0) == id }) {
          items[position] = merge(items[position], item, path: NodeReader.element(path, position))
        } else {
          items.append(item)
        }
      }
      return .sequence(Node.Sequence(items, baseList.tag, baseList.style, baseList.mark))
    default:
      return over
    }
  }

  // MARK: Removing

  /// `base` without what `spec` (the value of the variant's `remove`) names: a list of ids (each the
  /// id of exactly one item of the base, in whichever list), or a mapping of key paths to the ids
  /// (of a list's items) or keys (of a mapping) to delete there.
  func remove(_ spec: Node, from base: Node) -> Node {
    let expected =
      "remove is a list of ids (remove: [fb20-clients]) or a mapping of key paths to ids "
      + "(remove: {tasks: [fb20-clients], families[id=sap].centres: [krzn]})"
    switch spec {
    case .sequence(let ids):
      var tree = base
      for (offset, node) in ids.enumerated() {
        let path = NodeReader.element("remove", offset)
        guard let id = reader.text(node, path: path, expected: expected) else { continue }
        var found: [String] = []
        let pruned = Self.removing(id: id, from: tree, path: "", found: &found)
        switch found.count {
        case 0:
          reader.error(
            path, at: node.mark, "no item of the base scenario has the id '\(NodeReader.shorten(id))'")
        case 1:
          tree = pruned
        default:
          reader.error(
            path, at: node.mark,
            "'\(NodeReader.shorten(id))' is the id of items in \(found.joined(separator: " and ")); say which: "
              + "remove: {\(found[0]): [\(id)]}")
        }
      }
      return tree
    case .mapping(let mapping):
      var tree = base
      for (keyNode, value) in mapping {
        guard let key = reader.text(keyNode, path: "remove", expected: expected) else { continue }
        let path = NodeReader.member("remove", key)
        let target: ScenarioKeyPath
        do {
          target = try ScenarioKeyPath(key)
        } catch {
          reader.error(path, at: keyNode.mark, error.description)
          continue
        }
        guard let names = reader.list(value, path: path, expected: "give the ids or keys to remove as a list")
        else { continue }
        do {
          tree = try target.updating(in: tree) { node throws(ScenarioKeyPathError) in
            try Self.removing(names, from: node, reader: reader, path: path)
          }
        } catch {
          reader.error(path, at: keyNode.mark, error.description)
        }
      }
      return tree
    default:
      reader.error(
        "remove", at: spec.mark, "\(reader.describe(spec)) is not a list or a mapping; \(expected)")
      return base
    }
  }

  /// `node` (a list of items with ids, or a mapping) without the items or keys in `names`.
  private static func removing(
    _ names: [Node], from node: Node, reader: NodeReader, path: String
  ) throws(ScenarioKeyPathError) -> Node {
    var kept: [(Node, Node)] = []
    var items: [Node] = []
    let isList: Bool
    switch node {
    case .sequence(let sequence):
      isList = true
      items = Array(sequence)
    case .mapping(let mapping):
      isList = false
      kept = mapping.map { ($0.key, $0.value) }
    case .scalar, .alias:
      throw ScenarioKeyPathError("the value there is \(reader.describe(node)), not a list or a mapping")
    }
    for (offset, nameNode) in names.enumerated() {
      let namePath = NodeReader.element(path, offset)
      guard let name = reader.text(nameNode, path: namePath, expected: "give an id or a key") else {
        continue
      }
      let before = isList ? items.count : kept.count
      if isList {
        items.removeAll { id(of: $0) == name }
      } else {
        kept.removeAll { $0.0.scalar?.string == name }
      }
      if before == (isList ? items.count : kept.count) {
        reader.error(
          namePath, at: nameNode.mark,
          isList
            ? "no item there has the id '\(NodeReader.shorten(name))'"
            : "there is no key '\(NodeReader.shorten(name))' there")
      }
    }
    switch node {
    case .sequence(let sequence):
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
    case .mapping(let mapping): return .mapping(Node.Mapping(kept, mapping.tag, mapping.style, mapping.mark))
    default: return node
    }
  }

  /// `node` without every list item whose id is `id` in lists that merge by id; the key paths of the
  /// lists it was found in are added to `found`.
  private static func removing(id: String, from node: Node, path: String, found: inout [String]) -> Node {
    switch node {
    case .mapping(let mapping):
      let pairs = mapping.map { pair in
        let name = pair.key.scalar?.string ?? ""
        return (
          pair.key, removing(id: id, from: pair.value, path: NodeReader.member(path, name), found: &found)
        )
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      var items = Array(sequence)
      if isIDList(items) {
        let count = items.count
        items.removeAll { Self.id(of: $0) == id }
        if items.count < count { found.append(path) }
      }
      items = items.enumerated().map { offset, item in
        removing(id: id, from: item, path: NodeReader.element(path, offset), found: &found)
      }
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
    case .scalar, .alias:
      return node
    }
  }
}
