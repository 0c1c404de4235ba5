public import ZentralPlan

/// Writes the decision report for the Dezernent and the council as one self-contained HTML page:
/// no scripts, no network access (a Content-Security-Policy forbids it), inline SVG org charts of
/// today and of the recommendation, key figures, the rollout by wave, every task with its decision
/// and the money behind it, units before and after, and the model's assumptions. Prints on A4.
public struct HTMLReportExporter: Exporter {
  /// Language and chart renderer (the view option does not apply: the report shows both charts).
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/html``.
  public var format: ExportFormat { .html }

  /// Writes the report.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    let language = options.language(for: plan)
    let report = ReportModel(plan: plan, language: language)
    let words = report.words
    var charts: [(view: ChartView, svg: String, note: String?)] = []
    for view in plan.hasSolution ? [ChartView.current, .target] : [.current] {
      let (chart, document) = try options.svg(of: plan, view: view)
      let tooBig =
        options.renderer == .automatic && Graphviz.isInstalled
        && chart.nodes.count > ChartRenderer.graphvizMaxBoxes
      charts.append(
        (view, ChartSVG.inline(document), tooBig ? words.builtInLayoutNote(boxes: chart.nodes.count) : nil))
    }
    let h = Escape.html
    var page = ""
    page += "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<meta name=\"generator\" content=\"zentral\">\n"
    page +=
      "<title>\(Escape.xml(report.title)) – \(Escape.xml(plan.scenario))</title>\n<style>\n\(Self.styleSheet)</style>\n</head>\n<body>\n"
    page +=
      "<header>\n<h1>\(h(report.title))</h1>\n<p class=\"scenario\">\(h(Escape.name(plan.scenario)))</p>\n"
    page +=
      "<p class=\"status status-\(DOTWriter.className(plan.status.rawValue))\">\(h(report.status))</p>\n"
    page += report.verdictNotes.map { "<p class=\"note\">\(h($0))</p>\n" }.joined() + "</header>\n"

    if !plan.hasSolution {
      page +=
        "<section id=\"conflicts\">\n<h2>\(h(words.pick("Warum es keinen Plan gibt", "Why there is no plan")))</h2>\n"
      if plan.status == .infeasible { page += "<p>\(h(report.diagnosis))</p>\n" }
      if !report.conflicts.isEmpty {
        page += "<ul>\n" + report.conflicts.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
      }
      page += "</section>\n"
    }

    page +=
      "<section id=\"summary\">\n<h2>\(h(words.pick("Kennzahlen", "Key figures")))</h2>\n<dl class=\"figures\">\n"
    for figure in report.keyFigures {
      page += "<div><dt>\(h(figure.label))</dt><dd>\(h(figure.value))</dd></div>\n"
    }
    page += "</dl>\n</section>\n"

    if plan.hasSolution {
      page += "<section id=\"waves\">\n<h2>\(h(words.pick("Kosten je Welle", "Costs per wave")))</h2>\n"
      page += Self.table(report.wavesTable, id: "wave-table")
      if let net = report.netOfFunding { page += "<p class=\"note\">\(h(net))</p>\n" }
      page += "</section>\n"
      if let funding = report.fundingTable, let text = report.fundingText {
        page += "<section id=\"funding\">\n<h2>\(h(words.pick("Förderung", "Funding")))</h2>\n"
        page += "<p>\(h(text))</p>\n" + Self.table(funding, id: "funding-table") + "</section>\n"
      }
      page +=
        "<section id=\"rollout\">\n<h2>\(h(words.pick("Umsetzung nach Wellen", "Rollout by wave")))</h2>\n"
      for wave in report.rollout {
        page += "<div class=\"wave\">\n<h3>\(h(wave.headline))</h3>\n"
        if !wave.lines.isEmpty {
          page += "<ul>\n" + wave.lines.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        page += "</div>\n"
      }
      page += "</section>\n"
    }

    page += "<section id=\"charts\">\n<h2>\(h(words.pick("Organigramme", "Org charts")))</h2>\n"
    for chart in charts {
      page += "<figure id=\"chart-\(chart.view.rawValue)\" class=\"chart\">\n"
      page += "<figcaption>\(h(words.viewName(chart.view)))</figcaption>\n"
      if let note = chart.note { page += "<p class=\"notes\">\(h(note))</p>\n" }
      page += "\(chart.svg)</figure>\n"
    }
    page += "</section>\n"

    if plan.hasSolution {
      if !plan.centres.isEmpty {
        page +=
          "<section id=\"centres\">\n<h2>\(h(words.pick("Kompetenzzentren", "Competence centres")))</h2>\n"
        page += Self.table(report.centresTable, id: "centre-table") + "</section>\n"
      }
      page +=
        "<section id=\"units\">\n<h2>\(h(words.pick("Einheiten vorher und nachher", "Units before and after")))</h2>\n"
      page += Self.table(report.unitsTable, id: "unit-table") + "</section>\n"
      page += Self.staffSections(report)
      if !report.closeCalls.isEmpty {
        page +=
          "<section id=\"close-calls\">\n<h2>\(h(words.pick("Knapp entschieden", "Close calls")))</h2>\n"
        page += "<ul>\n" + report.closeCalls.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n</section>\n"
      }
      page +=
        "<section id=\"tasks\">\n<h2>\(h(words.pick("Entscheidung je Aufgabe", "Decision per task")))</h2>\n"
      page += Self.table(report.tasksTable, id: "task-table") + "</section>\n"
    }

    page += DecisionCharts.section(plan, language: language)
    page +=
      "<section id=\"assumptions\">\n<h2>\(h(words.pick("Annahmen des Modells", "Assumptions of the model")))</h2>\n"
    page += "<dl class=\"assumptions\">\n"
    for item in report.assumptions + report.staffAssumptions {
      page += "<dt>\(h(item.label))</dt><dd>\(h(item.value))</dd>\n"
    }
    page +=
      "</dl>\n<ul class=\"notes\">\n" + report.notes.map { "<li>\(h($0))</li>\n" }.joined()
      + "</ul>\n</section>\n"
    page +=
      "<footer>\(h(words.pick("Erstellt mit zentral aus", "Made with zentral from"))) \(h(plan.format.rawValue))</footer>\n"
    page += "</body>\n</html>\n"
    output.write(page)
  }

