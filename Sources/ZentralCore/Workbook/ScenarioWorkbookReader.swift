import Foundation
import Yams
import ZentralPlan
import ZentralWorkbook

/// Turns the sheets of a scenario workbook into a scenario document (a ``WorkbookTree``) by the
/// table of ``WorkbookLayout``: fields sheets key by key, list sheets row by row, and the sheets
/// of providers, scale curves, offers, year values and rules into the families, tasks, units
/// and policy they name. Problems of the workbook's shape (a missing sheet, an unknown column, a
/// family that no row defines) are collected as diagnostics at their cell; the values themselves
/// are checked by the scenario loader afterwards.
struct ScenarioWorkbookReader {
  let workbook: Workbook
  let file: String
  /// Whether the workbook uses the English sheet names.
  let english: Bool
  private(set) var diagnostics: [Diagnostic] = []
  let root = WorkbookTree.mapping()
  private var families: [String: WorkbookTree] = [:]
  private var tasks: [String: WorkbookTree] = [:]
  private var units: [String: WorkbookTree] = [:]

  /// The sheets read (``WorkbookLayout/sheets`` unless a test narrows them).
  let layouts: [WorkbookSheet]

  init(workbook: Workbook, file: String, layouts: [WorkbookSheet] = WorkbookLayout.sheets) {
    self.workbook = workbook
    self.file = file
    self.layouts = layouts
    let names = Set(workbook.sheets.map { ImportVocabulary.normalise($0.name) })
    let german = layouts.filter { names.contains(ImportVocabulary.normalise($0.german)) }.count
    let english = layouts.filter { names.contains(ImportVocabulary.normalise($0.english)) }
      .count
    self.english = english > german
  }

  /// The sheets that a scenario cannot do without.
  static let requiredShapes: Set<String> = [
    "Szenario", "Zeitraum", "Einheiten", "Aufgabenbereiche", "Aufgaben",
  ]

  /// Reads every sheet of the layout into ``root``.
  mutating func read() {
    root.set("format", .value(WorkbookTree.quoted(Scenario.currentFormat), nil))
    var known = Set<String>()
    for layout in layouts {
      let sheet = workbook.sheets.first {
        let name = ImportVocabulary.normalise($0.name)
        return name == ImportVocabulary.normalise(layout.german)
          || name == ImportVocabulary.normalise(layout.english)
      }
      guard let sheet else {
        if Self.requiredShapes.contains(layout.german) {
          problem(
            nil,
            english
              ? "has no sheet '\(layout.english)' (or '\(layout.german)'); the template of 'zentral template' has it"
              : "has no sheet '\(layout.german)' (or '\(layout.english)'); the template of 'zentral template' has it"
          )
        }
        if case .list(let key) = layout.shape, key == "families" { root.set(key, .list()) }
        continue
      }
      known.insert(sheet.name)
      switch layout.shape {
      case .fields: readFields(sheet, layout)
      case .list(let key): readList(sheet, layout, key: key)
      case .providers, .scale, .offers, .yearValues, .rules, .extra: readChildren(sheet, layout)
      }
    }
    for sheet in workbook.sheets where !known.contains(sheet.name) {
      problem(
        nil,
        english
          ? "the sheet '\(sheet.name)' is not part of a scenario workbook and is not read"
          : "das Blatt '\(sheet.name)' gehört nicht zu einer Szenario-Mappe und wird nicht gelesen",
        warning: true)
    }
  }

  // MARK: Sheets

  private mutating func readFields(_ sheet: Worksheet, _ layout: WorkbookSheet) {
    for (index, row) in sheet.rows.enumerated() where index > 0 {
      let label = cellText(row, 0)
      let key = cellText(row, 2)
      let value = row.count > 1 ? row[1] : .empty
      let column = layout.columns.first { column in
        key.isEmpty
          ? [column.german, column.english, column.key].map(ImportVocabulary.normalise).contains(
            ImportVocabulary.normalise(label))
          : column.key == key
      }
      if let column { keyPlaces[column.key] = WorkbookPlace(sheet: sheet.name, row: index + 1, column: 2) }
      if value.isBlank { continue }
      guard let column else {
        let shown = key.isEmpty ? label : key
        problem(
          WorkbookPlace(sheet: sheet.name, row: index + 1, column: key.isEmpty ? 1 : 3),
          english
            ? "'\(shown)' is not a key of this sheet (keys: \(layout.columns.map(\.key).joined(separator: ", ")))"
            : "'\(shown)' ist kein Schlüssel dieses Blatts (Schlüssel: \(layout.columns.map(\.key).joined(separator: ", ")))"
        )
        continue
      }
      root.set(column.key, node(value, column, WorkbookPlace(sheet: sheet.name, row: index + 1, column: 2)))
    }
  }

