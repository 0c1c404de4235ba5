public import Foundation
public import ZentralPlan
public import ZentralWorkbook

/// Writes a plan's tables as an Excel workbook (`zentral export --format xlsx`): the summary,
/// every task with its decision and reason, the units before and after, the years (waves) with
/// their costs, and the competence centres. Headings and words follow the plan's language;
/// numbers are numbers (FTE with two decimals, EUR whole), so the sheets can be summed and
/// charted. Rows keep the order of the plan.
public struct XLSXPlanExporter: Exporter, BinaryExporter {
  /// The language.
  public var options: ExportOptions

  /// An exporter with `options`.
  public init(options: ExportOptions = ExportOptions()) {
    self.options = options
  }

  /// ``ExportFormat/xlsx``.
  public var format: ExportFormat { .xlsx }

  /// A workbook is bytes: use ``data(_:file:)``.
  public func write(_ plan: Plan, to output: inout some TextOutputStream) throws(ExportError) {
    throw .binaryFormat(.xlsx)
  }

  /// The `.xlsx` bytes of the plan's tables.
  public func data(_ plan: Plan, file: String) throws(ExportError) -> Data {
    do {
      return try XLSXWriter.data(workbook(plan), file: file)
    } catch {
      throw .writeFailed(path: file, reason: error.message)
    }
  }

  /// The sheets of the plan.
  public func workbook(_ plan: Plan) -> Workbook {
    let words = PlanWords(plan, language: options.language(for: plan))
    return Workbook(sheets: [
      summary(plan, words), tasks(plan, words), units(plan, words), years(plan, words), centres(plan, words),
    ])
  }

  private func sheet(
    _ name: String, _ headings: [String], _ rows: [[CellValue]], fte: [Int] = [], money: [Int] = [],
    wide: [Int] = []
  ) -> Worksheet {
    var formats: [Int: Worksheet.NumberFormat] = [:]
    for column in fte { formats[column] = .twoDecimals }
    for column in money { formats[column] = .whole }
    var widths: [Int: Double] = [:]
    for column in headings.indices { widths[column] = wide.contains(column) ? 48 : 16 }
    return Worksheet(
      name: name, rows: [headings.map { .text($0) }] + rows, rowStyles: [0: .heading], columnWidths: widths,
      numberFormats: formats, frozenRows: 1)
  }

  private func summary(_ plan: Plan, _ w: PlanWords) -> Worksheet {
    var rows: [[CellValue]] = [
      [.text(w.pick("Szenario", "Scenario")), .text(plan.scenario)],
      [.text(w.pick("Status", "Status")), .text(w.status(plan.status))],
      [.text(w.pick("Zeitraum", "Horizon")), .text("\(plan.horizon.start)–\(plan.lastYear)")],
      [.text(w.pick("Barwert ohne Plan (EUR)", "NPV without the plan (EUR)")), .number(plan.baseline)],
    ]
    if let npv = plan.npv {
      rows.append([.text(w.pick("Barwert mit Plan (EUR)", "NPV with the plan (EUR)")), .number(npv)])
    }
    if let savings = plan.savings {
      rows.append([.text(w.pick("Einsparung Barwert (EUR)", "NPV saving (EUR)")), .number(savings)])
    }
    if let totals = plan.totals {
      rows += [
        [
          .text(w.pick("Laufende Kosten heute (EUR/Jahr)", "Running cost today (EUR/year)")),
          .number(totals.baselineAnnualCost),
        ],
        [
          .text(
            w.pick("Laufende Kosten \(plan.lastYear) (EUR/Jahr)", "Running cost \(plan.lastYear) (EUR/year)")),
          .number(totals.steadyStateAnnualCost),
        ],
        [.text(w.pick("Einmalkosten (EUR)", "One-time cost (EUR)")), .number(totals.oneTimeCost)],
        [.text(w.pick("IT-VZÄ heute", "IT FTE today")), .number(totals.baselineFTE)],
        [
          .text(w.pick("IT-VZÄ \(plan.lastYear)", "IT FTE \(plan.lastYear)")), .number(totals.steadyStateFTE),
        ],
        [.text(w.pick("Bewegte VZÄ", "FTE moved")), .number(totals.movedFTE)],
      ]
    }
    if let payback = plan.paybackYear {
      rows.append([.text(w.pick("Amortisation (Jahr)", "Payback (year)")), .number(Double(payback))])
    }
    if let gap = plan.gap {
      rows.append([.text(w.pick("Optimalitätslücke (Anteil)", "Optimality gap (fraction)")), .number(gap)])
    }
    var result = sheet(
      w.pick("Übersicht", "Summary"), [w.pick("Größe", "Figure"), w.pick("Wert", "Value")], rows, wide: [0])
    result.columnWidths[1] = 24
    // Money whole, FTE with two decimals, years and the gap as they are (rows after the heading).
    for (index, row) in rows.enumerated() {
      let label = row.first?.displayText ?? ""
      if label.contains("EUR") {
        result.rowNumberFormats[index + 1] = .whole
      } else if label.contains(w.pick("VZÄ", "FTE")) {
        result.rowNumberFormats[index + 1] = .twoDecimals
      }
    }
    return result
  }

