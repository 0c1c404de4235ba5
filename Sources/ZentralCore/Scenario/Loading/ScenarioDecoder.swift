import Yams
import ZentralPlan

/// Turns the composed YAML tree of a scenario file into a ``Scenario``, checking every value on its
/// own: known keys, required keys, types, ranges, ids, years inside the horizon and the shape of
/// scale curves. Checks that need the whole scenario (references, contradictions) are
/// ``ScenarioValidator``'s.
///
/// A value that cannot be read is reported and replaced by a placeholder (an empty id, zero), so
/// that decoding goes on and every problem is found; such a scenario is never handed out.
final class ScenarioDecoder {
  /// Collects diagnostics and the places of values.
  let reader: NodeReader
  /// The horizon, once read and valid.
  private(set) var horizon: Horizon?
  /// Indices of units whose kind could not be read (kind checks skip them).
  private(set) var unitsOfUnknownKind: Set<Int> = []

  /// The years a horizon may start in.
  static let startYears = 1990...2100
  /// The lengths a horizon may have.
  static let horizonLengths = 1...30
  /// The most characters a name may have (a unit's, a task's, the scenario's).
  static let longestName = 200
  /// The most characters a task's reason may have.
  static let longestReason = 1000

  /// Creates a decoder reporting to `reader`.
  init(reader: NodeReader) {
    self.reader = reader
  }

  // MARK: Scenario

  /// The scenario in `root`, with placeholders where values could not be read, or `nil` when the
  /// file is not a mapping at all.
  func decode(_ root: Node) -> Scenario? {
    guard let top = reader.mapping(root, path: "", shape: ScenarioShapes.scenario) else { return nil }
    var scenario = Scenario(
      name: "", horizon: Horizon(start: 0, years: 0), units: [], families: [], tasks: [])
    if let node = top["format"] {
      decodeFormat(node, into: &scenario)
    }
    if let node = top["name"] {
      scenario.name = reader.name(node, path: "name", expected: "a scenario's name is its title") ?? ""
    }
    if let node = top["language"] {
      scenario.language =
        reader.choice(node, path: "language", noun: "a report language", as: ReportLanguage.self) ?? .de
    }
    if let node = top["currency"], let currency = reader.text(node, path: "currency", expected: "use EUR") {
      if currency != "EUR" {
        reader.error(
          "currency", at: node.mark,
          "'\(NodeReader.shorten(currency))' is not supported; every amount in a scenario is in EUR (currency: EUR)"
        )
      }
    }
    if let node = top["horizon"] {
      decodeHorizon(node, into: &scenario)
    }
    if let node = top["discount_rate"] {
      scenario.discountRate =
        reader.number(
          node, path: "discount_rate",
          expected: "the discount rate is a fraction from 0 to 0.5 a year, such as 0.03 for 3 %",
          quantity: .rate) ?? 0
    }
    if let node = top["units"] {
      let elements = reader.list(node, path: "units", expected: "units is a list of units") ?? []
      scenario.units = elements.enumerated().map { decodeUnit($1, index: $0) }
      if elements.isEmpty && node.sequence != nil {
        reader.error("units", at: node.mark, "the list is empty; a scenario has at least one unit")
      }
    }
    if let node = top["families"] {
      let elements =
        reader.list(node, path: "families", expected: "families is a list of task families") ?? []
      scenario.families = elements.enumerated().map { decodeFamily($1, index: $0) }
    }
    if let node = top["tasks"] {
      let elements = reader.list(node, path: "tasks", expected: "tasks is a list of tasks") ?? []
      scenario.tasks = elements.enumerated().map { decodeTask($1, index: $0) }
    }
    if let node = top["policy"] {
      scenario.policy = decodePolicy(node)
    }
    if let node = top["objective"] {
      scenario.objective = decodeObjective(node)
    }
    if let node = top["funding"] {
      scenario.funding = decodeFunding(node)
    }
    if let node = top["uncertainty"] {
      scenario.uncertainty = decodeUncertainty(node)
    }
    return scenario
  }

