/// A decision on the merits whose flip costs less than the close-call threshold (`knapp`): the
/// alternative is nearly as good. The flip's money and penalty are in ``TaskReason/flip``; this
/// says what the other decision would be.
public struct CloseCall: Codable, Sendable, Equatable {
  /// The threshold the flip's total (money plus penalty) stayed below, EUR.
  public var threshold: Double
  /// The other decision: `stay` for a moved task, `move` (in full) for a kept one.
  public var alternative: Plan.Decision
  /// For `move`: the provider the best plan with the flip moves it to.
  public var provider: String?
  /// For `move`: the year of that move.
  public var year: Int?

  enum CodingKeys: String, CodingKey {
    case threshold
    case alternative
    case provider
    case year
  }

  /// Creates a close call.
  public init(threshold: Double, alternative: Plan.Decision, provider: String? = nil, year: Int? = nil) {
    self.threshold = threshold
    self.alternative = alternative
    self.provider = provider
    self.year = year
  }
}
