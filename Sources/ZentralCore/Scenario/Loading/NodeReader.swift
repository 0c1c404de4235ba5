import Yams

/// Reads values out of a composed YAML tree for ``ScenarioDecoder``: every value that is missing,
/// of the wrong type or out of range becomes a ``Diagnostic`` (reading goes on, so that all problems
/// are found), and the place of every value read is remembered by its key path for later checks.
final class NodeReader {
  /// The file name used in diagnostics.
  let file: String
  /// The file each line of the tree comes from: one file, or a variant and its bases
  /// (``SourceLines``); diagnostics name the file of the mark they are placed at.
  var sources: SourceLines
  /// The problems found so far.
  private(set) var diagnostics: [Diagnostic] = []
  /// The index in ``sources`` of the file of each diagnostic, for sorting.
  private var diagnosticSources: [Int] = []
  /// Paths of keys written with an empty value (`cost_per_fte:` or `cost_per_fte: ~`), which
  /// read as not given.
  private var emptyValues: Set<String> = []
  /// The places of the keys and values of each mapping read, by the mapping's key path: the
  /// source map that puts later diagnostics (`tasks[3].unit`) at their line and column. One entry
  /// per mapping and per list keeps it cheap for files with thousands of tasks.
  private var mappings: [String: MappingPlaces] = [:]
  /// The places of the elements of each list read, by the list's key path.
  private var lists: [String: [Mark?]] = [:]
  /// More diagnostics than this are counted, not kept.
  private let diagnosticLimit = 1000
  private var droppedDiagnostics = 0

  /// Creates a reader for the file named `file`.
  init(file: String) {
    self.file = file
    self.sources = SourceLines(file: file)
  }

  // MARK: Reporting

  /// Records an error at `path`, placed at `mark` (or at the nearest enclosing value read).
  func error(_ path: String, at mark: Mark? = nil, _ message: String) {
    report(.error, path, at: mark, message)
  }

  /// Records a warning at `path`, placed at `mark` (or at the nearest enclosing value read).
  func warning(_ path: String, at mark: Mark? = nil, _ message: String) {
    report(.warning, path, at: mark, message)
  }

  private func report(_ severity: Diagnostic.Severity, _ path: String, at mark: Mark?, _ message: String) {
    guard diagnostics.count < diagnosticLimit else {
      droppedDiagnostics += 1
      return
    }
    let at = mark ?? self.mark(of: path)
    let place = at.map { sources.place(of: $0) }
    diagnostics.append(
      Diagnostic(
        file: place?.file ?? file, line: place?.line, column: place?.column, path: path, message: message,
        severity: severity))
    diagnosticSources.append(at.map { sources.index(ofLine: $0.line) } ?? 0)
  }

  /// Records a diagnostic placed by line and column (a problem found before the YAML tree exists, in a
  /// base file of a variant).
  func add(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    diagnosticSources.append(sources.sources.lastIndex { $0.file == diagnostic.file } ?? 0)
  }