  private func decodeFormat(_ node: Node, into scenario: inout Scenario) {
    let expected = "a scenario file starts with 'format: zentral/1'"
    guard let format = reader.text(node, path: "format", expected: expected) else { return }
    scenario.format = format
    guard format != Scenario.currentFormat else { return }
    let shown = NodeReader.shorten(format)
    if format.hasPrefix("zentral/") {
      reader.error(
        "format", at: node.mark,
        "format '\(shown)' is not supported; this version of zentral reads format '\(Scenario.currentFormat)'"
      )
    } else {
      reader.error("format", at: node.mark, "'\(shown)' is not a scenario format; \(expected)")
    }
  }

  private func decodeHorizon(_ node: Node, into scenario: inout Scenario) {
    guard let mapping = reader.mapping(node, path: "horizon", shape: ScenarioShapes.horizon) else { return }
    let start = mapping["start"].flatMap {
      reader.wholeNumber(
        $0, path: "horizon.start",
        expected:
          "the horizon starts in a year from \(Self.startYears.lowerBound) to \(Self.startYears.upperBound)",
        range: Self.startYears)
    }
    let years = mapping["years"].flatMap {
      reader.wholeNumber(
        $0, path: "horizon.years", expected: "the horizon has 1 to 30 years (waves)",
        range: Self.horizonLengths)
    }
    if let start, let years {
      horizon = Horizon(start: start, years: years)
      scenario.horizon = Horizon(start: start, years: years)
    }
    if let node = mapping["terminal_value"] {
      scenario.horizon.terminalValue =
        reader.choice(
          node, path: mapping.path("terminal_value"), noun: "a terminal value", as: TerminalValue.self)
        ?? .none
    }
  }

  // MARK: Units

  private func decodeUnit(_ node: Node, index: Int) -> OrgUnit {
    let path = NodeReader.element("units", index)
    var unit = OrgUnit(id: "", name: "", kind: .department)
    guard let mapping = reader.mapping(node, path: path, shape: ScenarioShapes.unit) else {
      unitsOfUnknownKind.insert(index)
      return unit
    }
    unit.id =
      mapping["id"].flatMap { reader.identifier($0, path: mapping.path("id"), expected: "a unit's id") } ?? ""
    unit.name =
      mapping["name"].flatMap { reader.name($0, path: mapping.path("name"), expected: "a unit's name") } ?? ""
    if let kindNode = mapping["kind"],
      let kind = reader.choice(kindNode, path: mapping.path("kind"), noun: "a unit kind", as: UnitKind.self)
    {
      unit.kind = kind
    } else {
      unitsOfUnknownKind.insert(index)
    }
    unit.parent = mapping["parent"].flatMap {
      reader.text($0, path: mapping.path("parent"), expected: "a unit's parent is the id of another unit")
    }
    unit.costPerFTE = mapping["cost_per_fte"].flatMap {
      reader.number(
        $0, path: mapping.path("cost_per_fte"),
        expected: "an employer cost is 0 or more EUR/year per FTE", quantity: .costPerFTE)
    }
    unit.pricePerFTE = mapping["price_per_fte"].flatMap {
      reader.number(
        $0, path: mapping.path("price_per_fte"), expected: "a price is 0 or more EUR/year per FTE",
        quantity: .costPerFTE)
    }
    unit.capacityFTE = mapping["capacity_fte"].flatMap {
      yearValues(
        $0, path: mapping.path("capacity_fte"), what: "a capacity", expected: "a capacity is 0 or more FTE",
        quantity: .fte)
    }
    if !unitsOfUnknownKind.contains(index) { unit.transfer = decodeTransfer(mapping, unit: unit) }
    unit.legalForm = mapping["legal_form"].flatMap {
      reader.choice($0, path: mapping.path("legal_form"), noun: "a provider's legal form", as: LegalForm.self)
    }
    unit.vatRate =
      mapping["vat_rate"].flatMap {
        reader.number(
          $0, path: mapping.path("vat_rate"),
          expected: "a VAT rate is a fraction from 0 to 0.25, such as 0.19 for 19 %", quantity: .vatRate)
      } ?? 0
    return unit
  }

