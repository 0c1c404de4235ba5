/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose output depends on the seed
/// alone, on every platform and Swift version, so generated scenarios are repeatable byte for byte.
///
/// The uniform helpers below are computed here rather than through the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator that starts from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) with 53 random bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform number in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * unit()
  }

  /// A uniform whole number in low...high (both included).
  public mutating func integer(_ low: Int, _ high: Int) -> Int {
    precondition(low <= high, "empty range \(low)...\(high)")
    let span = UInt64(high - low) + 1
    return low + Int(next().multipliedFullWidth(by: span).high)
  }

  /// `true` with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// `count` distinct elements of `items`, in the order of `items`.
  public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    var chosen = Array(repeating: false, count: items.count)
    var left = min(count, items.count)
    var remaining = items.count
    for index in items.indices {
      // Selection sampling (Knuth, Algorithm S): each item is taken with probability left/remaining.
      if integer(0, remaining - 1) < left {
        chosen[index] = true
        left -= 1
      }
      remaining -= 1
    }
    return items.indices.filter { chosen[$0] }.map { items[$0] }
  }
}
