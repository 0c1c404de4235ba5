import Foundation
import ZentralPlan

@testable import ZentralCore

/// An independent reading of /work/notes/model-semantics.md for tiny scenarios: evaluates a
/// complete decision (shares per task, provider and wave; opening wave per centre) for
/// feasibility and cost, and finds the best decision by enumerating all of them.
///
/// Written from the semantics directly; it shares nothing with the model builder but the
/// scenario types.
struct PlanningOracle {
  /// Shares moved: `[task][provider][wave]`, providers in the order of ``providers``.
  typealias Shares = [[[Double]]]

  let scenario: Scenario
  let providers: [String]
  let waves: Int
  let discount: [Double]
  /// Eligible provider positions per task (empty when the task cannot move).
  let eligible: [[Int]]

  init(_ scenario: Scenario) {
    self.scenario = scenario
    let providers = scenario.units.filter { $0.kind == .central || $0.kind == .shared }.map(\.id)
    self.providers = providers
    waves = scenario.horizon.years
    discount = (0..<scenario.horizon.years).map { 1 / pow(1 + scenario.discountRate, Double($0)) }
    var eligible: [[Int]] = []
    for task in scenario.tasks {
      let family = scenario.families.first { $0.id == task.family }!
      let list = task.providers ?? family.providers
      let movable = !task.dedicated && !scenario.policy.mustStay.contains(task.id) && !list.isEmpty
      eligible.append(movable ? providers.indices.filter { list.contains(providers[$0]) } : [])
    }
    self.eligible = eligible
  }

  private func unit(_ id: String) -> OrgUnit { scenario.units.first { $0.id == id }! }

  /// The legal form of provider `p`: as given, else `own` for a central unit, `public_body` for a
  /// shared one.
  private func legalForm(_ p: String) -> LegalForm {
    let u = unit(p)
    return u.legalForm ?? (u.kind == .central ? .own : .publicBody)
  }
  private func family(_ id: String) -> TaskFamily { scenario.families.first { $0.id == id }! }

  /// Effective FTE for pooled work on the curve `points` (identity when empty).
  static func curve(_ points: [ScalePoint], _ pooled: Double) -> Double {
    if points.isEmpty { return pooled }
    var previous = ScalePoint(pooled: 0, effective: 0)
    var slope = 1.0
    for point in points where point.pooled > 0 {
      slope = (point.effective - previous.effective) / (point.pooled - previous.pooled)
      if pooled <= point.pooled { return previous.effective + slope * (pooled - previous.pooled) }
      previous = point
    }
    return previous.effective + slope * (pooled - previous.pooled)
  }

  private func isOpenToday(_ p: String, _ f: String) -> Bool {
    let local = family(f).centres[p]
    return (local?.isOpen ?? false) || (local?.existingFTE ?? 0) > 0
  }

  /// Annual running cost of the status quo.
  var baselineAnnual: Double {
    var total = 0.0
    for task in scenario.tasks { total += task.fte * (unit(task.unit).costPerFTE ?? 0) + task.nonStaffCost }
    for f in scenario.families {
      for p in providers where isOpenToday(p, f.id) {
        let local = f.centres[p]!
        let minimum = local.minFTE ?? f.centre.minFTE
        let e = max(Self.curve(local.scale ?? f.scale, local.existingFTE), minimum)
        total += rate(p) * e + (local.annualOverhead ?? f.centre.annualOverhead)
      }
    }
    return total
  }

  /// FTE of the status quo.
  var baselineFTE: Double {
    var total = scenario.tasks.reduce(0) { $0 + $1.fte }
    for f in scenario.families {
      for p in providers where isOpenToday(p, f.id) {
        let local = f.centres[p]!
        total += max(Self.curve(local.scale ?? f.scale, local.existingFTE), local.minFTE ?? f.centre.minFTE)
      }
    }
    return total
  }

  /// The posts of `task` (given, or its FTE rounded up, at least 1).
  static func posts(_ task: ITTask) -> Int {
    task.posts ?? max(1, Int(ceil(task.fte - 1e-9)))
  }

  /// Effective FTE of the centre of `f` at `p` today (0 when it is not open).
  private func baselineEffective(_ p: String, _ f: TaskFamily) -> Double {
    guard isOpenToday(p, f.id), let local = f.centres[p] else { return 0 }
    return max(Self.curve(local.scale ?? f.scale, local.existingFTE), local.minFTE ?? f.centre.minFTE)
  }