  // MARK: Families

  private func decodeFamily(_ node: Node, index: Int) -> TaskFamily {
    let path = NodeReader.element("families", index)
    var family = TaskFamily(id: "", name: "", providers: [])
    guard let mapping = reader.mapping(node, path: path, shape: ScenarioShapes.family) else { return family }
    family.id =
      mapping["id"].flatMap {
        reader.identifier($0, path: mapping.path("id"), expected: "a task family's id")
      } ?? ""
    family.name =
      mapping["name"].flatMap {
        reader.name($0, path: mapping.path("name"), expected: "a task family's name")
      } ?? ""
    if let providers = mapping["providers"] {
      family.providers =
        identifierList(
          providers, path: mapping.path("providers"),
          expected: "a family's providers are a list of unit ids, such as [fb-egov, krzn]") ?? []
    }
    if let centre = mapping["centre"],
      let terms = reader.mapping(centre, path: mapping.path("centre"), shape: ScenarioShapes.centre)
    {
      family.centre = CentreTerms(
        setupCost: setupCost(terms) ?? 0,
        annualOverhead: annualOverhead(terms) ?? 0,
        minFTE: minFTE(terms) ?? 0, nonStaffFactor: nonStaffFactor(terms) ?? 1)
    }
    if let centres = mapping["centres"] {
      let entries =
        reader.keyedEntries(
          centres, path: mapping.path("centres"),
          expected: "centres maps provider ids to their terms, such as {krzn: {existing_fte: 12}}") ?? []
      for (provider, value) in entries {
        if let centre = decodeProviderCentre(
          value, path: NodeReader.member(mapping.path("centres"), provider))
        {
          family.centres[provider] = centre
        }
      }
    }
    if let scale = mapping["scale"] {
      family.scale = scaleCurve(scale, path: mapping.path("scale")) ?? []
    }
    if let cost = mapping["transition_cost_per_fte"] {
      family.transitionCostPerFTE =
        reader.number(
          cost, path: mapping.path("transition_cost_per_fte"),
          expected: "a transition cost is 0 or more EUR (once) per FTE moved",
          quantity: .perFTE(unit: "EUR (once) per FTE moved")) ?? 0
    }
    family.retainedRole =
      mapping["retained_role"].flatMap {
        reader.bool(
          $0, path: mapping.path("retained_role"),
          expected: "retained_role is true (the family is a role each unit keeps) or false")
      } ?? false
    return family
  }

  private func setupCost(_ terms: MappingReader) -> Double? {
    terms["setup_cost"].flatMap {
      reader.number(
        $0, path: terms.path("setup_cost"), expected: "a set-up cost is 0 or more EUR (once)",
        quantity: .money(unit: "EUR (once)"))
    }
  }

  private func annualOverhead(_ terms: MappingReader) -> Double? {
    terms["annual_overhead"].flatMap {
      reader.number(
        $0, path: terms.path("annual_overhead"), expected: "an overhead is 0 or more EUR/year",
        quantity: .money(unit: "EUR/year"))
    }
  }

  private func minFTE(_ terms: MappingReader) -> Double? {
    terms["min_fte"].flatMap {
      reader.number(
        $0, path: terms.path("min_fte"), expected: "a minimum staffing is 0 or more FTE", quantity: .fte)
    }
  }

  private func nonStaffFactor(_ terms: MappingReader) -> Double? {
    terms["non_staff_factor"].flatMap {
      reader.number(
        $0, path: terms.path("non_staff_factor"),
        expected: "a non-staff factor is 0 or more, such as 0.7 when the centre needs 30 % less",
        quantity: .factor)
    }
  }

