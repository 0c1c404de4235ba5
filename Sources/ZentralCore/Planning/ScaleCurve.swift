/// An economies-of-scale curve as consecutive linear segments from the origin: pooled workload
/// (FTE) in, effective FTE out. Built from a family's breakpoints; the last slope continues
/// beyond the last breakpoint.
struct ScaleCurve: Equatable, Sendable {
  /// One linear piece: `length` FTE of pooled workload at `slope` effective FTE per pooled FTE.
  struct Segment: Equatable, Sendable {
    var length: Double
    var slope: Double
  }

  /// The pieces in order; the last one is unbounded for evaluation.
  private(set) var segments: [Segment]

  /// A curve from breakpoints (empty: the identity, no economies of scale).
  init(points: [ScalePoint]) {
    var sorted = points.sorted { $0.pooled < $1.pooled }
    if sorted.first.map({ $0.pooled > 0 }) ?? true {
      sorted.insert(ScalePoint(pooled: 0, effective: 0), at: 0)
    }
    var pieces: [Segment] = []
    for (a, b) in zip(sorted, sorted.dropFirst()) where b.pooled > a.pooled {
      pieces.append(
        Segment(length: b.pooled - a.pooled, slope: (b.effective - a.effective) / (b.pooled - a.pooled)))
    }
    if pieces.isEmpty { pieces = [Segment(length: 1, slope: 1)] }
    segments = pieces
  }

  /// Effective FTE for `pooled` FTE of pooled workload.
  func value(at pooled: Double) -> Double {
    var remaining = max(pooled, 0)
    var total = 0.0
    for (offset, segment) in segments.enumerated() {
      let last = offset == segments.count - 1
      let used = last ? remaining : min(remaining, segment.length)
      total += used * segment.slope
      remaining -= used
      if remaining <= 0 { break }
    }
    return total
  }

  /// The segments that cover `0...maximum`, the last one extended or cut to end at `maximum`,
  /// with collinear neighbours merged (a linear curve gives one segment, so no binaries).
  func pieces(upTo maximum: Double) -> [Segment] {
    guard maximum > 0 else { return [] }
    var result: [Segment] = []
    var start = 0.0
    for (offset, segment) in segments.enumerated() {
      let last = offset == segments.count - 1
      let end = last ? maximum : min(start + segment.length, maximum)
      if end > start { result.append(Segment(length: end - start, slope: segment.slope)) }
      start = end
      if start >= maximum { break }
    }
    var merged: [Segment] = []
    for piece in result {
      if let previous = merged.last, abs(previous.slope - piece.slope) <= 1e-12 * max(1, abs(piece.slope)) {
        merged[merged.count - 1].length += piece.length
      } else {
        merged.append(piece)
      }
    }
    return merged
  }
}