  private func rate(_ p: String) -> Double {
    let u = unit(p)
    return u.kind == .shared ? (u.pricePerFTE ?? u.costPerFTE ?? 0) * (1 + u.vatRate) : (u.costPerFTE ?? 0)
  }

  /// What the city pays for an amount a provider bills: with VAT for a shared provider.
  private func gross(_ amount: Double, at p: String) -> Double {
    let u = unit(p)
    return u.kind == .shared ? amount * (1 + u.vatRate) : amount
  }

  /// Non-staff cost of the whole task at provider `p`, EUR/year.
  private func nonStaff(_ task: ITTask, at p: String) -> Double {
    if let cost = task.at[p]?.nonStaffCost { return cost }
    let f = family(task.family)
    return task.nonStaffCost * (f.centres[p]?.nonStaffFactor ?? f.centre.nonStaffFactor)
  }

  /// The objective of a decision, or `nil` if it breaks a rule. `opening[p,f]` is the wave a
  /// centre opens (ignored for centres open today).
  func evaluate(_ x: Shares, opening: [String: Int], tolerance: Double = 1e-6) -> Double? {
    let tasks = scenario.tasks
    let policy = scenario.policy
    let last = waves - 1
    func cum(_ t: Int, _ p: Int, _ k: Int) -> Double { (0...k).reduce(0) { $0 + x[t][p][$1] } }
    func moved(_ t: Int, _ k: Int) -> Double { providers.indices.reduce(0) { $0 + cum(t, $1, k) } }
    func isOpen(_ p: Int, _ f: String, _ k: Int) -> Bool {
      isOpenToday(providers[p], f) || (opening["\(providers[p])|\(f)"].map { $0 <= k } ?? false)
    }

    // Shares, eligibility, must-move, deadlines.
    for (t, task) in tasks.enumerated() {
      var total = 0.0
      for p in providers.indices {
        for k in 0..<waves {
          let v = x[t][p][k]
          if v < -tolerance || v > 1 + tolerance { return nil }
          if v > tolerance {
            if !eligible[t].contains(p) { return nil }
            if !task.divisible && abs(v - 1) > tolerance { return nil }
            // Whole posts; a part below the minimum only when it is the whole task.
            let posts = Double(Self.posts(task))
            if abs(v * posts - (v * posts).rounded()) > tolerance * posts { return nil }
            if v * task.fte < policy.minMoveFTE - tolerance && abs(v - 1) > tolerance { return nil }
            if !isOpen(p, task.family, k) { return nil }
            let year = scenario.horizon.start + k
            if policy.deadlines.contains(where: { $0.family == task.family && year > $0.year }) { return nil }
            if let by = policy.mustMoveBy[task.id], year > by { return nil }
            if policy.taskDeadlines.contains(where: { $0.task == task.id && year > $0.year }) { return nil }
          }
          total += v
        }
      }
      if total > 1 + tolerance { return nil }
      let deadline =
        !eligible[t].isEmpty && policy.deadlines.contains { $0.family == task.family }
        || policy.taskDeadlines.contains { $0.task == task.id }
      if (policy.mustMove.contains(task.id) || deadline) && abs(total - 1) > tolerance { return nil }
      // A decision already carried out: the whole task moved to that provider in that wave.
      if let done = policy.done.first(where: { $0.task == task.id }) {
        guard let p = providers.firstIndex(of: done.provider), eligible[t].contains(p),
          abs(x[t][p][done.year - scenario.horizon.start] - 1) <= tolerance
        else { return nil }
      }
    }

    // Confidential tasks: never to a private provider (a central unit is the city's own, a shared
    // provider a public body, unless the scenario says otherwise).
    for (t, task) in tasks.enumerated() where task.confidential {
      for p in providers.indices where legalForm(providers[p]) == .private {
        if (0..<waves).contains(where: { x[t][p][$0] > tolerance }) { return nil }
      }
    }

    // Separation: while a task sits at a provider, no centre of a family it is kept apart from
    // is open there (moved work of that family needs one; an open centre counts by itself).
    for (t, task) in tasks.enumerated() {
      for f in task.separateFrom where f != task.family {
        for p in providers.indices {
          for k in 0..<waves where cum(t, p, k) > tolerance && isOpen(p, f, k) { return nil }
        }
      }
    }

    // Pilots.
    for f in Set(policy.pilots.map(\.family)) {
      var pilotUnits: Set<String> = []
      for pilot in policy.pilots where pilot.family == f {
        pilotUnits.insert(pilot.unit)
        var grew = true
        while grew {
          grew = false
          for u in scenario.units
          where !pilotUnits.contains(u.id) && u.parent.map(pilotUnits.contains) == true {
            pilotUnits.insert(u.id)
            grew = true
          }
        }
      }
      let pilots = tasks.indices.filter {
        tasks[$0].family == f && !eligible[$0].isEmpty && pilotUnits.contains(tasks[$0].unit)
      }
      for t in tasks.indices where tasks[t].family == f && !eligible[t].isEmpty && !pilots.contains(t) {
        for k in 0..<waves {
          let now = providers.indices.reduce(0) { $0 + x[t][$1][k] }
          let before = k == 0 ? 0 : pilots.reduce(0) { $0 + moved($1, k - 1) }
          if now > before + tolerance { return nil }
        }
      }
    }

    // Together.
    for group in policy.together {
      let members = group.compactMap { id in tasks.firstIndex { $0.id == id } }
      for t in members.dropFirst() {
        for p in providers.indices {
          for k in 0..<waves where abs(x[t][p][k] - x[members[0]][p][k]) > tolerance { return nil }
        }
      }
    }

    // Retained organisation.
    if let rule = policy.retained {
      // With retained-role families, only their tasks count (and keep); the share is of all IT work.
      let roles = Set(scenario.families.filter(\.retainedRole).map(\.id))
      let counts: (ITTask) -> Bool = { roles.isEmpty || roles.contains($0.family) }
      for u in Set(tasks.map(\.unit)) {
        let all = tasks.filter { $0.unit == u }.reduce(0) { $0 + $1.fte }
        let total = tasks.filter { $0.unit == u && counts($0) }.reduce(0) { $0 + $1.fte }
        let keep = min(total, max(rule.minFTE, rule.minShare * all))
        var kept = 0.0
        for (t, task) in tasks.enumerated() where task.unit == u && counts(task) {
          kept += task.fte * (1 - moved(t, last))
        }
        if kept < keep - tolerance { return nil }
      }
    }

    // Costs, capacity, budget, change capacity, year by year.
    var npv = 0.0
    var surplus: [String: Double] = [:]
    var lastEffective: [String: Double] = [:]
    var annualLast = 0.0
    var fundedLast = 0.0
    var fteLast = 0.0
    for k in 0..<waves {
      let year = scenario.horizon.start + k
      var annual = 0.0
      var funded = 0.0
      var oneTime = 0.0
      var parallel = 0.0
      var movedFTE = 0.0
      var fte = 0.0
      var staff = Array(repeating: 0.0, count: providers.count)
      for (t, task) in tasks.enumerated() {
        let home = unit(task.unit).costPerFTE ?? 0
        annual += (task.fte * home + task.nonStaffCost) * (1 - moved(t, k))
        let movedNow = providers.indices.reduce(0) { $0 + x[t][$1][k] }
        parallel +=
          scenario.policy.parallelRunningMonths / 12 * (task.fte * home + task.nonStaffCost) * movedNow
        let fundedHome = fundedShare(task: task, year: year) * task.fte * home * (1 - moved(t, k))
        annual -= fundedHome
        funded += fundedHome
        fte += task.fte * (1 - moved(t, k))
        for p in providers.indices {
          if let transfer = unit(providers[p]).transfer {
            oneTime += transfer.oneTimeCostPerFTE * task.fte * x[t][p][k]
            annual += transfer.annualCostPerFTE * task.fte * cum(t, p, k)
          }
          let offer = task.at[providers[p]]
          let transition =
            offer?.transitionCost ?? task.transitionCost ?? family(task.family).transitionCostPerFTE
            * task.fte
          let isDone = policy.done.contains {
            $0.task == task.id && $0.provider == providers[p] && $0.year == scenario.horizon.start + k
          }
          if !isDone { oneTime += transition * x[t][p][k] }
          movedFTE += task.fte * x[t][p][k]
          annual += nonStaff(task, at: providers[p]) * cum(t, p, k)
          if let quote = offer?.annualCost {
            annual += gross(quote, at: providers[p]) * cum(t, p, k)
            staff[p] += (offer?.fte ?? task.fte) * cum(t, p, k)
            fte += (offer?.fte ?? task.fte) * cum(t, p, k)
          }
        }
      }
      for f in scenario.families {
        for p in providers.indices {
          let id = providers[p]
          let local = f.centres[id]
          let open = isOpen(p, f.id, k)
          var pooled = local?.existingFTE ?? 0
          for (t, task) in tasks.enumerated() where task.family == f.id && task.at[id]?.annualCost == nil {
            pooled += (task.at[id]?.fte ?? task.fte) * cum(t, p, k)
          }
          var effective = Self.curve(local?.scale ?? f.scale, pooled)
          if open {
            effective = max(effective, local?.minFTE ?? f.centre.minFTE)
            annual += local?.annualOverhead ?? f.centre.annualOverhead
            let sunk = policy.done.contains { done in
              done.provider == id && tasks.contains { $0.id == done.task && $0.family == f.id }
            }
            if !isOpenToday(id, f.id) && opening["\(id)|\(f.id)"] == k && !sunk {
              oneTime += local?.setupCost ?? f.centre.setupCost
            }
          }
          annual += rate(id) * effective
          annual -= fundedShare(unit: id, year: year) * rate(id) * effective
          funded += fundedShare(unit: id, year: year) * rate(id) * effective
          staff[p] += effective
          fte += effective
          if let rule = policy.noLayoffs {
            // Surplus: staff who came with the centre's tasks this year, less its extra need.
            var arriving = 0.0
            for (t, task) in tasks.enumerated() where task.family == f.id {
              let quoted = task.at[id]?.annualCost != nil ? (task.at[id]?.fte ?? task.fte) : 0
              arriving += (task.fte - quoted) * x[t][p][k]
            }
            let key = "\(id)|\(f.id)"
            let before = k == 0 ? baselineEffective(id, f) : lastEffective[key] ?? 0
            // Of last year's staff (surplus and need) a share leaves; the surplus fills the posts.
            let carried = (1 - rule.attritionRate) * ((k == 0 ? 0 : surplus[key] ?? 0) + before)
            let value = max(0, carried + arriving - effective)
            surplus[key] = value
            annual += rate(id) * value
            // A funded provider's programme pays its share of the surplus too (staff of the centre).
            annual -= fundedShare(unit: id, year: year) * rate(id) * value
            funded += fundedShare(unit: id, year: year) * rate(id) * value
          }
          lastEffective["\(id)|\(f.id)"] = effective
        }
      }
      for p in providers.indices {
        if let cap = unit(providers[p]).capacityFTE?.value(in: year), staff[p] > cap + tolerance {
          return nil
        }
      }
      if let budget = policy.budget?.value(in: year), oneTime > budget + tolerance * max(1, budget) {
        return nil
      }
      if let change = policy.maxMovedFTEPerWave?.value(in: year), movedFTE > change + tolerance { return nil }
      npv += discount[k] * (annual + oneTime + parallel)
      annualLast = annual
      fundedLast = funded
      fteLast = fte
    }
    if scenario.horizon.terminalValue == .perpetuity {
      // Funding ends with its programme: the perpetuity carries the cost without it.
      npv += (annualLast + fundedLast) * discount[last] / scenario.discountRate
    }
    if let target = policy.savingsTarget {
      let baselineLast = baselineAnnual - baselineFunded(year: scenario.horizon.start + last)
      if let cost = target.annualCost, annualLast > baselineLast - cost + tolerance * max(1, baselineAnnual) {
        return nil
      }
      if let fte = target.fte, fteLast > baselineFTE - fte + tolerance { return nil }
    }
    var penalty = 0.0
    for (t, task) in tasks.enumerated() {
      penalty += (task.concern + scenario.objective.disruptionWeight * task.fte) * moved(t, last)
    }
    return npv + penalty
  }

