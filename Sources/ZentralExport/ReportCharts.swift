import ZentralPlan

/// The charts of the decision report, drawn as inline SVG from the plan alone: the cumulative
/// savings with the payback point, running and one-time cost per year against the status quo, IT
/// FTE per unit before and after, and the moves summed per task family and provider (readable at
/// München's size: one bar per family and provider with its counts, not one arrow per task).
///
/// Every chart is 720 CSS pixels wide with text of at least 11 px, so that printed on A4 (182 mm
/// of text width) no label is smaller than 8 pt. Colours reach 3:1 against white (WCAG 2.1
/// non-text contrast) and text 4.5:1.
struct ReportCharts {
  let report: ReportModel

  static let width = 720.0
  /// Status quo (grey, 4.5:1 on white).
  static let baselineColour = "#6b6b6b"
  /// The plan (blue, 6.4:1).
  static let planColour = "#2f5f8f"
  /// One-time cost (orange-brown, 4.6:1).
  static let oneTimeColour = "#b35806"
  /// Savings above zero (green, 5.1:1) and losses below (red, 6.5:1).
  static let gainColour = "#2e7d32"
  static let lossColour = "#b00020"
  static let textColour = "#1d1d1d"
  static let gridColour = "#c8c8c8"

  private var words: Vocabulary { report.words }
  private var format: LocaleFormat { report.format }

  /// The charts of the finance section.
  var finance: [ReportChart] {
    guard !report.years.isEmpty else { return [] }
    return [cashFlow, costsPerYear]
  }

  // MARK: Cumulative savings

