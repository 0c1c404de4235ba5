/// Reads numbers as spreadsheets in a German (or English) locale write them: `4,5`, `1.234,5`,
/// `80.000`, `80000 €`, `1,00E+05`; also `4.5` and `1,234.5`.
///
/// When a number has both, the last of `,` and `.` is the decimal separator. A separator that
/// occurs more than once groups thousands (`1.234.567`, `1,234,567`). A single one followed by
/// exactly three digits (`1.500`, `1,500`) is read as the file's locale means it: in a `;`- or
/// tab-separated (German Excel) file the dot groups thousands and the comma is a decimal comma; in
/// a `,`-separated (English) file it is the other way round. Any other single `,` or `.` is a
/// decimal separator.
///
/// It is the one owner of how numbers are written in German and English: the importer reads cells
/// with it, the scenario loader uses it to recognise a German number in YAML (where `1,5` and
/// `78.000` do not mean what a German reader means) and to say what was meant, and both write the
/// limits in their messages with ``written(_:germanFile:)``.
enum LocaleNumber {
  /// The number in `text`, or `nil` when it is not one. `germanFile` is false for `,`-separated files.
  static func parse(_ text: String, germanFile: Bool) -> Double? {
    var body = String(text.unicodeScalars.filter { !isGroupSpace($0) })
    for unit in ["€", "EUR", "Eur", "eur"] {
      if body.hasSuffix(unit) { body.removeLast(unit.count) }
      if body.hasPrefix(unit) { body.removeFirst(unit.count) }
    }
    var sign = ""
    if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
      sign = first == "+" ? "" : "-"
      body.removeFirst()
    }
    var exponent = ""
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = String(body[e...])
      body = String(body[..<e])
      let digits = exponent.dropFirst().drop { $0 == "+" || $0 == "-" }
      guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    }
    guard let mantissa = plainDecimal(body, germanFile: germanFile) else { return nil }
    guard let value = Double(sign + mantissa + exponent), value.isFinite else { return nil }
    return value
  }

  /// `body` (digits with `,` and `.`) as digits with at most one `.` decimal point.
  private static func plainDecimal(_ body: String, germanFile: Bool) -> String? {
    guard !body.isEmpty, body.allSatisfy({ $0.isASCIIDigit || $0 == "," || $0 == "." }) else { return nil }
    let commas = body.filter { $0 == "," }.count
    let dots = body.filter { $0 == "." }.count
    let decimal: Character?
    let grouping: Character?
    switch (commas, dots) {
    case (0, 0):
      decimal = nil
      grouping = nil
    case (_, 0):
      // "4,5" (decimal comma) or "1,234,567" (English thousands).
      let thousands = commas > 1 || (!germanFile && isGrouped(body, by: ","))
      decimal = thousands ? nil : ","
      grouping = thousands ? "," : nil
    case (0, _):
      let thousands = dots > 1 || (germanFile && isGrouped(body, by: "."))
      decimal = thousands ? nil : "."
      grouping = thousands ? "." : nil
    default:
      // Both: the last one is the decimal separator, the other groups thousands.
      let lastComma = body.lastIndex(of: ",")!
      let lastDot = body.lastIndex(of: ".")!
      decimal = lastComma > lastDot ? "," : "."
      grouping = lastComma > lastDot ? "." : ","
    }
    var integer = body
    var fraction = ""
    if let decimal {
      guard body.filter({ $0 == decimal }).count == 1 else { return nil }
      let split = body.split(separator: decimal, omittingEmptySubsequences: false)
      integer = String(split[0])
      fraction = String(split[1])
      guard fraction.allSatisfy(\.isASCIIDigit) else { return nil }
    }
    if let grouping, integer.contains(grouping) {
      guard isGrouped(integer, by: grouping) else { return nil }
      integer.removeAll { $0 == grouping }
    }
    guard integer.allSatisfy(\.isASCIIDigit), !(integer.isEmpty && fraction.isEmpty) else { return nil }
    return (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// Whether `text` is digits grouped in threes by `separator`: `1.234`, `12.345.678` (the first
  /// group 1 to 3 digits, not starting with 0: `0.500` is a decimal, not five hundred).
  static func isGrouped(_ text: some StringProtocol, by separator: Character) -> Bool {
    let groups = text.split(separator: separator, omittingEmptySubsequences: false)
    guard groups.count > 1, let first = groups.first, (1...3).contains(first.count), first.first != "0"
    else { return false }
    return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
      && groups.dropFirst().allSatisfy { $0.count == 3 }
  }

  /// Whether `text` is one group of thousands written with a point, such as `75.000`: a German
  /// writer means seventy-five thousand, YAML and JSON read seventy-five.
  static func isThousandsWithPoint(_ text: String) -> Bool {
    text.filter { $0 == "." }.count == 1 && isGrouped(text, by: ".")
  }

  /// The value of `text` when it is a number written the German way, which YAML and JSON cannot
  /// read as meant: with a decimal comma (`4,5`, `82.000,00`, `1 234,5`) or with more than one
  /// thousands point (`1.200.000`); `nil` for anything else.
  static func germanValue(_ text: String) -> Double? {
    let dots = text.filter { $0 == "." }.count
    let trimmed = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let separated =
      trimmed.first?.isASCIIDigit == true && trimmed.contains(",")
      && trimmed.allSatisfy { $0.isASCIIDigit || $0 == "," || $0 == "." || $0 == "'" || $0 == " " }
    guard separated || (dots > 1 && !text.contains(",")) else { return nil }
    return parse(text, germanFile: true)
  }

  /// `value` as a person writes it: thousands of a whole number grouped (`1,000,000` in English,
  /// `1.000.000` in German), decimals with a point in English and a comma in German (`0,001`).
  static func written(_ value: Double, germanFile: Bool) -> String {
    var text = ScenarioWriter.decimal(value)
    if value >= 1_000, value == value.rounded(), !text.contains("e") {
      var digits = Array(text)
      var index = digits.count - 3
      while index > 0 {
        digits.insert(",", at: index)
        index -= 3
      }
      text = String(digits)
    }
    guard germanFile else { return text }
    return String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
  }

  /// Spaces that spreadsheets put between thousands.
  private static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "'"
  }
}

extension Character {
  /// Whether the character is one of the ASCII digits 0-9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