  /// All diagnostics in the order of their place in the file, with a last line counting any that
  /// were left out.
  func sortedDiagnostics() -> [Diagnostic] {
    let sources = diagnosticSources
    var sorted = diagnostics.enumerated().sorted { lhs, rhs in
      let left = (sources[lhs.offset], lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
      let right = (sources[rhs.offset], rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
    if droppedDiagnostics > 0 {
      sorted.append(
        Diagnostic(
          file: file, message: "\(droppedDiagnostics) more problems are not listed; fix the ones above first")
      )
    }
    return sorted
  }

  /// The places in one mapping: where it starts, and each key and value.
  private struct MappingPlaces {
    var mark: Mark?
    var entries: [(key: String, keyMark: Mark?, valueMark: Mark?)]
  }

  /// The key and value places of the entry at `path` (`tasks[3].unit`), if that is a mapping entry
  /// that was read. Keys may contain dots (`centres.it.nrw`), so every split is tried.
  private func entry(_ path: String) -> (keyMark: Mark?, valueMark: Mark?)? {
    var cut = path.endIndex
    while true {
      let base = cut == path.endIndex ? "" : String(path[..<cut])
      let key = cut == path.endIndex ? path : String(path[path.index(after: cut)...])
      if let places = mappings[base], let found = places.entries.first(where: { $0.key == key }) {
        return (found.keyMark, found.valueMark)
      }
      guard let dot = path[..<cut].lastIndex(of: ".") else { return nil }
      cut = dot
    }
  }

  /// The place of the value at `path`, or of the nearest enclosing value that was read.
  func mark(of path: String) -> Mark? {
    if let places = mappings[path] { return places.mark }
    if path.hasSuffix("]"), let open = path.lastIndex(of: "["),
      let index = Int(path[path.index(after: open)..<path.index(before: path.endIndex)])
    {
      let base = String(path[..<open])
      if let marks = lists[base], marks.indices.contains(index), let mark = marks[index] { return mark }
      return mark(of: base)
    }
    if let found = entry(path), let mark = found.valueMark ?? found.keyMark { return mark }
    guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return mappings[""]?.mark }
    return mark(of: String(path[..<cut]))
  }

  /// Whether a key at `path` was written in the file (whatever its value).
  func hasKey(_ path: String) -> Bool { entry(path) != nil }

  /// Whether the key at `path` was written with an empty value (which reads as not given).
  func isEmpty(_ path: String) -> Bool { emptyValues.contains(path) }

  /// The place of the key that ends `path` (for a value given under a wrong key), or of the value.
  func keyMark(of path: String) -> Mark? { entry(path)?.keyMark ?? mark(of: path) }

  // MARK: Paths

  /// The path of `key` inside the mapping at `base`.
  static func member(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }

  /// The path of element `index` (from 0) of the list at `base`.
  static func element(_ base: String, _ index: Int) -> String { base + "[\(index)]" }

  // MARK: Describing values

  /// How a value found in the file is named in a message: `'abc'`, `-2`, `a list`.
  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      switch ScalarValue.of(scalar) {
      case .null: return "an empty value"
      case .bool, .number, .notFinite: return Self.shorten(scalar.string)
      case .text(let text): return "'\(Self.shorten(text))'"
      }
    }
  }

  /// `text`, cut to at most 40 characters, on one line.
  static func shorten(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return line.count > 40 || line.count < text.count ? String(line.prefix(40)) + "…" : line
  }

  // MARK: Structure

  /// The entries of a mapping of the given shape; reports unknown keys (with a suggestion), missing
  /// required keys and a value that is not a mapping.
  func mapping(_ node: Node, path: String, shape: ObjectShape) -> MappingReader? {
    guard case .mapping(let mapping) = node else {
      error(path, at: node.mark, "\(describe(node)) is not \(shape.noun); \(shape.summary)")
      return nil
    }
    record(mapping, at: path)
    var entries: [String: Node] = [:]
    var present: Set<String> = []
    var previous: (key: String, value: Node)?
    for (keyNode, value) in mapping {
      defer { previous = keyNode.scalar.map { ($0.string, value) } }
      guard case .scalar(let keyScalar) = keyNode else {
        error(path, at: keyNode.mark, "\(describe(keyNode)) is used as a key; keys are plain names")
        continue
      }
      let key = keyScalar.string
      if let previous, let advice = Self.decimalComma(previous.value, keyNode, value) {
        // `{fte: 1,5}`: YAML reads `fte: 1` and a key `5`; the value of fte is not 1.
        error(Self.member(path, previous.key), at: previous.value.mark, advice)
        entries[previous.key] = nil
        continue
      }
      guard shape.keys.contains(key) else {
        let hint = Suggestion.closest(to: key, among: shape.keys).map { "did you mean '\($0)'?" }
        error(
          path, at: keyNode.mark,
          "unknown key '\(Self.shorten(key))'; " + (hint ?? "\(shape.noun) has the keys \(shape.keyList)"))
        continue
      }
      present.insert(key)
      if case .scalar(let scalar) = value, ScalarValue.isNull(scalar) {
        emptyValues.insert(Self.member(path, key))
        if let hint = shape.required[key] {
          error(Self.member(path, key), at: keyNode.mark, "'\(key)' is empty; \(hint)")
        }
        continue
      }
      entries[key] = value
    }
    for key in shape.keys where shape.required[key] != nil && !present.contains(key) {
      error(path, at: node.mark, "missing required key '\(key)'; \(shape.required[key]!)")
    }
    return MappingReader(path: path, mark: node.mark, entries: entries)
  }

