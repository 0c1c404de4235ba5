import ZentralPlan

/// Builds the ``OrgChart`` of one view from a plan: the unit tree, one box per competence centre
/// below its provider, the IT each unit keeps (dedicated tasks named), groups of small units
/// without IT, and, in the changes view, the moves from old to new home.
struct OrgChartBuilder {
  let index: PlanIndex
  let words: Vocabulary
  let view: ChartView
  /// Items listed in one box at most (the rest is counted).
  var maxItems = 6
  /// Moved tasks named in a centre's box at most (more are summarised).
  var maxNamedTasks = 3

  init(plan: Plan, language: ReportLanguage, view: ChartView) {
    self.index = PlanIndex(plan)
    self.words = Vocabulary(language)
    self.view = view
    let plan = index.plan
    self.administrationID = plan.org.first { $0.parent == nil && $0.kind == .administration }?.id
    var centres: [String: [(position: Int, centre: Plan.CentreSummary)]] = [:]
    for (position, centre) in plan.centres.enumerated() {
      centres[centre.provider, default: []].append((position, centre))
    }
    self.centresByProvider = centres
  }

  /// The administration at the top (its box shows the plan's totals when it has no IT itself).
  private let administrationID: String?
  /// Competence centres with their position in the plan, by provider.
  private let centresByProvider: [String: [(position: Int, centre: Plan.CentreSummary)]]

  var plan: Plan { index.plan }
  var format: LocaleFormat { words.format }

  func build() throws(ExportError) -> OrgChart {
    if view != .current && !plan.hasSolution {
      throw .noSolution(view: view, status: plan.status.rawValue)
    }
    var nodes: [OrgChart.Node] = []
    var safeID: [String: String] = [:]
    for (position, unit) in plan.org.enumerated() where safeID[unit.id] == nil {
      safeID[unit.id] = "u\(position)"
    }
    let known = Set(plan.org.map(\.id))
    let parentOf: (Plan.OrgNode) -> String? = { unit in unit.parent.flatMap { known.contains($0) ? $0 : nil }
    }
    let root =
      plan.org.first { $0.kind == .administration && parentOf($0) == nil }
      ?? plan.org.first { parentOf($0) == nil && $0.kind != .shared }
    let childCount = Dictionary(grouping: plan.org.compactMap(parentOf), by: { $0 }).mapValues(\.count)

    // Leaves without IT are grouped per parent when there are two or more of them.
    let withoutIT: (Plan.OrgNode) -> Bool = { unit in
      childCount[unit.id] == nil && index.units[unit.id] == nil && index.tasksByUnit[unit.id] == nil
        && unit.kind != .central && unit.kind != .shared && parentOf(unit) != nil
    }
    let groups = Dictionary(grouping: plan.org.filter(withoutIT), by: { parentOf($0)! }).filter {
      $0.value.count >= 2
    }
    let grouped = Set(groups.values.joined().map(\.id))

    // Parents before children: walk the tree from the roots in file order.
    let ordered = treeOrder(parentOf: parentOf, root: root)
    var groupsWritten = Set<String>()
    for unit in ordered {
      let parentID: String?
      var external = false
      if let parent = parentOf(unit) {
        parentID = safeID[parent]
      } else if unit.kind == .shared, let root, root.id != unit.id {
        parentID = safeID[root.id]
        external = true
      } else {
        parentID = nil
      }
      if grouped.contains(unit.id) {
        guard let parent = parentOf(unit), !groupsWritten.contains(parent), let members = groups[parent]
        else { continue }
        groupsWritten.insert(parent)
        nodes.append(groupNode(members, parent: parent, parentID: parentID, number: groupsWritten.count - 1))
        continue
      }
      nodes.append(unitNode(unit, id: safeID[unit.id]!, parentID: parentID, external: external))
      nodes += centreNodes(provider: unit.id, parentID: safeID[unit.id]!)
    }
    var flows: [OrgChart.Flow] = []
    var legend: [OrgChart.LegendEntry] = []
    if view == .changes {
      flows = self.flows(nodes: nodes, safeID: safeID)
      let families = Set(flows.map(\.familyIndex))
      legend = index.familyIndex.filter { families.contains($0.value) }.sorted { $0.value < $1.value }
        .map { .init(familyIndex: $0.value, name: index.familyName($0.key)) }
    }
    let providers = plan.org.compactMap { unit in
      unit.legalForm.map {
        OrgChart.ProviderEntry(
          kind: unit.kind.rawValue, name: Escape.name(unit.name),
          legalForm: PlanWords.legalForm($0, language: words.language))
      }
    }
    return OrgChart(
      view: view, title: words.chartTitle(view, scenario: Escape.name(plan.scenario)), nodes: nodes,
      flows: flows,
      legend: legend, legendTitle: words.pick("Verlagerung nach Aufgabenbereich", "Moves by task family"),
      providers: providers, providersTitle: words.pick("Anbieter und Rechtsform", "Providers and legal form"))
  }