  /// The columns of a table sheet by their heading in row 1, and the first row of data (after a
  /// notes row that starts with `Hinweis:` or `Note:`).
  private mutating func header(
    _ sheet: Worksheet, _ layout: WorkbookSheet
  ) -> (columns: [Int: WorkbookColumn], first: Int) {
    var columns: [Int: WorkbookColumn] = [:]
    let headings = sheet.rows.first ?? []
    for (index, cell) in headings.enumerated() where !cell.isBlank {
      let text = ImportVocabulary.normalise(cell.displayText)
      let match = layout.columns.first {
        [$0.german, $0.english, $0.key].map(ImportVocabulary.normalise).contains(text)
      }
      guard let match else {
        problem(
          WorkbookPlace(sheet: sheet.name, row: 1, column: index + 1),
          english
            ? "the column '\(cell.displayText)' is not read (columns: \(layout.columns.map(\.english).joined(separator: ", ")))"
            : "die Spalte '\(cell.displayText)' wird nicht gelesen (Spalten: \(layout.columns.map(\.german).joined(separator: ", ")))",
          warning: true)
        continue
      }
      if columns.values.contains(where: { $0.key == match.key }) {
        problem(
          WorkbookPlace(sheet: sheet.name, row: 1, column: index + 1),
          english
            ? "the column '\(match.english)' appears twice" : "die Spalte '\(match.german)' steht doppelt da")
        continue
      }
      columns[index] = match
    }
    var first = 1
    if sheet.rows.count > 1 {
      let lead = cellText(sheet.rows[1], 0).lowercased()
      if lead.hasPrefix("hinweis:") || lead.hasPrefix("note:") { first = 2 }
    }
    return (columns, first)
  }

  private mutating func readList(_ sheet: Worksheet, _ layout: WorkbookSheet, key: String) {
    let list = WorkbookTree.list()
    root.set(key, list)
    let (columns, first) = header(sheet, layout)
    keyPlaces[key] = WorkbookPlace(sheet: sheet.name, row: first + 1, column: nil)
    // Lists of items with ids need the ID column; a list without ids (funding) does not.
    let needsID = layout.columns.contains { $0.key == "id" }
    guard !needsID || columns.values.contains(where: { $0.key == "id" }) else {
      problem(
        WorkbookPlace(sheet: sheet.name, row: 1, column: nil),
        english ? "has no column 'ID' in row 1" : "hat keine Spalte 'ID' in Zeile 1")
      return
    }
    for (index, row) in sheet.rows.enumerated() where index >= first && !row.allSatisfy(\.isBlank) {
      let item = WorkbookTree.mapping(WorkbookPlace(sheet: sheet.name, row: index + 1, column: nil))
      if key == "families" { item.set("providers", .list()) }
      for (column, spec) in columns.sorted(by: { $0.key < $1.key })
      where column < row.count && !row[column].isBlank {
        item.set(
          spec.key,
          node(row[column], spec, WorkbookPlace(sheet: sheet.name, row: index + 1, column: column + 1)))
      }
      list.append(item)
      guard let idColumn = columns.first(where: { $0.value.key == "id" })?.key else { continue }
      let id = cellText(row, idColumn)
      switch key {
      case "families": families[id] = families[id] ?? item
      case "tasks": tasks[id] = tasks[id] ?? item
      case "units": units[id] = units[id] ?? item
      default: break
      }
    }
  }