  /// The funded share of a task's home cost in `year`: its own programmes and its unit's, at most 1.
  func fundedShare(task: ITTask, year: Int) -> Double {
    var share = 0.0
    for funding in scenario.funding where year <= funding.until {
      switch funding.target {
      case .task(let id): if id == task.id { share += funding.share }
      case .unit(let id): if id == task.unit { share += funding.share }
      }
    }
    return min(1, share)
  }

  /// The funded share of a provider's centre posts in `year`.
  func fundedShare(unit: String, year: Int) -> Double {
    var share = 0.0
    for funding in scenario.funding where year <= funding.until {
      if case .unit(let id) = funding.target, id == unit { share += funding.share }
    }
    return min(1, share)
  }

  /// The status quo's funded amount in `year`: funded tasks at home, funded providers' centres
  /// open today.
  func baselineFunded(year: Int) -> Double {
    var total = 0.0
    for task in scenario.tasks {
      total += fundedShare(task: task, year: year) * task.fte * (unit(task.unit).costPerFTE ?? 0)
    }
    for f in scenario.families {
      for p in providers where isOpenToday(p, f.id) {
        let local = f.centres[p]!
        let e = max(Self.curve(local.scale ?? f.scale, local.existingFTE), local.minFTE ?? f.centre.minFTE)
        total += fundedShare(unit: p, year: year) * rate(p) * e
      }
    }
    return total
  }

