import ZentralPlan

/// The staff side of the report: the Stellenplan effect (posts in and out per unit and year),
/// how the staff of each moved task go over and what it costs, and the surplus staff per year.
extension ReportModel {
  /// Posts in and out per unit and year; `nil` when no post moves (or an older plan).
  var postsTable: Table? {
    guard let staff = plan.staff, !staff.posts.isEmpty else { return nil }
    let headers = [
      words.pick("Einheit", "Unit"), words.pick("Jahr", "Year"),
      words.pick("Stellen ab", "Posts out"), words.pick("Stellen zu", "Posts in"),
      words.pick("VZÄ ab", "FTE out"), words.pick("VZÄ zu", "FTE in"),
    ]
    let rows = staff.posts.map { row in
      [
        Cell(text: index.unitName(row.unit)), Cell(text: String(row.year)),
        Cell(text: row.postsOut == 0 ? "–" : format.number(Double(row.postsOut)), numeric: true),
        Cell(text: row.postsIn == 0 ? "–" : format.number(Double(row.postsIn)), numeric: true),
        Cell(text: row.fteOut == 0 ? "–" : format.fte(row.fteOut), numeric: true),
        Cell(text: row.fteIn == 0 ? "–" : format.fte(row.fteIn), numeric: true),
      ]
    }
    return Table(headers: headers, numeric: Set(2...5), rows: rows, footer: nil)
  }

  /// Every part of a move with its posts, the transfer form and its costs; `nil` when nothing
  /// moves or for a plan made before posts.
  var transferTable: Table? {
    guard plan.staff != nil else { return nil }
    let headers = [
      words.pick("Aufgabe", "Task"), words.pick("Anbieter", "Provider"), words.pick("Jahr", "Year"),
      words.pick("Stellen", "Posts"), words.pick("VZÄ", "FTE"), words.pick("Übergang", "Transfer"),
      words.pick("einmalig", "one-time"), words.pick("jährlich", "a year"),
    ]
    var rows: [[Cell]] = []
    for task in plan.tasks {
      for part in task.moves {
        rows.append([
          Cell(text: index.name(task)), Cell(text: index.unitName(part.provider)),
          Cell(text: String(part.year)),
          Cell(text: part.posts.map { format.number(Double($0)) } ?? "–", numeric: true),
          Cell(text: format.fte(part.share * task.fte), numeric: true),
          Cell(text: part.transfer.map { sentences.transferForm($0.form) } ?? "–"),
          Cell(text: part.transfer.map { format.money($0.oneTimeCost) } ?? "–", numeric: true),
          Cell(text: part.transfer.map { format.money($0.annualCost) } ?? "–", numeric: true),
        ])
      }
    }
    return rows.isEmpty ? nil : Table(headers: headers, numeric: [3, 4, 6, 7], rows: rows, footer: nil)
  }

  /// Surplus staff per provider and year with its cost; `nil` without the no-layoffs rule or
  /// without a surplus.
  var surplusTable: Table? {
    guard let staff = plan.staff, staff.attritionRate != nil, !staff.surplus.isEmpty else { return nil }
    let headers = [
      words.pick("Anbieter", "Provider"), words.pick("Jahr", "Year"),
      words.pick("Personalüberhang", "Surplus staff"), words.pick("Kosten (Jahr)", "Cost (year)"),
    ]
    let rows = staff.surplus.map { row in
      [
        Cell(text: index.unitName(row.unit)), Cell(text: String(row.year)),
        Cell(text: format.fte(row.fte), numeric: true),
        Cell(text: format.money(row.annualCost), numeric: true),
      ]
    }
    return Table(headers: headers, numeric: [2, 3], rows: rows, footer: nil)
  }

  /// The staff rules among the model's assumptions.
  var staffAssumptions: [(label: String, value: String)] {
    guard let staff = plan.staff else { return [] }
    var items: [(String, String)] = [
      (
        words.pick("Kleinster Wechsel", "Smallest move"),
        staff.minMoveFTE > 0
          ? words.pick(
            "\(format.fte(staff.minMoveFTE)) je Teil einer teilbaren Aufgabe; ganze Aufgaben wechseln immer ganz; teilbare Aufgaben wechseln in ganzen Stellen",
            "\(format.fte(staff.minMoveFTE)) per part of a divisible task; whole tasks always move whole; divisible tasks move in whole posts"
          )
          : words.pick(
            "keiner; teilbare Aufgaben wechseln in ganzen Stellen",
            "none; divisible tasks move in whole posts")
      )
    ]
    if let rate = staff.attritionRate {
      items.append(
        (
          words.pick("Keine betriebsbedingten Kündigungen", "No layoffs"),
          words.pick(
            "nicht benötigtes Personal bleibt als Personalüberhang, bis es durch Fluktuation abgeht (\(format.percent(rate)) des Überhangs im Jahr)",
            "staff not needed stay as surplus until attrition removes them (\(format.percent(rate)) of the surplus a year)"
          )
        ))
    }
    return items
  }
}