  private mutating func readChildren(_ sheet: Worksheet, _ layout: WorkbookSheet) {
    let (columns, first) = header(sheet, layout)
    for (index, row) in sheet.rows.enumerated() where index >= first && !row.allSatisfy(\.isBlank) {
      var cells: [String: (value: CellValue, place: WorkbookPlace, column: WorkbookColumn)] = [:]
      for (column, spec) in columns where column < row.count && !row[column].isBlank {
        cells[spec.key] = (
          row[column], WorkbookPlace(sheet: sheet.name, row: index + 1, column: column + 1), spec
        )
      }
      let rowPlace = WorkbookPlace(sheet: sheet.name, row: index + 1, column: nil)
      switch layout.shape {
      case .providers: providerRow(cells, layout, rowPlace)
      case .scale: scaleRow(cells, layout, rowPlace)
      case .offers: offerRow(cells, layout, rowPlace)
      case .yearValues: yearValueRow(cells, layout, rowPlace)
      case .rules: ruleRow(cells, layout, rowPlace)
      case .extra: extraRow(cells, rowPlace)
      case .fields, .list: break
      }
    }
  }

  private typealias Cells = [String: (value: CellValue, place: WorkbookPlace, column: WorkbookColumn)]

  /// The item named in the cell `key` among `items`, or a diagnostic.
  private mutating func parent(
    _ cells: Cells, _ key: String, in items: [String: WorkbookTree],
    what: (de: String, en: String, sheet: String),
    _ layout: WorkbookSheet, _ row: WorkbookPlace
  ) -> WorkbookTree? {
    guard let cell = cells[key] else {
      let column = layout.columns.first { $0.key == key }
      problem(
        row,
        english
          ? "the column '\(column?.english ?? key)' is empty; name the \(what.en)"
          : "die Spalte '\(column?.german ?? key)' ist leer; nenne \(what.de)")
      return nil
    }
    let id = cell.value.displayText.trimmingCharacters(in: .whitespaces)
    guard let item = items[id] else {
      problem(
        cell.place,
        english
          ? "there is no \(what.en) '\(id)' on the sheet '\(what.sheet)'"
          : "auf dem Blatt '\(what.sheet)' gibt es kein\(what.de.hasPrefix("die") ? "e" : "en") \(what.de.split(separator: " ").last ?? "") '\(id)'"
      )
      return nil
    }
    return item
  }

  private func sheetName(_ german: String) -> String {
    let layout = layouts.first { $0.german == german } ?? WorkbookLayout.sheets.first { $0.german == german }
    return layout.map { english ? $0.english : $0.german } ?? german
  }

  /// The row's provider cell, or a problem at the row when the column is empty.
  private mutating func providerCell(
    _ cells: Cells, _ row: WorkbookPlace
  ) -> (value: CellValue, place: WorkbookPlace, column: WorkbookColumn)? {
    if let provider = cells["provider"] { return provider }
    problem(
      row,
      english
        ? "the column 'Provider' is empty; name the provider"
        : "die Spalte 'Anbieter' ist leer; nenne den Anbieter")
    return nil
  }

  private mutating func providerRow(_ cells: Cells, _ layout: WorkbookSheet, _ row: WorkbookPlace) {
    let what = (de: "den Aufgabenbereich", en: "task family", sheet: sheetName("Aufgabenbereiche"))
    guard let family = parent(cells, "family", in: families, what: what, layout, row) else { return }
    guard let provider = providerCell(cells, row) else { return }
    let id = provider.value.displayText.trimmingCharacters(in: .whitespaces)
    family.child("providers", make: { .list() }).append(.value(WorkbookTree.quoted(id), provider.place))
    let terms = cells.filter { $0.key != "family" && $0.key != "provider" }
    guard !terms.isEmpty else { return }
    let centre = family.child("centres").child(id) { .mapping(row) }
    for (key, cell) in terms.sorted(by: { $0.value.place.column ?? 0 < $1.value.place.column ?? 0 }) {
      centre.set(key, node(cell.value, cell.column, cell.place))
    }
  }

