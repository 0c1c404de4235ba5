import Foundation
import Yams

/// A path to a value in a scenario, as written in a sweep specification and in the map form of a
/// variant's `remove`: keys joined by dots, list items by index or by id.
///
/// `horizon.years`, `families[id=schul-it].transition_cost_per_fte`, `units[id=fb-egov].capacity_fte.2027`,
/// `tasks[3].fte`, `families[id=sap].centres."it.nrw".min_fte` (a key with a dot in quotes). An index
/// counts from 0; `[id=X]` is the item of the list whose `id` is `X`.
struct ScenarioKeyPath: Equatable, Sendable, CustomStringConvertible {
  /// One step of a path.
  enum Step: Equatable, Sendable {
    /// The value of a key of a mapping.
    case key(String)
    /// The item of a list at an index, from 0.
    case index(Int)
    /// The item of a list whose `id` is the given text.
    case id(String)
  }

  /// The steps, from the top of the scenario.
  var steps: [Step]
  /// The path as it was written.
  var description: String

  /// Reads a path; throws a sentence saying what is wrong with it.
  init(_ text: String) throws(ScenarioKeyPathError) {
    description = text
    steps = []
    let characters = Array(text)
    var index = 0
    func fail(_ message: String) -> ScenarioKeyPathError {
      ScenarioKeyPathError(
        "'\(text)' is not a key path: \(message); write keys joined by dots, e.g. "
          + "horizon.years or families[id=schul-it].transition_cost_per_fte")
    }
    func name() throws(ScenarioKeyPathError) -> String {
      if index < characters.count, characters[index] == "\"" {
        guard let close = characters[(index + 1)...].firstIndex(of: "\"") else {
          throw fail("a quote is not closed")
        }
        let key = String(characters[(index + 1)..<close])
        index = close + 1
        return key
      }
      let start = index
      while index < characters.count, !".[]\"= ".contains(characters[index]) { index += 1 }
      guard index > start else {
        throw fail(
          index < characters.count ? "a key is missing before '\(characters[index])'" : "it ends in a dot")
      }
      return String(characters[start..<index])
    }
    guard !characters.isEmpty else { throw fail("it is empty") }
    steps.append(.key(try name()))
    while index < characters.count {
      switch characters[index] {
      case ".":
        index += 1
        steps.append(.key(try name()))
      case "[":
        guard let close = characters[index...].firstIndex(of: "]") else { throw fail("a '[' is not closed") }
        let inside = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
        index = close + 1
        if inside.hasPrefix("id=") {
          let id = inside.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
          guard !id.isEmpty else { throw fail("[id=] names no id") }
          steps.append(.id(id))
        } else if let position = Int(inside), position >= 0 {
          steps.append(.index(position))
        } else {
          throw fail("[\(inside)] is neither an index (0, 1, …) nor an id ([id=…])")
        }
      default:
        throw fail("'\(characters[index])' cannot follow a key here")
      }
    }
  }

  // MARK: Changing a tree

  /// `root` with the value at this path replaced by `value`; keys missing on the way are added as
  /// mappings (an edit may set `policy.budget.2027` in a scenario without a budget), list items must
  /// exist.
  func replacing(in root: Node, with value: Node) throws(ScenarioKeyPathError) -> Node {
    try update(root, at: steps[...], creating: true) { _ in value }
  }

  /// `root` with `body` applied to the value at this path, which must exist.
  func updating(
    in root: Node, _ body: (Node) throws(ScenarioKeyPathError) -> Node
  ) throws(ScenarioKeyPathError) -> Node {
    try update(root, at: steps[...], creating: false) { node throws(ScenarioKeyPathError) in
      guard let node else { throw ScenarioKeyPathError("\(description): there is no such value") }
      return try body(node)
    }
  }