  private func decodeProviderCentre(_ node: Node, path: String) -> ProviderCentre? {
    guard let terms = reader.mapping(node, path: path, shape: ScenarioShapes.providerCentre) else {
      return nil
    }
    var centre = ProviderCentre(
      setupCost: setupCost(terms), annualOverhead: annualOverhead(terms), minFTE: minFTE(terms))
    centre.scale = terms["scale"].flatMap { scaleCurve($0, path: terms.path("scale")) }
    centre.existingFTE =
      terms["existing_fte"].flatMap {
        reader.number(
          $0, path: terms.path("existing_fte"), expected: "existing work is 0 or more FTE", quantity: .fte)
      } ?? 0
    centre.isOpen =
      terms["open"].flatMap {
        reader.bool($0, path: terms.path("open"), expected: "open is true (the centre exists) or false")
      } ?? (centre.existingFTE > 0)
    centre.nonStaffFactor = nonStaffFactor(terms)
    return centre
  }

  /// A scale curve: a list of `[pooled, effective]` breakpoints that starts at `[0, 0]`, with pooled
  /// FTE strictly increasing, effective FTE never decreasing and slopes never increasing (concave).
  private func scaleCurve(_ node: Node, path: String) -> [ScalePoint]? {
    let pointHint = "a breakpoint is [pooled FTE, effective FTE], such as [10, 9]"
    guard
      let elements = reader.list(
        node, path: path,
        expected: "a scale curve is a list of breakpoints, such as [[0, 0], [10, 9], [40, 31]]")
    else { return nil }
    var points: [ScalePoint] = []
    var complete = true
    for (index, element) in elements.enumerated() {
      let pointPath = NodeReader.element(path, index)
      guard let pair = reader.list(element, path: pointPath, expected: pointHint) else {
        complete = false
        continue
      }
      guard pair.count == 2 else {
        reader.error(
          pointPath, at: element.mark, "a breakpoint has 2 numbers, not \(pair.count); \(pointHint)")
        complete = false
        continue
      }
      let pooled = reader.number(
        pair[0], path: NodeReader.element(pointPath, 0), expected: "pooled workload is 0 or more FTE",
        quantity: .fte)
      let effective = reader.number(
        pair[1], path: NodeReader.element(pointPath, 1), expected: "effective workload is 0 or more FTE",
        quantity: .fte)
      guard let pooled, let effective else {
        complete = false
        continue
      }
      points.append(ScalePoint(pooled: pooled, effective: effective))
    }
    if complete {
      checkScaleCurve(points, path: path, mark: node.mark)
    }
    return points
  }

  private func checkScaleCurve(_ points: [ScalePoint], path: String, mark: Mark?) {
    func text(_ point: ScalePoint) -> String {
      "[\(ScenarioWriter.decimal(point.pooled)), \(ScenarioWriter.decimal(point.effective))]"
    }
    guard points.count >= 2, let first = points.first else {
      reader.error(
        path, at: mark,
        "a scale curve has at least 2 breakpoints, [0, 0] and one more; leave scale out for no economies of scale"
      )
      return
    }
    var shapeOK = true
    if first.pooled != 0 || first.effective != 0 {
      reader.error(
        NodeReader.element(path, 0), "the curve starts at \(text(first)); a scale curve starts at [0, 0]")
      shapeOK = false
    }
    for index in 1..<points.count {
      let previous = points[index - 1]
      let point = points[index]
      let pointPath = NodeReader.element(path, index)
      if point.pooled <= previous.pooled {
        reader.error(
          pointPath,
          "pooled \(ScenarioWriter.decimal(point.pooled)) is not more than the \(ScenarioWriter.decimal(previous.pooled)) "
            + "before it; pooled FTE increase from breakpoint to breakpoint")
        shapeOK = false
      } else if point.effective < previous.effective {
        reader.error(
          pointPath,
          "effective \(ScenarioWriter.decimal(point.effective)) is less than the "
            + "\(ScenarioWriter.decimal(previous.effective)) before it; effective FTE never decrease as pooled FTE grow"
        )
        shapeOK = false
      }
    }
    guard shapeOK else { return }
    var previousSlope = Double.infinity
    for index in 1..<points.count {
      let (from, to) = (points[index - 1], points[index])
      let slope = (to.effective - from.effective) / (to.pooled - from.pooled)
      if slope > previousSlope * (1 + 1e-9) + 1e-12 {
        reader.error(
          NodeReader.element(path, index),
          "the curve is not concave: the segment from \(text(from)) to \(text(to)) adds "
            + "\(Self.slopeText(slope)) effective FTE per pooled FTE, more than the \(Self.slopeText(previousSlope)) "
            + "of the segment before; economies of scale need slopes that never increase")
        return
      }
      previousSlope = slope
    }
    if let index = points.firstIndex(where: { $0.effective > $0.pooled }) {
      let point = points[index]
      reader.warning(
        NodeReader.element(path, index),
        "effective \(ScenarioWriter.decimal(point.effective)) is more than pooled \(ScenarioWriter.decimal(point.pooled)); "
          + "pooling should not need more FTE than the work it pools")
    }
  }

