import ZentralPlan

/// The analyses in the report's "Risiken und Annahmen" section: a tornado chart of the sensitivity
/// analysis (plan.json `sensitivity`) with its break-evens listed below it, and the Pareto front
/// (plan.json `pareto`), each an h3 subsection with a ``ReportChart`` (inline SVG with title,
/// description and a printed summary), in the report's language.
enum DecisionCharts {
  /// The subsections for the plan's analyses in `words`' language, or "" when it has neither.
  static func subsections(_ plan: Plan, words: PlanWords) -> String {
    let h = Escape.html
    var text = ""
    if let sensitivity = plan.sensitivity {
      text += "<div id=\"sensitivity\">\n<h3>"
      text += h(words.pick("Wie fest die Empfehlung steht", "How firm the recommendation is")) + "</h3>\n"
      text += tornado(sensitivity, plan: plan, words: words) + "</div>\n"
    }
    if let pareto = plan.pareto {
      text += "<div id=\"trade-off\">\n<h3>"
      text += h(words.pick("Einsparung gegen Umstellung", "Savings against change")) + "</h3>\n"
      text += front(pareto, words: words) + "</div>\n"
    }
    return text
  }

  /// The name of an input in the report.
  static func inputName(_ key: String, words: PlanWords) -> String {
    switch key {
    case "cost_per_fte": words.pick("Kosten je VZÄ", "Cost per FTE")
    case "transition_costs": words.pick("Umstellungskosten", "Transition costs")
    case "scale_curves": words.pick("Skaleneffekte (effektive VZÄ)", "Economies of scale (effective FTE)")
    case "provider_prices": words.pick("Preise der Anbieter", "Provider prices")
    case "discount_rate": words.pick("Diskontsatz", "Discount rate")
    default: key
    }
  }

