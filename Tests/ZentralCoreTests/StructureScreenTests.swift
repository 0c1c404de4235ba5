import Testing
import ZentralCore

/// The pre-parse screen must refuse anchors, aliases, tags, collection keys and deep nesting, and
/// must not mistake ordinary text for them.
@Suite("Scenario loader: structure screen")
struct StructureScreenTests {
  private func problems(_ text: String) -> [String] {
    do {
      _ = try ScenarioLoader.load(text: text, fileName: "s.yaml")
      return []
    } catch {
      return error.diagnostics.filter(\.isError).map(\.description)
    }
  }

  private static let units = """
    units:
      - {id: stadt, name: Stadt, kind: administration}

    """

  @Test("ordinary text with &, *, !, ?, quotes and colons is not mistaken for YAML structure")
  func noFalseAlarms() {
    let text = """
      format: zentral/1
      name: Bau & Verkehr *neu* — Wer? Was! R&D 100%   # a comment with &anchor and *alias
      horizon: {start: 2025, years: 3}
      units:
        - id: stadt
          kind: administration
          name: Stadt Bürger's Büro, "Zitat" & mehr
        - id: amt
          name: 'It''s *quoted* &text: with colon'
          kind: staff
          parent: stadt
        - id: amt2
          name: "double \\" *quoted* &text"
          kind: staff
          parent: stadt
        - id: amt3
          name: Ein langer Name,
            *der* &weiter geht über
            zwei Zeilen
          kind: staff
          parent: stadt
        - {id: amt4, name: "a: [b] {c} &d *e", kind: staff, parent: stadt}
        - {id: amt5, name: Link http://example.org/a?b=c#x, kind: staff,
           parent: stadt}
      families: []
      tasks: []
      policy:
        together: []
      """
    #expect(problems(text) == [])
  }

  @Test("block scalars may hold lines that start with * & ! ? [ or quotes")
  func blockScalars() {
    let text = """
      format: zentral/1
      name: Teststadt
      horizon: {start: 2025, years: 3}
      units:
        - {id: stadt, name: Stadt, kind: administration, cost_per_fte: 70000}
      families: [{id: f, name: F, providers: []}]
      tasks:
        - id: t
          name: Aufgabe
          family: f
          unit: stadt
          fte: 0
          dedicated: true
          reason: |
            *Nur* hier:
            &amp; !wichtig
            ? nicht verschieben
            [Ratsbeschluss] 'offen
          divisible: false
      """
    #expect(problems(text) == [])
  }

  @Test(
    "anchors, aliases, tags and collection keys are refused where they stand",
    arguments: [
      ("name: &n Stadt", "s.yaml:1:7: the YAML anchor '&n' is not supported"),
      ("name: *n", "s.yaml:1:7: the YAML alias '*n' is not supported"),
      ("name: !!str Stadt", "s.yaml:1:7: the YAML tag '!!str' is not supported"),
      ("units: [{id: a}, &u {id: b}]", "s.yaml:1:18: the YAML anchor '&u' is not supported"),
      ("units:\n  - *u", "s.yaml:2:5: the YAML alias '*u' is not supported"),
      ("? name\n: Stadt", "s.yaml:1:1: the explicit key indicator '?' is not supported"),
      ("[a, b]: c", "s.yaml:1:7: a list or mapping is used as a key"),
      ("x: {[a]: 1}", "s.yaml:1:8: a list or mapping is used as a key"),
      ("'q': &a 1", "s.yaml:1:6: the YAML anchor '&a' is not supported"),
      ("a:\n  - b: |\n      text\n  - &x c", "s.yaml:4:5: the YAML anchor '&x' is not supported"),
    ])
  func refusals(text: String, expected: String) {
    let result = problems(text)
    #expect(result.count == 1)
    #expect(result.first?.hasPrefix(expected) == true, "\(result)")
  }

  @Test("nesting up to the limit is parsed, one level more is refused")
  func nestingLimit() {
    let depth = ScenarioLoader.nestingLimit - 1  // the top-level mapping is one level
    let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(problems("x: " + nested).first?.contains("nested more than") != true)
    let deeper = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
    #expect(problems("x: " + deeper).first?.contains("nested more than 32 levels deep") == true)
  }
}
