import Foundation
import Testing
import ZentralCore
import ZentralExport

#if canImport(FoundationXML)
import FoundationXML
import ZentralPlan
#endif

/// Names from user files in every output format: a hostile name shows as text and never becomes
/// markup, a formula, a DOT escape or Mermaid syntax.
@Suite("Escaping of hostile names")
struct EscapingTests {
  static let script = "<script>alert(1)</script>"
  static let quotes = #"Amt "Nord" \N back\slash & Co"#
  static let formula = "=HYPERLINK(\"http://x\",\"y\")"

  /// The Krefeld plan with hostile names for the scenario, a division, a department, a central
  /// unit, a shared provider, a family and tasks.
  static func hostilePlan() throws -> Plan {
    var plan = try ExportFixtures.plan("krefeld")
    plan.scenario = script + " " + quotes
    let renamed: [String: String] = [
      "fb20": script, "dez-i": quotes, "fb-egov": "+SUM(A1:A9)", "krzn": "@cmd|' /C calc'!A0",
      "fb40": formula,
      "fb50": "-2+3 | #x; `code` [link](y)", "zgm": "Tab\there\r\nnew line",
    ]
    for index in plan.org.indices {
      plan.org[index].name = renamed[plan.org[index].id] ?? plan.org[index].name
    }
    for index in plan.units.indices {
      plan.units[index].name = renamed[plan.units[index].id] ?? plan.units[index].name
    }
    for index in plan.tasks.indices where index % 3 == 0 { plan.tasks[index].name = script + " #\(index)" }
    for index in plan.families.indices { plan.families[index].name = quotes + " " + script }
    return plan
  }

  @Test("HTML report: names are text, no markup from user files")
  func html() throws {
    let plan = try Self.hostilePlan()
    for renderer in [ChartRenderer.builtIn] + (Graphviz.isInstalled ? [.graphviz] : []) {
      let html = try ExportFixtures.export(plan, .html, ExportOptions(renderer: renderer))
      #expect(!html.lowercased().contains("<script"))
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!html.contains("Amt \"Nord\""))
      #expect(html.contains("Content-Security-Policy"))
    }
  }

  @Test("SVG (built-in and Graphviz): names are escaped text, the document is well-formed XML")
  func svg() throws {
    let plan = try Self.hostilePlan()
    for renderer in [ChartRenderer.builtIn] + (Graphviz.isInstalled ? [.graphviz] : []) {
      for view in ChartView.allCases {
        let svg = try ExportFixtures.export(plan, .svg, ExportOptions(view: view, renderer: renderer))
        #expect(!svg.lowercased().contains("<script"), "\(renderer) \(view)")
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(renderer) \(view)")
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(renderer) \(view): \(parser.parserError.map { "\($0)" } ?? "")")
      }
    }
  }

  @Test("DOT: quotes and backslashes escaped; Graphviz shows the names literally")
  func dot() throws {
    let plan = try Self.hostilePlan()
    let dot = try ExportFixtures.export(plan, .dot, ExportOptions(view: .changes))
    // Quoted strings (graph label): \" and \\ ; HTML-like labels: &quot; and \\.
    #expect(dot.contains(#"Amt \"Nord\" \\N back\\slash &amp; Co"#))
    #expect(dot.contains(#"Amt &quot;Nord&quot; \\N back\\slash &amp; Co"#))
    // Inside HTML-like labels markup characters are entities.
    #expect(dot.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    guard Graphviz.isInstalled else { return }
    let result = try ExportFixtures.runDot(dot)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "dot: \(result.errors)")
    // \N stays text (not the node name) and the quotes survive.
    #expect(result.svg.contains(#"Amt &quot;Nord&quot; \N back\slash &amp; Co"#))
    #expect(result.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!result.svg.contains("<script"))
  }

  @Test("CSV: formula cells neutralised, fields quoted per RFC 4180, six columns everywhere")
  func csv() throws {
    let plan = try Self.hostilePlan()
    for view in ChartView.allCases {
      let csv = try ExportFixtures.export(plan, .csv, ExportOptions(view: view))
      let rows = try CSVReader.rows(csv)
      #expect(rows.first == ["ID", "Name", "Reports To", "Kind", "FTE", "Annual cost"])
      for row in rows { #expect(row.count == 6, "\(row)") }
      let names = rows.map { $0[1] }
      for name in names { #expect(!"=+-@\t\r".contains(name.first ?? " "), "\(name)") }
      #expect(names.contains("'" + Self.formula))
      #expect(names.contains("'+SUM(A1:A9)"))
      #expect(names.contains("'@cmd|' /C calc'!A0"))
      #expect(names.contains("'-2+3 | #x; `code` [link](y)"))
      #expect(names.contains(Self.script))
      // A field stays on its line: tab, carriage return and line feed become spaces.
      #expect(names.contains("Tab here  new line"))
      #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
    }
  }

  @Test("Mermaid: labels quoted with entity codes, no raw quotes or markup")
  func mermaid() throws {
    let plan = try Self.hostilePlan()
    for view in ChartView.allCases {
      let text = try ExportFixtures.export(plan, .mermaid, ExportOptions(view: view))
      #expect(!text.contains("<script"))
      #expect(text.contains("#60;script#62;alert(1)#60;/script#62;"))
      #expect(text.contains("Amt #quot;Nord#quot; #92;N back#92;slash #38; Co"))
      try MermaidChecks.validate(text)
    }
  }

  @Test("Markdown: no markup, table cells keep their columns")
  func markdown() throws {
    let plan = try Self.hostilePlan()
    let text = try ExportFixtures.export(plan, .md)
    let outsideMermaid =
      text.components(separatedBy: "```mermaid")[0] + (text.components(separatedBy: "```\n").last ?? "")
    #expect(!outsideMermaid.contains("<script"))
    #expect(outsideMermaid.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(outsideMermaid.contains(##"-2+3 \| \#x; \`code\` \[link\](y)"##))
  }

  @Test("The escaping functions themselves")
  func functions() {
    #expect(Escape.html(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(Escape.dot(#"a "b" \N c&d"#) == #"a \"b\" \\N c&amp;d"#)
    #expect(Escape.dotHTML(#"<b> \G"#) == #"&lt;b&gt; \\G"#)
    #expect(Escape.mermaid(#"a "b" <c> #d"#) == "a #quot;b#quot; #60;c#62; #35;d")
    #expect(Escape.csv("=1+1") == "'=1+1")
    #expect(Escape.csv("-5") == "'-5")
    #expect(Escape.csv("\tx") == " x")
    #expect(Escape.csv("a\r\nb") == "a  b")
    #expect(Escape.dotHTML("a\nb\tc") == "a b c")
    #expect(Escape.csv("a,b") == "\"a,b\"")
    #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(Escape.csv("plain") == "plain")
    #expect(Escape.markdown("a|b *c*") == #"a\|b \*c\*"#)
  }
}

/// A strict RFC 4180 reader for the tests (CRLF records, quoted fields with doubled quotes).
enum CSVReader {
  struct Malformed: Error {}

  static func rows(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where atFieldStart: quoted = true
      case "\"": throw Malformed()
      case ",":
        row.append(field)
        field = ""
        atFieldStart = true
        continue
      case "\r":
        guard characters.popFirst() == "\n" else { throw Malformed() }
        row.append(field)
        rows.append(row)
        row = []
        field = ""
        atFieldStart = true
        continue
      case "\n": throw Malformed()
      default: field.unicodeScalars.append(scalar)
      }
      atFieldStart = false
    }
    guard field.isEmpty, row.isEmpty, !quoted else { throw Malformed() }
    return rows
  }
}
