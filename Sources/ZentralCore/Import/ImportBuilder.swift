import ZentralPlan

/// Turns the rows of a units table and a tasks table into a scenario, collecting every problem.
struct ImportBuilder {
  /// A unit row read, before its parent is resolved.
  private struct UnitRow {
    var row: CSVTable.Row
    var unit: OrgUnit
    var parentText: String
  }

  private let unitsTable: CSVTable
  private let tasksTable: CSVTable
  private let options: ImportOptions

  /// Prepares a build from the two tables.
  init(units: CSVTable, tasks: CSVTable, options: ImportOptions) {
    self.unitsTable = units
    self.tasksTable = tasks
    self.options = options
  }

  /// The scenario (`nil` when there were errors) and every problem found.
  func build() -> (imported: ImportedScenario?, diagnostics: [Diagnostic]) {
    var unitReader = TableReader(
      table: unitsTable, accepted: ImportVocabulary.unitColumns, required: [.id, .name, .kind])
    var taskReader = TableReader(
      table: tasksTable, accepted: ImportVocabulary.taskColumns, required: [.name, .family, .unit, .fte])
    guard !unitReader.diagnostics.contains(where: \.isError),
      !taskReader.diagnostics.contains(where: \.isError)
    else {
      return (nil, unitReader.diagnostics + taskReader.diagnostics)
    }
    let empty = [(unitsTable, "units"), (tasksTable, "tasks")].filter { $0.0.rows.isEmpty }
    guard empty.isEmpty else {
      // A header without rows would give a scenario without units or tasks, which no plan can use.
      return (
        nil,
        empty.map { table, noun in
          Diagnostic(
            file: table.file,
            message:
              "has a header row but no \(noun) below it; write one \(noun.dropLast()) per row under the header"
          )
        }
      )
    }
    var units = readUnits(&unitReader)
    let tasks = readTasks(&taskReader, units: units)
    let assumed = fillCosts(&units, tasks: tasks.tasks, reader: &unitReader)
    let diagnostics = unitReader.diagnostics + taskReader.diagnostics
    guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
    let providers = units.filter { $0.kind == .central }.map(\.id)
    let families = tasks.families.map { TaskFamily(id: $0.id, name: $0.name, providers: providers) }
    let scenario = Scenario(
      name: options.name ?? defaultName(units),
      horizon: Horizon(start: options.startYear, years: options.years),
      units: units,
      families: families,
      tasks: tasks.tasks)
    let missingReasons = Set(tasks.tasks.filter { $0.dedicated && $0.reason == nil }.map(\.id))
    return (
      ImportedScenario(scenario: scenario, assumedCosts: assumed, missingReasons: missingReasons), diagnostics
    )
  }

  // MARK: Units

  private func readUnits(_ reader: inout TableReader) -> [OrgUnit] {
    var rows: [UnitRow] = []
    var lineOfID: [String: Int] = [:]
    for row in unitsTable.rows {
      let id = reader.text(row, .id)
      guard checkID(id, row: row, noun: "unit", example: "fb20", seen: lineOfID, reader: &reader) else {
        continue
      }
      lineOfID[id] = row.line
      let name = checkedName(row, noun: "unit", example: "FB 20 – Finanzen", reader: &reader)
      let kindText = reader.text(row, .kind)
      let kind = ImportVocabulary.kind(kindText)
      if kind == nil {
        let shown = kindText.isEmpty ? "is empty" : "\"\(kindText)\" is not a kind of unit"
        reader.error(row, .kind, "\(shown); write one of \(ImportVocabulary.kindHint)")
      }
      var unit = OrgUnit(id: id, name: name, kind: kind ?? .department)
      unit.costPerFTE = reader.number(
        row, .costPerFTE, quantity: .costPerFTE, meaning: "the employer cost of one FTE in EUR a year",
        example: 80_000)
      unit.pricePerFTE = reader.number(
        row, .pricePerFTE, quantity: .costPerFTE, meaning: "the price of one FTE in EUR a year",
        example: 95_000)
      if unit.pricePerFTE != nil && unit.kind != .shared {
        reader.warning(row, .pricePerFTE, "is ignored: only external (shared) providers have a price")
        unit.pricePerFTE = nil
      }
      if let capacity = reader.number(
        row, .capacityFTE, quantity: .fte, meaning: "a ceiling in FTE", example: 60)
      {
        if unit.isProvider {
          unit.capacityFTE = YearValues(constant: capacity)
        } else {
          reader.warning(row, .capacityFTE, "is ignored: only central and external units take over work")
        }
      }
      rows.append(UnitRow(row: row, unit: unit, parentText: reader.text(row, .parent)))
    }
    resolveParents(&rows, reader: &reader)
    return rows.map(\.unit)
  }