  /// Units in depth-first order from the root(s), keeping file order among siblings; units not
  /// reachable (cycles) come last.
  private func treeOrder(parentOf: (Plan.OrgNode) -> String?, root: Plan.OrgNode?) -> [Plan.OrgNode] {
    var children: [String: [Plan.OrgNode]] = [:]
    var roots: [Plan.OrgNode] = []
    for unit in plan.org {
      if let parent = parentOf(unit) {
        children[parent, default: []].append(unit)
      } else if unit.kind != .shared || root == nil || root?.id == unit.id {
        roots.append(unit)
      }
    }
    // Shared providers hang below the root, after its own units.
    if let root {
      let shared = plan.org.filter { parentOf($0) == nil && $0.kind == .shared && $0.id != root.id }
      children[root.id, default: []] += shared
    }
    // An explicit stack, not recursion: a chain of 100,000 units overflowed the thread's stack.
    var result: [Plan.OrgNode] = []
    var seen = Set<String>()
    var stack: [Plan.OrgNode] = []
    for start in roots + plan.org {
      stack.append(start)
      while let unit = stack.popLast() {
        guard seen.insert(unit.id).inserted else { continue }
        result.append(unit)
        stack += (children[unit.id] ?? []).reversed()
      }
    }
    return result
  }

  // MARK: Boxes

  private func unitNode(_ unit: Plan.OrgNode, id: String, parentID: String?, external: Bool) -> OrgChart.Node
  {
    var node = OrgChart.Node(
      id: id, key: unit.id, kind: unit.kind.rawValue, title: Escape.name(unit.name), figures: [], heading: "",
      items: [],
      parent: parentID, external: external, familyIndex: nil, fte: nil, annualCost: nil, isNew: false)
    if let summary = index.units[unit.id] {
      switch view {
      case .current:
        node.figures = [
          words.itFigures(before: summary.fteBefore, after: nil),
          words.costFigures(before: summary.annualCostBefore, after: nil),
        ]
        node.fte = summary.fteBefore
        node.annualCost = summary.annualCostBefore
      case .target, .changes:
        node.figures = [
          words.itFigures(before: summary.fteBefore, after: summary.fteAfter),
          words.costFigures(before: summary.annualCostBefore, after: summary.annualCostAfter),
        ]
        node.fte = summary.fteAfter
        node.annualCost = summary.annualCostAfter
      }
    } else if view == .current, let tasks = index.tasksByUnit[unit.id] {
      // An infeasible plan has no unit summaries; today's workload still shows.
      let fte = PlanIndex.clean(tasks.reduce(0) { $0 + $1.fte })
      node.figures = [words.itFigures(before: fte, after: nil)]
      node.fte = fte
    }
    if unit.id == administrationID, let totals = plan.totals, index.units[unit.id] == nil {
      node.fte = view == .current ? totals.baselineFTE : totals.steadyStateFTE
      node.annualCost = view == .current ? totals.baselineAnnualCost : totals.steadyStateAnnualCost
    }
    let tasks = index.tasksByUnit[unit.id] ?? []
    guard !tasks.isEmpty else { return node }
    // What the unit does (today) or keeps (target): dedicated tasks by name, the rest per family.
    var dedicated: [String] = []
    var families: [(family: String, fte: Double)] = []
    for task in tasks {
      let fte = view == .current ? task.fte : task.fte * (1 - task.share)
      guard fte > 1e-9 else { continue }
      if task.reason.rule == .dedicated {
        dedicated.append("\(index.name(task)) (\(words.dedicated), \(format.fte(fte)))")
      } else if let position = families.firstIndex(where: { $0.family == task.family }) {
        families[position].fte += fte
      } else {
        families.append((task.family, fte))
      }
    }
    var items = dedicated + families.map { "\(index.familyName($0.family)): \(format.fte($0.fte))" }
    if items.count > maxItems {
      let rest = items.count - (maxItems - 1)
      items = Array(items.prefix(maxItems - 1)) + [words.more(rest)]
    }
    node.heading = view == .current ? words.tasksToday : words.keeps
    node.items = items
    return node
  }

