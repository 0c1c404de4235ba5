import Foundation

/// The boxes of an org chart SVG (Graphviz's or the built-in layout's): every `<g>` whose class
/// contains `orgbox`, with the bounding box of its shape, and the drawing's size.
struct SVGBoxes {
  struct Box {
    var id: String
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    func overlaps(_ other: Box) -> Bool {
      minX < other.maxX - 0.5 && other.minX < maxX - 0.5 && minY < other.maxY - 0.5 && other.minY < maxY - 0.5
    }
  }

  var width: Double
  var height: Double
  var boxes: [Box]

  init(_ svg: String) throws {
    let size = try Regex(#"<svg[^>]*width="([0-9.]+)pt" height="([0-9.]+)pt""#)
    guard let match = svg.firstMatch(of: size) else { throw Failure(description: "no svg size") }
    width = Double(match.output[1].substring!)!
    height = Double(match.output[2].substring!)!
    let group = try Regex(#"<g id="([^"]*)" class="[^"]*orgbox[^"]*">([\s\S]*?)</g>"#)
    let number = try Regex(#"-?[0-9]+(\.[0-9]+)?"#)
    let shape = try Regex(#"<(?:path|polygon)[^>]*(?: d| points)="([^"]*)""#)
    let rect = try Regex(#"<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)""#)
    boxes = []
    for match in svg.matches(of: group) {
      let id = String(match.output[1].substring!)
      let body = String(match.output[2].substring!)
      if let box = body.firstMatch(of: rect) {
        let values = (1...4).map { Double(box.output[$0].substring!)! }
        boxes.append(
          Box(
            id: id, minX: values[0], minY: values[1], maxX: values[0] + values[2], maxY: values[1] + values[3]
          ))
      } else if let outline = body.firstMatch(of: shape) {
        let values = String(outline.output[1].substring!).matches(of: number).compactMap {
          $0.output[0].substring.flatMap { Double($0) }
        }
        let xs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] }
        let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
          continue
        }
        boxes.append(Box(id: id, minX: minX, minY: minY, maxX: maxX, maxY: maxY))
      }
    }
  }

  /// Pairs of boxes that overlap.
  var overlaps: [(String, String)] {
    var pairs: [(String, String)] = []
    for (index, box) in boxes.enumerated() {
      for other in boxes[(index + 1)...] where box.overlaps(other) { pairs.append((box.id, other.id)) }
    }
    return pairs
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }
}