  var cashFlow: ReportChart {
    let years = report.years
    let values = years.map(\.cumulativeSavings)
    let top = 24.0
    let plotHeight = 220.0
    let left = 96.0
    let right = Self.width - 24
    let scale = Self.axis(min: min(0, values.min() ?? 0), max: max(0, values.max() ?? 0))
    let y: (Double) -> Double = { top + plotHeight * (1 - (($0 - scale.low) / (scale.high - scale.low))) }
    let step = years.count > 1 ? (right - left) / Double(years.count - 1) : 0
    let x: (Int) -> Double = { years.count > 1 ? left + Double($0) * step : (left + right) / 2 }
    var svg = grid(scale: scale, y: y, left: left, right: right)
    svg +=
      "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(right))\" y2=\"\(n(y(0)))\" stroke=\"\(Self.textColour)\" stroke-width=\"1.5\"/>\n"
    let points = values.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }
    svg +=
      "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.planColour)\" stroke-width=\"2.5\"/>\n"
    for (position, year) in years.enumerated() {
      let colour = year.cumulativeSavings >= 0 ? Self.gainColour : Self.lossColour
      svg += "<g><title>\(Escape.xml("\(year.year): \(format.money(year.cumulativeSavings))"))</title>"
      svg +=
        "<circle cx=\"\(n(x(position)))\" cy=\"\(n(y(year.cumulativeSavings)))\" r=\"5\" fill=\"\(colour)\"/></g>\n"
      svg += text(String(year.year), x: x(position), y: top + plotHeight + 18, anchor: "middle")
    }
    if let payback = report.plan.paybackYear, let position = years.firstIndex(where: { $0.year == payback }) {
      let px = x(position)
      svg +=
        "<line x1=\"\(n(px))\" y1=\"\(n(top))\" x2=\"\(n(px))\" y2=\"\(n(top + plotHeight))\" stroke=\"\(Self.gainColour)\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n"
      let label = words.pick("Amortisation \(payback)", "Payback \(payback)")
      let anchor = position == years.count - 1 && years.count > 1 ? "end" : "start"
      svg += text(label, x: px + (anchor == "end" ? -6 : 6), y: top + 14, anchor: anchor, weight: "bold")
    }
    let last = values.last ?? 0
    let payback =
      report.plan.paybackYear.map {
        words.pick("Ab \($0) ist die Umstellung bezahlt.", "From \($0) the change has paid for itself.")
      }
      ?? words.pick(
        "Im Zeitraum ist die Umstellung nicht bezahlt.",
        "The change does not pay for itself within the horizon.")
    let series = years.map { "\($0.year): \(format.shortMoney($0.cumulativeSavings))" }.joined(
      separator: "; ")
    let summary = words.pick(
      "Kumulierte Einsparung gegenüber dem Status quo nach Einmalkosten, abgezinst, je Jahr: \(series). \(payback) "
        + "Am Ende des Zeitraums: \(format.money(last)).",
      "Cumulative savings against the status quo after one-time costs, discounted, per year: \(series). \(payback) "
        + "At the end of the horizon: \(format.money(last)).")
    return ReportChart(
      id: "chart-cashflow",
      caption: words.pick(
        "Kumulierte Einsparung (abgezinst) und Amortisation", "Cumulative savings (discounted) and payback"),
      summary: summary, body: svg, width: Self.width, height: top + plotHeight + 32)
  }

  // MARK: Costs per year

  var costsPerYear: ReportChart {
    let years = report.years
    let top = 44.0
    let plotHeight = 220.0
    let left = 96.0
    let right = Self.width - 24
    let high = years.map { max($0.baselineRunning, $0.planRunning + $0.oneTime) }.max() ?? 0
    let scale = Self.axis(min: 0, max: high)
    let y: (Double) -> Double = { top + plotHeight * (1 - (($0 - scale.low) / (scale.high - scale.low))) }
    var svg = legend(
      [
        (Self.baselineColour, words.pick("laufende Kosten Status quo", "running cost, status quo")),
        (Self.planColour, words.pick("laufende Kosten mit Plan", "running cost, plan")),
        (Self.oneTimeColour, words.pick("Einmalkosten", "one-time cost")),
      ], y: 14)
    svg += grid(scale: scale, y: y, left: left, right: right)
    let slot = (right - left) / Double(max(years.count, 1))
    let bar = min(36, slot * 0.32)
    for (position, year) in years.enumerated() {
      let centre = left + slot * (Double(position) + 0.5)
      svg += "<g><title>\(Escape.xml(yearTooltip(year)))</title>"
      svg += rect(
        x: centre - bar - 2, y: y(year.baselineRunning), width: bar, height: y(0) - y(year.baselineRunning),
        fill: Self.baselineColour)
      svg += rect(
        x: centre + 2, y: y(year.planRunning), width: bar, height: y(0) - y(year.planRunning),
        fill: Self.planColour)
      if year.oneTime > 0 {
        svg += rect(
          x: centre + 2, y: y(year.planRunning + year.oneTime), width: bar,
          height: y(year.planRunning) - y(year.planRunning + year.oneTime), fill: Self.oneTimeColour)
      }
      svg += "</g>\n"
      svg += text(String(year.year), x: centre, y: top + plotHeight + 18, anchor: "middle")
    }
    let series = years.map {
      words.pick(
        "\($0.year): Status quo \(format.shortMoney($0.baselineRunning)), Plan \(format.shortMoney($0.planRunning))"
          + ($0.oneTime > 0 ? " und einmalig \(format.shortMoney($0.oneTime))" : ""),
        "\($0.year): status quo \(format.shortMoney($0.baselineRunning)), plan \(format.shortMoney($0.planRunning))"
          + ($0.oneTime > 0 ? " plus one-time \(format.shortMoney($0.oneTime))" : ""))
    }
    return ReportChart(
      id: "chart-costs",
      caption: words.pick(
        "Kosten je Jahr: Status quo und Plan", "Cost per year: status quo and plan"),
      summary: words.pick("Laufende Kosten je Jahr. ", "Running cost per year. ")
        + series.joined(separator: "; ") + ".",
      body: svg, width: Self.width, height: top + plotHeight + 32)
  }

  private func yearTooltip(_ year: ReportModel.YearFigures) -> String {
    words.pick(
      "\(year.year): Status quo \(format.money(year.baselineRunning)), Plan \(format.money(year.planRunning)), "
        + "einmalig \(format.money(year.oneTime))",
      "\(year.year): status quo \(format.money(year.baselineRunning)), plan \(format.money(year.planRunning)), "
        + "one-time \(format.money(year.oneTime))")
  }

  // MARK: FTE per unit

  var staffPerUnit: ReportChart? {
    let units = report.plan.units
    guard !units.isEmpty else { return nil }
    let top = 40.0
    let row = 30.0
    let labelWidth = 260.0
    let barLeft = labelWidth + 8
    let barRight = Self.width - 150
    let high = Self.axis(min: 0, max: units.map { max($0.fteBefore, $0.fteAfter) }.max() ?? 0).high
    let length: (Double) -> Double = { max(0, $0) / high * (barRight - barLeft) }
    var svg = legend(
      [
        (Self.baselineColour, words.pick("VZÄ heute", "FTE today")),
        (Self.planColour, words.pick("VZÄ \(report.plan.lastYear)", "FTE \(report.plan.lastYear)")),
      ], y: 14)
    for (position, unit) in units.enumerated() {
      let y0 = top + Double(position) * row
      let name = Escape.name(unit.name)
      svg +=
        "<g><title>\(Escape.xml(name + ": " + format.fte(unit.fteBefore) + " → " + format.fte(unit.fteAfter)))</title>"
      svg += text(Self.truncate(name, to: 40), x: labelWidth, y: y0 + 17, anchor: "end")
      svg += rect(x: barLeft, y: y0 + 3, width: length(unit.fteBefore), height: 11, fill: Self.baselineColour)
      svg += rect(x: barLeft, y: y0 + 15, width: length(unit.fteAfter), height: 11, fill: Self.planColour)
      let end = barLeft + max(length(unit.fteBefore), length(unit.fteAfter)) + 6
      svg += text(
        "\(format.number(unit.fteBefore, decimals: 1, fixed: true)) → \(format.number(unit.fteAfter, decimals: 1, fixed: true))",
        x: end, y: y0 + 19, anchor: "start")
      svg += "</g>\n"
    }
    let changed = units.filter { abs($0.fteAfter - $0.fteBefore) >= 0.05 }
    let lines = changed.map {
      "\(Escape.name($0.name)) \(format.fte($0.fteBefore)) → \(format.fte($0.fteAfter))"
    }
    let summary =
      words.pick(
        "IT-Personal je Einheit heute und \(report.plan.lastYear). ",
        "IT staff per unit today and in \(report.plan.lastYear). ")
      + (lines.isEmpty
        ? words.pick("Keine Einheit ändert sich.", "No unit changes.")
        : words.pick("Es ändern sich: ", "Changes: ") + lines.joined(separator: "; ") + ".")
    return ReportChart(
      id: "chart-staff",
      caption: words.pick("IT-Personal je Einheit vorher und nachher", "IT staff per unit before and after"),
      summary: summary, body: svg, width: Self.width, height: top + Double(units.count) * row + 8)
  }

  // MARK: Moves per family and provider

  var moves: ReportChart? {
    let groups = report.moveGroups
    guard !groups.isEmpty else { return nil }
    let index = report.index
    let top = 40.0
    let row = 44.0
    let barLeft = 320.0
    let barRight = barLeft + 130
    let high = groups.map(\.fte).max() ?? 1
    var svg = text(
      words.pick(
        "Farbe und erste Zeile: Aufgabenbereich; → übernehmende Stelle; Balkenlänge: verlagerte VZÄ",
        "Colour and first line: task family; → the unit taking over; bar length: FTE moved"),
      x: 0, y: 16, anchor: "start")
    for (position, group) in groups.enumerated() {
      let y0 = top + Double(position) * row
      let family = index.familyName(group.family)
      let provider = index.unitName(group.provider)
      let colour = OrgChart.colour(index.familyIndex[group.family] ?? 0)
      let counts = countsText(group)
      svg += "<g><title>\(Escape.xml("\(family) → \(provider): \(counts)"))</title>"
      svg += "<rect x=\"0\" y=\"\(n(y0 + 2))\" width=\"6\" height=\"\(n(row - 8))\" fill=\"\(colour)\"/>"
      svg += text(Self.truncate(family, to: 40), x: 14, y: y0 + 17, anchor: "start", weight: "bold")
      svg += text("→ " + Self.truncate(provider, to: 42), x: 14, y: y0 + 33, anchor: "start")
      let length = max(2, group.fte / high * (barRight - barLeft))
      svg += rect(x: barLeft, y: y0 + 8, width: length, height: 22, fill: colour, stroke: Self.textColour)
      svg += text(format.fte(group.fte), x: barLeft + length + 6, y: y0 + 17, anchor: "start", weight: "bold")
      svg += text(counts, x: barLeft + length + 6, y: y0 + 33, anchor: "start")
      svg += "</g>\n"
    }
    let lines = groups.map {
      "\(index.familyName($0.family)) → \(index.unitName($0.provider)): \(format.fte($0.fte)), \(countsText($0))"
    }
    return ReportChart(
      id: "chart-moves",
      caption: words.pick(
        "Verlagerungen nach Aufgabenbereich und Anbieter", "Moves by task family and provider"),
      summary: words.pick("Es wechseln: ", "Moves: ") + lines.joined(separator: "; ") + ".", body: svg,
      width: Self.width, height: top + Double(groups.count) * row)
  }

  private func countsText(_ group: ReportModel.MoveGroup) -> String {
    let tasks =
      group.tasks == 1
      ? words.pick("1 Aufgabe", "1 task") : words.pick("\(group.tasks) Aufgaben", "\(group.tasks) tasks")
    let units =
      group.units == 1
      ? words.pick("1 Einheit", "1 unit") : words.pick("\(group.units) Einheiten", "\(group.units) units")
    return words.pick("\(tasks) aus \(units)", "\(tasks) from \(units)")
  }

  // MARK: Drawing

  /// Horizontal grid lines with money labels at the left.
  private func grid(
    scale: (low: Double, high: Double, step: Double), y: (Double) -> Double, left: Double, right: Double
  ) -> String {
    var svg = ""
    var value = scale.low
    while value <= scale.high + scale.step / 2 {
      svg +=
        "<line x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(right))\" y2=\"\(n(y(value)))\" stroke=\"\(Self.gridColour)\" stroke-width=\"1\"/>\n"
      svg += text(format.shortMoney(value), x: left - 8, y: y(value) + 4, anchor: "end")
      value += scale.step
    }
    return svg
  }

  private func legend(_ entries: [(colour: String, label: String)], y: Double) -> String {
    var svg = "<g class=\"legend\">"
    var x = 96.0
    for entry in entries {
      svg += rect(x: x, y: y - 10, width: 14, height: 14, fill: entry.colour)
      svg += text(entry.label, x: x + 20, y: y + 2, anchor: "start")
      x += 20 + Double(entry.label.count) * 6.6 + 24
    }
    return svg + "</g>\n"
  }

  private func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil
  ) -> String {
    let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"0.5\"" } ?? ""
    return
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\"\(outline)/>"
  }

  private func text(_ content: String, x: Double, y: Double, anchor: String, weight: String? = nil) -> String
  {
    let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
    return
      "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(Self.textColour)\"\(bold)>\(Escape.xml(content))</text>\n"
  }

  private func n(_ value: Double) -> String { Self.number(value) }

  /// A coordinate with at most one decimal, `.` as separator.
  static func number(_ value: Double) -> String { LocaleFormat.plain(value, decimals: 1) }

  /// A name cut to `count` characters with an ellipsis (the full name is in the row's tooltip);
  /// a cut name loses its bidirectional controls, which would otherwise cover the ellipsis.
  static func truncate(_ name: String, to count: Int) -> String {
    let plain = String(
      String.UnicodeScalarView(name.unicodeScalars.filter { $0 != Escape.nameStart && $0 != Escape.nameEnd }))
    guard plain.count > count else { return Escape.name(plain) }
    let cut = String(plain.prefix(max(count - 1, 1))).unicodeScalars.filter {
      !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value)
        && !(0x200E...0x200F).contains($0.value) && $0.value != 0x061C
    }
    return Escape.name(String(String.UnicodeScalarView(cut)) + "…")
  }

  /// An axis from `min` to `max` in round steps (1, 2 or 5 times a power of ten), about five lines.
  static func axis(min low: Double, max high: Double) -> (low: Double, high: Double, step: Double) {
    let range = high - low
    guard range > 0, range.isFinite else { return (low, low + 1, 1) }
    let rough = range / 5
    var power = 1.0
    while power * 10 <= rough { power *= 10 }
    while power > rough { power /= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
    return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
  }
}
