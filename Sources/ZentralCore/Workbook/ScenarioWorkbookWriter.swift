import Foundation
import Yams
import ZentralPlan
import ZentralWorkbook

/// Lays out a scenario (or nothing, for the empty template) as the sheets of ``WorkbookLayout``:
/// a heading row, a row of notes with unit and range, then the values. The values are read from
/// the scenario's own YAML (``ScenarioWriter``), key path by key path, so a key that the writer
/// writes and the layout lists appears in the workbook without further code.
struct ScenarioWorkbookWriter {
  /// Whether headings, notes and sheet names are English.
  let english: Bool
  /// The scenario's YAML document, `nil` for the empty template.
  let document: Node?

  /// The sheets written (``WorkbookLayout/sheets`` unless a test narrows them).
  let layouts: [WorkbookSheet]

  init(scenario: Scenario?, english: Bool, layouts: [WorkbookSheet] = WorkbookLayout.sheets) {
    self.english = english
    self.layouts = layouts
    self.document = scenario.flatMap { try? Yams.compose(yaml: ScenarioWriter.yaml($0)) } ?? nil
  }

  /// The workbook; keys that no column holds go to the sheet of further keys.
  func workbook() -> Workbook {
    var sheets = layouts.map(sheet)
    guard let document,
      let extra = layouts.firstIndex(where: { if case .extra = $0.shape { true } else { false } })
    else { return Workbook(sheets: sheets) }
    var reader = ScenarioWorkbookReader(workbook: Workbook(sheets: sheets), file: "", layouts: layouts)
    reader.read()
    var rows: [[CellValue]] = []
    Self.uncovered(document, reader.root, path: [], into: &rows)
    sheets[extra].rows += rows
    return Workbook(sheets: sheets)
  }

  /// Rows of key path and YAML value for every value of `node` that `tree` (the scenario as the
  /// other sheets give it) lacks.
  private static func uncovered(
    _ node: Node, _ tree: WorkbookTree, path: [WorkbookKeyPath.Segment], into rows: inout [[CellValue]]
  ) {
    if let mapping = node.mapping {
      for (key, value) in mapping {
        let name = key.string ?? ""
        let here = path + [.key(name)]
        if let child = tree.children[name] {
          uncovered(value, child, path: here, into: &rows)
        } else {
          let text = (try? Yams.serialize(node: value)) ?? ""
          rows.append([
            .text(WorkbookKeyPath.text(here)), .text(text.trimmingCharacters(in: .whitespacesAndNewlines)),
          ])
        }
      }
    } else if let sequence = node.sequence, tree.isList, tree.items.count == sequence.count {
      for (index, item) in sequence.enumerated() {
        uncovered(item, tree.items[index], path: path + [.index(index)], into: &rows)
      }
    }
  }

  private func sheet(_ layout: WorkbookSheet) -> Worksheet {
    let name = layout.name(english: english)
    if case .fields = layout.shape {
      var rows: [[CellValue]] = [
        english
          ? [.text("Field"), .text("Value"), .text("Key"), .text("Explanation")]
          : [.text("Feld"), .text("Wert"), .text("Schlüssel"), .text("Erläuterung")]
      ]
      for column in layout.columns {
        let value = Self.get(document, column.key).map { cell($0, column.kind) } ?? .empty
        rows.append([
          .text(column.heading(english: english)), value, .text(column.key),
          .text(column.note(english: english)),
        ])
      }
      return Worksheet(
        name: name, rows: rows, rowStyles: [0: .heading], columnWidths: [0: 30, 1: 24, 2: 34, 3: 70],
        frozenRows: 1)
    }
    var rows: [[CellValue]] = [
      layout.columns.map { .text($0.heading(english: english)) },
      layout.columns.map { .text($0.note(english: english)) },
    ]
    rows += dataRows(layout)
    var widths: [Int: Double] = [:]
    for (index, column) in layout.columns.enumerated() {
      widths[index] = column.key == "name" || column.key == "reason" ? 48 : 20
    }
    return Worksheet(
      name: name, rows: rows, rowStyles: [0: .heading, 1: .note], columnWidths: widths, frozenRows: 2)
  }