  private mutating func scaleRow(_ cells: Cells, _ layout: WorkbookSheet, _ row: WorkbookPlace) {
    let what = (de: "den Aufgabenbereich", en: "task family", sheet: sheetName("Aufgabenbereiche"))
    guard let family = parent(cells, "family", in: families, what: what, layout, row) else { return }
    var target = family
    if let provider = cells["provider"] {
      target = family.child("centres").child(provider.value.displayText.trimmingCharacters(in: .whitespaces))
      {
        .mapping(row)
      }
    }
    let point = WorkbookTree.list(row)
    for key in ["pooled", "effective"] {
      guard let cell = cells[key] else {
        let column = layout.columns.first { $0.key == key }
        problem(
          row,
          english
            ? "the column '\(column?.english ?? key)' is empty; a breakpoint has pooled and effective FTE"
            : "die Spalte '\(column?.german ?? key)' ist leer; ein Stützpunkt hat gebündelte und benötigte VZÄ"
        )
        return
      }
      point.append(node(cell.value, cell.column, cell.place))
    }
    target.child("scale", make: { .list(row) }).append(point)
  }

  private mutating func offerRow(_ cells: Cells, _ layout: WorkbookSheet, _ row: WorkbookPlace) {
    let what = (de: "die Aufgabe", en: "task", sheet: sheetName("Aufgaben"))
    guard let task = parent(cells, "task", in: tasks, what: what, layout, row) else { return }
    guard let provider = providerCell(cells, row) else { return }
    let offer = task.child("at").child(provider.value.displayText.trimmingCharacters(in: .whitespaces)) {
      .mapping(row)
    }
    for (key, cell) in cells where key != "task" && key != "provider" {
      offer.set(key, node(cell.value, cell.column, cell.place))
    }
  }

  private mutating func yearValueRow(_ cells: Cells, _ layout: WorkbookSheet, _ row: WorkbookPlace) {
    guard let keyCell = cells["key"] else {
      problem(row, english ? "the column 'Key' is empty" : "die Spalte 'Schlüssel' ist leer")
      return
    }
    let key = keyCell.value.displayText.trimmingCharacters(in: .whitespaces)
    guard let entry = WorkbookLayout.yearValueKeys.first(where: { $0.key == key }) else {
      problem(
        keyCell.place,
        (english
          ? "'\(key)' is not a key with values by year; write one of "
          : "'\(key)' ist kein Schlüssel mit Jahreswerten; schreibe einen von ")
          + WorkbookLayout.yearValueKeys.map(\.key).joined(separator: ", "))
      return
    }
    var owner = root
    var path = key
    if entry.perUnit {
      let what = (de: "die Einheit", en: "unit", sheet: sheetName("Einheiten"))
      guard let unit = parent(cells, "unit", in: units, what: what, layout, row) else { return }
      owner = unit
      path = key
    }
    guard let yearCell = cells["year"], let valueCell = cells["value"] else {
      problem(row, english ? "a year value needs a year and a value" : "ein Jahreswert braucht Jahr und Wert")
      return
    }
    if let existing = owner.node(at: path), existing.scalar != nil {
      problem(
        keyCell.place,
        english
          ? "\(key) is given as one number (\(existing.place?.text(english: true) ?? "elsewhere")) and by year here; give one or the other"
          : "\(key) ist als eine Zahl (\(existing.place?.text(english: false) ?? "anderswo")) und hier je Jahr angegeben; gib eins von beiden an"
      )
      return
    }
    if owner.node(at: path) == nil { owner.set(path, .mapping(keyCell.place)) }
    guard let values = owner.node(at: path) else { return }
    let year = node(yearCell.value, yearCell.column, yearCell.place).scalar ?? ""
    let yearKey = year.hasPrefix("\"") ? String(year.dropFirst().dropLast()) : year
    if values.has(yearKey) {
      problem(
        yearCell.place,
        english
          ? "the year \(yearKey) of \(key) is given twice" : "das Jahr \(yearKey) von \(key) steht doppelt da"
      )
      return
    }
    values.set(yearKey, node(valueCell.value, valueCell.column, valueCell.place))
  }

