import Foundation
import Testing
import ZentralCore
import ZentralExport
import ZentralPlan

/// Offline structure rules of a Mermaid flowchart as written by the exporter.
enum MermaidChecks {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Header, unique node ids, quoted and escaped labels, known ids in links, balanced
  /// subgraph/end, link styles that point at existing links.
  static func validate(_ text: String) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let header = lines.first, header.hasPrefix("flowchart ") else {
      throw Failure(description: "the first line is not a flowchart header: \(lines.first ?? "")")
    }
    let direction = header.dropFirst("flowchart ".count)
    guard ["LR", "TB", "TD", "RL", "BT"].contains(direction) else {
      throw Failure(description: "direction \(direction)")
    }
    let definition = try Regex(#"^\s*([A-Za-z][A-Za-z0-9_]*)(\[|\()"(.*)"(\]|\))$"#)
    let link = try Regex(
      #"^\s*([A-Za-z][A-Za-z0-9_]*) (-{3,}|-\.+-|-->\|"[^"]*"\|) ([A-Za-z][A-Za-z0-9_]*)$"#)
    let allowedTags = try Regex(#"</?(b|i)>|<br>"#)
    var ids = Set<String>()
    var depth = 0
    var links = 0
    var styled: [Int] = []
    for line in lines.dropFirst() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("%%") { continue }
      if trimmed.hasPrefix("subgraph ") {
        depth += 1
        continue
      }
      if trimmed == "end" {
        depth -= 1
        guard depth >= 0 else { throw Failure(description: "'end' without 'subgraph'") }
        continue
      }
      if let match = try definition.wholeMatch(in: line) {
        let id = String(match.output[1].substring!)
        guard ids.insert(id).inserted else { throw Failure(description: "node id \(id) defined twice") }
        guard id != "end", id != "subgraph" else { throw Failure(description: "reserved node id \(id)") }
        let label = String(match.output[3].substring!)
        guard !label.contains("\"") else { throw Failure(description: "raw quote in label of \(id)") }
        let bare = label.replacing(allowedTags, with: "")
        guard !bare.contains("<"), !bare.contains(">") else {
          throw Failure(description: "markup in label of \(id): \(label)")
        }
        continue
      }
      if let match = try link.wholeMatch(in: line) {
        for part in [match.output[1].substring!, match.output[3].substring!] where !ids.contains(String(part))
        {
          throw Failure(description: "link to unknown node \(part)")
        }
        links += 1
        continue
      }
      if trimmed.hasPrefix("classDef ") || trimmed.hasPrefix("class ") { continue }
      if trimmed.hasPrefix("linkStyle ") {
        let numbers = trimmed.split(separator: " ")[1].split(separator: ",").compactMap { Int($0) }
        styled += numbers
        continue
      }
      throw Failure(description: "unexpected line: \(line)")
    }
    guard depth == 0 else { throw Failure(description: "\(depth) subgraph(s) without 'end'") }
    guard styled.allSatisfy({ $0 < links }) else {
      throw Failure(description: "linkStyle beyond the \(links) links")
    }
  }
}

@Suite("Mermaid structure")
struct MermaidTests {
  @Test("Every seed plan and view gives a well-formed flowchart", arguments: ExportFixtures.seeds)
  func seeds(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    for view in ChartView.allCases {
      let text = try ExportFixtures.export(plan, .mermaid, ExportOptions(view: view))
      try MermaidChecks.validate(text)
      let boxes = text.split(separator: "\n").filter {
        !$0.contains("subgraph ") && ($0.contains("[\"") || $0.contains("(\""))
      }.count
      // The providers legend is one more box when the plan gives legal forms.
      let legend = plan.org.contains { $0.legalForm != nil } ? 1 : 0
      #expect(boxes == ExportFixtures.expectedBoxes(plan, view: view) + legend, "\(name) \(view)")
      #expect((legend == 1) == text.contains("providers[\"<b>Anbieter und Rechtsform</b>"), "\(name) \(view)")
    }
  }

  @Test("The checks catch broken charts")
  func checksFail() {
    #expect(throws: MermaidChecks.Failure.self) { try MermaidChecks.validate("graph LR\n  a[\"x\"]\n") }
    #expect(throws: MermaidChecks.Failure.self) {
      try MermaidChecks.validate("flowchart LR\n  a[\"x\"]\n  a[\"y\"]\n")
    }
    #expect(throws: MermaidChecks.Failure.self) {
      try MermaidChecks.validate("flowchart LR\n  a[\"say \"hi\"\"]\n")
    }
    #expect(throws: MermaidChecks.Failure.self) {
      try MermaidChecks.validate("flowchart LR\n  subgraph s [\" \"]\n  a[\"x\"]\n")
    }
    #expect(throws: MermaidChecks.Failure.self) {
      try MermaidChecks.validate("flowchart LR\n  a[\"<script>\"]\n")
    }
    #expect(throws: MermaidChecks.Failure.self) {
      try MermaidChecks.validate("flowchart LR\n  a[\"x\"]\n  a --- b\n")
    }
  }
}