  private func dataRows(_ layout: WorkbookSheet) -> [[CellValue]] {
    guard let document else { return [] }
    switch layout.shape {
    case .fields: return []
    case .list(let key):
      return Self.items(document, key).map { item in
        layout.columns.map { column in Self.get(item, column.key).map { cell($0, column.kind) } ?? .empty }
      }
    case .providers:
      return Self.items(document, "families").flatMap { family in
        let id = Self.get(family, "id")?.string ?? ""
        return Self.items(family, "providers").map { providerNode -> [CellValue] in
          let provider = providerNode.string ?? ""
          let centre = Self.entry(Self.get(family, "centres"), provider)
          return layout.columns.map { column -> CellValue in
            switch column.key {
            case "family": return .text(id)
            case "provider": return .text(provider)
            case "open":
              guard let centre else { return .empty }
              if let open = Self.get(centre, "open")?.bool { return .bool(open) }
              return .bool((Self.get(centre, "existing_fte")?.float ?? 0) > 0)
            default: return Self.get(centre, column.key).map { cell($0, column.kind) } ?? .empty
            }
          }
        }
      }
    case .scale:
      return Self.items(document, "families").flatMap { family -> [[CellValue]] in
        let id = Self.get(family, "id")?.string ?? ""
        var rows = Self.items(family, "scale").map { Self.scaleRow(id, "", $0) }
        for (provider, centre) in Self.pairs(Self.get(family, "centres")) {
          rows += Self.items(centre, "scale").map { Self.scaleRow(id, provider, $0) }
        }
        return rows
      }
    case .offers:
      return Self.items(document, "tasks").flatMap { task -> [[CellValue]] in
        let id = Self.get(task, "id")?.string ?? ""
        return Self.pairs(Self.get(task, "at")).map { provider, offer in
          layout.columns.map { column -> CellValue in
            switch column.key {
            case "task": return .text(id)
            case "provider": return .text(provider)
            default: return Self.get(offer, column.key).map { cell($0, column.kind) } ?? .empty
            }
          }
        }
      }
    case .yearValues:
      var rows: [[CellValue]] = []
      for (key, perUnit) in WorkbookLayout.yearValueKeys {
        let owners: [(String, Node?)] =
          perUnit
          ? Self.items(document, "units").map { (Self.get($0, "id")?.string ?? "", Self.get($0, key)) }
          : [("", Self.get(document, key))]
        for (unit, value) in owners {
          for (year, number) in Self.pairs(value) {
            rows.append([
              .text(key), .text(unit), Int(year).map { .number(Double($0)) } ?? .text(year),
              cell(number, .number),
            ])
          }
        }
      }
      return rows
    case .rules:
      return ruleRows()
    case .extra:
      return []
    }
  }

  private func ruleRows() -> [[CellValue]] {
    let policy = Self.get(document, "policy")
    func word(_ key: String) -> CellValue {
      let words: [String: (String, String)] = [
        "pilots": ("Pilot", "pilot"), "deadlines": ("Frist", "deadline"),
        "together": ("gemeinsam", "together"),
        "must_move": ("muss wechseln", "must move"), "must_stay": ("bleibt", "must stay"),
      ]
      let pair = words[key] ?? (key, key)
      return .text(english ? pair.1 : pair.0)
    }
    var rows: [[CellValue]] = []
    for pilot in Self.items(policy, "pilots") {
      rows.append([word("pilots"), text(pilot, "family"), text(pilot, "unit"), .empty, .empty, .empty])
    }
    for deadline in Self.items(policy, "deadlines") {
      let year = Self.get(deadline, "by").map { cell($0, .whole) } ?? .empty
      rows.append([word("deadlines"), text(deadline, "family"), .empty, .empty, year, .empty])
    }
    for (number, group) in Self.items(policy, "together").enumerated() {
      for task in group.sequence.map(Array.init) ?? [] {
        let name = (english ? "group " : "Gruppe ") + String(number + 1)
        rows.append([word("together"), .empty, .empty, .text(task.string ?? ""), .empty, .text(name)])
      }
    }
    for key in ["must_move", "must_stay"] {
      for task in Self.items(policy, key) {
        rows.append([word(key), .empty, .empty, .text(task.string ?? ""), .empty, .empty])
      }
    }
    return rows
  }

  private func text(_ node: Node?, _ key: String) -> CellValue {
    Self.get(node, key)?.string.map { .text($0) } ?? .empty
  }

  private static func scaleRow(_ family: String, _ provider: String, _ point: Node) -> [CellValue] {
    let values = point.sequence.map(Array.init) ?? []
    let numbers = values.map { $0.float.map { CellValue.number($0) } ?? .text($0.string ?? "") }
    return [.text(family), provider.isEmpty ? .empty : .text(provider)] + numbers
  }

  /// The cell of a YAML value for a column of `kind`.
  private func cell(_ node: Node, _ kind: WorkbookColumn.Kind) -> CellValue {
    switch kind {
    case .list:
      let ids = (node.sequence.map(Array.init) ?? []).compactMap(\.string)
      return .text(ids.isEmpty ? "-" : ids.joined(separator: ", "))
    case .number, .whole:
      if node.mapping != nil { return .empty }
      if let number = node.scalar.flatMap({ Double($0.string) }), number.isFinite { return .number(number) }
      return .text(node.string ?? "")
    case .flag:
      return node.bool.map { .bool($0) } ?? .text(node.string ?? "")
    case .text, .unitKind, .choice:
      return .text(node.string ?? "")
    }
  }

  // MARK: YAML access

  /// The value at the dotted `path` below `node`.
  static func get(_ node: Node?, _ path: String) -> Node? {
    var current = node
    for part in path.split(separator: ".") { current = entry(current, String(part)) }
    return current
  }

  /// The value of `key` in the mapping `node`, keys compared as text.
  static func entry(_ node: Node?, _ key: String) -> Node? {
    node?.mapping?.first { $0.key.string == key }?.value
  }

  /// The entries of the mapping `node` as text keys and values, in order.
  static func pairs(_ node: Node?) -> [(String, Node)] {
    guard let mapping = node?.mapping else { return [] }
    return mapping.map { ($0.key.string ?? "", $0.value) }
  }

  /// The items of the list at `key` of `node`.
  static func items(_ node: Node?, _ key: String) -> [Node] {
    entry(node, key)?.sequence.map(Array.init) ?? []
  }
}
