import ZentralPlan

/// The keys of every mapping in format `zentral/1`, in the order of the format reference.
enum ScenarioShapes {
  /// The top level of a scenario file.
  static let scenario = ObjectShape(
    noun: "a scenario",
    keys: [
      "format", "name", "language", "currency", "horizon", "discount_rate", "units", "families", "tasks",
      "policy", "objective", "funding", "uncertainty",
    ],
    required: [
      "format": "a scenario file starts with 'format: zentral/1'",
      "name": "a scenario has a name, the title of its reports",
      "horizon": "a scenario has a horizon such as {start: 2025, years: 5}",
      "units": "a scenario lists its units, the organisation",
      "families": "a scenario lists its task families ([] if there are none)",
      "tasks": "a scenario lists its tasks ([] if there are none)",
    ])

  /// `horizon`.
  static let horizon = ObjectShape(
    noun: "a horizon",
    keys: ["start", "years", "terminal_value"],
    required: [
      "start": "the horizon starts in a year such as 2025",
      "years": "the horizon has a number of years (waves), 1 to 30",
    ])

  /// An element of `units`.
  static let unit = ObjectShape(
    noun: "a unit",
    keys: [
      "id", "name", "kind", "parent", "cost_per_fte", "price_per_fte", "capacity_fte", "legal_form",
      "vat_rate", "transfer",
    ],
    required: [
      "id": "every unit has an id",
      "name": "every unit has a name",
      "kind": "every unit has a kind (\(UnitKind.allCases.map(\.rawValue).joined(separator: ", ")))",
    ])

  /// An element of `families`.
  static let family = ObjectShape(
    noun: "a task family",
    keys: [
      "id", "name", "providers", "centre", "centres", "scale", "transition_cost_per_fte", "retained_role",
    ],
    required: [
      "id": "every task family has an id",
      "name": "every task family has a name",
      "providers": "every task family lists the units that may take it over ([] if none may)",
    ])

  /// `families[i].centre`.
  static let centre = ObjectShape(
    noun: "a centre", keys: ["setup_cost", "annual_overhead", "min_fte", "non_staff_factor"])

  /// A value of `families[i].centres`.
  static let providerCentre = ObjectShape(
    noun: "a provider's centre",
    keys: ["setup_cost", "annual_overhead", "min_fte", "scale", "existing_fte", "open", "non_staff_factor"])

  /// An element of `tasks`.
  static let task = ObjectShape(
    noun: "a task",
    keys: [
      "id", "name", "family", "unit", "fte", "dedicated", "reason", "divisible", "concern", "transition_cost",
      "providers", "at", "confidential", "separate_from", "non_staff_cost", "posts",
    ],
    required: [
      "id": "every task has an id",
      "name": "every task has a name",
      "family": "every task belongs to a task family (a family id)",
      "unit": "every task names its home unit (a unit id)",
      "fte": "every task gives its workload today in FTE",
    ])

  /// A value of `tasks[i].at`.
  static let offer = ObjectShape(
    noun: "a provider's offer", keys: ["fte", "annual_cost", "transition_cost", "non_staff_cost"])

  /// `policy`.
  static let policy = ObjectShape(
    noun: "a policy",
    keys: [
      "retained", "budget", "max_moved_fte_per_wave", "pilots", "deadlines", "together", "must_move",
      "must_stay", "savings_target", "parallel_running_months", "min_move_fte", "no_layoffs", "done",
      "tie_threshold",
    ])

  /// `policy.retained`.
  static let retained = ObjectShape(noun: "a retention rule", keys: ["min_share", "min_fte"])

  /// An element of `policy.pilots`.
  static let pilot = ObjectShape(
    noun: "a pilot",
    keys: ["family", "unit"],
    required: [
      "family": "a pilot names the task family piloted",
      "unit": "a pilot names the unit where the family moves first",
    ])

  /// An element of `policy.deadlines`.
  static let deadline = ObjectShape(
    noun: "a deadline",
    keys: ["family", "task", "by"],
    required: [
      "by": "a deadline gives the year by which the family (or the task) has moved"
    ])

  /// An element of `policy.must_move` given as a mapping.
  static let mustMove = ObjectShape(
    noun: "a must-move entry",
    keys: ["task", "by"],
    required: [
      "task": "a must-move entry names a task id",
      "by": "a must-move entry gives the year by which the task has moved (or write the plain task id)",
    ])

  /// An element of `policy.done`.
  static let done = ObjectShape(
    noun: "a done decision",
    keys: ["task", "to", "wave"],
    required: [
      "task": "a done decision names the task that moved",
      "to": "a done decision names the provider the task moved to",
      "wave": "a done decision gives the year (wave) of the move",
    ])

  /// An element of `funding`.
  static let funding = ObjectShape(
    noun: "a funding programme",
    keys: ["task", "unit", "share", "until"],
    required: [
      "share": "a funding programme gives the share of the cost it refinances, such as 0.5 for 50 %",
      "until": "a funding programme gives the last year it pays",
    ])

  /// `policy.savings_target`.
  static let savingsTarget = ObjectShape(noun: "a savings target", keys: ["annual_cost", "fte"])

  /// `objective`.
  static let objective = ObjectShape(noun: "an objective", keys: ["minimise", "disruption_weight"])

  /// `uncertainty`.
  static let uncertainty = ObjectShape(
    noun: "an uncertainty section", keys: Uncertainty.Input.allCases.map(\.rawValue))

  /// A value of `uncertainty`.
  static let uncertainFactor = ObjectShape(
    noun: "an uncertain input", keys: ["factor", "distribution"],
    required: ["factor": "an uncertain input gives its factor range, such as factor: [0.9, 1.2]"])
}