  /// The elements of a list, or `nil` (reported) when the value is not a list.
  func list(_ node: Node, path: String, expected: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error(path, at: node.mark, "\(describe(node)) is not a list; \(expected)")
      return nil
    }
    lists[path] = sequence.map(\.mark)
    return Array(sequence)
  }

  /// The entries of a mapping keyed by ids (`centres`, `at`), in file order.
  func keyedEntries(_ node: Node, path: String, expected: String) -> [(key: String, value: Node)]? {
    guard case .mapping(let mapping) = node else {
      error(path, at: node.mark, "\(describe(node)) is not a mapping; \(expected)")
      return nil
    }
    record(mapping, at: path)
    var entries: [(key: String, value: Node)] = []
    for (keyNode, value) in mapping {
      guard case .scalar(let keyScalar) = keyNode else {
        error(path, at: keyNode.mark, "\(describe(keyNode)) is used as a key; keys are plain names")
        continue
      }
      if let previous = entries.last, let advice = Self.decimalComma(previous.value, keyNode, value) {
        // `{2025: 1,5}`: YAML reads `2025: 1` and a key `5`.
        error(Self.member(path, previous.key), at: previous.value.mark, advice)
        entries.removeLast()
        continue
      }
      entries.append((keyScalar.string, value))
    }
    return entries
  }

  /// The advice for a number with a decimal comma in a flow mapping (`{fte: 1,5}`), which YAML
  /// reads as the value `1` and a key `5` without a value; `nil` when `value` followed by `key`
  /// is not that. The key must stand right after the value and a comma (no space), as the places
  /// of the two scalars in the source text show.
  static func decimalComma(_ value: Node, _ key: Node, _ keyValue: Node) -> String? {
    guard case .scalar(let number) = value, number.style == .plain || number.style == .any,
      case .scalar(let fraction) = key, fraction.style == .plain || fraction.style == .any,
      case .scalar(let empty) = keyValue, ScalarValue.isNull(empty),
      case .number = ScalarValue.of(number),
      !fraction.string.isEmpty, fraction.string.allSatisfy(\.isASCIIDigit),
      let valueMark = value.mark, let keyMark = key.mark, valueMark.line == keyMark.line,
      keyMark.column == valueMark.column + number.string.count + 1
    else { return nil }
    let text = number.string + "," + fraction.string
    return localNumberAdvice(text)
  }

  /// Remembers where a mapping and its keys and values stand.
  private func record(_ mapping: Node.Mapping, at path: String) {
    mappings[path] = MappingPlaces(
      mark: mapping.mark,
      entries: mapping.compactMap { key, value in
        guard case .scalar(let scalar) = key else { return nil }
        return (scalar.string, key.mark, value.mark)
      })
  }

  // MARK: Scalars

  /// A text value; numbers and truth values count as the text they are written as.
  func text(_ node: Node, path: String, expected: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error(path, at: node.mark, "\(describe(node)) is not text; \(expected)")
      return nil
    }
    if ScalarValue.isNull(scalar) {
      error(path, at: node.mark, "the value is empty; \(expected)")
      return nil
    }
    return scalar.string
  }

  /// An identifier: 1 to 64 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit.
  /// A malformed id is reported but returned, so that references to it still resolve.
  func identifier(_ node: Node, path: String, expected: String) -> String? {
    guard let id = text(node, path: path, expected: expected) else { return nil }
    if !Self.isIdentifier(id) {
      error(
        path, at: node.mark,
        "'\(Self.shorten(id))' is not a valid id; an id has 1 to 64 characters (ASCII letters, digits, "
          + "'-', '_', '.') and starts with a letter or digit")
    }
    return id
  }

  /// Whether `id` matches `^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`.
  static func isIdentifier(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard (1...64).contains(bytes.count) else { return false }
    func isAlphanumeric(_ byte: UInt8) -> Bool {
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    return isAlphanumeric(bytes[0])
      && bytes.allSatisfy {
        isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
      }
  }

  /// A display name: 1 to ``ScenarioDecoder/longestName`` (200) characters.
  func name(_ node: Node, path: String, expected: String) -> String? {
    guard let name = text(node, path: path, expected: expected) else { return nil }
    let longest = ScenarioDecoder.longestName
    if name.allSatisfy(\.isWhitespace) {
      error(path, at: node.mark, "the name is blank; a name has 1 to \(longest) characters")
    } else if name.utf8.count > longest && !name.dropFirst(longest).isEmpty {
      let count = name.utf8.count > 10_000 ? "more than \(longest)" : "\(name.count)"
      error(path, at: node.mark, "the name has \(count) characters; a name has at most \(longest)")
    }
    return name
  }

  /// One of the raw values of `T`, with a suggestion for a misspelt one.
  func choice<T: RawRepresentable & CaseIterable>(
    _ node: Node, path: String, noun: String, as type: T.Type
  ) -> T? where T.RawValue == String {
    let options = T.allCases.map(\.rawValue)
    let list = options.joined(separator: ", ")
    guard let raw = text(node, path: path, expected: "\(noun) is one of \(list)") else { return nil }
    if let value = T(rawValue: raw) { return value }
    let hint = Suggestion.closest(to: raw, among: options).map { "did you mean '\($0)'? " } ?? ""
    error(path, at: node.mark, "'\(Self.shorten(raw))' is not \(noun); \(hint)\(noun) is one of \(list)")
    return nil
  }

  /// `true` or `false`.
  func bool(_ node: Node, path: String, expected: String) -> Bool? {
    if case .scalar(let scalar) = node, case .bool(let value) = ScalarValue.of(scalar) {
      return value
    }
    error(path, at: node.mark, "\(describe(node)) is not true or false; \(expected)")
    return nil
  }

  /// A finite number in the range of `quantity` (see ``Quantity``).
  ///
  /// A money amount written like `78.000` (a German thousands separator, which YAML reads as a
  /// decimal point) is an error that says what was probably meant; a workload written so is a
  /// warning, since `1.500` FTE may well be meant.
  func number(_ node: Node, path: String, expected: String, quantity: Quantity) -> Double? {
    guard case .scalar(let scalar) = node else {
      error(path, at: node.mark, "\(describe(node)) is not a number; \(expected)")
      return nil
    }
    let raw = Self.shorten(scalar.string)
    switch ScalarValue.of(scalar) {
    case .number(let value):
      if !value.isFinite {
        error(path, at: node.mark, "\(raw) is too large to be a number; \(expected)")
        return nil
      }
      let violation = quantity.violation(of: value)
      if violation == .negative {
        error(path, at: node.mark, "\(raw) is negative; \(expected)")
        return nil
      }
      if LocaleNumber.isThousandsWithPoint(scalar.string) {
        let meant = raw.filter { $0 != "." }
        let grouped = String(raw.map { $0 == "." ? "," : $0 })
        if quantity.isMoney {
          let plausible = quantity == .costPerFTE ? "a post costs \(Quantity.typicalCost()); " : ""
          error(
            path, at: node.mark,
            "\(raw) reads as \(quantity.amount(value)); \(plausible)if you meant \(grouped), write \(meant) "
              + "(a point in a number is a decimal point)")
          return nil
        }
        warning(
          path, at: node.mark,
          "\(raw) reads as \(ScenarioWriter.decimal(value)); if a thousands separator was meant, write "
            + "\(meant) without the point")
      }
      switch violation {
      case .aboveHighest where quantity == .share:
        error(path, at: node.mark, "\(raw) is more than 1; \(expected)")
      case .aboveHighest:
        error(
          path, at: node.mark,
          "\(raw) is more than \(quantity.amount(quantity.highest)), the most a scenario may give; \(expected)"
        )
      case .belowLowest where quantity == .costPerFTE:
        error(
          path, at: node.mark,
          "\(raw) reads as \(quantity.amount(value)); a post costs \(Quantity.typicalCost()); write the "
            + "full amount in EUR, such as 78000")
      case .belowLowest:
        error(
          path, at: node.mark,
          "\(raw) is more than 0 but less than \(quantity.amount(quantity.lowest)), the least a scenario may "
            + "give; write 0 or at least \(LocaleNumber.written(quantity.lowest, germanFile: false))")
      case .negative, nil:
        return value == 0 ? 0 : value
      }
      return nil
    case .notFinite:
      error(path, at: node.mark, "\(raw) is not a finite number; \(expected)")
    case .null:
      error(path, at: node.mark, "the value is empty; \(expected)")
    case .bool:
      error(path, at: node.mark, "\(raw) is not a number; \(expected)")
    case .text(let text):
      if case .number = ScalarValue.plain(text) {
        error(
          path, at: node.mark,
          "'\(raw)' is in quotes, so it is text, not a number; write \(raw) without quotes")
      } else if let advice = Self.localNumberAdvice(text) {
        error(path, at: node.mark, advice)
      } else {
        error(path, at: node.mark, "'\(raw)' is not a number; \(expected)")
      }
    }
    return nil
  }

  /// What to write instead of a number in German notation: `1,5 has a decimal comma; write
  /// decimals with a point: 1.5`, or `nil` when `text` is no such number (``LocaleNumber/germanValue(_:)``).
  static func localNumberAdvice(_ text: String) -> String? {
    guard let value = LocaleNumber.germanValue(text) else { return nil }
    let shown = shorten(text)
    let plain = ScenarioWriter.decimal(value)
    let commas = text.filter { $0 == "," }.count
    let dots = text.filter { $0 == "." }.count
    if commas == 1 && dots == 0 {
      if let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].count == 3 {
        let whole = text.filter { $0 != "," }
        return
          "\(shown) has a comma; write decimals with a point (\(plain)) and thousands without a separator "
          + "(\(whole))"
      }
      return "\(shown) has a decimal comma; write decimals with a point: \(plain)"
    }
    return
      "'\(shown)' is written with German separators; write \(plain) (a decimal point, no thousands separators)"
  }

  /// A whole number in `range` (years, numbers of years).
  func wholeNumber(_ node: Node, path: String, expected: String, range: ClosedRange<Int>) -> Int? {
    guard case .scalar(let scalar) = node, case .number(let value) = ScalarValue.of(scalar) else {
      if case .scalar(let scalar) = node, case .text(let text) = ScalarValue.of(scalar),
        case .number = ScalarValue.plain(text)
      {
        error(
          path, at: node.mark,
          "'\(Self.shorten(text))' is in quotes, so it is text, not a number; write \(text) without quotes")
      } else {
        error(path, at: node.mark, "\(describe(node)) is not a whole number; \(expected)")
      }
      return nil
    }
    let raw = Self.shorten(scalar.string)
    guard value.isFinite, value == value.rounded(), abs(value) < 1e9 else {
      error(path, at: node.mark, "\(raw) is not a whole number; \(expected)")
      return nil
    }
    let whole = Int(value)
    if whole < range.lowerBound {
      error(path, at: node.mark, "\(raw) is less than \(range.lowerBound); \(expected)")
      return nil
    }
    if whole > range.upperBound {
      error(path, at: node.mark, "\(raw) is more than \(range.upperBound); \(expected)")
      return nil
    }
    return whole
  }
}