  /// The best objective over every decision (a whole task to one provider and wave; a divisible
  /// task in every split of its posts over providers and waves), or `nil` when none is feasible.
  func bruteForce() -> Double? {
    let tasks = scenario.tasks
    var options: [[[(p: Int, k: Int, share: Double)]]] = []
    for (t, task) in tasks.enumerated() {
      var slots: [(p: Int, k: Int)] = []
      for p in eligible[t] { for k in 0..<waves { slots.append((p, k)) } }
      var list: [[(p: Int, k: Int, share: Double)]] = [[]]
      if !task.divisible {
        for slot in slots { list.append([(slot.p, slot.k, 1)]) }
      } else {
        // Every way to put 0...P posts into the slots (the feasibility check drops parts that
        // are too small).
        let posts = Self.posts(task)
        func spread(_ i: Int, _ left: Int, _ parts: [(p: Int, k: Int, share: Double)]) {
          if i == slots.count {
            if !parts.isEmpty { list.append(parts) }
            return
          }
          for n in 0...left {
            spread(
              i + 1, left - n,
              n == 0 ? parts : parts + [(slots[i].p, slots[i].k, Double(n) / Double(posts))])
          }
        }
        spread(0, posts, [])
      }
      options.append(list)
    }
    let hasBudget = scenario.policy.budget != nil
    var best: Double?
    var x: Shares = tasks.map { _ in providers.map { _ in Array(repeating: 0.0, count: waves) } }
    func recurse(_ t: Int) {
      if t == tasks.count {
        // Centres that must open: earliest move per (provider, family) not open today.
        var first: [String: Int] = [:]
        for (i, task) in tasks.enumerated() {
          for p in providers.indices {
            for k in 0..<waves where x[i][p][k] > 0 && !isOpenToday(providers[p], task.family) {
              let key = "\(providers[p])|\(task.family)"
              first[key] = min(first[key] ?? k, k)
            }
          }
        }
        let keys = first.keys.sorted()
        var opening: [String: Int] = [:]
        func open(_ i: Int) {
          if i == keys.count {
            if let value = evaluate(x, opening: opening), value < (best ?? .infinity) { best = value }
            return
          }
          let latest = first[keys[i]]!
          for o in (hasBudget ? 0 : latest)...latest {
            opening[keys[i]] = o
            open(i + 1)
          }
        }
        open(0)
        return
      }
      for option in options[t] {
        for part in option { x[t][part.p][part.k] = part.share }
        recurse(t + 1)
        for part in option { x[t][part.p][part.k] = 0 }
      }
    }
    recurse(0)
    return best
  }

  /// The decision a plan describes, in the oracle's terms.
  func decision(of plan: Plan) -> (Shares, [String: Int]) {
    var x: Shares = scenario.tasks.map { _ in providers.map { _ in Array(repeating: 0.0, count: waves) } }
    for (t, decision) in plan.tasks.enumerated() {
      for part in decision.moves {
        x[t][providers.firstIndex(of: part.provider)!][part.year - scenario.horizon.start] += part.share
      }
    }
    var opening: [String: Int] = [:]
    for centre in plan.centres {
      opening["\(centre.provider)|\(centre.family)"] = centre.openedYear - scenario.horizon.start
    }
    return (x, opening)
  }
}
