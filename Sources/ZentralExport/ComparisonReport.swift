public import ZentralPlan

/// A ``PlanComparison`` as aligned terminal text, Markdown or a self-contained HTML page, for
/// `zentral compare`: the legend of plans, the table of figures (with the difference of B against
/// A when two plans are compared), the decisions that differ with their reasons, and the changes
/// from A to B as a chart (an inline SVG in HTML, a Mermaid flowchart in Markdown).
public struct ComparisonReport: Sendable {
  /// The formats of a comparison.
  public enum Format: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal.
    case text
    /// A self-contained HTML page.
    case html
    /// Markdown with a Mermaid chart.
    case md
  }

  /// The comparison.
  public let comparison: PlanComparison
  /// The words, in the report's language.
  public let words: ComparisonWords

  /// A report of `comparison` in `language` (default: the language of the first plan).
  public init(_ comparison: PlanComparison, language: ReportLanguage? = nil) {
    self.comparison = comparison
    self.words = ComparisonWords(language ?? comparison.entries.first?.plan.language ?? .de)
  }

  /// The report in `format`.
  public func render(_ format: Format) -> String {
    switch format {
    case .text: text()
    case .md: markdown()
    case .html: html()
    }
  }

  // MARK: Table

  /// The header row and the rows of the table of figures, as plain cells.
  private func table() -> (header: [String], rows: [[String]]) {
    let entries = comparison.entries
    let figures = comparison.figures
    var header = [""] + entries.map(\.label)
    var columns = zip(figures, entries).map { words.cells($0, plan: $1.plan) }
    if entries.count == 2 {
      header.append(words.deltaColumn(entries[0].label, entries[1].label))
      columns.append(words.deltas(figures[0], figures[1]))
    }
    let rows = words.rowLabels.indices.map { row in [words.rowLabels[row]] + columns.map { $0[row] } }
    return (header, rows)
  }

  /// The legend line of one plan: `A  file: scenario name`.
  private func legend(_ entry: PlanComparison.Entry, mark: @escaping @Sendable (String) -> String) -> String {
    "\(entry.source): \(mark(entry.plan.scenario))"
  }

  // MARK: Text

  private func text() -> String {
    var lines = [words.title, "", words.plansHeading]
    for entry in comparison.entries {
      lines.append("  \(entry.label)  " + legend(entry, mark: PlanWords.plain))
    }
    lines += ["", words.figuresHeading]
    let (header, rows) = table()
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    for row in [header] + rows {
      let cells = row.indices.map { column in
        let cell = row[column]
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + padding : padding + cell
      }
      lines.append("  " + cells.joined(separator: "   ").trimmingTrailingSpaces())
    }
    lines += ["", words.centresHeading]
    for entry in comparison.entries {
      lines.append("  \(entry.label)  " + words.centresOpened(in: entry.plan))
    }
    let differences = comparison.differences
    lines += ["", words.differencesHeading(differences.count)]
    if differences.isEmpty { lines.append("  " + words.noDifferences) }
    for difference in differences {
      lines.append("- " + taskName(difference, mark: PlanWords.plain))
      for (index, entry) in comparison.entries.enumerated() {
        lines.append(
          "    " + words.decision(difference.decisions[index], in: entry.plan, label: entry.label))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The name of the task of a difference, from the first plan that has it.
  private func taskName(
    _ difference: PlanComparison.Difference, mark: @escaping @Sendable (String) -> String
  )
    -> String
  {
    for (index, entry) in comparison.entries.enumerated() where difference.decisions[index] != nil {
      return PlanWords(entry.plan, language: words.language, mark: mark).task(difference.task)
    }
    return mark(difference.task)
  }

  // MARK: Markdown

  private func markdown() -> String {
    let mark: @Sendable (String) -> String = { Escape.name($0) }
    var out = "# \(words.title)\n\n## \(words.plansHeading)\n\n"
    for entry in comparison.entries {
      out += "- **\(entry.label)**: " + Escape.markdown(legend(entry, mark: mark)) + "\n"
    }
    let (header, rows) = table()
    out += "\n## \(words.figuresHeading)\n\n"
    out += "| " + header.map(Escape.markdown).joined(separator: " | ") + " |\n"
    out += "|" + header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
    for row in rows { out += "| " + row.map(Escape.markdown).joined(separator: " | ") + " |\n" }
    out += "\n## \(words.centresHeading)\n\n"
    for entry in comparison.entries {
      out +=
        "- **\(entry.label)**: " + Escape.markdown(words.centresOpened(in: entry.plan, mark: mark)) + "\n"
    }
    let differences = comparison.differences
    out += "\n## \(words.differencesHeading(differences.count))\n\n"
    if differences.isEmpty { out += words.noDifferences + "\n" }
    for difference in differences {
      out += "- **" + Escape.markdown(taskName(difference, mark: mark)) + "**\n"
      for (index, entry) in comparison.entries.enumerated() {
        out +=
          "  - "
          + Escape.markdown(
            words.decision(difference.decisions[index], in: entry.plan, label: entry.label, mark: mark))
          + "\n"
      }
    }
    if comparison.entries.count >= 2 {
      let changes = comparison.changes(from: 0, to: 1)
      let (a, b) = (comparison.entries[0], comparison.entries[1])
      out += "\n## \(words.changesHeading(from: a.label, to: b.label)) (\(changes.count))\n\n"
      if changes.isEmpty {
        out += words.noDifferences + "\n"
      } else {
        out += "```mermaid\nflowchart LR\n"
        for (index, change) in changes.enumerated() {
          let name = Escape.mermaid(taskName(change, mark: mark))
          let from = Escape.mermaid(words.shortDecision(change.decisions[0], in: a.plan, mark: mark))
          let to = Escape.mermaid(words.shortDecision(change.decisions[1], in: b.plan, mark: mark))
          out += "  a\(index)[\"\(name)<br/>\(a.label): \(from)\"] --> b\(index)[\"\(b.label): \(to)\"]\n"
        }
        out += "```\n"
      }
    }
    return out
  }

  // MARK: HTML

  private func html() -> String {
    let mark: @Sendable (String) -> String = { Escape.name($0) }
    let language = words.language.rawValue
    var out = "<!DOCTYPE html>\n<html lang=\"\(language)\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(Escape.xml(words.title))</title>\n<style>\n\(Self.styleSheet)</style>\n</head>\n<body>\n"
    out += "<h1>\(Escape.html(words.title))</h1>\n<h2>\(Escape.html(words.plansHeading))</h2>\n<ul>\n"
    for entry in comparison.entries {
      out += "<li><strong>\(entry.label)</strong>: \(Escape.html(legend(entry, mark: mark)))</li>\n"
    }
    out += "</ul>\n<h2>\(Escape.html(words.figuresHeading))</h2>\n<table class=\"figures\">\n<thead><tr>"
    let (header, rows) = table()
    for cell in header { out += "<th>\(Escape.html(cell))</th>" }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      out +=
        "<tr>"
        + row.enumerated().map { column, cell in
          column == 0 ? "<th scope=\"row\">\(Escape.html(cell))</th>" : "<td>\(Escape.html(cell))</td>"
        }.joined() + "</tr>\n"
    }
    out += "</tbody>\n</table>\n<h2>\(Escape.html(words.centresHeading))</h2>\n<ul>\n"
    for entry in comparison.entries {
      out +=
        "<li><strong>\(entry.label)</strong>: \(Escape.html(words.centresOpened(in: entry.plan, mark: mark)))</li>\n"
    }
    out += "</ul>\n"
    if comparison.entries.count >= 2 {
      let changes = comparison.changes(from: 0, to: 1)
      let (a, b) = (comparison.entries[0], comparison.entries[1])
      out += "<h2>\(Escape.html(words.changesHeading(from: a.label, to: b.label))) (\(changes.count))</h2>\n"
      out +=
        changes.isEmpty ? "<p>\(Escape.html(words.noDifferences))</p>\n" : changesChart(changes, a, b) + "\n"
    }
    let differences = comparison.differences
    out += "<h2>\(Escape.html(words.differencesHeading(differences.count)))</h2>\n"
    if differences.isEmpty { out += "<p>\(Escape.html(words.noDifferences))</p>\n" }
    for difference in differences {
      out += "<h3>\(Escape.html(taskName(difference, mark: mark)))</h3>\n<ul class=\"decisions\">\n"
      for (index, entry) in comparison.entries.enumerated() {
        out +=
          "<li>\(Escape.html(words.decision(difference.decisions[index], in: entry.plan, label: entry.label, mark: mark)))</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</body>\n</html>\n"
  }

  /// The changes from A to B as an inline SVG: one row a task, its decision in A, an arrow, its
  /// decision in B; moves in blue, stays in grey.
  private func changesChart(
    _ changes: [PlanComparison.Difference], _ a: PlanComparison.Entry, _ b: PlanComparison.Entry
  ) -> String {
    let rowHeight = 30
    let width = 960
    let (nameWidth, boxWidth, arrowWidth) = (300, 280, 50)
    let height = rowHeight * (changes.count + 1) + 10
    var svg =
      "<svg class=\"changes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(Escape.xml(words.changesHeading(from: a.label, to: b.label)))\">\n"
    let boxA = nameWidth + 10
    let boxB = boxA + boxWidth + arrowWidth
    svg += "<text x=\"\(boxA + 8)\" y=\"20\" font-weight=\"bold\">\(a.label)</text>"
    svg += "<text x=\"\(boxB + 8)\" y=\"20\" font-weight=\"bold\">\(b.label)</text>\n"
    for (index, change) in changes.enumerated() {
      let top = rowHeight * (index + 1)
      let middle = top + rowHeight / 2
      let name = Self.clip(taskName(change, mark: PlanWords.plain), 44)
      svg += "<g>\n<text x=\"4\" y=\"\(middle + 5)\">\(Escape.xml(name))</text>\n"
      for (column, x) in [(0, boxA), (1, boxB)] {
        let plan = column == 0 ? a.plan : b.plan
        let decision = change.decisions[column]
        let moves = !(decision?.moves.isEmpty ?? true)
        let label = Self.clip(words.shortDecision(decision, in: plan), 40)
        svg += "<rect x=\"\(x)\" y=\"\(top + 3)\" width=\"\(boxWidth)\" height=\"\(rowHeight - 6)\" rx=\"4\" "
        svg += "fill=\"\(moves ? "#d6e6fa" : "#eeeeee")\" stroke=\"\(moves ? "#2f6db5" : "#999999")\"/>\n"
        svg += "<text x=\"\(x + 8)\" y=\"\(middle + 5)\">\(Escape.xml(label))</text>\n"
      }
      let arrowStart = boxA + boxWidth + 6
      let arrowEnd = boxB - 6
      svg +=
        "<line x1=\"\(arrowStart)\" y1=\"\(middle)\" x2=\"\(arrowEnd - 6)\" y2=\"\(middle)\" stroke=\"#333\"/>"
      svg +=
        "<polygon points=\"\(arrowEnd),\(middle) \(arrowEnd - 8),\(middle - 5) \(arrowEnd - 8),\(middle + 5)\" fill=\"#333\"/>\n</g>\n"
    }
    return svg + "</svg>"
  }

  /// `text` cut to `limit` characters with an ellipsis.
  static func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  static let styleSheet = """
    body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
      margin: 2em; color: #222; }
    table.figures { border-collapse: collapse; margin: 0.5em 0 1em; }
    table.figures th, table.figures td { border: 1px solid #ccc; padding: 0.25em 0.7em; }
    table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
    table.figures th[scope=row] { text-align: left; font-weight: normal; }
    svg.changes text { font-family: "Liberation Sans", Arial, sans-serif; font-size: 12px; }
    ul.decisions { margin-top: 0.2em; }
    h3 { font-size: 1em; margin-bottom: 0; }

    """
}

extension String {
  /// The text without spaces at its end.
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