  private func resolveParents(_ rows: inout [UnitRow], reader: inout TableReader) {
    let ids = Set(rows.map(\.unit.id))
    var byName: [String: [String]] = [:]
    for entry in rows { byName[entry.unit.name.lowercased(), default: []].append(entry.unit.id) }
    for index in rows.indices where !rows[index].parentText.isEmpty {
      let text = rows[index].parentText
      var parent: String?
      if ids.contains(text) {
        parent = text
      } else if let named = byName[text.lowercased()], named.count == 1 {
        parent = named[0]
      }
      guard let parent else {
        reader.error(
          rows[index].row, .parent,
          "there is no unit \"\(text)\" in this file (by ID or name); write the ID of the unit above it")
        continue
      }
      if parent == rows[index].unit.id {
        reader.error(rows[index].row, .parent, "\"\(text)\" is the unit itself; write the unit above it")
        continue
      }
      rows[index].unit.parent = parent
    }
    // Cycles: follow each parent chain until a unit already seen; each unit is visited once, so a
    // deep hierarchy costs linear time. Each cycle is reported once, at the unit where it was entered.
    let position = Dictionary(
      rows.enumerated().map { ($1.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
    var state = [UInt8](repeating: 0, count: rows.count)  // 0 new, 1 on the current chain, 2 done
    for start in rows.indices where state[start] == 0 {
      var chain: [Int] = []
      var chainIndex: [Int: Int] = [:]
      var current: Int? = start
      while let at = current, state[at] == 0 {
        state[at] = 1
        chainIndex[at] = chain.count
        chain.append(at)
        current = rows[at].unit.parent.flatMap { position[$0] }
      }
      if let at = current, state[at] == 1, let loop = chainIndex[at] {
        let cycle = chain[loop...].map { rows[$0].unit.id }
        reader.error(
          rows[chain[loop]].row, .parent,
          "the units form a cycle (\((cycle + [cycle[0]]).joined(separator: " → "))); each chain of "
            + "\"Übergeordnet\" must end at the top unit")
      }
      for at in chain { state[at] = 2 }
    }
  }

  /// Fills in the assumed cost per FTE where a unit needs one; returns the ids of those units.
  private func fillCosts(_ units: inout [OrgUnit], tasks: [ITTask], reader: inout TableReader) -> Set<String>
  {
    var assumed: Set<String> = []
    let withTasks = Set(tasks.map(\.unit))
    let shown = LocaleNumber.written(SpreadsheetImporter.defaultCostPerFTE, germanFile: true)
    var lineOfUnit: [String: Int] = [:]
    // A cost that was written but refused (not a number, out of range) has its error; it is not
    // missing, so nothing is assumed for it.
    var written: Set<String> = []
    for row in unitsTable.rows where lineOfUnit[reader.text(row, .id)] == nil {
      lineOfUnit[reader.text(row, .id)] = row.line
      if !reader.text(row, .costPerFTE).isEmpty { written.insert(reader.text(row, .id)) }
    }
    for index in units.indices where units[index].costPerFTE == nil && !written.contains(units[index].id) {
      let unit = units[index]
      let needs =
        unit.kind == .central ? "is a central unit" : withTasks.contains(unit.id) ? "has tasks" : nil
      guard let needs else { continue }
      units[index].costPerFTE = SpreadsheetImporter.defaultCostPerFTE
      assumed.insert(unit.id)
      reader.warning(
        line: lineOfUnit[unit.id], column: nil,
        "unit \"\(unit.id)\" \(needs) but no \"Kosten je VZÄ\"; assumed \(shown) EUR a year (marked TODO)")
    }
    return assumed
  }

  // MARK: Tasks

  private struct TaskRows {
    var tasks: [ITTask] = []
    var families: [(id: String, name: String)] = []
  }

  private func readTasks(_ reader: inout TableReader, units: [OrgUnit]) -> TaskRows {
    var result = TaskRows()
    let unitByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var unitsByName: [String: [OrgUnit]] = [:]
    for unit in units { unitsByName[unit.name.lowercased(), default: []].append(unit) }
    // Explicit IDs first, so that generated ones avoid them.
    var lineOfID: [String: Int] = [:]
    var explicit: [Int: String] = [:]
    for (position, row) in tasksTable.rows.enumerated() {
      let id = reader.text(row, .id)
      guard !id.isEmpty else { continue }
      if checkID(id, row: row, noun: "task", example: "fb20-sap", seen: lineOfID, reader: &reader) {
        lineOfID[id] = row.line
        explicit[position] = id
      }
    }
    var familyName: [String: String] = [:]
    var nextSuffix: [String: Int] = [:]
    for (position, row) in tasksTable.rows.enumerated() {
      let name = checkedName(row, noun: "task", example: "SAP-Betreuung Finanzen", reader: &reader)
      let unitText = reader.text(row, .unit)
      var unit = unitByID[unitText]
      if unit == nil, let named = unitsByName[unitText.lowercased()], named.count == 1 { unit = named[0] }
      if unitText.isEmpty {
        reader.error(row, .unit, "is empty; write the ID of the unit that does the task today")
      } else if unit == nil {
        reader.error(
          row, .unit,
          "there is no unit \"\(unitText)\" in \(unitsTable.file) (by ID or name); write a unit's ID")
      } else if let unit, unit.isProvider {
        reader.error(
          row, .unit,
          "\"\(unit.id)\" is a \(unit.kind == .central ? "central" : "external") unit; a task is work done today "
            + "in a department or enterprise (work a provider does already is its centre's existing_fte)")
      }
      let familyText = reader.text(row, .family)
      var familyID = ""
      if familyText.isEmpty {
        reader.error(row, .family, "is empty; write the task's Aufgabenbereich, e.g. \"Client-Support\"")
      } else {
        familyID = ImportVocabulary.slug(familyText, fallback: "bereich")
        if let known = familyName[familyID] {
          if known != familyText {
            reader.warning(
              row, .family,
              "\"\(familyText)\" is taken as the same Aufgabenbereich as \"\(known)\" (\(familyID))")
          }
        } else {
          familyName[familyID] = familyText
          result.families.append((familyID, familyText))
        }
      }
      let fte = reader.number(row, .fte, quantity: .fte, meaning: "the workload in FTE", example: 1.5)
      if fte == nil && reader.text(row, .fte).isEmpty {
        reader.error(row, .fte, "is empty; every task needs its workload in FTE, e.g. 1,5")
      }
      let reason = reader.text(row, .reason)
      if reason.count > ScenarioDecoder.longestReason {
        reader.error(
          row, .reason,
          "has \(reason.count) characters; a reason has at most \(ScenarioDecoder.longestReason)")
      }
      var task = ITTask(
        id: explicit[position] ?? "", name: name, family: familyID, unit: unit?.id ?? unitText, fte: fte ?? 0,
        dedicated: reader.flag(row, .dedicated), reason: reason.isEmpty ? nil : reason,
        divisible: reader.flag(row, .divisible))
      task.concern =
        reader.number(
          row, .concern, quantity: .money(unit: "EUR"), meaning: "a penalty in EUR", example: 40_000)
        ?? 0
      task.transitionCost = reader.number(
        row, .transitionCost, quantity: .money(unit: "EUR (once)"), meaning: "a one-time cost in EUR",
        example: 25_000)
      if task.id.isEmpty && reader.text(row, .id).isEmpty {
        task.id = uniqueID(
          ImportVocabulary.slug("\(task.unit) \(name)"), taken: &lineOfID, nextSuffix: &nextSuffix,
          line: row.line)
      }
      result.tasks.append(task)
    }
    return result
  }

  /// `base`, or `base-2`, `base-3`, ... whichever is free; recorded as taken. `nextSuffix` keeps,
  /// per base, the first suffix not yet tried, so that n rows with the same unit and name take
  /// linear time, not quadratic (20,000 such rows took 44 s when every row counted up from 2).
  private func uniqueID(
    _ base: String, taken: inout [String: Int], nextSuffix: inout [String: Int], line: Int
  ) -> String {
    var candidate = base
    var counter = nextSuffix[base] ?? 2
    while taken[candidate] != nil {
      let suffix = "-\(counter)"
      candidate = String(base.prefix(64 - suffix.count)) + suffix
      counter += 1
    }
    nextSuffix[base] = counter
    taken[candidate] = line
    return candidate
  }

  /// Whether `id` is usable: present, well-formed and not seen before (else a diagnostic).
  private func checkID(
    _ id: String, row: CSVTable.Row, noun: String, example: String, seen: [String: Int],
    reader: inout TableReader
  ) -> Bool {
    if id.isEmpty {
      reader.error(row, .id, "is empty; every \(noun) needs an ID such as \(example)")
      return false
    }
    guard NodeReader.isIdentifier(id) else {
      reader.error(
        row, .id,
        "\"\(id)\" is not an ID; an ID has letters, digits, '-', '_' and '.' (at most 64), e.g. "
          + ImportVocabulary.slug(id, fallback: example))
      return false
    }
    if let line = seen[id] {
      reader.error(
        row, .id, "\"\(id)\" is already the ID of the \(noun) in line \(line); each \(noun) has its own")
      return false
    }
    return true
  }

  /// The name in `row`, checked as the scenario format checks names (present, at most
  /// ``ScenarioDecoder/longestName`` characters).
  private func checkedName(
    _ row: CSVTable.Row, noun: String, example: String, reader: inout TableReader
  ) -> String {
    let name = reader.text(row, .name)
    if name.isEmpty {
      reader.error(row, .name, "is empty; every \(noun) needs a name such as \"\(example)\"")
    } else if name.count > ScenarioDecoder.longestName {
      reader.error(
        row, .name, "has \(name.count) characters; a name has at most \(ScenarioDecoder.longestName)")
    }
    return name
  }

  private func defaultName(_ units: [OrgUnit]) -> String {
    guard
      let root = units.first(where: { $0.kind == .administration })
        ?? units.first(where: { $0.parent == nil })
    else {
      return "Importiertes Szenario"
    }
    return "\(root.name) – Zentralisierung der IT (importiert)"
  }
}
