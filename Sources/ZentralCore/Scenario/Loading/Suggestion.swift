/// "Did you mean …?": the closest of a set of known words to a misspelt one.
enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
  /// (at most a third of the word's length, and at most 3 edits; case is ignored), or the candidate
  /// that `word` extends by `_…` or that extends `word` so.
  static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let lowered = Array(word.lowercased())
    guard !lowered.isEmpty, lowered.count <= 100 else { return nil }
    let allowed = min(3, max(1, lowered.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(lowered, Array(candidate.lowercased()), limit: allowed)
      if distance <= allowed, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    if let best { return best.candidate }
    // A known key with something appended, such as `savings_target_fte` for `savings_target`.
    return candidates.first { candidate in
      candidate.count >= 4 && word.count >= 4
        && (word.hasPrefix(candidate + "_") || word.hasPrefix(candidate + "-")
          || candidate.hasPrefix(word + "_"))
    }
  }

  /// The Damerau-Levenshtein distance (insertions, deletions, substitutions and swaps of
  /// neighbours) between `a` and `b`; any value above `limit` is returned as `limit + 1`.
  static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return min(previous[b.count], limit + 1)
  }
}
