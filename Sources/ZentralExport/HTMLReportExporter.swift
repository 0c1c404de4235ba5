import Foundation
public import ZentralPlan

/// Writes the decision report for the council as one self-contained HTML page shaped like a
/// Beschlussvorlage (council paper): Sachverhalt, Beschlussvorschlag, Finanzielle Auswirkungen,
/// Personelle Auswirkungen, Alternativen, Risiken und Annahmen, Anlagen (English equivalents for
/// `en`); for a scenario without a plan a review of the conflicting rules and what would make them
/// compatible. No scripts, no network access (a Content-Security-Policy forbids it); inline SVG
/// charts with text alternatives; A4 print rules with page header, footer and page numbers, and
/// large org charts cut into pages (`ReportOrgChart`). ``ChromiumPDF`` prints it to PDF.
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
    let charts = ReportCharts(report: report)
    var orgCharts: [ReportOrgChart] = []
    for view in plan.hasSolution ? [ChartView.current, .target] : [.current] {
      let (chart, document) = try options.svg(of: plan, view: view)
      let tooBig =
        options.renderer == .automatic && Graphviz.isInstalled
        && chart.nodes.count > ChartRenderer.graphvizMaxBoxes
      orgCharts.append(
        ReportOrgChart(
          id: "chart-\(view.rawValue)", caption: words.viewName(view),
          summary: Self.orgChartSummary(chart, report: report, view: view), svg: ChartSVG.inline(document),
          partLabel: { words.pick("Teil \($0) von \($1)", "part \($0) of \($1)") },
          note: tooBig ? words.builtInLayoutNote(boxes: chart.nodes.count) : nil))
    }
    let date = Self.dateText(options.date ?? Date(), language: language)
    let h = Escape.html
    var page = ""
    page += "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<meta name=\"generator\" content=\"zentral\">\n"
    page +=
      "<title>\(Escape.xml(report.title)) – \(Escape.xml(plan.scenario))</title>\n<style>\n\(Self.styleSheet)"
    page +=
      Self.pageRules(title: report.title, scenario: plan.scenario, date: date, words: words) + "</style>\n"
    page += "</head>\n<body>\n"
    page +=
      "<header>\n<p class=\"kind\">\(h(words.pick("Vorlage für den Rat", "Paper for the council")))</p>\n"
    page += "<h1>\(h(report.title))</h1>\n<p class=\"scenario\">\(h(Escape.name(plan.scenario)))</p>\n"
    page += "<p class=\"date\">\(h(words.pick("Stand: ", "Date: ") + date))</p>\n"
    page += report.verdictNotes.map { "<p class=\"note\">\(h($0))</p>\n" }.joined() + "</header>\n<main>\n"

    var number = 0
    func section(_ id: String, _ german: String, _ english: String) -> String {
      number += 1
      return "<section id=\"\(id)\">\n<h2>\(number). \(h(words.pick(german, english)))</h2>\n"
    }
    func paragraphs(_ lines: [String]) -> String { lines.map { "<p>\(h($0))</p>\n" }.joined() }
    func figures(_ items: [(label: String, value: String)]) -> String {
      "<dl class=\"figures\">\n"
        + items.map { "<div><dt>\(h($0.label))</dt><dd>\(h($0.value))</dd></div>\n" }.joined() + "</dl>\n"
    }
    func subheading(_ german: String, _ english: String) -> String {
      "<h3>\(h(words.pick(german, english)))</h3>\n"
    }

    page += section("sachverhalt", "Sachverhalt", "Background")
    page += paragraphs(report.facts) + figures(report.briefFigures) + "</section>\n"

    if plan.hasSolution {
      page += section("beschlussvorschlag", "Beschlussvorschlag", "Proposed resolution")
      page += "<p>\(h(words.pick("Der Rat beschließt:", "The council resolves:")))</p>\n<ol>\n"
      page += report.proposal.map { "<li>\(h($0))</li>\n" }.joined() + "</ol>\n</section>\n"

      page += section("finanzen", "Finanzielle Auswirkungen", "Financial impact")
      page += figures(report.financeFigures)
      page += charts.finance.map(\.html).joined()
      if let net = report.netOfFunding { page += "<p class=\"note\">\(h(net))</p>\n" }
      if let funding = report.fundingTable, let text = report.fundingText {
        page += "<div id=\"funding\">\n" + subheading("Förderung", "Funding") + "<p>\(h(text))</p>\n"
        page += Self.table(funding, id: "funding-table") + "</div>\n"
      }
      page +=
        subheading("Kosten je Jahr", "Cost per year") + Self.table(report.financeTable, id: "finance-table")
      page +=
        subheading("Einmalkosten je Welle", "One-time cost per wave")
        + Self.table(report.wavesTable, id: "wave-table")
      if let concerns = report.weighedConcerns { page += "<p class=\"notes\">\(h(concerns))</p>\n" }
      page += "</section>\n"

      page += section("personal", "Personelle Auswirkungen", "Staff impact")
      if let staff = charts.staffPerUnit { page += staff.html }
      page += subheading("IT-Personal je Einheit und Jahr (VZÄ)", "IT staff per unit and year (FTE)")
      page += Self.table(report.staffTable, id: "staff-table")
      page += Self.staffSections(report)
      if let moves = charts.moves { page += moves.html }
      page += subheading("Umsetzung nach Wellen", "Rollout by wave")
      page += "<div class=\"rollout\" id=\"rollout\">\n"
      for wave in report.rollout {
        page += "<div class=\"wave\">\n<h4>\(h(wave.headline))</h4>\n"
        if !wave.lines.isEmpty {
          page += "<ul>\n" + wave.lines.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        page += "</div>\n"
      }
      page += "</div>\n"
      if !plan.centres.isEmpty {
        page +=
          subheading("Kompetenzzentren", "Competence centres")
          + Self.table(report.centresTable, id: "centre-table")
      }
      page += "</section>\n"

      page += section("alternativen", "Alternativen", "Alternatives")
      page += paragraphs(report.alternatives)
      if !report.closeCalls.isEmpty {
        page += "<div id=\"close-calls\">\n" + subheading("Knapp entschieden", "Close calls")
        page += "<ul>\n" + report.closeCalls.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n</div>\n"
      }
      if let closest = report.closestDecisions {
        page += subheading("Die knappsten Entscheidungen", "The closest decisions")
        page += Self.table(closest, id: "closest-table")
      }
      page += DecisionSupportHTML.alternatives(of: plan, language: language)
      page += "</section>\n"
    } else {
      page += section("konflikt", "Widersprüchliche Vorgaben", "Conflicting rules")
      if plan.status == .infeasible { page += "<p>\(h(report.diagnosis))</p>\n" }
      if !report.conflicts.isEmpty {
        page += "<ul>\n" + report.conflicts.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
      }
      page += DecisionSupportHTML.alternatives(of: plan, language: language)
      page += "</section>\n"
      let remedies = report.remedies
      if !remedies.isEmpty {
        page += section(
          "abhilfe", "Was die Vorgaben vereinbar machen würde", "What would make the rules compatible")
        let lead = words.pick(
          "Dieser Widerspruch löst sich, wenn eine dieser Vorgaben geändert wird (weitere Widersprüche sind möglich):",
          "This conflict goes away when one of these rules changes (there may be further conflicts):")
        page += "<p>\(h(lead))</p>\n"
        page += "<ul>\n" + remedies.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n</section>\n"
      }
    }

    page += section(
      "risiken", plan.hasSolution ? "Risiken und Annahmen" : "Annahmen",
      plan.hasSolution ? "Risks and assumptions" : "Assumptions")
    if plan.hasSolution {
      page +=
        subheading("Risiken", "Risks") + "<ul>\n" + report.risks.map { "<li>\(h($0))</li>\n" }.joined()
        + "</ul>\n"
      page += DecisionCharts.subsections(plan, words: report.sentences)
    }
    page += DecisionSupportHTML.robust(of: plan, language: language)
    if plan.hasSolution || plan.robust != nil {
      page += subheading("Annahmen", "Assumptions")
    }
    page += "<dl class=\"assumptions\">\n"
    for item in report.assumptions + report.staffAssumptions {
      page += "<dt>\(h(item.label))</dt><dd>\(h(item.value))</dd>\n"
    }
    page +=
      "</dl>\n<ul class=\"notes\">\n" + report.notes.map { "<li>\(h($0))</li>\n" }.joined()
      + "</ul>\n</section>\n"

    page += section("anlagen", "Anlagen", "Annexes")
    var annex = 0
    func annexHeading(_ german: String, _ english: String) -> String {
      annex += 1
      return "<h3>\(h(words.pick("Anlage \(annex): \(german)", "Annex \(annex): \(english)")))</h3>\n"
    }
    if plan.hasSolution {
      page +=
        "<div class=\"annex\" id=\"tasks\">\n" + annexHeading("Entscheidung je Aufgabe", "Decision per task")
      page += Self.table(report.tasksTable, id: "task-table") + "</div>\n"
      page +=
        "<div class=\"annex\" id=\"units\">\n"
        + annexHeading("Einheiten vorher und nachher", "Units before and after")
      page += Self.table(report.unitsTable, id: "unit-table") + "</div>\n"
    }
    for chart in orgCharts {
      page += "<div class=\"annex annex-chart\">\n" + annexHeading(chart.caption, chart.caption)
      page += chart.html + "</div>\n"
    }
    page += "</section>\n</main>\n"
    page +=
      "<footer>\(h(words.pick("Erstellt mit zentral aus", "Made with zentral from"))) \(h(plan.format.rawValue)), \(h(date))</footer>\n"
    page += "</body>\n</html>\n"
    output.write(page)
  }

  /// The text alternative of an org chart: how many units and centres, where the details are.
  static func orgChartSummary(_ chart: OrgChart, report: ReportModel, view: ChartView) -> String {
    let words = report.words
    let centres = chart.nodes.filter { $0.kind == "centre" }.count
    let boxes = chart.nodes.count - centres
    let details =
      report.plan.hasSolution
      ? words.pick(
        " Die Zahlen je Einheit stehen in Anlage 2, die Entscheidungen in Anlage 1.",
        " The figures per unit are in Annex 2, the decisions in Annex 1.")
      : ""
    switch view {
    case .current:
      return words.pick(
        "Organigramm der Verwaltung heute mit \(boxes) Kästen für Einheiten und \(centres) bestehenden Kompetenzzentren.",
        "Org chart of the administration today with \(boxes) boxes for units and \(centres) existing competence centres."
      )
        + details
    case .target, .changes:
      return words.pick(
        "Organigramm nach der Umsetzung (\(report.plan.lastYear)) mit \(boxes) Kästen für Einheiten und \(centres) Kompetenzzentren; "
          + "jeder Kasten nennt, was die Einheit behält oder übernimmt.",
        "Org chart after the change (\(report.plan.lastYear)) with \(boxes) boxes for units and \(centres) competence centres; "
          + "each box says what the unit keeps or takes over.") + details
    }
  }

  /// "2. Dezember 2026" / "2 December 2026" (the machine's time zone).
  static func dateText(_ date: Date, language: ReportLanguage) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let month = (parts.month ?? 1) - 1
    let german = [
      "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
      "November",
      "Dezember",
    ]
    let english = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November",
      "December",
    ]
    let day = parts.day ?? 1
    let year = parts.year ?? 2000
    return language == .de
      ? "\(day). \(german[min(max(month, 0), 11)]) \(year)"
      : "\(day) \(english[min(max(month, 0), 11)]) \(year)"
  }

  /// The page header and footer of the printed report (CSS page-margin boxes): title and scenario
  /// at the top, date and "Seite 3 von 12" at the bottom.
  static func pageRules(title: String, scenario: String, date: String, words: Vocabulary) -> String {
    let css = Self.cssString
    return """
      @page {
        @top-left { content: \(css(title)); }
        @top-right { content: \(css(scenario)); }
        @bottom-left { content: \(css(words.pick("Stand: ", "Date: ") + date)); }
        @bottom-right { content: \(css(words.pick("Seite ", "Page "))) counter(page) \(css(words.pick(" von ", " of "))) counter(pages); }
      }

      """
  }

  /// `text` as a CSS string literal: every character but letters, digits and spaces written as a
  /// CSS escape, so that no name can close the string or the style element; control characters
  /// and name marks dropped.
  static func cssString(_ text: String) -> String {
    var result = "\""
    for scalar in PlanWords.plain(text).unicodeScalars
    where scalar != Escape.nameStart && scalar != Escape.nameEnd {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " ") {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return result + "\""
  }

  /// The staff sections: posts per unit and year, transfers per task, surplus staff.
  static func staffSections(_ report: ReportModel) -> String {
    let h = Escape.html
    let words = report.words
    var page = ""
    if let table = report.postsTable {
      page +=
        "<div id=\"posts\">\n<h3>\(h(words.pick("Stellenplan: Stellen je Einheit und Jahr", "Posts per unit and year")))</h3>\n"
      page += Self.table(table, id: "posts-table") + "</div>\n"
    }
    if let table = report.transferTable {
      page +=
        "<div id=\"transfers\">\n<h3>\(h(words.pick("Personalübergang je Aufgabe", "Staff transfer per task")))</h3>\n"
      page += Self.table(table, id: "transfer-table") + "</div>\n"
    }
    if let table = report.surplusTable {
      page +=
        "<div id=\"surplus\">\n<h3>\(h(words.pick("Personalüberhang je Jahr", "Surplus staff per year")))</h3>\n"
      page += Self.table(table, id: "surplus-table") + "</div>\n"
    }
    return page
  }

  static func table(_ table: ReportModel.Table, id: String) -> String {
    let h = Escape.html
    var html = "<table id=\"\(id)\">\n<thead><tr>"
    for (column, header) in table.headers.enumerated() {
      html +=
        table.numeric.contains(column)
        ? "<th scope=\"col\" class=\"num\">\(h(header))</th>" : "<th scope=\"col\">\(h(header))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    // The first cell of a row names it (a row header for screen readers).
    func row(_ cells: [ReportModel.Cell]) -> String {
      var text = "<tr>"
      for (column, cell) in cells.enumerated() {
        let title = cell.detail.map { " title=\"\(Escape.xml($0))\"" } ?? ""
        let tag = column == 0 ? "th scope=\"row\"" : "td"
        let close = column == 0 ? "th" : "td"
        text +=
          cell.numeric
          ? "<\(tag) class=\"num\"\(title)>\(h(cell.text))</\(close)>"
          : "<\(tag)\(title)>\(h(cell.text))</\(close)>"
      }
      return text + "</tr>\n"
    }
    for cells in table.rows { html += row(cells) }
    html += "</tbody>\n"
    if let footer = table.footer { html += "<tfoot>" + row(footer).dropLast() + "</tfoot>\n" }
    return html + "</table>\n"
  }

  /// The page's style: screen and A4 print. Text colours reach 4.5:1 against their background
  /// (WCAG 2.1 AA, BITV 2.0); in print headings stay with what follows them, tables repeat their
  /// header row, and each org chart part gets a page of its own (landscape where that needs fewer).
  static let styleSheet = """
    :root { color-scheme: light; }
    body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
      color: #1d1d1d; background: #fff; margin: 2em auto; max-width: 70em; padding: 0 1.5em; }
    header .kind { margin: 0; color: #4a4a4a; text-transform: uppercase; letter-spacing: .06em; font-size: .85em; }
    h1 { font-size: 1.7em; margin: .1em 0 .2em; }
    h2 { font-size: 1.3em; margin: 1.6em 0 .5em; border-bottom: 2px solid #2f5f8f; padding-bottom: .15em; }
    h3 { font-size: 1.08em; margin: 1.1em 0 .35em; }
    h4 { font-size: 1em; margin: .8em 0 .25em; }
    h2, h3, h4, figcaption, .print-caption { break-after: avoid; page-break-after: avoid; }
    p, li { orphans: 3; widows: 3; }
    .scenario { font-size: 1.15em; margin: 0; }
    .date { color: #4a4a4a; margin: .2em 0 0; }
    .note { border-left: 4px solid #b35806; padding-left: .6em; }
    dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); gap: .6em; margin: .6em 0; }
    dl.figures div { border: 1px solid #c9d2de; border-radius: 6px; padding: .5em .7em; background: #f6f8fb;
      break-inside: avoid; }
    dl.figures dt { font-size: .85em; color: #4a4a4a; }
    dl.figures dd { margin: .1em 0 0; font-size: 1.2em; font-weight: bold; }
    table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .4em 0 1em; }
    th, td { border-bottom: 1px solid #ddd; padding: .3em .45em; text-align: left; vertical-align: top;
      overflow-wrap: break-word; }
    thead th { background: #eef2f7; }
    tbody th { font-weight: normal; }
    td.num, th.num { text-align: right; overflow-wrap: normal; }
    td.num { white-space: nowrap; }
    tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #999; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    .wave ul { margin: .2em 0 .6em; padding-left: 1.3em; }
    .wave li { margin: .15em 0; }
    figure { margin: 1em 0 1.6em; }
    figure figcaption { font-weight: bold; margin-bottom: .4em; }
    figure.report-chart { break-inside: avoid; }
    figure.report-chart svg { display: block; max-width: 100%; height: auto; }
    .chart-summary { color: #4a4a4a; font-size: .85em; margin: .3em 0 0; }
    .screen-chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    .print-page { display: none; }
    dl.assumptions { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; }
    dl.assumptions dt { font-weight: bold; }
    dl.assumptions dd { margin: 0; }
    .notes { color: #4a4a4a; font-size: .9em; }
    footer { margin-top: 3em; color: #4a4a4a; font-size: .85em; }
    @page { size: A4; margin: 20mm 14mm 18mm;
      @top-left { font: 8pt "Liberation Sans", Arial, sans-serif; color: #4a4a4a; }
      @top-right { font: 8pt "Liberation Sans", Arial, sans-serif; color: #4a4a4a; }
      @bottom-left { font: 8pt "Liberation Sans", Arial, sans-serif; color: #4a4a4a; }
      @bottom-right { font: 8pt "Liberation Sans", Arial, sans-serif; color: #4a4a4a; } }
    @page landscape { size: A4 landscape; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
      h2 { margin-top: 1.2em; }
      section#anlagen { break-before: page; }
      table { font-size: 8pt; table-layout: fixed; }
      td.num { white-space: normal; }
      .chart-summary { font-size: 8pt; }
      .screen-chart { display: none; }
      .annex-chart { break-before: page; }
      .print-page { display: block; break-before: page; break-inside: avoid; }
      .print-page.first { break-before: avoid; }
      .print-page.landscape { page: landscape; }
      .print-page svg { display: block; }
      .print-caption { font-weight: bold; font-size: 9pt; margin: 0 0 4pt; }
      footer { display: none; }
    }

    """
}