  private static func slopeText(_ slope: Double) -> String {
    ScenarioWriter.decimal((slope * 1000).rounded() / 1000)
  }

  // MARK: Tasks

  private func decodeTask(_ node: Node, index: Int) -> ITTask {
    let path = NodeReader.element("tasks", index)
    var task = ITTask(id: "", name: "", family: "", unit: "", fte: 0)
    guard let mapping = reader.mapping(node, path: path, shape: ScenarioShapes.task) else { return task }
    task.id =
      mapping["id"].flatMap { reader.identifier($0, path: mapping.path("id"), expected: "a task's id") } ?? ""
    task.name =
      mapping["name"].flatMap { reader.name($0, path: mapping.path("name"), expected: "a task's name") } ?? ""
    task.family =
      mapping["family"].flatMap {
        reader.text($0, path: mapping.path("family"), expected: "a task's family is the id of a task family")
      } ?? ""
    task.unit =
      mapping["unit"].flatMap {
        reader.text($0, path: mapping.path("unit"), expected: "a task's unit is the id of its home unit")
      } ?? ""
    task.fte =
      mapping["fte"].flatMap {
        reader.number($0, path: mapping.path("fte"), expected: "a workload is 0 or more FTE", quantity: .fte)
      } ?? 0
    task.dedicated =
      mapping["dedicated"].flatMap {
        reader.bool(
          $0, path: mapping.path("dedicated"), expected: "dedicated is true (the task stays) or false")
      } ?? false
    task.reason = mapping["reason"].flatMap {
      reader.text($0, path: mapping.path("reason"), expected: "a reason is text, shown in the report")
    }
    if let reason = task.reason, reason.utf8.count > Self.longestReason, reason.count > Self.longestReason {
      reader.error(
        mapping.path("reason"), at: mapping["reason"]?.mark,
        "the reason has \(reason.count) characters; a reason has at most \(Self.longestReason)")
    }
    task.divisible =
      mapping["divisible"].flatMap {
        reader.bool(
          $0, path: mapping.path("divisible"), expected: "divisible is true (may move in part) or false")
      } ?? false
    task.concern =
      mapping["concern"].flatMap {
        reader.number(
          $0, path: mapping.path("concern"), expected: "a concern penalty is 0 or more EUR",
          quantity: .money(unit: "EUR"))
      } ?? 0
    task.transitionCost = mapping["transition_cost"].flatMap {
      reader.number(
        $0, path: mapping.path("transition_cost"), expected: "a transition cost is 0 or more EUR (once)",
        quantity: .money(unit: "EUR (once)"))
    }
    task.providers = mapping["providers"].flatMap {
      identifierList(
        $0, path: mapping.path("providers"),
        expected: "a task's providers are a list of unit ids, such as [fb-egov]")
    }
    if let at = mapping["at"] {
      let entries =
        reader.keyedEntries(
          at, path: mapping.path("at"),
          expected: "at maps provider ids to offers, such as {krzn: {annual_cost: 95000}}") ?? []
      for (provider, value) in entries {
        if let offer = decodeOffer(value, path: NodeReader.member(mapping.path("at"), provider)) {
          task.at[provider] = offer
        }
      }
    }
    task.posts = decodePosts(mapping)
    task.confidential =
      mapping["confidential"].flatMap {
        reader.bool(
          $0, path: mapping.path("confidential"),
          expected: "confidential is true (social, tax or personnel data) or false")
      } ?? false
    task.separateFrom =
      mapping["separate_from"].flatMap {
        identifierList(
          $0, path: mapping.path("separate_from"),
          expected: "separate_from is a list of family ids, such as [rz, client]")
      } ?? []
    task.nonStaffCost =
      mapping["non_staff_cost"].flatMap {
        reader.number(
          $0, path: mapping.path("non_staff_cost"),
          expected: "a non-staff cost is 0 or more EUR/year (licences, hardware, rooms)",
          quantity: .money(unit: "EUR/year"))
      } ?? 0
    if task.dedicated && task.reason == nil {
      reader.warning(
        path, at: mapping.mark,
        "task '\(task.id)' is dedicated but gives no reason; the report shows the council why a task stays")
    }
    return task
  }

