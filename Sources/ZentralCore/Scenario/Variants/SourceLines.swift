import Yams

/// Which file each line of a composed scenario tree comes from.
///
/// A variant (`extends: base.yaml`) is merged from the nodes of several files. Each file is composed
/// with its lines numbered after those of the files read before it (the variant from line 1, its base
/// from the line after the variant's last, and so on), so that the ``Yams/Mark`` of every node names
/// its file and its line without a table per node; ``place(of:)`` turns a mark back into the file, the
/// line in that file and the column. A scenario of one file has one source at offset 0, whose marks
/// are its lines as they are.
struct SourceLines: Equatable, Sendable {
  /// One file and the numbers its lines have in the tree.
  struct Source: Equatable, Sendable {
    /// The file name as diagnostics show it.
    var file: String
    /// What is added to a line of the file to give its number in the tree.
    var offset: Int
    /// How many lines the file has.
    var lineCount: Int
  }

  /// The files, in the order they were read (the variant first).
  private(set) var sources: [Source]

  /// The lines of the one file `file`, numbered as they are.
  init(file: String, lineCount: Int = Int.max / 2) {
    sources = [Source(file: file, offset: 0, lineCount: lineCount)]
  }

  /// Adds `file` of `lineCount` lines after the files read so far, and returns the offset its lines
  /// get (the number of blank lines to put before its text when composing it).
  mutating func add(file: String, lineCount: Int) -> Int {
    let last = sources[sources.count - 1]
    let offset = last.offset + last.lineCount
    sources.append(Source(file: file, offset: offset, lineCount: lineCount))
    return offset
  }

  /// The index in ``sources`` of the file holding line `line` of the tree.
  func index(ofLine line: Int) -> Int {
    sources.lastIndex { $0.offset < line } ?? 0
  }

  /// The file, the line in that file and the column of `mark`.
  func place(of mark: Mark) -> (file: String, line: Int, column: Int) {
    let source = sources[index(ofLine: mark.line)]
    return (source.file, mark.line - source.offset, mark.column)
  }

  /// At least the number of lines the YAML parser counts in `text`: one more than its line breaks,
  /// counting every character YAML 1.1 may take for one (LF, CR, NEL, LS, PS), so that the lines of
  /// two files never overlap.
  static func lineCount(of text: String) -> Int {
    text.unicodeScalars.reduce(1) { count, scalar in
      switch scalar.value {
      case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return count + 1
      default: return count
      }
    }
  }
}