  private func centreNodes(provider: String, parentID: String) -> [OrgChart.Node] {
    var nodes: [OrgChart.Node] = []
    for (position, centre) in centresByProvider[provider] ?? [] {
      switch view {
      case .current: guard centre.alreadyOpen else { continue }
      case .target, .changes: guard index.isOpenAtEnd(centre) else { continue }
      }
      let family = index.familyIndex[centre.family] ?? 0
      var node = OrgChart.Node(
        id: "c\(position)", key: "\(centre.provider)/\(centre.family)", kind: "centre",
        title: index.familyName(centre.family), figures: [], heading: "", items: [], parent: parentID,
        external: false, familyIndex: family, fte: nil, annualCost: nil, isNew: !centre.alreadyOpen)
      let kind = words.kindName("centre")
      switch view {
      case .current:
        node.figures = [
          kind, format.fte(centre.fteBefore), format.shortMoney(centre.annualCostBefore) + words.perYear,
        ]
        node.fte = centre.fteBefore
        node.annualCost = centre.annualCostBefore
      case .target, .changes:
        node.figures = [
          centre.alreadyOpen ? kind : "\(kind), \(words.newCentre) \(words.fromYear(centre.openedYear))"
        ]
        let after = centre.fteAfter
        node.figures.append("\(format.fte(centre.fteBefore)) → \(format.fte(after))")
        node.figures.append(words.costFigures(before: centre.annualCostBefore, after: centre.annualCostAfter))
        node.fte = after
        node.annualCost = centre.annualCostAfter
        let moved = index.movedTasks(provider: centre.provider, family: centre.family)
        if !moved.isEmpty {
          node.heading = words.takesOver
          if moved.count <= maxNamedTasks {
            node.items = moved.map { "\(index.name($0.task)) (\(index.unitName($0.task.unit)))" }
          } else {
            let fte = moved.reduce(0) { $0 + $1.task.fte * $1.share }
            let units = Set(moved.map(\.task.unit)).count
            node.items = [words.movedTasks(moved.count, fte: fte, units: units)]
          }
        }
      }
      nodes.append(node)
    }
    return nodes
  }

  private func groupNode(
    _ members: [Plan.OrgNode], parent: String, parentID: String?, number: Int
  )
    -> OrgChart.Node
  {
    var items = members.map { Escape.name($0.name) }
    if items.count > maxItems {
      let rest = items.count - (maxItems - 1)
      items = Array(items.prefix(maxItems - 1)) + [words.more(rest)]
    }
    return OrgChart.Node(
      id: "g\(number)", key: "\(parent)/others", kind: "group",
      // A plan without a solution lists no tasks: whether these units have IT work is not known.
      title: plan.tasks.isEmpty && plan.units.isEmpty
        ? words.otherUnitsUnknownWork(members.count) : words.otherUnits(members.count),
      figures: [], heading: "", items: items, parent: parentID, external: false, familyIndex: nil, fte: nil,
      annualCost: nil, isNew: false)
  }

  // MARK: Moves

  private func flows(nodes: [OrgChart.Node], safeID: [String: String]) -> [OrgChart.Flow] {
    let present = Set(nodes.map(\.id))
    var centreID: [String: String] = [:]
    for (position, centre) in plan.centres.enumerated() where present.contains("c\(position)") {
      centreID["\(centre.provider)/\(centre.family)"] = "c\(position)"
    }
    var flows: [OrgChart.Flow] = []
    // Flow position by old home, new home, wave and family: one look-up per move, not a scan.
    var flowPosition: [String: Int] = [:]
    for task in plan.tasks {
      guard let from = safeID[task.unit], present.contains(from) else { continue }
      for part in task.moves {
        guard let to = centreID["\(part.provider)/\(task.family)"] ?? safeID[part.provider],
          present.contains(to)
        else { continue }
        let family = index.familyIndex[task.family] ?? 0
        let fte = task.fte * part.share
        let key = "\(from) \(to) \(part.year) \(family)"
        if let position = flowPosition[key] {
          flows[position].fte += fte
          flows[position].tasks.append(index.name(task))
        } else {
          flowPosition[key] = flows.count
          flows.append(
            .init(
              from: from, to: to, familyIndex: family, year: part.year, fte: fte, tasks: [index.name(task)],
              label: ""))
        }
      }
    }
    for position in flows.indices {
      flows[position].fte = PlanIndex.clean(flows[position].fte)
      flows[position].label = "\(flows[position].year) · \(format.fte(flows[position].fte))"
    }
    return flows
  }
}