  private func decodeOffer(_ node: Node, path: String) -> ProviderOffer? {
    guard let terms = reader.mapping(node, path: path, shape: ScenarioShapes.offer) else { return nil }
    return ProviderOffer(
      fte: terms["fte"].flatMap {
        reader.number($0, path: terms.path("fte"), expected: "a workload is 0 or more FTE", quantity: .fte)
      },
      annualCost: terms["annual_cost"].flatMap {
        reader.number(
          $0, path: terms.path("annual_cost"), expected: "a quote is 0 or more EUR/year",
          quantity: .money(unit: "EUR/year"))
      },
      transitionCost: terms["transition_cost"].flatMap {
        reader.number(
          $0, path: terms.path("transition_cost"), expected: "a transition cost is 0 or more EUR (once)",
          quantity: .money(unit: "EUR (once)"))
      },
      nonStaffCost: terms["non_staff_cost"].flatMap {
        reader.number(
          $0, path: terms.path("non_staff_cost"), expected: "a non-staff cost is 0 or more EUR/year",
          quantity: .money(unit: "EUR/year"))
      })
  }

  // MARK: Policy and objective

  private func decodePolicy(_ node: Node) -> Policy {
    var policy = Policy()
    guard let mapping = reader.mapping(node, path: "policy", shape: ScenarioShapes.policy) else {
      return policy
    }
    if let retained = mapping["retained"],
      let terms = reader.mapping(retained, path: mapping.path("retained"), shape: ScenarioShapes.retained)
    {
      policy.retained = RetainedOrganisation(
        minShare: terms["min_share"].flatMap {
          reader.number(
            $0, path: terms.path("min_share"),
            expected: "a share is a fraction from 0 to 1, such as 0.1 for 10 %",
            quantity: .share)
        } ?? 0,
        minFTE: terms["min_fte"].flatMap {
          reader.number(
            $0, path: terms.path("min_fte"), expected: "a minimum is 0 or more FTE", quantity: .fte)
        } ?? 0)
    }
    policy.budget = mapping["budget"].flatMap {
      yearValues(
        $0, path: mapping.path("budget"), what: "a budget", expected: "a budget is 0 or more EUR per wave",
        quantity: .money(unit: "EUR per wave"))
    }
    policy.maxMovedFTEPerWave = mapping["max_moved_fte_per_wave"].flatMap {
      yearValues(
        $0, path: mapping.path("max_moved_fte_per_wave"), what: "a change capacity",
        expected: "a change capacity is 0 or more FTE per wave", quantity: .fte)
    }
    if let pilots = mapping["pilots"] {
      let elements =
        reader.list(pilots, path: mapping.path("pilots"), expected: "pilots is a list of {family, unit}")
        ?? []
      for (index, element) in elements.enumerated() {
        let path = NodeReader.element(mapping.path("pilots"), index)
        guard let pilot = reader.mapping(element, path: path, shape: ScenarioShapes.pilot) else { continue }
        let family = pilot["family"].flatMap {
          reader.text($0, path: pilot.path("family"), expected: "a pilot's family is a family id")
        }
        let unit = pilot["unit"].flatMap {
          reader.text($0, path: pilot.path("unit"), expected: "a pilot's unit is a unit id")
        }
        policy.pilots.append(Pilot(family: family ?? "", unit: unit ?? ""))
      }
    }
    if let deadlines = mapping["deadlines"] {
      let elements =
        reader.list(
          deadlines, path: mapping.path("deadlines"), expected: "deadlines is a list of {family, by}") ?? []
      for (index, element) in elements.enumerated() {
        let path = NodeReader.element(mapping.path("deadlines"), index)
        guard let deadline = reader.mapping(element, path: path, shape: ScenarioShapes.deadline) else {
          continue
        }
        let year = deadline["by"].flatMap { self.year($0, path: deadline.path("by"), what: "a deadline") }
        if let task = taskOfDeadline(deadline) {
          policy.taskDeadlines.append(TaskDeadline(task: task, year: year ?? 0))
          continue
        }
        let family = deadline["family"].flatMap {
          reader.text($0, path: deadline.path("family"), expected: "a deadline's family is a family id")
        }
        policy.deadlines.append(Deadline(family: family ?? "", year: year ?? 0))
      }
    }
    if let together = mapping["together"] {
      let groupHint = "a group is a list of task ids, such as [fb20-sap, fb20-sap-basis]"
      let elements =
        reader.list(
          together, path: mapping.path("together"), expected: "together is a list of groups; \(groupHint)")
        ?? []
      for (index, element) in elements.enumerated() {
        let path = NodeReader.element(mapping.path("together"), index)
        policy.together.append(identifierList(element, path: path, expected: groupHint) ?? [])
      }
    }
    if let mustMove = mapping["must_move"] {
      decodeMustMove(mustMove, path: mapping.path("must_move"), into: &policy)
    }
    if let done = mapping["done"] {
      policy.done = decodeDone(done, path: mapping.path("done"))
    }
    if let threshold = mapping["tie_threshold"] {
      policy.tieThreshold = reader.number(
        threshold, path: mapping.path("tie_threshold"),
        expected: "a close-call threshold is 0 or more EUR (a flip cost below it marks a decision 'knapp')",
        quantity: .money(unit: "EUR"))
    }
    if let mustStay = mapping["must_stay"] {
      policy.mustStay =
        identifierList(mustStay, path: mapping.path("must_stay"), expected: "must_stay is a list of task ids")
        ?? []
    }
    if let target = mapping["savings_target"],
      let terms = reader.mapping(
        target, path: mapping.path("savings_target"), shape: ScenarioShapes.savingsTarget)
    {
      policy.savingsTarget = SavingsTarget(
        annualCost: terms["annual_cost"].flatMap {
          reader.number(
            $0, path: terms.path("annual_cost"), expected: "a saving is 0 or more EUR/year",
            quantity: .money(unit: "EUR/year"))
        },
        fte: terms["fte"].flatMap {
          reader.number($0, path: terms.path("fte"), expected: "a saving is 0 or more FTE", quantity: .fte)
        })
    }
    decodeStaffPolicy(mapping, into: &policy)
    policy.parallelRunningMonths =
      mapping["parallel_running_months"].flatMap {
        reader.number(
          $0, path: mapping.path("parallel_running_months"),
          expected: "parallel running is 0 to 12 months in the year of a move", quantity: .months)
      } ?? 0
    return policy
  }

