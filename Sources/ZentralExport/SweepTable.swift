public import ZentralPlan

/// The result table of a sweep: one row a variant, its edited values, then the figures of its plan
/// (``PlanComparison/Figures``), as CSV for a spreadsheet and as Markdown for a wiki page.
///
/// CSV columns: `variant`, one column per key path, `status`, `npv_eur`, `npv_savings_eur`,
/// `annual_savings_eur`, `one_off_cost_eur`, `payback_year`, `moved_fte`, `moved_tasks`,
/// `centres_opened`, `gap`, `problem`; numbers with a decimal point and no grouping, empty where a
/// plan has no value.
public struct SweepTable: Sendable {
  /// One variant's row.
  public struct Row: Sendable {
    /// The variant's name.
    public var name: String
    /// Its value for each key path of the table (empty where it sets none).
    public var values: [String]
    /// Its plan, when the run wrote one.
    public var plan: Plan?
    /// Why there is no plan (the run failed or has not run), when there is none.
    public var problem: String?

    /// Creates a row.
    public init(name: String, values: [String], plan: Plan?, problem: String? = nil) {
      self.name = name
      self.values = values
      self.plan = plan
      self.problem = problem
    }
  }

  /// The key paths, one column each.
  public var keyPaths: [String]
  /// The rows, one a variant.
  public var rows: [Row]

  /// A table of `rows` with a column for each of `keyPaths`.
  public init(keyPaths: [String], rows: [Row]) {
    self.keyPaths = keyPaths
    self.rows = rows
  }

  /// The figure columns' ids in the CSV.
  static let figureColumns = [
    "status", "npv_eur", "npv_savings_eur", "annual_savings_eur", "one_off_cost_eur", "payback_year",
    "moved_fte", "moved_posts",
    "moved_tasks", "centres_opened", "gap",
  ]

  /// The figures of a row as machine-readable cells, in the order of ``figureColumns``.
  private func machineCells(_ plan: Plan?) -> [String] {
    guard let plan else { return Array(repeating: "", count: Self.figureColumns.count) }
    let figures = PlanComparison.Figures(plan)
    func number(_ value: Double?, _ decimals: Int = 2) -> String {
      value.map { LocaleFormat.plain($0, decimals: decimals) } ?? ""
    }
    return [
      plan.status.rawValue, number(figures.npv), number(figures.npvSavings), number(figures.annualSavings),
      number(figures.oneTimeCost), figures.paybackYear.map(String.init) ?? "", number(figures.movedFTE, 3),
      figures.movedPosts.map(String.init) ?? "",
      plan.hasSolution ? "\(figures.movedTasks)" : "",
      plan.hasSolution ? "\(figures.centresOpened.count)" : "",
      number(plan.gap, 6),
    ]
  }

  /// The table as CSV (RFC 4180, a header row first).
  public func csv() -> String {
    var lines = [
      (["variant"] + keyPaths + Self.figureColumns + ["problem"]).map { Escape.csv($0) }.joined(
        separator: ",")
    ]
    for row in rows {
      // Figures are numbers this table wrote (a minus sign is a sign, not a formula); the other cells
      // are text from the specification and are neutralised.
      let text = ([row.name] + row.values).map { Escape.csv($0) }
      let figures = machineCells(row.plan).map { Escape.csv($0, neutralise: false) }
      lines.append((text + figures + [Escape.csv(row.problem ?? "")]).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The table as Markdown, its labels and numbers in `language`.
  public func markdown(language: ReportLanguage) -> String {
    let words = ComparisonWords(language)
    let labels = words.rowLabels
    // Figure rows of the comparison: status, NPV, savings (NPV), annual savings, one-off, payback, FTE,
    // posts, tasks, centres.
    var out =
      "| " + (["variant"] + keyPaths + labels).map(Escape.markdown).joined(separator: " | ") + " |\n"
    out +=
      "|" + String(repeating: "---|", count: 1 + keyPaths.count)
      + String(repeating: "---:|", count: labels.count) + "\n"
    for row in rows {
      let figures: [String]
      if let plan = row.plan {
        figures = words.cells(PlanComparison.Figures(plan), plan: plan)
      } else {
        figures = [row.problem ?? words.noValue] + Array(repeating: words.noValue, count: labels.count - 1)
      }
      out += "| " + ([row.name] + row.values + figures).map(Escape.markdown).joined(separator: " | ") + " |\n"
    }
    return out
  }
}
