/// An org chart of one view of a plan, independent of the drawing format: boxes in a tree
/// (units, competence centres, groups of small units) and, in the changes view, the moves.
struct OrgChart: Sendable {
  /// One box.
  struct Node: Sendable, Equatable {
    /// A safe identifier for drawing formats (`u3`, `c2`, `g0`): letters and digits only.
    var id: String
    /// The identifier exported to CSV and JSON: the unit id, `provider/family` for a centre.
    var key: String
    /// Unit kind, `centre` or `group`.
    var kind: String
    /// The box title (user text, unescaped).
    var title: String
    /// Figures shown under the title (FTE, annual cost).
    var figures: [String]
    /// A heading for ``items`` (`keeps:`, `takes over:`), or empty.
    var heading: String
    /// The IT roles or tasks listed in the box.
    var items: [String]
    /// The safe identifier of the box above, `nil` for the root.
    var parent: String?
    /// Attached to the root although outside the administration (a shared provider).
    var external: Bool
    /// The family's colour index, for a centre.
    var familyIndex: Int?
    /// IT FTE in this view.
    var fte: Double?
    /// Annual IT cost in this view, EUR/year.
    var annualCost: Double?
    /// A centre the plan opens.
    var isNew: Bool

    /// Every text line under the title.
    var lines: [String] { figures + (items.isEmpty ? [] : (heading.isEmpty ? [] : [heading]) + items) }
  }

  /// Work of one family moving from one unit to one centre in one wave.
  struct Flow: Sendable, Equatable {
    /// Safe id of the old home.
    var from: String
    /// Safe id of the new home.
    var to: String
    /// The family's colour index.
    var familyIndex: Int
    /// The wave.
    var year: Int
    /// FTE moved (home workload).
    var fte: Double
    /// Names of the tasks moved.
    var tasks: [String]
    /// Short label: the wave and the FTE.
    var label: String
  }

  /// A family colour in the legend.
  struct LegendEntry: Sendable, Equatable {
    /// The family's colour index.
    var familyIndex: Int
    /// The family's name.
    var name: String
  }

  /// A provider and its legal form in the legend.
  struct ProviderEntry: Sendable, Equatable {
    /// The unit kind (`central` or `shared`), for the box colour.
    var kind: String
    /// The provider's name (user text, unescaped).
    var name: String
    /// Its legal form in words ("öffentlicher Träger (interkommunal)").
    var legalForm: String
  }

  /// The view drawn.
  var view: ChartView
  /// The chart title.
  var title: String
  /// Every box, parents before children.
  var nodes: [Node]
  /// The moves (changes view only).
  var flows: [Flow]
  /// The families the flows are coloured by.
  var legend: [LegendEntry]
  /// The legend's heading.
  var legendTitle: String
  /// The providers of the plan with their legal form, in every view (empty for a plan without
  /// central or shared units).
  var providers: [ProviderEntry] = []
  /// The heading of ``providers``.
  var providersTitle = ""

  /// Positions in ``nodes`` of the roots and of the boxes directly below each box, in order,
  /// built in one pass: walking the tree with it stays linear in the number of boxes (a filter
  /// per box made a chain of 10,000 units quadratic).
  func tree() -> (roots: [Int], children: [String: [Int]]) {
    var roots: [Int] = []
    var children: [String: [Int]] = [:]
    for (position, node) in nodes.enumerated() {
      if let parent = node.parent {
        children[parent, default: []].append(position)
      } else {
        roots.append(position)
      }
    }
    return (roots, children)
  }

  /// The boxes directly below `id` (or the roots for `nil`), in order, with `tree` from ``tree()``.
  func children(of id: String?, in tree: (roots: [Int], children: [String: [Int]])) -> [Node] {
    (id.map { tree.children[$0] ?? [] } ?? tree.roots).map { nodes[$0] }
  }

  /// Depth of every box (roots 0).
  var depths: [String: Int] {
    var result: [String: Int] = [:]
    for node in nodes { result[node.id] = node.parent.flatMap { result[$0] }.map { $0 + 1 } ?? 0 }
    return result
  }

  /// Colour of a family by index (colour-blind friendly palette, cycled).
  static func colour(_ index: Int) -> String {
    let palette = [
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
      "#17becf", "#8c564b", "#bcbd22",
    ]
    return palette[((index % palette.count) + palette.count) % palette.count]
  }

  /// A light tint of a family colour for a box's background.
  static func tint(_ index: Int) -> String {
    let hex = Array(colour(index).dropFirst())
    var result = "#"
    for channel in 0..<3 {
      let value = Int(String(hex[(channel * 2)..<(channel * 2 + 2)]), radix: 16) ?? 0
      let mixed = value + (255 - value) * 4 / 5
      let digits = String(mixed, radix: 16)
      result += digits.count == 1 ? "0" + digits : digits
    }
    return result
  }

  /// Background of a box.
  static func fill(_ node: Node) -> String {
    if let family = node.familyIndex { return tint(family) }
    return fill(kind: node.kind)
  }

  /// Background of a box of `kind` (a unit kind, `group`) without a family.
  static func fill(kind: String) -> String {
    switch kind {
    case "administration": return "#e8eef7"
    case "division": return "#f0f0f0"
    case "enterprise": return "#fdf8e6"
    case "central": return "#dcefdc"
    case "shared": return "#f1e4f4"
    case "group": return "#fafafa"
    default: return "#ffffff"
    }
  }
}
