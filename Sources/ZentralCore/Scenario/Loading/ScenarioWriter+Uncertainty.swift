/// The writer's part for the optional `uncertainty:` section (docs/scenario-format.md,
/// "Uncertainty").
extension ScenarioWriter {
  /// Top-level `uncertainty`, after the funding: one line an input, in the order of
  /// ``Uncertainty/Input``; an empty section stays an empty section (`uncertainty: {}`).
  static func writeUncertainty(_ uncertainty: Uncertainty?, to out: inout YAMLLines) {
    guard let uncertainty else { return }
    out.blank()
    guard !uncertainty.factors.isEmpty else {
      out.line("uncertainty: {}")
      return
    }
    out.line("uncertainty:")
    for input in Uncertainty.Input.allCases {
      guard let distribution = uncertainty.factors[input] else { continue }
      let factor: String =
        switch distribution {
        case .uniform(let low, let high):
          "{factor: [\(decimal(low)), \(decimal(high))]}"
        case .triangular(let low, let mode, let high):
          "{factor: [\(decimal(low)), \(decimal(mode)), \(decimal(high))], distribution: triangular}"
        }
      out.line("  \(input.rawValue): \(factor)")
    }
  }
}
