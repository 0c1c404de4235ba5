import ZentralPlan

/// The checks that need the whole scenario: unique ids, references that exist, a hierarchy without
/// cycles, costs where they are needed, and contradictions that can be seen without solving.
///
/// It runs on a decoded scenario that may still hold placeholders (an empty id for an id that could
/// not be read); those were reported already and are skipped here.
struct ScenarioValidator {
  /// Reports problems and knows where each value stands.
  let reader: NodeReader
  /// The scenario to check.
  let scenario: Scenario
  /// Indices of units whose kind could not be read.
  let unitsOfUnknownKind: Set<Int>

  private var unitIndex: [String: Int] = [:]
  private var familyIndex: [String: Int] = [:]
  private var taskIndex: [String: Int] = [:]

  /// Creates a validator for `scenario`, reporting to `reader`.
  init(reader: NodeReader, scenario: Scenario, unitsOfUnknownKind: Set<Int>) {
    self.reader = reader
    self.scenario = scenario
    self.unitsOfUnknownKind = unitsOfUnknownKind
  }

  /// Runs every check.
  mutating func validate() {
    unitIndex = uniqueIndex(scenario.units.map(\.id), list: "units", noun: "unit")
    familyIndex = uniqueIndex(scenario.families.map(\.id), list: "families", noun: "task family")
    taskIndex = uniqueIndex(scenario.tasks.map(\.id), list: "tasks", noun: "task")
    checkUnits()
    checkHierarchy()
    checkFamilies()
    checkTasks()
    checkPolicy()
    checkReplanning()
    checkFunding()
    checkLegalRules()
    checkMoney()
  }

  // MARK: Ids and references

