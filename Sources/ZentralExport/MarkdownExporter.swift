public import ZentralPlan

/// Writes a Markdown summary of the plan for a wiki page or a merge request: key figures, costs
/// per wave, rollout, competence centres, the recommended org chart as a Mermaid block (GitLab
/// and GitHub draw it), every task's decision, and the assumptions.
public struct MarkdownExporter: Exporter {
  /// Language (the chart is the target view).
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/md``.
  public var format: ExportFormat { .md }

  /// Writes the summary.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let language = options.language(for: plan)
    let report = ReportModel(plan: plan, language: language)
    let words = report.words
    let m = Escape.markdown
    var text = "# \(m(report.title)) – \(m(plan.scenario))\n\n_\(m(report.status))_\n\n"
    text += report.verdictNotes.map { "> \(m($0))\n\n" }.joined()
    if !plan.hasSolution {
      text += "## \(m(words.pick("Warum es keinen Plan gibt", "Why there is no plan")))\n\n"
      if plan.status == .infeasible { text += "\(m(report.diagnosis))\n\n" }
      text += report.conflicts.map { "- \(m($0))\n" }.joined() + (report.conflicts.isEmpty ? "" : "\n")
    }
    text += "## \(m(words.pick("Kennzahlen", "Key figures")))\n\n"
    text += "| \(m(words.pick("Kennzahl", "Figure"))) | \(m(words.pick("Wert", "Value"))) |\n|---|---:|\n"
    for figure in report.keyFigures { text += "| \(m(figure.label)) | \(m(figure.value)) |\n" }
    text += "\n"
    if plan.hasSolution {
      text +=
        "## \(m(words.pick("Kosten je Welle", "Costs per wave")))\n\n" + Self.table(report.wavesTable) + "\n"
      if let net = report.netOfFunding { text += "\(m(net))\n\n" }
      if let funding = report.fundingTable, let fundingText = report.fundingText {
        text +=
          "## \(m(words.pick("Förderung", "Funding")))\n\n\(m(fundingText))\n\n" + Self.table(funding) + "\n"
      }
      text += "## \(m(words.pick("Umsetzung nach Wellen", "Rollout by wave")))\n\n"
      for wave in report.rollout {
        text += "- **\(m(wave.headline))**\n"
        for line in wave.lines { text += "  - \(m(line))\n" }
      }
      text += "\n"
      if !plan.centres.isEmpty {
        text +=
          "## \(m(words.pick("Kompetenzzentren", "Competence centres")))\n\n"
          + Self.table(report.centresTable) + "\n"
      }
      text += "## \(m(words.viewName(.target)))\n\n```mermaid\n"
      let chart = try OrgChartBuilder(plan: plan, language: language, view: .target).build()
      MermaidExporter.write(chart, to: &text)
      text += "```\n\n"
      text += "## \(m(words.pick("Einheiten vorher und nachher", "Units before and after")))\n\n"
      text += Self.table(report.unitsTable) + "\n"
      let staffTables: [(de: String, en: String, table: ReportModel.Table?)] = [
        ("Stellenplan: Stellen je Einheit und Jahr", "Posts per unit and year", report.postsTable),
        ("Personalübergang je Aufgabe", "Staff transfer per task", report.transferTable),
        ("Personalüberhang je Jahr", "Surplus staff per year", report.surplusTable),
      ]
      for (de, en, table) in staffTables {
        guard let table else { continue }
        text += "## \(m(words.pick(de, en)))\n\n" + Self.table(table) + "\n"
      }
      if !report.closeCalls.isEmpty {
        text += "## \(m(words.pick("Knapp entschieden", "Close calls")))\n\n"
        text += report.closeCalls.map { "- \(m($0))\n" }.joined() + "\n"
      }
      text +=
        "## \(m(words.pick("Entscheidung je Aufgabe", "Decision per task")))\n\n"
        + Self.table(report.tasksTable) + "\n"
    }
    text += "## \(m(words.pick("Annahmen des Modells", "Assumptions of the model")))\n\n"
    for item in report.assumptions + report.staffAssumptions {
      text += "- **\(m(item.label)):** \(m(item.value))\n"
    }
    text += "\n" + report.notes.map { "> \(m($0))\n" }.joined(separator: ">\n")
    output.write(text)
  }

  static func table(_ table: ReportModel.Table) -> String {
    let m = Escape.markdown
    var text = "| " + table.headers.map(m).joined(separator: " | ") + " |\n|"
    for column in table.headers.indices { text += table.numeric.contains(column) ? "---:|" : "---|" }
    text += "\n"
    for row in table.rows + (table.footer.map { [$0] } ?? []) {
      text += "| " + row.map { m($0.text) }.joined(separator: " | ") + " |\n"
    }
    return text
  }
}