  private func decodeObjective(_ node: Node) -> Objective {
    var objective = Objective()
    guard let mapping = reader.mapping(node, path: "objective", shape: ScenarioShapes.objective) else {
      return objective
    }
    if let minimise = mapping["minimise"],
      let value = reader.text(minimise, path: mapping.path("minimise"), expected: "zentral minimises npv"),
      value != "npv"
    {
      reader.error(
        mapping.path("minimise"), at: minimise.mark,
        "'\(NodeReader.shorten(value))' is not supported; zentral minimises the net present value (minimise: npv)"
      )
    }
    objective.disruptionWeight =
      mapping["disruption_weight"].flatMap {
        reader.number(
          $0, path: mapping.path("disruption_weight"),
          expected: "a disruption weight is 0 or more EUR per FTE moved",
          quantity: .perFTE(unit: "EUR per FTE moved"))
      } ?? 0
    return objective
  }

  // MARK: Shared value kinds

  /// A list of ids (references are checked later).
  func identifierList(_ node: Node, path: String, expected: String) -> [String]? {
    guard let elements = reader.list(node, path: path, expected: expected) else { return nil }
    return elements.enumerated().compactMap { index, element in
      reader.text(element, path: NodeReader.element(path, index), expected: expected)
    }
  }

  /// A year inside the horizon (when the horizon is known).
  func year(_ node: Node, path: String, what: String) -> Int? {
    guard
      let year = reader.wholeNumber(
        node, path: path, expected: "\(what) is a year of the horizon, such as 2026", range: 1...9999)
    else { return nil }
    if let horizon, !horizon.contains(year) {
      reader.error(
        path, at: node.mark,
        "\(year) is outside the horizon \(Self.text(horizon)); \(what) is a year of the horizon")
    }
    return year
  }

