import ZentralSolver

/// The rules of law and organisation in the model (docs/model.md, "Legal form, confidentiality,
/// separation"): confidential tasks kept from private providers and tasks kept apart from the
/// work of other families.
extension CentralisationModel {
  /// Confidentiality: for a confidential task, every `x(task,provider,year)` to a private
  /// provider has the upper bound 0 (the variable stays, so that relaxing the rule in the
  /// infeasibility diagnosis is a change of bounds); rule group `confidential(task)` per task
  /// with such a provider.
  mutating func addConfidentiality(relaxed: Set<RuleGroup>) throws(ModelError) {
    for (t, task) in scenario.tasks.enumerated() where task.confidential {
      let barred = facts.barredProviders(t)
      guard !barred.isEmpty else { continue }
      let group = RuleGroup.confidential(task: task.id)
      addGroup(group)
      guard !relaxed.contains(group) else { continue }
      for move in moves[t] where barred.contains(move.provider) {
        try model.setBounds(of: move.variable, lower: 0, upper: 0)
      }
    }
  }

  /// Separation: `sep(task,provider,family,year)`: `m(t,p,k) + y(p,f,k) <= 1` for every task `t`
  /// with `separate_from`, every provider `p` it may go to, every family `f` it is kept apart
  /// from that has a centre at `p`, and every wave `k`. A move of `f`'s work to `p` needs
  /// `y(p,f,k) = 1` (and a centre open today has it fixed at 1), so `t` may sit at `p` only while
  /// no work of `f` is there, and no work of `f` may come to `p` once `t` is there. Rule group
  /// `separation(task)` per task with at least one such row.
  mutating func addSeparation(relaxed: Set<RuleGroup>) throws(ModelError) {
    for (t, task) in scenario.tasks.enumerated() where !moves[t].isEmpty {
      let separated = facts.separatedFamilies(t)
      guard !separated.isEmpty else { continue }
      var rows: [(row: LinearConstraint, name: String)] = []
      for p in facts.providers[t] {
        for f in separated {
          guard let c = facts.centreIndex[.init(provider: p, family: f)] else { continue }
          for (k, year) in facts.years.enumerated() {
            rows.append(
              (
                movedShare(t, to: p, by: k) + LinearExpression(open[c][k]) <= 1,
                "sep(\(task.id),\(p),\(f),\(year))"
              ))
          }
        }
      }
      guard !rows.isEmpty else { continue }
      let group = RuleGroup.separation(task: task.id)
      addGroup(group)
      guard !relaxed.contains(group) else { continue }
      for (row, name) in rows { try model.addConstraint(row, name: name) }
    }
  }
}