  /// The tornado chart: one bar per input from `low` to `high` around 1 on a scale of
  /// `lowest`...`highest`, widest first, and the break-evens as a list.
  static func tornado(_ sensitivity: Plan.Sensitivity, plan: Plan, words: PlanWords) -> String {
    let h = Escape.html
    let x = Escape.xml
    let format = words.format
    let inputs = sensitivity.inputs.sorted { ($0.high - $0.low) > ($1.high - $1.low) }
    let (left, width, row) = (260.0, 400.0, 28.0)
    let height = 40 + row * Double(inputs.count)
    let span = max(sensitivity.highest - sensitivity.lowest, 1e-9)
    let position: (Double) -> Double = { left + width * ($0 - sensitivity.lowest) / span }
    let percent: (Double) -> String = { ($0 > 1 ? "+" : "") + format.percent($0 - 1, decimals: 1) }
    var svg = ""
    for (i, input) in inputs.enumerated() {
      let y = 10 + row * Double(i)
      let from = position(input.low)
      let to = position(input.high)
      svg += "<text x=\"\(Int(left - 8))\" y=\"\(Int(y + 16))\" text-anchor=\"end\" font-size=\"12\">"
      svg += x(inputName(input.key, words: words)) + "</text>\n"
      svg += "<rect x=\"\(Int(from))\" y=\"\(Int(y + 4))\" width=\"\(Int(max(position(1) - from, 1)))\" "
      svg += "height=\"16\" fill=\"#2b6cb0\"><title>\(x(percent(input.low)))</title></rect>\n"
      svg += "<rect x=\"\(Int(position(1)))\" y=\"\(Int(y + 4))\" width=\"\(Int(max(to - position(1), 1)))\" "
      svg += "height=\"16\" fill=\"#c05621\"><title>\(x(percent(input.high)))</title></rect>\n"
      svg += "<text x=\"\(Int(from - 2))\" y=\"\(Int(y + 30))\" font-size=\"10\" text-anchor=\"end\">"
      svg += x(percent(input.low)) + "</text>\n"
      svg +=
        "<text x=\"\(Int(to + 2))\" y=\"\(Int(y + 30))\" font-size=\"10\">" + x(percent(input.high))
        + "</text>\n"
      if !input.complete {
        svg += "<text x=\"\(Int(left + width + 10))\" y=\"\(Int(y + 16))\" font-size=\"11\">*</text>\n"
      }
    }
    let axis = height - 20
    svg +=
      "<line x1=\"\(Int(position(1)))\" y1=\"6\" x2=\"\(Int(position(1)))\" y2=\"\(Int(axis))\" stroke=\"#000\"/>\n"
    for tick in [sensitivity.lowest, 1, sensitivity.highest] {
      svg +=
        "<text x=\"\(Int(position(tick)))\" y=\"\(Int(axis + 14))\" font-size=\"10\" text-anchor=\"middle\">"
      svg += x(percent(tick)) + "</text>\n"
    }
    let caption = words.pick(
      "Wie weit jede Annahme sich ändern darf, bevor sich die Empfehlung ändert (Faktor \(percent(sensitivity.lowest)) bis \(percent(sensitivity.highest)), Genauigkeit ±\(format.percent(sensitivity.tolerance / 2, decimals: 2)))",
      "How far each assumption may change before the recommendation changes (factor \(percent(sensitivity.lowest)) to \(percent(sensitivity.highest)), accuracy ±\(format.percent(sensitivity.tolerance / 2, decimals: 2)))"
    )
    let ranges = inputs.map { input in
      "\(inputName(input.key, words: words)) \(percent(input.low)) \(words.pick("bis", "to")) \(percent(input.high))"
        + (input.complete ? "" : " *")
    }
    let summary =
      words.pick(
        "Je Annahme ein Balken, der breiteste oben: in diesem Bereich bleibt die Empfehlung gleich. ",
        "One bar per assumption, the widest at the top: within this range the recommendation stays the same. "
      )
      + ranges.joined(separator: "; ") + "."
      + (inputs.contains { !$0.complete }
        ? words.pick(
          " * Nicht zu Ende gerechnet (Zeit für die Analyse); der Bereich kann breiter sein.",
          " * Not fully computed (time for the analysis); the range may be wider.") : "")
    var text = ReportChart(
      id: "chart-tornado", caption: caption, summary: summary, body: svg, width: left + width + 80,
      height: height
    ).html
    let names = Dictionary(plan.tasks.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let units = Dictionary(plan.org.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let lines = sensitivity.inputs.flatMap { input in input.flips.map { (input, $0) } }
    if !lines.isEmpty {
      text += "<p>" + h(words.pick("Wo eine Entscheidung kippt:", "Where a decision turns:")) + "</p>\n"
      text += "<ul class=\"break-evens\">\n"
      for (input, flip) in lines {
        let task = names[flip.task] ?? flip.task
        let before =
          flip.from.map { words.pick("geht an \(units[$0] ?? $0)", "moves to \(units[$0] ?? $0)") }
          ?? words.pick("bleibt", "stays")
        let after =
          flip.to.map { words.pick("an \(units[$0] ?? $0)", "to \(units[$0] ?? $0)") }
          ?? words.pick("bleibt", "stays")
        let side = flip.factor < 1 ? words.pick("über", "above") : words.pick("unter", "below")
        let show: (Double) -> String = { factor in
          flip.value.map { value in
            let scaled = flip.factor > 0 ? value / flip.factor * factor : value
            return input.key == "discount_rate" ? format.percent(scaled, decimals: 2) : format.money(scaled)
          } ?? percent(factor)
        }
        text += "<li>\(h(task)) \(h(before)) " + h(words.pick("nur solange", "only while")) + " "
        if let bracket = flip.bracket, bracket.count == 2 {
          // Not narrowed within the analysis budget: the proven range, no invented point.
          let (near, far) = flip.factor < 1 ? (bracket[1], bracket[0]) : (bracket[0], bracket[1])
          text += h(
            "\(inputName(input.key, words: words)) \(side) \(show(near))"
              + words.pick(
                " (die Schwelle liegt zwischen \(show(near)) und \(show(far)); genauer nicht berechnet)",
                " (the threshold lies between \(show(near)) and \(show(far)); not computed more closely)"))
        } else {
          text += h("\(inputName(input.key, words: words)) \(side) \(show(flip.factor))")
        }
        text += h(words.pick(" (sonst: \(after))", " (otherwise: \(after))")) + "</li>\n"
      }
      text += "</ul>\n"
    }
    return text
  }

  /// The Pareto front: savings (y) against the measure (x), the efficient plans joined by a line and
  /// the recommendation marked.
  static func front(_ pareto: Plan.ParetoFront, words: PlanWords) -> String {
    let x = Escape.xml
    let format = words.format
    let all = pareto.points + [pareto.recommended]
    let (left, top, width, height) = (90.0, 34.0, 420.0, 210.0)
    let xs = all.map(\.measure)
    let ys = all.map(\.savings)
    let (x0, x1) = (min(xs.min() ?? 0, 0), max(xs.max() ?? 1, 1e-9))
    let (y0, y1) = (min(ys.min() ?? 0, 0), max(ys.max() ?? 1, 1e-9))
    let px: (Double) -> Double = { left + width * ($0 - x0) / max(x1 - x0, 1e-9) }
    let py: (Double) -> Double = { top + height - height * ($0 - y0) / max(y1 - y0, 1e-9) }
    let measureName =
      pareto.measure == .disruption
      ? words.pick("bewegte VZÄ", "FTE moved")
      : words.pick("bewertete Bedenken und Umstellungsaufwand (€)", "weighed concerns and disruption (EUR)")
    var svg = ""
    svg +=
      "<line x1=\"\(Int(left))\" y1=\"\(Int(top + height))\" x2=\"\(Int(left + width))\" y2=\"\(Int(top + height))\" stroke=\"#000\"/>\n"
    svg +=
      "<line x1=\"\(Int(left))\" y1=\"\(Int(top))\" x2=\"\(Int(left))\" y2=\"\(Int(top + height))\" stroke=\"#000\"/>\n"
    svg +=
      "<text x=\"\(Int(left + width / 2))\" y=\"\(Int(top + height + 34))\" font-size=\"11\" text-anchor=\"middle\">"
    svg += x(measureName) + "</text>\n"
    svg +=
      "<text x=\"12\" y=\"14\" font-size=\"11\">"
      + x(words.pick("Einsparung (Barwert)", "Savings (NPV)"))
    svg += "</text>\n"
    for (value, label) in [(x0, format.number(x0, decimals: 1)), (x1, format.number(x1, decimals: 1))] {
      svg +=
        "<text x=\"\(Int(px(value)))\" y=\"\(Int(top + height + 16))\" font-size=\"10\" text-anchor=\"middle\">"
      svg += x(label) + "</text>\n"
    }
    for value in [y0, y1] {
      svg += "<text x=\"\(Int(left - 4))\" y=\"\(Int(py(value) + 4))\" font-size=\"10\" text-anchor=\"end\">"
      svg += x(format.shortMoney(value)) + "</text>\n"
    }
    let path = pareto.points.map { "\(Int(px($0.measure))),\(Int(py($0.savings)))" }.joined(separator: " ")
    svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>\n"
    for point in pareto.points {
      // A point not proven best for its ε is drawn hollow.
      let fill = point.savingsBound == nil ? "#2b6cb0" : "#fff\" stroke=\"#2b6cb0"
      svg +=
        "<circle cx=\"\(Int(px(point.measure)))\" cy=\"\(Int(py(point.savings)))\" r=\"4\" fill=\"\(fill)\">"
      svg +=
        "<title>\(x(format.shortMoney(point.savings))), \(x(format.number(point.measure, decimals: 1)))</title></circle>\n"
    }
    let r = pareto.recommended
    svg += "<rect x=\"\(Int(px(r.measure) - 6))\" y=\"\(Int(py(r.savings) - 6))\" width=\"12\" height=\"12\" "
    svg += "fill=\"none\" stroke=\"#c05621\" stroke-width=\"2.5\"/>\n"
    svg +=
      "<text x=\"\(Int(px(r.measure) - 8))\" y=\"\(Int(py(r.savings) - 10))\" font-size=\"11\" text-anchor=\"end\" fill=\"#c05621\">"
    svg += x(words.pick("Empfehlung", "Recommendation")) + "</text>\n"
    let caption = words.pick(
      "Effiziente Pläne: die größte Einsparung je Obergrenze für \(measureName) (□ die Empfehlung)",
      "Efficient plans: the most saved for each bound on \(measureName) (□ the recommendation)")
    let points = pareto.points.map { point in
      "\(format.number(point.measure, decimals: 1)) → \(format.money(point.savings))"
        + (point.savingsBound.map {
          words.pick(" (möglich bis \(format.money($0)))", " (up to \(format.money($0)) possible)")
        } ?? "")
    }
    let summary =
      words.pick(
        "\(pareto.points.count) effiziente Pläne, je Obergrenze für \(measureName) die größte Einsparung (Barwert): ",
        "\(pareto.points.count) efficient plans, for each bound on \(measureName) the most saved (NPV): ")
      + points.joined(separator: "; ") + ". "
      + words.pick(
        "Die Empfehlung spart \(format.money(r.savings)) bei \(format.number(r.measure, decimals: 1)).",
        "The recommendation saves \(format.money(r.savings)) at \(format.number(r.measure, decimals: 1)).")
      + (pareto.complete
        ? ""
        : words.pick(
          " Nicht alle Punkte wurden in der Zeit für die Analyse bewiesen.",
          " Not every point was proven within the time for the analysis."))
      + (pareto.points.contains { $0.savingsBound != nil }
        ? words.pick(
          " „Möglich bis“ nennt die Schranke des Lösers: mehr spart kein Plan mit dieser Obergrenze (hohler Punkt).",
          " “Possible” gives the solver's bound: no plan within that bound saves more (hollow point).") : "")
    return ReportChart(
      id: "chart-pareto", caption: caption, summary: summary, body: svg, width: 560, height: 290
    )
    .html
  }
}