  private func tasks(_ plan: Plan, _ w: PlanWords) -> Worksheet {
    let headings = [
      "ID", w.pick("Aufgabe", "Task"), w.pick("Aufgabenbereich", "Family"), w.pick("Einheit", "Unit"),
      w.pick("VZÄ", "FTE"), w.pick("Entscheidung", "Decision"), w.pick("Anbieter", "Provider"),
      w.pick("Jahr", "Year"),
      w.pick("Anteil", "Share"), w.pick("Begründung", "Reason"),
    ]
    let rows: [[CellValue]] = plan.tasks.map { task in
      [
        .text(task.id), .text(task.name), .text(w.family(task.family)), .text(w.unit(task.unit)),
        .number(task.fte),
        .text(w.decision(of: task)), task.provider.map { .text(w.unit($0)) } ?? .empty,
        task.year.map { .number(Double($0)) } ?? .empty, .number(task.share), .text(w.reason(of: task)),
      ]
    }
    return sheet(w.pick("Aufgaben", "Tasks"), headings, rows, fte: [4, 8], wide: [1, 5, 9])
  }

  private func units(_ plan: Plan, _ w: PlanWords) -> Worksheet {
    let headings = [
      "ID", w.pick("Einheit", "Unit"), w.pick("Art", "Kind"), w.pick("IT-VZÄ vorher", "IT FTE before"),
      w.pick("IT-VZÄ nachher", "IT FTE after"), w.pick("Kosten vorher (EUR/Jahr)", "Cost before (EUR/year)"),
      w.pick("Kosten nachher (EUR/Jahr)", "Cost after (EUR/year)"),
    ]
    let rows: [[CellValue]] = plan.units.map { unit in
      [
        .text(unit.id), .text(unit.name), .text(w.kind(unit.kind)), .number(unit.fteBefore),
        .number(unit.fteAfter),
        .number(unit.annualCostBefore), .number(unit.annualCostAfter),
      ]
    }
    return sheet(w.pick("Einheiten", "Units"), headings, rows, fte: [3, 4], money: [5, 6], wide: [1])
  }

  private func years(_ plan: Plan, _ w: PlanWords) -> Worksheet {
    let headings = [
      w.pick("Jahr", "Year"), w.pick("Bewegte VZÄ", "FTE moved"),
      w.pick("Übergangskosten (EUR)", "Transition cost (EUR)"),
      w.pick("Einrichtungskosten (EUR)", "Set-up cost (EUR)"),
      w.pick("Einmalkosten (EUR)", "One-time cost (EUR)"),
      w.pick("Laufende Kosten (EUR/Jahr)", "Running cost (EUR/year)"),
      w.pick("Laufende Kosten ohne Plan (EUR/Jahr)", "Running cost without the plan (EUR/year)"),
      w.pick("Einsparung (EUR/Jahr)", "Saving (EUR/year)"), w.pick("Abzinsungsfaktor", "Discount factor"),
    ]
    let rows: [[CellValue]] = plan.waves.map { wave in
      [
        .number(Double(wave.year)), .number(wave.movedFTE), .number(wave.transitionCost),
        .number(wave.setupCost),
        .number(wave.oneTimeCost), .number(wave.annualCost), .number(wave.baselineAnnualCost),
        .number(wave.baselineAnnualCost - wave.annualCost), .number(wave.discountFactor),
      ]
    }
    return sheet(w.pick("Jahre", "Years"), headings, rows, fte: [1], money: [2, 3, 4, 5, 6, 7])
  }

  private func centres(_ plan: Plan, _ w: PlanWords) -> Worksheet {
    let headings = [
      w.pick("Anbieter", "Provider"), w.pick("Aufgabenbereich", "Family"),
      w.pick("Besteht schon", "Open today"),
      w.pick("Eröffnet", "Opened"), w.pick("Einrichtungskosten (EUR)", "Set-up cost (EUR)"),
      w.pick("VZÄ vorher", "FTE before"), w.pick("VZÄ nachher", "FTE after"),
      w.pick("Kosten vorher (EUR/Jahr)", "Cost before (EUR/year)"),
      w.pick("Kosten nachher (EUR/Jahr)", "Cost after (EUR/year)"),
    ]
    let rows: [[CellValue]] = plan.centres.map { centre in
      [
        .text(w.unit(centre.provider)), .text(w.family(centre.family)), .bool(centre.alreadyOpen),
        .number(Double(centre.openedYear)), .number(centre.setupCost), .number(centre.fteBefore),
        .number(centre.fteAfter),
        .number(centre.annualCostBefore), .number(centre.annualCostAfter),
      ]
    }
    return sheet(w.pick("Zentren", "Centres"), headings, rows, fte: [5, 6], money: [4, 7, 8], wide: [0, 1])
  }
}