  private mutating func ruleRow(_ cells: Cells, _ layout: WorkbookSheet, _ row: WorkbookPlace) {
    guard let ruleCell = cells["rule"] else {
      problem(row, english ? "the column 'Rule' is empty" : "die Spalte 'Regel' ist leer")
      return
    }
    let word = ImportVocabulary.normalise(ruleCell.value.displayText)
    guard
      let rule = WorkbookLayout.ruleWords.first(where: {
        $0.words.map(ImportVocabulary.normalise).contains(word)
      })
    else {
      problem(
        ruleCell.place,
        english
          ? "'\(ruleCell.value.displayText)' is not a rule; write pilot, deadline, together, must move or must stay"
          : "'\(ruleCell.value.displayText)' ist keine Regel; schreibe Pilot, Frist, gemeinsam, muss wechseln oder bleibt"
      )
      return
    }
    let policy = root.child("policy")
    let list = policy.child(rule.key) { .list(ruleCell.place) }
    func value(_ key: String) -> WorkbookTree? {
      cells[key].map { node($0.value, $0.column, $0.place) }
    }
    switch rule.key {
    case "pilots", "deadlines":
      let entry = WorkbookTree.mapping(row)
      for key in rule.key == "pilots" ? ["family", "unit"] : ["family", "by"] {
        if let node = value(key) { entry.set(key, node) }
      }
      list.append(entry)
    case "together":
      let group = cells["group"]?.value.displayText ?? ""
      if let task = value("task") {
        if let existing = togetherGroups[group] {
          existing.append(task)
        } else {
          let members = WorkbookTree.list(row)
          members.append(task)
          togetherGroups[group] = members
          list.append(members)
        }
      }
    default:
      if let task = value("task") {
        list.append(task)
      } else {
        problem(
          row,
          english
            ? "the column 'Task' is empty; name the task" : "die Spalte 'Aufgabe' ist leer; nenne die Aufgabe"
        )
      }
    }
  }

  private var togetherGroups: [String: WorkbookTree] = [:]

  private mutating func extraRow(_ cells: Cells, _ row: WorkbookPlace) {
    guard let pathCell = cells["path"], let valueCell = cells["value"] else {
      problem(
        row,
        english
          ? "a row of this sheet needs a key path and a value"
          : "eine Zeile dieses Blatts braucht Schlüsselpfad und Wert")
      return
    }
    let path = pathCell.value.displayText.trimmingCharacters(in: .whitespaces)
    guard let segments = WorkbookKeyPath.parse(path), case .key(let last)? = segments.last else {
      problem(
        pathCell.place,
        english
          ? "'\(path)' is not a key path; write it as in messages, e.g. units[3].posts"
          : "'\(path)' ist kein Schlüsselpfad; schreibe ihn wie in Meldungen, z. B. units[3].posts")
      return
    }
    var node = root
    for segment in segments.dropLast() {
      switch segment {
      case .key(let key):
        guard !node.isList, node.scalar == nil else { return missingPath(path, pathCell.place) }
        node = node.child(key)
      case .index(let index):
        guard node.isList, index < node.items.count else { return missingPath(path, pathCell.place) }
        node = node.items[index]
      }
    }
    guard !node.isList, node.scalar == nil else { return missingPath(path, pathCell.place) }
    if node.has(last) {
      problem(
        pathCell.place,
        english
          ? "\(path) is given on another sheet already; give it once"
          : "\(path) steht schon auf einem anderen Blatt; gib ihn nur einmal an")
      return
    }
    let text: String
    switch valueCell.value {
    case .text(let written): text = written.trimmingCharacters(in: .whitespacesAndNewlines)
    case .bool(let flag): text = flag ? "true" : "false"
    default: text = valueCell.value.displayText
    }
    // A block mapping or list (`fte: 2`, `- a`) goes on lines of its own below the key, even when
    // it is one line; a scalar or a flow collection (`{2026: 3}`) stays on the key's line.
    let composed = try? Yams.compose(yaml: text)
    let isCollection = composed?.mapping != nil || composed?.sequence != nil
    let isFlow = text.hasPrefix("{") || text.hasPrefix("[")
    node.set(last, .value(isCollection && !isFlow ? text + "\n" : text, valueCell.place))
  }

