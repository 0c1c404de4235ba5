/// Plans side by side: the figures a council compares (NPV, savings, one-off cost, payback, FTE
/// and posts moved, centres opened) and the tasks whose decision differs, for `zentral compare`.
///
/// The first plan is the reference (A); a task's decision differs when its moves (provider, wave
/// and share) are not the same in every plan that has the task, or when a plan lacks it. The
/// comparison is structure; ``ComparisonWords`` and the exporters turn it into text.
public struct PlanComparison: Sendable, Equatable {
  /// One compared plan.
  public struct Entry: Sendable, Equatable {
    /// Its column label: `A`, `B`, `C`, …
    public var label: String
    /// The file it came from (a scenario planned on the fly, or a plan.json).
    public var source: String
    /// The plan.
    public var plan: Plan

    /// Creates an entry.
    public init(label: String, source: String, plan: Plan) {
      self.label = label
      self.source = source
      self.plan = plan
    }
  }

  /// The figures of one plan compared in the table; `nil` where the plan has no solution.
  public struct Figures: Sendable, Equatable {
    /// Net present value of the plan over the horizon, EUR.
    public var npv: Double?
    /// NPV savings against keeping everything as it is, EUR.
    public var npvSavings: Double?
    /// Savings a year at steady state (the last year of the horizon), EUR/year.
    public var annualSavings: Double?
    /// One-off cost (set-up and transition), EUR.
    public var oneTimeCost: Double?
    /// The first year whose cumulative savings cover the one-off cost; `nil` when none.
    public var paybackYear: Int?
    /// FTE moved over all waves.
    public var movedFTE: Double?
    /// Posts (Stellen) moved over all waves: the sum of every move part's posts; `nil` without a
    /// solution or for a plan made before posts (no move part says its posts).
    public var movedPosts: Int?
    /// Tasks that move in full or in part.
    public var movedTasks: Int
    /// Competence centres opened by the plan (not open today), as `family@provider`.
    public var centresOpened: [String]

    /// The figures of `plan`.
    public init(_ plan: Plan) {
      let solved = plan.hasSolution
      npv = solved ? plan.npv : nil
      npvSavings = solved ? (plan.totals?.npvSavings ?? plan.savings) : nil
      annualSavings = solved ? plan.totals?.annualSavings : nil
      oneTimeCost = solved ? (plan.totals?.oneTimeCost ?? plan.waves.reduce(0) { $0 + $1.oneTimeCost }) : nil
      paybackYear = solved ? plan.paybackYear : nil
      movedFTE = solved ? (plan.totals?.movedFTE ?? plan.waves.reduce(0) { $0 + $1.movedFTE }) : nil
      let parts = plan.tasks.flatMap(\.moves)
      movedPosts =
        solved && (parts.isEmpty || parts.contains { $0.posts != nil })
        ? parts.reduce(0) { $0 + ($1.posts ?? 0) } : nil
      movedTasks = plan.tasks.filter { $0.share > 0 }.count
      centresOpened = plan.centres.filter { !$0.alreadyOpen }.map { "\($0.family)@\($0.provider)" }.sorted()
    }
  }

  /// A task whose decision differs between the plans.
  public struct Difference: Sendable, Equatable {
    /// The task's id.
    public var task: String
    /// The task in each plan, in the order of ``entries``; `nil` where a plan does not have it.
    public var decisions: [Plan.TaskDecision?]
  }

  /// The plans, the reference first.
  public var entries: [Entry]

  /// Compares `entries` (at least one; the first is the reference).
  public init(_ entries: [Entry]) {
    self.entries = entries
  }

  /// The labels `A` … `Z`, then `P27`, `P28`, … for the `index`-th plan (from 0).
  public static func label(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "P\(index + 1)"
  }

  /// The figures of each plan, in the order of ``entries``.
  public var figures: [Figures] { entries.map { Figures($0.plan) } }

  /// The tasks whose decision is not the same in every plan, in the order of the reference plan
  /// (tasks only other plans have follow).
  public var differences: [Difference] { differences(among: entries.indices.map { $0 }) }

  /// The tasks whose decision differs between the plan at `from` and the plan at `to` (the changes
  /// of a move from one to the other); each ``Difference`` holds the two decisions.
  public func changes(from: Int, to: Int) -> [Difference] { differences(among: [from, to]) }

  /// The tasks whose decision differs among the plans at `indices`.
  private func differences(among indices: [Int]) -> [Difference] {
    var order: [String] = []
    var seen: Set<String> = []
    var byPlan: [[String: Plan.TaskDecision]] = []
    for index in indices {
      var tasks: [String: Plan.TaskDecision] = [:]
      for task in entries[index].plan.tasks {
        tasks[task.id] = task
        if seen.insert(task.id).inserted { order.append(task.id) }
      }
      byPlan.append(tasks)
    }
    return order.compactMap { id in
      let decisions = byPlan.map { $0[id] }
      guard let first = decisions[0] else { return Difference(task: id, decisions: decisions) }
      let same = decisions.dropFirst().allSatisfy { other in
        other.map { Self.sameDecision(first, $0) } ?? false
      }
      return same ? nil : Difference(task: id, decisions: decisions)
    }
  }

  /// Whether two decisions of a task are the same: the same parts moved, each to the same provider in
  /// the same wave with the same share (to 1e-6); a task that stays has no parts.
  public static func sameDecision(_ lhs: Plan.TaskDecision, _ rhs: Plan.TaskDecision) -> Bool {
    func parts(_ task: Plan.TaskDecision) -> [Plan.MovePart] {
      task.moves.filter { $0.share > 1e-9 }.sorted { ($0.year, $0.provider) < ($1.year, $1.provider) }
    }
    let left = parts(lhs)
    let right = parts(rhs)
    return left.count == right.count
      && zip(left, right).allSatisfy { a, b in
        a.provider == b.provider && a.year == b.year && abs(a.share - b.share) <= 1e-6
      }
  }
}
