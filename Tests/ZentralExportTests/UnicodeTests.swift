import Foundation
import Testing
import ZentralCore
import ZentralExport

#if canImport(FoundationXML)
import FoundationXML
import ZentralPlan
#endif

/// Names with every kind of troublesome Unicode, in every format: non-characters and control
/// characters never reach the output, bidirectional controls are closed where the name ends
/// (HTML: each name in `<bdi>`), and no Mermaid comment or directive comes from a name.
@Suite("Unicode in every format")
struct UnicodeTests {
  /// One export: a format with its view and renderer.
  struct Case: CustomTestStringConvertible, Sendable {
    var format: ExportFormat
    var view: ChartView
    var renderer: ChartRenderer

    var testDescription: String {
      "\(format.rawValue) \(view.rawValue)" + (renderer == .graphviz ? " (Graphviz)" : "")
    }

    func export(_ plan: Plan) throws -> String {
      try ExportFixtures.export(plan, format, ExportOptions(view: view, renderer: renderer))
    }

    /// Every format and view, SVG and HTML with both layouts (Graphviz when installed).
    static let all: [Case] = {
      var cases: [Case] = []
      for format in [ExportFormat.dot, .svg, .mermaid, .csv, .json] {
        for view in ChartView.allCases { cases.append(Case(format: format, view: view, renderer: .builtIn)) }
      }
      cases += [
        Case(format: .html, view: .target, renderer: .builtIn),
        Case(format: .md, view: .target, renderer: .builtIn),
      ]
      if Graphviz.isInstalled {
        cases += ChartView.allCases.map { Case(format: .svg, view: $0, renderer: .graphviz) }
        cases.append(Case(format: .html, view: .target, renderer: .graphviz))
      }
      return cases
    }()
  }

  /// The Krefeld plan with `decorate` applied to the name of every unit, task and family, the
  /// scenario and every dedicated reason.
  static func plan(_ decorate: (String) -> String) throws -> Plan {
    var plan = try ExportFixtures.plan("krefeld")
    plan.scenario = decorate(plan.scenario)
    for index in plan.org.indices { plan.org[index].name = decorate(plan.org[index].name) }
    for index in plan.units.indices { plan.units[index].name = decorate(plan.units[index].name) }
    for index in plan.tasks.indices {
      plan.tasks[index].name = decorate(plan.tasks[index].name)
      plan.tasks[index].reason.note = plan.tasks[index].reason.note.map(decorate)
    }
    for index in plan.families.indices { plan.families[index].name = decorate(plan.families[index].name) }
    return plan
  }

  /// The `<svg>` documents in `text` (one for SVG, the inline charts of the HTML report).
  static func svgDocuments(_ text: String, format: ExportFormat) -> [String] {
    guard format == .svg || format == .html else { return [] }
    var documents: [String] = []
    var rest = text[...]
    while let start = rest.range(of: "<svg"),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      documents.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return documents
  }

  /// Parses `text` in the format's own grammar where a parser is at hand.
  static func parse(_ text: String, _ format: ExportFormat, _ label: String) throws {
    switch format {
    case .svg, .html:
      for svg in svgDocuments(text, format: format) {
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(label): \(parser.parserError.map { "\($0)" } ?? "")")
      }
    case .csv:
      for row in try CSVReader.rows(text) { #expect(row.count == 6, "\(label): \(row)") }
    case .json:
      _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    case .mermaid:
      try MermaidChecks.validate(text)
    default:
      break
    }
  }

  @Test("Non-characters are dropped; SVG stays well-formed XML", arguments: Case.all)
  func nonCharacters(_ format: Case) throws {
    let hazards = [0xFFFE, 0xFFFF, 0x1_FFFE, 0x10_FFFF, 0xFDD0, 0xFDD1, 0xFDEF].map {
      Unicode.Scalar(UInt32($0))!
    }
    let plan = try Self.plan { name in
      var text = name
      text.unicodeScalars.insert(
        contentsOf: hazards, at: text.unicodeScalars.index(after: text.unicodeScalars.startIndex))
      return text
    }
    let text = try format.export(plan)
    for scalar in text.unicodeScalars {
      #expect(
        !hazards.contains(scalar),
        "\(format.testDescription): U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
    try Self.parse(text, format.format, format.testDescription)
  }

  @Test("Control characters (NUL, BEL, ESC, DEL, C1) never reach the output", arguments: Case.all)
  func controls(_ format: Case) throws {
    let hazards: [UInt32] = [0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9B]
    let plan = try Self.plan { name in
      "\u{1B}[31m" + name + String(String.UnicodeScalarView(hazards.map { Unicode.Scalar($0)! })) + "\u{0}"
    }
    let text = try format.export(plan)
    let bytes = Array(text.utf8)
    for byte in [UInt8(0x00), 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F] {
      #expect(!bytes.contains(byte), "\(format.testDescription): byte \(byte)")
    }
    #expect(
      !text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(format.testDescription): C1")
    // The names themselves survive, only the controls are gone.
    #expect(text.contains("31m"), "\(format.testDescription)")
    try Self.parse(text, format.format, format.testDescription)
  }

  @Test("An unclosed right-to-left override is closed where the name ends", arguments: Case.all)
  func bidiOverride(_ format: Case) throws {
    let plan = try Self.plan { $0 + " \u{202E}gnaL" }
    let text = try format.export(plan)
    let scalars = Array(text.unicodeScalars)
    var overrides = 0
    for (position, scalar) in scalars.enumerated() where scalar == "\u{202E}" {
      overrides += 1
      // The override covers the rest of the name, then is closed (PDF) before anything else.
      let after = String(String.UnicodeScalarView(scalars[(position + 1)...].prefix(5)))
      #expect(after == "gnaL\u{202C}", "\(format.testDescription): \(after.debugDescription)")
    }
    #expect(overrides > 0, "\(format.testDescription): the name is missing")
    // A closer with no opener (PDF, PDI) and marks are dropped outside HTML.
    let stray = try Self.plan { "\u{202C}\u{2069}\u{200F}" + $0 + "\u{2067}" }
    let strayText = try format.export(stray)
    var open = 0
    for line in strayText.split(separator: "\n") {
      for scalar in line.unicodeScalars {
        switch scalar {
        case "\u{2066}", "\u{2067}", "\u{2068}": open += 1
        case "\u{2069}":
          open -= 1
          #expect(open >= 0, "\(format.testDescription): PDI without isolate in \(line)")
        case "\u{202C}": Issue.record("\(format.testDescription): PDF without embedding in \(line)")
        case "\u{200F}":
          #expect(format.format == .html, "\(format.testDescription): RLM kept outside HTML")
        default: break
        }
      }
      #expect(open == 0, "\(format.testDescription): isolate left open in \(line)")
      open = 0
    }
    try Self.parse(strayText, format.format, format.testDescription)
  }

  /// Export fuzz finding (Fuzz/findings in docs/fuzzing.md): a line break inside a name split a
  /// DOT line in the middle of the name, leaving its override open on the first line.
  @Test("A line break inside a name never leaves a bidirectional control open on a line", arguments: Case.all)
  func lineBreakInsideOverride(_ format: Case) throws {
    let plan = try Self.plan { "\u{2068}\u{202E}" + $0 + "\n\r\u{2028}zweite Zeile" }
    let text = try format.export(plan)
    guard [.dot, .csv, .mermaid, .md].contains(format.format) else { return }
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      var embeddings = 0
      var isolates = 0
      for scalar in line.unicodeScalars {
        switch scalar {
        case "\u{202A}", "\u{202B}", "\u{202D}", "\u{202E}": embeddings += 1
        case "\u{202C}": embeddings -= 1
        case "\u{2066}", "\u{2067}", "\u{2068}": isolates += 1
        case "\u{2069}": isolates -= 1
        default: break
        }
      }
      #expect(
        embeddings == 0 && isolates == 0,
        "\(format.testDescription): open at the end of \(line.debugDescription)")
    }
  }

