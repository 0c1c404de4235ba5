extension PlanWords {
  /// The name of a transfer form: `Versetzung` / `transfer (Versetzung)`; the German legal term
  /// stays in English text, since it names a German procedure.
  public func transferForm(_ form: Plan.TransferForm) -> String {
    switch form {
    case .versetzung: pick("Versetzung", "transfer (Versetzung)")
    case .abordnung: pick("Abordnung", "secondment (Abordnung)")
    case .personalgestellung: pick("Personalgestellung", "staff provision (Personalgestellung)")
    case .betriebsuebergang: pick("Betriebsübergang", "transfer of undertaking (Betriebsübergang)")
    }
  }

  /// The staff lines of the summary: posts that change unit per year (the Stellenplan effect)
  /// and, under the no-layoffs rule, the surplus staff per year (Personalüberhang); none when no
  /// post moves and there is no surplus.
  public var staffLines: [String] {
    guard let staff = plan.staff else { return [] }
    var lines: [String] = []
    let years = plan.waves.map(\.year)
    var moved: [Int: Int] = [:]
    for row in staff.posts { moved[row.year, default: 0] += row.postsOut }
    if moved.values.contains(where: { $0 > 0 }) {
      let perYear = years.map { "\($0): \(moved[$0] ?? 0)" }.joined(separator: ", ")
      lines.append(pick("Stellen, die wechseln, je Jahr: ", "posts that move per year: ") + perYear)
    }
    if let rate = staff.attritionRate {
      let perYear = years.map { "\($0): \(format.fte(staff.surplusFTE(in: $0)))" }.joined(separator: ", ")
      lines.append(
        pick(
          "Personalüberhang (ohne Kündigungen, Abgang \(format.percent(rate)) im Jahr): ",
          "surplus staff (no layoffs, attrition \(format.percent(rate)) a year): ") + perYear)
    }
    return lines
  }
}