  private mutating func missingPath(_ path: String, _ place: WorkbookPlace) {
    problem(
      place,
      english
        ? "'\(path)' leads to nothing in this workbook (a list index beyond its rows, or a value where a mapping is)"
        : "'\(path)' führt in dieser Mappe ins Leere (ein Listenindex jenseits der Zeilen oder ein Wert statt einer Zuordnung)"
    )
  }
  /// Where each key of a fields sheet is written (its value cell), blank or not, and where each
  /// list sheet starts: the places of problems about a key that is missing or a list that is empty.
  private(set) var keyPlaces: [String: WorkbookPlace] = [:]

  /// The place of a problem the loader reports without a line of its own: a missing key of a
  /// fields sheet, or an empty list.
  func place(path: String, message: String) -> WorkbookPlace? {
    if let range = message.range(of: "missing required key '"),
      let end = message[range.upperBound...].firstIndex(of: "'")
    {
      let key = String(message[range.upperBound..<end])
      let full = path.isEmpty ? key : path + "." + key
      if let place = keyPlaces[full] { return place }
      let inside = keyPlaces.filter { $0.key.hasPrefix(full + ".") }.map(\.value)
      if let first = inside.min(by: { $0.row < $1.row }) { return first }
    }
    return keyPlaces[path]
  }

  // MARK: Cells

  private func cellText(_ row: [CellValue], _ column: Int) -> String {
    column < row.count ? row[column].displayText.trimmingCharacters(in: .whitespaces) : ""
  }

  /// The YAML node of a cell for `column`.
  private func node(_ value: CellValue, _ column: WorkbookColumn, _ place: WorkbookPlace) -> WorkbookTree {
    guard case .list = column.kind else {
      return .value(Self.yaml(value, column.kind, english: english), place)
    }
    let list = WorkbookTree.list(place)
    let text = value.displayText.trimmingCharacters(in: .whitespaces)
    if ["-", "keine", "none", "—", "–"].contains(text.lowercased()) { return list }
    for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
      let id = part.trimmingCharacters(in: .whitespaces)
      if !id.isEmpty { list.append(.value(WorkbookTree.quoted(id), place)) }
    }
    return list
  }

  /// The YAML text of a cell's value as a column of `kind` reads it.
  static func yaml(_ value: CellValue, _ kind: WorkbookColumn.Kind, english: Bool) -> String {
    switch (kind, value) {
    case (_, .empty): return "null"
    case (.number, .number(let number)), (.whole, .number(let number)): return CellValue.plain(number)
    case (.number, .text(let text)), (.whole, .text(let text)):
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let number = LocaleNumber.parse(trimmed, germanFile: !english)
        ?? LocaleNumber.parse(trimmed, germanFile: english)
      {
        return CellValue.plain(number)
      }
      return WorkbookTree.quoted(text)
    case (.flag, .bool(let flag)): return flag ? "true" : "false"
    case (.flag, .number(let number)) where number == 0 || number == 1: return number == 1 ? "true" : "false"
    case (.flag, .text(let text)):
      if let flag = ImportVocabulary.flag(text) { return flag ? "true" : "false" }
      return WorkbookTree.quoted(text)
    case (.choice(let words), .text(let text)):
      let key = ImportVocabulary.normalise(text)
      let match = words.first { value, others in
        ([value] + others).map(ImportVocabulary.normalise).contains(key)
      }
      return WorkbookTree.quoted(match?.key ?? text.trimmingCharacters(in: .whitespaces))
    case (.unitKind, .text(let text)):
      return WorkbookTree.quoted(
        ImportVocabulary.kind(text)?.rawValue ?? text.trimmingCharacters(in: .whitespaces))
    case (.text, .text(let text)):
      return WorkbookTree.quoted(text.trimmingCharacters(in: .whitespacesAndNewlines))
    default: return WorkbookTree.quoted(value.displayText)
    }
  }

  // MARK: Problems

  private mutating func problem(_ place: WorkbookPlace?, _ message: String, warning: Bool = false) {
    diagnostics.append(
      Diagnostic(
        file: file, path: place?.text(english: english) ?? "", message: message,
        severity: warning ? .warning : .error))
  }
}
