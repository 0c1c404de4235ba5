/// How the years after the horizon count in the net present value (`horizon.terminal_value`).
public enum TerminalValue: String, CaseIterable, Equatable, Sendable {
  /// Only the years of the horizon count (the default: scenarios written before keep their plans).
  case none
  /// The running cost of the last year goes on for ever: it is valued as a perpetuity, discounted
  /// to today (needs a discount rate above 0).
  case perpetuity
}
