import ZentralPlan

extension ReportModel {
  /// The waves table with a column for parallel running and one for the VAT contained in the
  /// running cost, each only when the plan has it.
  func withFullCostColumns(_ table: Table) -> Table {
    var table = table
    let columns: [(header: String, value: (Plan.WaveSummary) -> Double?)] = [
      (words.pick("Parallelbetrieb", "Parallel running"), { $0.parallelRunningCost }),
      (words.pick("davon USt.", "of which VAT"), { $0.vat }),
    ]
    for column in columns where plan.waves.contains(where: { column.value($0) != nil }) {
      table.numeric.insert(table.headers.count)
      table.headers.append(column.header)
      for (r, wave) in plan.waves.enumerated() where r < table.rows.count {
        table.rows[r].append(Cell(text: column.value(wave).map { format.money($0) } ?? "–", numeric: true))
      }
      let total = plan.waves.reduce(0) { $0 + (column.value($1) ?? 0) }
      table.footer?.append(Cell(text: format.money(total), numeric: true))
    }
    return table
  }
}