  /// A quantity that may change over the horizon: one number, or `{year: value}` from given years on.
  private func yearValues(
    _ node: Node, path: String, what: String, expected: String, quantity: Quantity
  ) -> YearValues? {
    if case .scalar = node {
      return reader.number(node, path: path, expected: expected, quantity: quantity).map {
        YearValues(constant: $0)
      }
    }
    let shapeHint = "give one number for every year, or values by year such as {2025: 60, 2027: 75}"
    guard case .mapping = node,
      let entries = reader.keyedEntries(node, path: path, expected: "\(expected); \(shapeHint)")
    else {
      reader.error(
        path, at: node.mark, "\(reader.describe(node)) is not a number or a mapping of years; \(shapeHint)")
      return nil
    }
    if node.mapping?.isEmpty ?? true {
      reader.error(path, at: node.mark, "the mapping is empty; \(shapeHint)")
      return nil
    }
    var values: [Int: Double] = [:]
    for (key, value) in entries {
      let entryPath = NodeReader.member(path, key)
      let keyMark = reader.keyMark(of: entryPath)
      guard case .number(let number) = ScalarValue.plain(key), number == number.rounded(), abs(number) < 10000
      else {
        reader.error(entryPath, at: keyMark, "'\(NodeReader.shorten(key))' is not a year; \(shapeHint)")
        continue
      }
      let year = Int(number)
      if let horizon, !horizon.contains(year) {
        reader.error(
          entryPath, at: keyMark,
          "\(year) is outside the horizon \(Self.text(horizon)); \(what) is given for years of the horizon")
        continue
      }
      if let amount = reader.number(value, path: entryPath, expected: expected, quantity: quantity) {
        values[year] = amount
      }
    }
    return YearValues(byYear: values)
  }

  /// `2025 to 2029`.
  static func text(_ horizon: Horizon) -> String {
    horizon.years == 1 ? "(only \(horizon.start))" : "(\(horizon.start) to \(horizon.end))"
  }
}
