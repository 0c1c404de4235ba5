import Foundation
public import ZentralCore

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

  struct Box: Encodable {
    var id: String
    var name: String
    var kind: String
    var fte: Double?
    var annualCost: Double?
    var figures: [String]
    var heading: String?
    var items: [String]
    var colour: String?
    var isNew: Bool?
    var moves: [Move]?
    var children: [Box]
  }

  struct Move: Encodable {
    var from: String
    var to: String
    var year: Int
    var fte: Double
    var tasks: [String]
    var colour: String
  }

  /// Writes the tree of the chart of `options.view`, pretty-printed with sorted keys.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let chart = try OrgChartBuilder(plan: plan, language: options.language(for: plan), view: options.view)
      .build()
    func box(_ node: OrgChart.Node) -> Box {
      Box(
        id: node.key, name: node.title, kind: node.kind, fte: node.fte, annualCost: node.annualCost,
        figures: node.figures, heading: node.heading.isEmpty ? nil : node.heading, items: node.items,
        colour: node.familyIndex.map(OrgChart.colour), isNew: node.kind == "centre" ? node.isNew : nil,
        moves: nil,
        children: chart.children(of: node.id).map(box))
    }
    let roots = chart.children(of: nil).map(box)
    var root =
      roots.count == 1
      ? roots[0]
      : Box(
        id: "", name: chart.title, kind: "scenario", fte: nil, annualCost: nil, figures: [], heading: nil,
        items: [],
        colour: nil, isNew: nil, moves: nil, children: roots)
    if chart.view == .changes {
      let keys = Dictionary(uniqueKeysWithValues: chart.nodes.map { ($0.id, $0.key) })
      root.moves = chart.flows.map {
        Move(
          from: keys[$0.from] ?? $0.from, to: keys[$0.to] ?? $0.to, year: $0.year, fte: $0.fte,
          tasks: $0.tasks,
          colour: OrgChart.colour($0.familyIndex))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    do {
      output.write(String(decoding: try encoder.encode(root), as: UTF8.self) + "\n")
    } catch {
      throw .writeFailed(path: "JSON", reason: "\(error)")
    }
  }
}