  /// The staff sections: posts per unit and year, transfers per task, surplus staff.
  static func staffSections(_ report: ReportModel) -> String {
    let h = Escape.html
    let words = report.words
    var page = ""
    if let table = report.postsTable {
      page +=
        "<section id=\"posts\">\n<h2>\(h(words.pick("Stellenplan: Stellen je Einheit und Jahr", "Posts per unit and year")))</h2>\n"
      page += Self.table(table, id: "posts-table") + "</section>\n"
    }
    if let table = report.transferTable {
      page +=
        "<section id=\"transfers\">\n<h2>\(h(words.pick("Personalübergang je Aufgabe", "Staff transfer per task")))</h2>\n"
      page += Self.table(table, id: "transfer-table") + "</section>\n"
    }
    if let table = report.surplusTable {
      page +=
        "<section id=\"surplus\">\n<h2>\(h(words.pick("Personalüberhang je Jahr", "Surplus staff per year")))</h2>\n"
      page += Self.table(table, id: "surplus-table") + "</section>\n"
    }
    return page
  }

  static func table(_ table: ReportModel.Table, id: String) -> String {
    let h = Escape.html
    var html = "<table id=\"\(id)\">\n<thead><tr>"
    for (column, header) in table.headers.enumerated() {
      html += table.numeric.contains(column) ? "<th class=\"num\">\(h(header))</th>" : "<th>\(h(header))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    func row(_ cells: [ReportModel.Cell]) -> String {
      var text = "<tr>"
      for cell in cells {
        let title = cell.detail.map { " title=\"\(Escape.xml($0))\"" } ?? ""
        text +=
          cell.numeric ? "<td class=\"num\"\(title)>\(h(cell.text))</td>" : "<td\(title)>\(h(cell.text))</td>"
      }
      return text + "</tr>\n"
    }
    for cells in table.rows { html += row(cells) }
    html += "</tbody>\n"
    if let footer = table.footer { html += "<tfoot>" + row(footer).dropLast() + "</tfoot>\n" }
    return html + "</table>\n"
  }

  static let styleSheet = """
    :root { color-scheme: light; }
    body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
      color: #1d1d1d; margin: 2em auto; max-width: 70em; padding: 0 1.5em; }
    h1 { font-size: 1.7em; margin: 0 0 .2em; }
    h2 { font-size: 1.3em; margin: 1.6em 0 .5em; border-bottom: 2px solid #4e79a7; padding-bottom: .15em;
      break-after: avoid; }
    h3 { font-size: 1.05em; margin: .9em 0 .3em; break-after: avoid; }
    .scenario { font-size: 1.15em; margin: 0; }
    .status { color: #555; margin: .2em 0 0; }
    .status-infeasible { color: #b00020; font-weight: bold; }
    dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); gap: .6em; margin: 0; }
    dl.figures div { border: 1px solid #d5dbe5; border-radius: 6px; padding: .5em .7em; background: #f6f8fb;
      break-inside: avoid; }
    dl.figures dt { font-size: .85em; color: #555; }
    dl.figures dd { margin: .1em 0 0; font-size: 1.2em; font-weight: bold; white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .4em 0 1em; }
    th, td { border-bottom: 1px solid #ddd; padding: .3em .45em; text-align: left; vertical-align: top; }
    th { background: #eef2f7; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tfoot td { font-weight: bold; border-top: 2px solid #999; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    .wave ul { margin: .2em 0 .6em; padding-left: 1.3em; }
    .wave li { margin: .15em 0; }
    figure.chart { margin: 1em 0 2em; }
    figure.chart figcaption { font-weight: bold; margin-bottom: .4em; }
    figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    dl.assumptions { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; }
    dl.assumptions dt { font-weight: bold; }
    dl.assumptions dd { margin: 0; }
    .notes { color: #555; font-size: .9em; }
    footer { margin-top: 3em; color: #777; font-size: .85em; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
      h2 { break-after: avoid; }
      section { break-inside: auto; }
      figure.chart { break-before: page; break-inside: avoid; margin: 0; }
      figure.chart svg { width: auto; height: auto; max-width: 100%; max-height: 255mm; }
      table { font-size: 8pt; }
    }

    """
}