  /// The value at this path in `root`, or `nil` when there is none.
  func value(in root: Node) -> Node? {
    var node = root
    for step in steps {
      switch (step, node) {
      case (.key(let key), .mapping(let mapping)):
        guard let found = mapping.first(where: { $0.key.scalar?.string == key })?.value else { return nil }
        node = found
      case (.index(let position), .sequence(let sequence)):
        guard position < sequence.count else { return nil }
        node = sequence[position]
      case (.id(let id), .sequence(let sequence)):
        guard let found = sequence.first(where: { TreeMerge.id(of: $0) == id }) else { return nil }
        node = found
      default:
        return nil
      }
    }
    return node
  }

  /// The path of the steps before `end`, as written (for messages).
  private func prefix(_ end: Int) -> String {
    var text = ""
    for step in steps[..<end] {
      switch step {
      case .key(let key):
        let written = key.contains(where: { ".[]\"= ".contains($0) }) ? "\"\(key)\"" : key
        text += text.isEmpty ? written : "." + written
      case .index(let position): text += "[\(position)]"
      case .id(let id): text += "[id=\(id)]"
      }
    }
    return text
  }

  /// The position in `items` of the item a list step names.
  private static func position(
    of step: Step, in items: [Node], list: String
  ) throws(ScenarioKeyPathError) -> Int {
    switch step {
    case .index(let wanted):
      guard wanted < items.count else {
        throw ScenarioKeyPathError(
          "'\(list)' has \(items.count) items (from [0]); [\(wanted)] is past its end")
      }
      return wanted
    case .id(let id):
      guard let found = items.firstIndex(where: { TreeMerge.id(of: $0) == id }) else {
        let ids = items.compactMap { TreeMerge.id(of: $0) }
        let hint = Suggestion.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? ""
        throw ScenarioKeyPathError("no item of '\(list)' has the id '\(id)'\(hint)")
      }
      return found
    case .key(let key):
      throw ScenarioKeyPathError("'\(list)' is a list; it has no key '\(key)'")
    }
  }

  private func update(
    _ node: Node?, at rest: ArraySlice<Step>, creating: Bool,
    _ body: (Node?) throws(ScenarioKeyPathError) -> Node
  ) throws(ScenarioKeyPathError) -> Node {
    guard let step = rest.first else { return try body(node) }
    let depth = steps.count - rest.count
    let here = prefix(depth)
    let next = rest.dropFirst()
    switch step {
    case .key(let key):
      let mapping: Node.Mapping
      switch node {
      case .mapping(let found): mapping = found
      case nil where creating: mapping = Node.Mapping([])
      case .scalar(let scalar) where creating && ScalarValue.isNull(scalar):
        mapping = Node.Mapping([], .implicit, .any, scalar.mark)
      default:
        let what = node.map { NodeReader(file: "").describe($0) } ?? "missing"
        throw ScenarioKeyPathError(
          "\(here.isEmpty ? "the scenario" : "'\(here)'") is \(what), not a mapping, so it has no key '\(key)'"
        )
      }
      var pairs = Array(mapping).map { ($0.key, $0.value) }
      if let position = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
        pairs[position].1 = try update(pairs[position].1, at: next, creating: creating, body)
      } else {
        guard creating else {
          let keys = pairs.compactMap { $0.0.scalar?.string }.joined(separator: ", ")
          throw ScenarioKeyPathError(
            "\(here.isEmpty ? "the scenario" : "'\(here)'") has no key '\(key)'"
              + (keys.isEmpty ? "" : "; its keys are \(keys)"))
        }
        let value = try update(nil, at: next, creating: creating, body)
        pairs.append((Node.scalar(Node.Scalar(key, .implicit, .plain, value.mark)), value))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .index, .id:
      guard case .sequence(let sequence) = node else {
        let what = node.map { NodeReader(file: "").describe($0) } ?? "missing"
        throw ScenarioKeyPathError("'\(here)' is \(what), not a list")
      }
      var items = Array(sequence)
      let position = try Self.position(of: step, in: items, list: here)
      items[position] = try update(items[position], at: next, creating: creating, body)
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
    }
  }
}
