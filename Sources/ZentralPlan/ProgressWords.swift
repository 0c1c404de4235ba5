/// The words of `zentral plan`'s live progress line, in the scenario's language: the search
/// (elapsed time, best plan, bound, gap, nodes) and the pricing of decisions afterwards.
public struct ProgressWords: Sendable {
  /// The language.
  public let language: ReportLanguage
  /// Numbers in that language.
  public let format: LocaleFormat
  /// Whether the lines end with the terminal's key hint "(Strg-C: …)"; a browser has no Ctrl-C,
  /// so `zentral serve` asks for the lines without it.
  public let keyHints: Bool

  /// Words in `language`; `keyHints: false` leaves out the terminal's "(Strg-C: …)".
  public init(_ language: ReportLanguage, keyHints: Bool = true) {
    self.language = language
    self.format = LocaleFormat(language)
    self.keyHints = keyHints
  }

  /// " (Strg-C: …)" in the language, or nothing without key hints.
  private func hint(_ german: String, _ english: String) -> String {
    keyHints ? " (" + pick(german, english) + ")" : ""
  }

  private func pick(_ german: String, _ english: String) -> String { language == .de ? german : english }

  /// "3,2 s  bester Plan 31.263.743 €  Schranke 31.100.000 €  Lücke 0,52 %  Knoten 120 (Strg-C:
  /// anhalten, besten Plan behalten)"; a value not known yet is "–".
  public func search(elapsed: Double, incumbent: Double?, bound: Double?, gap: Double?, nodes: Int) -> String
  {
    let money: (Double?) -> String = { value in
      guard let value, abs(value) < 1e300 else { return "–" }
      return self.format.money(value)
    }
    let gapText = gap.flatMap { $0.isFinite && $0 < 1e6 ? format.percent($0, decimals: 2) : nil } ?? "–"
    let seconds = format.number(elapsed, decimals: 1, fixed: true) + " s"
    return pick(
      "\(seconds)  bester Plan \(money(incumbent))  Schranke \(money(bound))  Lücke \(gapText)  Knoten \(nodes)",
      "\(seconds)  incumbent \(money(incumbent))  bound \(money(bound))  gap \(gapText)  nodes \(nodes)")
      + (keyHints ? " " : "")
      + hint("Strg-C: anhalten, besten Plan behalten", "Ctrl-C: stop, keep the best plan")
  }

  /// "Entscheidungen beziffern: 3 von 12 Gegenrechnungen fertig (Strg-C: Rest überspringen)".
  public func explaining(done: Int, total: Int) -> String {
    pick(
      "Entscheidungen beziffern: \(done) von \(total) Gegenrechnungen fertig",
      "explaining decisions: \(done) of \(total) flips re-solved")
      + hint("Strg-C: Rest überspringen", "Ctrl-C: skip the rest")
  }
}