  @Test("Mermaid directives and comments from names are neutralised", arguments: Case.all)
  func mermaidDirectives(_ format: Case) throws {
    guard format.format == .mermaid || format.format == .md else { return }
    let plan = try Self.plan { "%%{init: {'theme': 'dark'}}%% " + $0 + " %% note" }
    let text = try format.export(plan)
    for line in text.split(separator: "\n") where line.contains("%%") {
      // Only the exporter's own comment line.
      #expect(line.hasPrefix("  %% zentral org chart"), "\(format.testDescription): \(line)")
    }
    #expect(text.contains(format.format == .md ? "%&#37;{init" : "#37;#37;{init"))
    if format.format == .mermaid { try MermaidChecks.validate(text) }
  }

  @Test("HTML report: every name from the plan is isolated in <bdi>")
  func htmlIsolation() throws {
    var number = 0
    let plan = try Self.plan { name in
      number += 1
      return "N\(number)N \u{202E}" + name
    }
    for renderer in [ChartRenderer.builtIn] + (Graphviz.isInstalled ? [.graphviz] : []) {
      let html = try ExportFixtures.export(plan, .html, ExportOptions(renderer: renderer))
      // Outside the inline SVG charts, the <title> and the style sheet's page header (a CSS
      // string), where HTML elements cannot go.
      var body = html
      for svg in Self.svgDocuments(html, format: .html) { body = body.replacing(svg, with: "") }
      body = body.replacing(#/<title>[^<]*</title>/#, with: "")
      body = body.replacing(#/<style>[^<]*</style>/#, with: "")
      let names = body.matches(of: #/N\d+N /#)
      #expect(names.count > 50)
      for name in names {
        let before = body[..<name.range.lowerBound].suffix(5)
        #expect(before == "<bdi>", "\(renderer): \(body[name.range]) not isolated: …\(before)")
      }
      // The override is closed inside the <bdi>, and the SVG charts still parse.
      #expect(!body.contains(#/\u{202E}[^\u{202C}<]*</bdi>/#))
      try Self.parse(html, .html, "\(renderer)")
    }
  }

  @Test("The cleaning rules of the escaping functions")
  func functions() {
    let nonCharacter = String(Character(Unicode.Scalar(UInt32(0xFFFE))!))
    #expect(Escape.csv("a\u{0}\u{7}\u{1B}b" + nonCharacter) == "ab")
    #expect(Escape.csv("\u{202E}abc") == "\u{202E}abc\u{202C}")
    #expect(Escape.csv("x\u{2067}y\u{202C}") == "x\u{2067}y\u{2069}")
    #expect(Escape.html("\u{200F}a") == "\u{200F}a")
    #expect(Escape.xml("\u{200F}a" + nonCharacter) == "a")
    #expect(Escape.mermaid("50 %%") == "50 #37;#37;")
    #expect(Escape.markdown("50 %% x") == "50 %&#37; x")
    #expect(Escape.markdown("5 %") == "5 %")
    #expect(Escape.dot("a\u{2028}b\u{85}") == "a b")
    #expect(Escape.json("a\"\\\t\n\u{0}/é") == #""a\"\\\t\n/é""#)
    #expect(Escape.plain("\u{202D}x\u{2066}y") == "\u{202D}x\u{2066}y\u{2069}\u{202C}")
  }
}