  /// The index of every id (its first use), reporting ids used twice.
  private func uniqueIndex(_ ids: [String], list: String, noun: String) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, id) in ids.enumerated() where !id.isEmpty {
      if let first = index[id] {
        reader.error(
          NodeReader.member(NodeReader.element(list, position), "id"),
          "'\(id)' is already the id of \(NodeReader.element(list, first)); every \(noun) has its own id")
      } else {
        index[id] = position
      }
    }
    return index
  }

  /// The unit with id `id`, or `nil` after reporting the unknown reference at `path`.
  func unit(_ id: String, at path: String, role: String) -> (index: Int, unit: OrgUnit)? {
    guard !id.isEmpty else { return nil }
    if let index = unitIndex[id] { return (index, scenario.units[index]) }
    unknown(id, at: path, kind: "unit", among: unitIndex.keys, role: role)
    return nil
  }

  /// The family with id `id`, or `nil` after reporting the unknown reference at `path`.
  func family(_ id: String, at path: String, role: String) -> TaskFamily? {
    guard !id.isEmpty else { return nil }
    if let index = familyIndex[id] { return scenario.families[index] }
    unknown(id, at: path, kind: "task family", among: familyIndex.keys, role: role)
    return nil
  }

  /// The task with id `id`, or `nil` after reporting the unknown reference at `path`.
  func task(_ id: String, at path: String, role: String) -> ITTask? {
    guard !id.isEmpty else { return nil }
    if let index = taskIndex[id] { return scenario.tasks[index] }
    unknown(id, at: path, kind: "task", among: taskIndex.keys, role: role)
    return nil
  }

  private func unknown(
    _ id: String, at path: String, kind: String, among ids: some Sequence<String>, role: String
  ) {
    let hint = Suggestion.closest(to: id, among: ids).map { "did you mean '\($0)'? " } ?? ""
    reader.error(path, "there is no \(kind) '\(NodeReader.shorten(id))'; \(hint)\(role)")
  }

  private func kindKnown(_ index: Int) -> Bool { !unitsOfUnknownKind.contains(index) }

  /// A unit of `kind`, named with its article: `a department`, `a central unit`.
  private func article(_ kind: UnitKind) -> String {
    switch kind {
    case .administration: "an administration"
    case .division: "a division"
    case .department: "a department"
    case .enterprise: "an enterprise"
    case .staff: "a staff unit"
    case .central: "a central unit"
    case .shared: "a shared provider"
    }
  }

  /// Whether the key at `path` was written in the file with a value (even one that could not be
  /// read, which has its own error); a key with an empty value counts as not written.
  private func written(_ path: String) -> Bool { reader.hasKey(path) && !reader.isEmpty(path) }

  /// How a needed key that is not given is named: missing, or written but empty.
  private func missing(_ path: String, _ key: String) -> String {
    reader.isEmpty(NodeReader.member(path, key)) ? "'\(key)' is empty" : "missing key '\(key)'"
  }

  // MARK: Units

  private func checkUnits() {
    let homeUnits = Set(scenario.tasks.map(\.unit))
    for (index, unit) in scenario.units.enumerated() where kindKnown(index) && !unit.id.isEmpty {
      let path = NodeReader.element("units", index)
      if unit.costPerFTE == nil && !written(NodeReader.member(path, "cost_per_fte")) {
        if unit.kind == .central {
          reader.error(
            path,
            "\(missing(path, "cost_per_fte")); '\(unit.id)' is a central unit, so its employer cost per FTE "
              + "(EUR/year) is needed")
        } else if homeUnits.contains(unit.id) && !unit.isProvider {
          reader.error(
            path,
            "\(missing(path, "cost_per_fte")); '\(unit.id)' does IT work today (it has tasks), so its employer cost "
              + "per FTE (EUR/year) is needed")
        }
      }
      if unit.capacityFTE != nil && !unit.isProvider {
        reader.warning(
          NodeReader.member(path, "capacity_fte"),
          at: reader.keyMark(of: NodeReader.member(path, "capacity_fte")),
          "a capacity is ignored for \(article(unit.kind)); only central and shared units take over work")
      }
      if unit.pricePerFTE != nil && unit.kind != .shared {
        reader.warning(
          NodeReader.member(path, "price_per_fte"),
          at: reader.keyMark(of: NodeReader.member(path, "price_per_fte")),
          "a price is ignored for \(article(unit.kind)); only shared providers have a price, "
            + "other units cost cost_per_fte")
      }
    }
  }

  private func checkHierarchy() {
    for (index, unit) in scenario.units.enumerated() {
      guard let parent = unit.parent else { continue }
      let path = NodeReader.member(NodeReader.element("units", index), "parent")
      if parent == unit.id {
        reader.error(path, "'\(parent)' is the unit itself; a unit's parent is the unit above it")
        continue
      }
      _ = self.unit(parent, at: path, role: "a unit's parent is the id of the unit above it")
    }
    // Cycles: follow each chain of parents; report each cycle once, at its first unit in the file.
    var state = [Int](repeating: 0, count: scenario.units.count)  // 0 new, 1 on the current chain, 2 done
    for start in scenario.units.indices where state[start] == 0 {
      var chain: [Int] = []
      var current: Int? = start
      while let index = current, state[index] == 0 {
        state[index] = 1
        chain.append(index)
        let unit = scenario.units[index]
        current = unit.parent.flatMap { $0 == unit.id ? nil : unitIndex[$0] }
      }
      if let index = current, state[index] == 1, let position = chain.firstIndex(of: index) {
        let cycle = Array(chain[position...])
        let first = cycle.min()!
        let names = (cycle + [cycle[0]]).map { scenario.units[$0].id }.joined(separator: " → ")
        reader.error(
          NodeReader.member(NodeReader.element("units", first), "parent"),
          "the parents form a cycle (\(names)); units form a tree, each parent chain ends at the top unit")
      }
      for index in chain { state[index] = 2 }
    }
  }

  // MARK: Families

  private func checkFamilies() {
    for (index, family) in scenario.families.enumerated() {
      let path = NodeReader.element("families", index)
      for (position, provider) in family.providers.enumerated() {
        let providerPath = NodeReader.element(NodeReader.member(path, "providers"), position)
        guard
          let (unitIndex, unit) = unit(
            provider, at: providerPath, role: "a family's providers are ids of central or shared units")
        else { continue }
        if kindKnown(unitIndex) && !unit.isProvider {
          reader.error(
            providerPath,
            "'\(provider)' is \(article(unit.kind)), not a provider; a family's providers are central or shared units"
          )
        }
        if family.providers[..<position].contains(provider) {
          reader.error(providerPath, "'\(provider)' is listed twice; list each provider once")
        }
      }
      for provider in family.centres.keys.sorted() where !family.providers.contains(provider) {
        let centrePath = NodeReader.member(NodeReader.member(path, "centres"), provider)
        let listed = providerList(family.providers)
        reader.error(
          centrePath, at: reader.keyMark(of: centrePath),
          "'\(provider)' is not a provider of this family (\(listed)); centres gives terms for the family's providers"
        )
      }
      checkProviderPrices(family, path: path)
    }
  }

  /// A shared provider needs a price (or a cost per FTE) unless every task it could take quotes it.
  private func checkProviderPrices(_ family: TaskFamily, path: String) {
    for provider in family.providers {
      guard let index = unitIndex[provider], kindKnown(index) else { continue }
      let unit = scenario.units[index]
      let unitPath = NodeReader.element("units", index)
      guard unit.kind == .shared, unit.providerRate == nil,
        !written(NodeReader.member(unitPath, "price_per_fte")),
        !written(NodeReader.member(unitPath, "cost_per_fte"))
      else { continue }
      let tasks = scenario.tasks.filter {
        $0.family == family.id && eligibleProviders(of: $0).contains(provider)
      }
      if tasks.allSatisfy({ $0.at[provider]?.annualCost != nil }) { continue }
      reader.error(
        unitPath,
        "\(missing(unitPath, "price_per_fte")); shared provider '\(provider)' may take over work of family "
          + "'\(family.id)', "
          + "so its price per FTE (EUR/year) is needed")
    }
  }

  /// The providers a task may move to, by its family and its own list (dedicated tasks included).
  func eligibleProviders(of task: ITTask) -> [String] {
    guard let index = familyIndex[task.family] else { return [] }
    let familyProviders = scenario.families[index].providers
    guard let own = task.providers else { return familyProviders }
    return own.filter { familyProviders.contains($0) }
  }

  // MARK: Tasks

  private func checkTasks() {
    for (index, task) in scenario.tasks.enumerated() {
      let path = NodeReader.element("tasks", index)
      let family = family(
        task.family, at: NodeReader.member(path, "family"), role: "a task's family is the id of a task family"
      )
      if let (unitIndex, unit) = unit(
        task.unit, at: NodeReader.member(path, "unit"), role: "a task's unit is the id of its home unit"),
        kindKnown(unitIndex), unit.isProvider
      {
        reader.error(
          NodeReader.member(path, "unit"),
          "'\(task.unit)' is \(article(unit.kind)); a task's home unit is a unit that does the work today, "
            + "not a provider (work a provider does already is centres.<provider>.existing_fte of its family)"
        )
      }
      guard let family else { continue }
      if let providers = task.providers {
        reportRepeats(providers, list: NodeReader.member(path, "providers"))
        for (position, provider) in providers.enumerated() where !family.providers.contains(provider) {
          let providerPath = NodeReader.element(NodeReader.member(path, "providers"), position)
          guard unit(provider, at: providerPath, role: "a task's providers are unit ids") != nil else {
            continue
          }
          reader.error(
            providerPath,
            "'\(provider)' is not a provider of family '\(family.id)' (\(providerList(family.providers))); "
              + "a task's providers are some of its family's providers")
        }
      }
      let eligible = eligibleProviders(of: task)
      for provider in task.at.keys.sorted() where !eligible.contains(provider) {
        let offerPath = NodeReader.member(NodeReader.member(path, "at"), provider)
        reader.error(
          offerPath, at: reader.keyMark(of: offerPath),
          "'\(provider)' is not an eligible provider of this task (\(listing(eligible))); "
            + "'at' gives terms for the task's eligible providers")
      }
    }
  }

  private func providerList(_ providers: [String]) -> String {
    providers.isEmpty ? "it has none" : "its providers: \(providers.joined(separator: ", "))"
  }

  private func listing(_ providers: [String]) -> String {
    providers.isEmpty ? "there are none" : "eligible: \(providers.joined(separator: ", "))"
  }

  // MARK: Policy

  private func checkPolicy() {
    let policy = scenario.policy
    reportRepeats(policy.mustMove, list: "policy.must_move")
    reportRepeats(policy.mustStay, list: "policy.must_stay")
    var mustMove: Set<String> = []
    for (position, id) in policy.mustMove.enumerated() {
      let path = NodeReader.element("policy.must_move", position)
      guard let task = task(id, at: path, role: "must_move lists task ids"), mustMove.insert(id).inserted
      else {
        continue
      }
      if task.dedicated {
        reader.error(
          path,
          "task '\(id)' is dedicated (it stays with its unit), so it cannot be in must_move; "
            + "remove it from must_move or set dedicated: false")
      } else if eligibleProviders(of: task).isEmpty, let family = familyIndex[task.family] {
        let why =
          scenario.families[family].providers.isEmpty
          ? "family '\(task.family)' has no providers"
          : task.providers?.isEmpty == true
            ? "its own providers list is empty"
            : "none of its own providers is a provider of family '\(task.family)'"
        reader.error(
          path,
          "task '\(id)' has no eligible provider (\(why)), so it cannot move; give it a provider or "
            + "remove it from must_move")
      }
    }
    var mustStay: Set<String> = []
    for (position, id) in policy.mustStay.enumerated() {
      let path = NodeReader.element("policy.must_stay", position)
      guard task(id, at: path, role: "must_stay lists task ids") != nil, mustStay.insert(id).inserted else {
        continue
      }
      if mustMove.contains(id) {
        reader.error(path, "task '\(id)' is also in must_move; a task either must move or must stay")
      }
    }
    checkTogether(policy.together)
    for (position, pilot) in policy.pilots.enumerated() {
      let path = NodeReader.element("policy.pilots", position)
      let family = family(
        pilot.family, at: NodeReader.member(path, "family"),
        role: "a pilot's family is the id of a task family")
      let unit = unit(
        pilot.unit, at: NodeReader.member(path, "unit"), role: "a pilot's unit is the id of a unit")
      guard let family, unit != nil else { continue }
      let movable = scenario.tasks.contains { task in
        task.family == family.id && task.unit == pilot.unit && !task.dedicated && !mustStay.contains(task.id)
          && !eligibleProviders(of: task).isEmpty
      }
      if !movable {
        reader.error(
          NodeReader.member(path, "unit"),
          "unit '\(pilot.unit)' has no task of family '\(family.id)' that can move (not dedicated, not in "
            + "must_stay, with an eligible provider); a pilot unit needs one")
      }
    }
    let positions = deadlinePositions().family
    for (index, deadline) in policy.deadlines.enumerated() {
      let position = index < positions.count ? positions[index] : index
      let path = NodeReader.member(NodeReader.element("policy.deadlines", position), "family")
      _ = family(deadline.family, at: path, role: "a deadline's family is the id of a task family")
    }
  }

  /// Reports every id that a list names a second time.
  private func reportRepeats(_ ids: [String], list: String) {
    var seen: Set<String> = []
    for (position, id) in ids.enumerated() where !id.isEmpty && !seen.insert(id).inserted {
      reader.error(NodeReader.element(list, position), "'\(id)' is listed twice; list each id once")
    }
  }

  private func checkTogether(_ groups: [[String]]) {
    var groupOf: [String: Int] = [:]
    for (group, ids) in groups.enumerated() {
      let groupPath = NodeReader.element("policy.together", group)
      for (position, id) in ids.enumerated() {
        let path = NodeReader.element(groupPath, position)
        guard task(id, at: path, role: "a group lists task ids") != nil else { continue }
        if let other = groupOf[id] {
          let place =
            other == group
            ? "listed earlier in this group" : "in \(NodeReader.element("policy.together", other))"
          reader.error(path, "task '\(id)' is already \(place); a task belongs to at most one group, once")
        } else {
          groupOf[id] = group
        }
      }
      if ids.count < 2 {
        reader.error(
          groupPath,
          "a group of \(ids.count == 1 ? "one task" : "no tasks") moves nothing together; a group lists at least "
            + "2 tasks that move together")
      }
    }
  }

  // MARK: Legal form, confidentiality, separation

  /// Legal forms only on providers; `separate_from` names other families; a confidential task's
  /// providers: warned when every one is private, or when a shared provider's form is implied.
  private func checkLegalRules() {
    for (index, unit) in scenario.units.enumerated() where kindKnown(index) && unit.legalForm != nil {
      guard !unit.isProvider else { continue }
      let path = NodeReader.member(NodeReader.element("units", index), "legal_form")
      reader.warning(
        path, at: reader.keyMark(of: path),
        "a legal form is ignored for \(article(unit.kind)); only central and shared units, which take over "
          + "work, have one")
    }
    var implied: Set<String> = []
    for (index, task) in scenario.tasks.enumerated() {
      let path = NodeReader.member(NodeReader.element("tasks", index), "separate_from")
      reportRepeats(task.separateFrom, list: path)
      for (position, id) in task.separateFrom.enumerated() {
        let place = NodeReader.element(path, position)
        guard family(id, at: place, role: "separate_from lists family ids") != nil else { continue }
        if id == task.family {
          reader.error(
            place,
            "'\(id)' is the family of task '\(task.id)' itself; a task is kept apart from other families' work, "
              + "such as IT operations")
        }
      }
      guard task.confidential, !task.dedicated else { continue }
      let providers = eligibleProviders(of: task).compactMap { id in unitIndex[id].map { scenario.units[$0] }
      }
      let taskPath = NodeReader.element("tasks", index)
      if !providers.isEmpty, providers.allSatisfy({ $0.providerLegalForm == .private }) {
        reader.warning(
          NodeReader.member(taskPath, "confidential"),
          at: reader.keyMark(of: NodeReader.member(taskPath, "confidential")),
          "task '\(task.id)' is confidential and every provider it may go to is private "
            + "(\(providers.map(\.id).joined(separator: ", "))); it stays at home")
      }
      for unit in providers
      where unit.kind == .shared && unit.legalForm == nil && implied.insert(unit.id).inserted {
        reader.warning(
          NodeReader.member(taskPath, "confidential"),
          at: reader.keyMark(of: NodeReader.member(taskPath, "confidential")),
          "task '\(task.id)' is confidential and may go to '\(unit.id)', which gives no legal_form and is taken "
            + "as a public body; give legal_form: private for a company")
      }
    }
  }
}
