import Yams

/// Decoding of the re-planning and funding keys: `policy.must_move` entries with a year,
/// `policy.deadlines` entries for one task, `policy.done` and top-level `funding`
/// (docs/scenario-format.md).
extension ScenarioDecoder {
  /// The task of a deadline entry `{task, by}`, or `nil` for a family's deadline; an entry with
  /// both or neither is reported.
  func taskOfDeadline(_ deadline: MappingReader) -> String? {
    let hasFamily = deadline["family"] != nil
    guard let node = deadline["task"] else {
      if !hasFamily {
        reader.error(
          deadline.path, at: deadline.mark,
          "a deadline names a task family (family: ...) or one task (task: ...); this one names neither")
      }
      return nil
    }
    if hasFamily {
      reader.error(
        deadline.path("task"), at: node.mark,
        "a deadline names either a task family or one task, not both; write two deadlines")
    }
    return reader.text(node, path: deadline.path("task"), expected: "a deadline's task is a task id") ?? ""
  }

  /// `must_move`: a list of task ids or `{task, by}` entries; an entry with a year also goes to
  /// ``Policy/mustMoveBy``.
  func decodeMustMove(_ node: Node, path: String, into policy: inout Policy) {
    let expected = "must_move is a list of task ids or {task, by} entries"
    guard let elements = reader.list(node, path: path, expected: expected) else { return }
    for (index, element) in elements.enumerated() {
      let elementPath = NodeReader.element(path, index)
      guard case .mapping = element else {
        if let id = reader.text(element, path: elementPath, expected: expected) { policy.mustMove.append(id) }
        continue
      }
      guard let entry = reader.mapping(element, path: elementPath, shape: ScenarioShapes.mustMove) else {
        continue
      }
      let task = entry["task"].flatMap {
        reader.text($0, path: entry.path("task"), expected: "a must-move entry's task is a task id")
      }
      let year = entry["by"].flatMap { self.year($0, path: entry.path("by"), what: "a must-move year") }
      guard let task else { continue }
      policy.mustMove.append(task)
      if let year { policy.mustMoveBy[task] = min(policy.mustMoveBy[task] ?? year, year) }
    }
  }

  /// `policy.done`: decisions already carried out.
  func decodeDone(_ node: Node, path: String) -> [DoneMove] {
    let expected = "done is a list of {task, to, wave}"
    guard let elements = reader.list(node, path: path, expected: expected) else { return [] }
    return elements.enumerated().compactMap { index, element in
      let elementPath = NodeReader.element(path, index)
      guard let entry = reader.mapping(element, path: elementPath, shape: ScenarioShapes.done) else {
        return nil
      }
      let task = entry["task"].flatMap {
        reader.text($0, path: entry.path("task"), expected: "a done decision's task is a task id")
      }
      let provider = entry["to"].flatMap {
        reader.text($0, path: entry.path("to"), expected: "a done decision's 'to' is a provider's unit id")
      }
      let year = entry["wave"].flatMap {
        self.year($0, path: entry.path("wave"), what: "a done decision's wave")
      }
      return DoneMove(task: task ?? "", provider: provider ?? "", year: year ?? 0)
    }
  }

  /// Top-level `funding`: programmes that refinance a share of a task's or a unit's posts.
  func decodeFunding(_ node: Node) -> [Funding] {
    let expected = "funding is a list of {task or unit, share, until}"
    guard let elements = reader.list(node, path: "funding", expected: expected) else { return [] }
    return elements.enumerated().compactMap { index, element in
      let path = NodeReader.element("funding", index)
      guard let entry = reader.mapping(element, path: path, shape: ScenarioShapes.funding) else { return nil }
      let task = entry["task"].flatMap {
        reader.text($0, path: entry.path("task"), expected: "a funding programme's task is a task id")
      }
      let unit = entry["unit"].flatMap {
        reader.text($0, path: entry.path("unit"), expected: "a funding programme's unit is a unit id")
      }
      if task != nil && unit != nil {
        reader.error(
          entry.path("unit"), at: entry["unit"]?.mark,
          "a funding programme refinances one task or one unit, not both; write two programmes")
      } else if task == nil && unit == nil && entry["task"] == nil && entry["unit"] == nil {
        reader.error(
          path, at: entry.mark,
          "a funding programme names the task (task: ...) or the unit (unit: ...) it refinances")
      }
      var share = entry["share"].flatMap {
        reader.number(
          $0, path: entry.path("share"),
          expected: "a funded share is a fraction above 0 and at most 1, such as 0.5 for 50 %",
          quantity: .share)
      }
      if let value = share, value == 0, let node = entry["share"] {
        reader.error(
          entry.path("share"), at: node.mark,
          "0 is no funding; a funded share is a fraction above 0 and at most 1, such as 0.5 for 50 %")
        share = nil
      }
      let until = entry["until"].flatMap { untilYear($0, path: entry.path("until")) }
      let target: Funding.Target = task.map { .task($0) } ?? .unit(unit ?? "")
      return Funding(target: target, share: share ?? 0, until: until ?? 0)
    }
  }

  /// The last year of a funding programme: any year from the horizon's start on (a programme
  /// that ends after the horizon pays in every wave); a year before the horizon is reported.
  private func untilYear(_ node: Node, path: String) -> Int? {
    guard
      let year = reader.wholeNumber(
        node, path: path, expected: "a funding programme pays until a year, such as 2027", range: 1...9999)
    else { return nil }
    if let horizon, year < horizon.start {
      reader.error(
        path, at: node.mark,
        "\(year) is before the horizon \(Self.text(horizon)); a programme that ended before it funds nothing"
      )
    }
    return year
  }
}
