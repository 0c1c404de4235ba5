/// The fuzzer's bytes read as a stream of small decisions: numbers in a range, choices, strings.
///
/// Reading past the end yields zeros, so every input (even an empty one) decodes to something,
/// and a short input decodes to the simplest case of each choice: libFuzzer's mutations of a
/// few bytes then move between nearby shapes, which is what makes its coverage feedback useful.
public struct FuzzInput {
  private let bytes: [UInt8]
  private var position = 0

  /// Reads `bytes` from the start.
  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Whether every byte has been read.
  public var isExhausted: Bool { position >= bytes.count }

  /// The next byte, 0 past the end.
  public mutating func byte() -> UInt8 {
    guard position < bytes.count else { return 0 }
    defer { position += 1 }
    return bytes[position]
  }

  /// A number in `range` (one byte for ranges up to 256 values, two otherwise).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    var raw = UInt64(byte())
    if width > 256 { raw = raw << 8 | UInt64(byte()) }
    return range.lowerBound + Int(raw % width)
  }

  /// True with about probability `p` (one byte; false for a 0 byte, so past the end too).
  public mutating func chance(_ p: Double) -> Bool { Double(byte()) > (1 - p) * 255 }

  /// One of `items` (which must not be empty).
  public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...items.count - 1)] }

  /// A multiple of `step` in `range`, as the scenario generator of the tests draws amounts.
  public mutating func amount(_ range: ClosedRange<Double>, step: Double) -> Double {
    let steps = Int(((range.upperBound - range.lowerBound) / step).rounded())
    return range.lowerBound + Double(int(in: 0...max(0, steps))) * step
  }

  /// A string of up to `maxLength` Unicode scalars drawn from pools that exporters must survive:
  /// plain and German letters, markup and CSV metacharacters, control characters, bidirectional
  /// controls, non-characters, combining marks, emoji, Mermaid directives and any scalar at all.
  public mutating func string(maxLength: Int) -> String {
    let length = int(in: 0...maxLength)
    var text = ""
    for _ in 0..<length {
      switch byte() % 10 {
      case 0, 1, 2: text.unicodeScalars.append(pick(Self.plain))
      case 3: text.unicodeScalars.append(pick(Self.markup))
      case 4: text.unicodeScalars.append(Unicode.Scalar(UInt8(byte() % 32)))
      case 5: text.unicodeScalars.append(pick(Self.special))
      case 6: text += pick(Self.fragments)
      default:
        let raw = UInt32(byte()) << 16 | UInt32(byte()) << 8 | UInt32(byte())
        text.unicodeScalars.append(Unicode.Scalar(raw % 0x11_0000) ?? "\u{FFFD}")
      }
    }
    return text
  }

  private static let plain: [Unicode.Scalar] = Array("abcxyzABCXYZ019 -_.äöüßÄÖÜé".unicodeScalars)
  private static let markup: [Unicode.Scalar] = Array("<>&\"';,\\/{}[]()|#%*`=:!$\t\n\r".unicodeScalars)
  /// Scalars by value: Swift refuses some of them (non-characters) as literals.
  private static let special: [Unicode.Scalar] = [
    0x7F, 0x85, 0xA0, 0xAD, 0x200B, 0x200D, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE, 0x10FFFF, 0x0301, 0x1F600,
    0x1F1E9, 0x1F1EA, 0xE000, 0xFFFD, 0x0,
  ].map { Unicode.Scalar(UInt32($0))! }
  private static let fragments = [
    "%%{init: {\"theme\": \"dark\"}}%%", "%%", "]]>", "<!--", "-->", "<script>", "&amp;", "&#0;",
    "\"\"", "\r\n", "click a call alert()", "subgraph", "end", "---", "|", "=HYPERLINK(\"x\")",
  ]
}
