import Foundation
import Testing
import ZentralCore
import ZentralExport
import ZentralPlan

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The DOT output as Graphviz sees it: every seed plan and view renders without a warning, the
/// SVG has one box per unit and centre, and the München chart stays readable.
@Suite("Graphviz rendering", .enabled(if: Graphviz.isInstalled, "Graphviz 'dot' is not installed"))
struct GraphvizTests {
  @Test(
    "dot -Tsvg renders every view of every seed plan with an empty stderr", arguments: ExportFixtures.seeds)
  func renders(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    for view in ChartView.allCases {
      let source = try ExportFixtures.export(plan, .dot, ExportOptions(view: view))
      let result = try ExportFixtures.runDot(source)
      #expect(result.status == 0, "\(name) \(view)")
      #expect(result.errors.isEmpty, "\(name) \(view): \(result.errors)")
      let boxes = try SVGBoxes(result.svg)
      #expect(boxes.boxes.count == ExportFixtures.expectedBoxes(plan, view: view), "\(name) \(view)")
      #expect(boxes.overlaps.isEmpty, "\(name) \(view): overlapping boxes \(boxes.overlaps)")
    }
  }

  @Test("The München recommendation: width at most 4 times the height, no two boxes overlap")
  func muenchenReadable() throws {
    let plan = try ExportFixtures.plan("muenchen")
    let svg = try ExportFixtures.export(plan, .svg, ExportOptions(view: .target, renderer: .graphviz))
    let chart = try SVGBoxes(svg)
    #expect(chart.width <= 4 * chart.height, "\(chart.width) x \(chart.height)")
    #expect(chart.height <= 4 * chart.width, "\(chart.width) x \(chart.height)")
    #expect(chart.boxes.count == ExportFixtures.expectedBoxes(plan, view: .target))
    #expect(chart.boxes.count > plan.org.count)
    #expect(chart.overlaps.isEmpty, "overlapping boxes: \(chart.overlaps)")
  }

  @Test("The overlap check finds overlapping boxes")
  func overlapCheckWorks() throws {
    let svg = """
      <svg width="100pt" height="100pt"><g id="a" class="node orgbox"><rect x="0" y="0" width="50" height="50"/></g>
      <g id="b" class="node orgbox"><path d="M40,40 C40,40 90,40 90,90"/></g></svg>
      """
    #expect(try SVGBoxes(svg).overlaps.count == 1)
  }
}

/// The built-in layout keeps every box apart too.
@Suite("Built-in layout")
struct BuiltInLayoutTests {
  @Test("No overlaps and one box per unit and centre", arguments: ExportFixtures.seeds)
  func layout(name: String) throws {
    let plan = try ExportFixtures.plan(name)
    for view in ChartView.allCases {
      let svg = try ExportFixtures.export(plan, .svg, ExportOptions(view: view, renderer: .builtIn))
      let chart = try SVGBoxes(svg)
      #expect(chart.boxes.count == ExportFixtures.expectedBoxes(plan, view: view), "\(name) \(view)")
      #expect(chart.overlaps.isEmpty, "\(name) \(view): \(chart.overlaps)")
      #expect(XMLParser(data: Data(svg.utf8)).parse())
    }
  }
}
