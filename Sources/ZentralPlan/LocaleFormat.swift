import Foundation

/// Numbers, money and workloads written the way readers of one language expect, without the
/// machine's locale data: German `1.234.567 €` and `12,5 VZÄ`, English `EUR 1,234,567` and `12.5 FTE`.
public struct LocaleFormat: Sendable, Equatable {
  /// The language whose conventions are used.
  public let language: ReportLanguage
  /// Decimals of a workload (``fte(_:)``): up to two by default.
  public let fteDecimals: Int
  /// Whether a workload always shows ``fteDecimals`` decimals (`80,1 VZÄ`, `83,0 VZÄ`) instead of
  /// dropping trailing zeros: the report's one rounding for FTE.
  public let fixedFTE: Bool

  /// A formatter for `language`.
  public init(_ language: ReportLanguage) {
    self.init(language, fteDecimals: 2, fixedFTE: false)
  }

  /// A formatter for `language` whose workloads have `fteDecimals` decimals (`fixedFTE`: always
  /// that many).
  public init(_ language: ReportLanguage, fteDecimals: Int, fixedFTE: Bool) {
    self.language = language
    self.fteDecimals = min(max(fteDecimals, 0), 6)
    self.fixedFTE = fixedFTE
  }

  private var groupSeparator: Character { language == .de ? "." : "," }
  private var decimalSeparator: Character { language == .de ? "," : "." }

  /// `value` with thousands grouped and up to `decimals` decimals (trailing zeros dropped unless
  /// `fixed`): `1.234,5` / `1,234.5`.
  public func number(_ value: Double, decimals: Int = 0, fixed: Bool = false) -> String {
    number(value, decimals: decimals, fixed: fixed, grouped: true)
  }

  /// A number for machines (CSV, JSON-like text): `.` decimal point, no grouping, up to `decimals`
  /// decimals: `1234567.5`.
  public static func plain(_ value: Double, decimals: Int = 2) -> String {
    LocaleFormat(.en).number(value, decimals: decimals, fixed: false, grouped: false)
  }

  private func number(_ value: Double, decimals: Int, fixed: Bool, grouped isGrouped: Bool) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let negative = value < 0 && scaled > 0
    // Integer and fraction digits, computed without the locale (Double -> digits).
    var integerPart = (scaled / scale).rounded(.down)
    var fraction = scaled - integerPart * scale
    if fraction >= scale {
      integerPart += 1
      fraction -= scale
    }
    var digits = String(format: "%.0f", integerPart)
    var grouped = ""
    while isGrouped && digits.count > 3 {
      grouped = String(groupSeparator) + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    var fractionText = ""
    if decimals > 0 {
      fractionText = String(format: "%.0f", fraction)
      fractionText = String(repeating: "0", count: max(0, decimals - fractionText.count)) + fractionText
      if !fixed {
        while fractionText.hasSuffix("0") { fractionText.removeLast() }
      }
    }
    let body = fractionText.isEmpty ? grouped : grouped + String(decimalSeparator) + fractionText
    return negative ? "-" + body : body
  }

  /// Whole euros: `1.234.567 €` / `EUR 1,234,567`.
  public func money(_ value: Double) -> String {
    let text = number(value)
    switch language {
    case .de: return text + " €"
    case .en: return text.hasPrefix("-") ? "-EUR " + text.dropFirst() : "EUR " + text
    }
  }

  /// Money in short form for chart labels: `1,2 Mio. €` / `EUR 1.2m`, `850 T€` / `EUR 850k`.
  public func shortMoney(_ value: Double) -> String {
    let magnitude = abs(value)
    let text: String
    let unit: (de: String, en: String)
    if magnitude >= 1e6 {
      text = number(value / 1e6, decimals: magnitude >= 1e8 ? 0 : 1)
      unit = (" Mio. €", "m")
    } else if magnitude >= 1e3 {
      text = number(value / 1e3)
      unit = (" T€", "k")
    } else {
      return money(value)
    }
    switch language {
    case .de: return text + unit.de
    case .en: return (text.hasPrefix("-") ? "-EUR " + text.dropFirst() : "EUR " + text) + unit.en
    }
  }

  /// A workload: `12,5 VZÄ` / `12.5 FTE` (up to two decimals unless the formatter says otherwise).
  public func fte(_ value: Double) -> String {
    number(value, decimals: fteDecimals, fixed: fixedFTE) + (language == .de ? " VZÄ" : " FTE")
  }

  /// A share 0...1 as a percentage: `40 %` / `40%`.
  public func percent(_ share: Double, decimals: Int = 1) -> String {
    number(share * 100, decimals: decimals) + (language == .de ? " %" : "%")
  }
}
