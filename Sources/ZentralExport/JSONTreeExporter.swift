public import ZentralPlan

/// Writes the org chart of one view as a JSON tree: the root box with nested `children`, the
/// shape web org-chart libraries (d3-hierarchy, OrgChart and the like) take. Each box has `id`,
/// `name`, `kind`, `fte`, `annual_cost`, the label lines (`figures`, `heading`, `items`) and
/// `children`; the changes view adds the moves (`moves`) to the root.
public struct JSONTreeExporter: Exporter {
  /// Language and view.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/json``.
  public var format: ExportFormat { .json }

  /// A value of one field of a box (the tree itself is written by ``write(_:to:)``).
  enum Value {
    case string(String)
    case number(Double)
    case bool(Bool)
    case strings([String])
    case objects([[(key: String, value: Value)]])
  }

  /// Writes the tree of the chart of `options.view`, pretty-printed with sorted keys.
  ///
  /// The JSON is written by hand with an explicit stack, byte for byte in the layout of
  /// Foundation's `JSONEncoder` (sorted keys, `" : "`, two spaces per level): the encoder
  /// refuses trees deeper than 512 levels, and a nested value 100,000 levels deep overflows the
  /// stack when it is built or freed.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try options.chart(of: plan, view: options.view)
    let tree = chart.tree()
    var moves: [(key: String, value: Value)] = []
    if chart.view == .changes {
      let keys = Dictionary(chart.nodes.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first })
      moves = [
        (
          "moves",
          .objects(
            chart.flows.map {
              [
                ("colour", .string(OrgChart.colour($0.familyIndex))),
                ("from", .string(keys[$0.from] ?? $0.from)),
                ("fte", .number($0.fte)), ("tasks", .strings($0.tasks)),
                ("to", .string(keys[$0.to] ?? $0.to)),
                ("year", .number(Double($0.year))),
              ]
            })
        )
      ]
    }
    // The fields of a box around its children, in key order.
    func fields(
      _ node: OrgChart.Node
    ) -> (head: [(key: String, value: Value)], tail: [(key: String, value: Value)]) {
      var tail: [(key: String, value: Value)] = []
      if let colour = node.familyIndex.map(OrgChart.colour) { tail.append(("colour", .string(colour))) }
      tail.append(("figures", .strings(node.figures)))
      if let fte = node.fte { tail.append(("fte", .number(fte))) }
      if !node.heading.isEmpty { tail.append(("heading", .string(node.heading))) }
      tail.append(("id", .string(node.key)))
      if node.kind == "centre" { tail.append(("is_new", .bool(node.isNew))) }
      tail += [("items", .strings(node.items)), ("kind", .string(node.kind)), ("name", .string(node.title))]
      return (node.annualCost.map { [("annual_cost", .number($0))] } ?? [], tail)
    }
    // Several roots hang below one box for the scenario; the moves go to the top box.
    let root: (head: [(key: String, value: Value)], tail: [(key: String, value: Value)], children: [Int])
    if tree.roots.count == 1 {
      let node = chart.nodes[tree.roots[0]]
      var parts = fields(node)
      parts.tail.insert(contentsOf: moves, at: parts.tail.count - 1)
      root = (parts.head, parts.tail, tree.children[node.id] ?? [])
    } else {
      let tail: [(key: String, value: Value)] =
        [
          ("figures", .strings([])), ("id", .string("")), ("items", .strings([])),
          ("kind", .string("scenario")),
        ]
        + moves + [("name", .string(chart.title))]
      root = ([], tail, tree.roots)
    }

    var json = JSONText()
    var steps: [Step] = []
    func begin(
      head: [(key: String, value: Value)], tail: [(key: String, value: Value)], children: [Int], level: Int
    )
      throws(ExportError)
    {
      json.text += "{\n"
      for field in head {
        json.indent(level + 1)
        try json.field(field.key, field.value, level: level + 1)
        json.text += ",\n"
      }
      json.indent(level + 1)
      json.text += "\"children\" : ["
      guard !children.isEmpty else {
        json.text += "\n\n"
        try end(tail: tail, level: level)
        return
      }
      json.text += "\n"
      steps.append(.close(tail: tail, level: level))
      for (number, child) in children.enumerated().reversed() {
        steps.append(.open(position: child, level: level + 2, first: number == 0))
      }
    }
    func end(tail: [(key: String, value: Value)], level: Int) throws(ExportError) {
      json.indent(level + 1)
      json.text += "]"
      for field in tail {
        json.text += ",\n"
        json.indent(level + 1)
        try json.field(field.key, field.value, level: level + 1)
      }
      json.text += "\n"
      json.indent(level)
      json.text += "}"
    }
    try begin(head: root.head, tail: root.tail, children: root.children, level: 0)
    while let step = steps.popLast() {
      switch step {
      case .open(let position, let level, let first):
        if !first { json.text += ",\n" }
        json.indent(level)
        let node = chart.nodes[position]
        let parts = fields(node)
        try begin(head: parts.head, tail: parts.tail, children: tree.children[node.id] ?? [], level: level)
      case .close(let tail, let level):
        json.text += "\n"
        try end(tail: tail, level: level)
      }
    }
    output.write(json.text + "\n")
  }

  /// A step still to write: open a box (at its level), or close the children of one.
  private enum Step {
    case open(position: Int, level: Int, first: Bool)
    case close(tail: [(key: String, value: Value)], level: Int)
  }

  /// Pretty-printed JSON text, written piece by piece.
  struct JSONText {
    var text = ""

    /// Levels indented at most: deeper levels stay at this indent, so that the text of a
    /// chain of 10,000 units grows linearly (2.2 GB with two spaces for every level).
    static let maxIndent = 64

    mutating func indent(_ level: Int) { text += String(repeating: "  ", count: min(level, Self.maxIndent)) }

    /// `"key" : value` for a field at `level`.
    mutating func field(_ key: String, _ value: Value, level: Int) throws(ExportError) {
      text += "\"\(key)\" : "
      try self.value(value, level: level)
    }

    mutating func value(_ value: Value, level: Int) throws(ExportError) {
      switch value {
      case .string(let string): text += Escape.json(string)
      case .bool(let flag): text += flag ? "true" : "false"
      case .number(let number):
        guard number.isFinite else {
          throw .writeFailed(path: "JSON", reason: "\(number) is not a finite number")
        }
        // As JSONEncoder writes it: the shortest form that reads back, without a trailing ".0".
        var digits = "\(number)"
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        text += digits
      case .strings(let strings):
        try array(strings.map { .string($0) }, level: level)
      case .objects(let objects):
        guard !objects.isEmpty else { return try array([], level: level) }
        text += "[\n"
        for (number, object) in objects.enumerated() {
          if number > 0 { text += ",\n" }
          indent(level + 1)
          text += "{\n"
          for (position, field) in object.enumerated() {
            if position > 0 { text += ",\n" }
            indent(level + 2)
            try self.field(field.key, field.value, level: level + 2)
          }
          text += "\n"
          indent(level + 1)
          text += "}"
        }
        text += "\n"
        indent(level)
        text += "]"
      }
    }

    private mutating func array(_ values: [Value], level: Int) throws(ExportError) {
      text += "[\n"
      if values.isEmpty { text += "\n" }
      for (number, element) in values.enumerated() {
        if number > 0 { text += ",\n" }
        indent(level + 1)
        try value(element, level: level + 1)
      }
      if !values.isEmpty { text += "\n" }
      indent(level)
      text += "]"
    }
  }
}
