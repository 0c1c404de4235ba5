import Foundation
import Yams

/// Resolves a variant: a scenario file that says `extends: base.yaml` and sets only what differs.
///
/// The base is read (relative to the variant's folder), screened and composed like any scenario file,
/// with its lines numbered after the files read before it (``SourceLines``), resolved in turn when it
/// extends another file, and the variant is merged into it by ``TreeMerge``'s rules. The merged tree
/// is decoded and validated as one scenario; each diagnostic names the file and place that set the
/// value. A base that cannot be read, a chain that comes back to a file on it (a cycle) and a `remove`
/// without `extends` are reported at the variant's `extends` or `remove`.
struct VariantResolver {
  /// Where problems are reported; its ``NodeReader/sources`` grow by each base read.
  let reader: NodeReader

  /// The most files a chain of variants may have, the variant included.
  static let chainLimit = 16

  /// Whether `root` is a variant (its top level has `extends` or `remove`).
  static func isVariant(_ root: Node) -> Bool {
    guard case .mapping(let mapping) = root else { return false }
    return mapping.contains { $0.key.scalar.map { ["extends", "remove"].contains($0.string) } ?? false }
  }

  /// The scenario tree of `root`, read from the file `file`, with its bases merged in; `nil` when a
  /// problem was reported. `chain` holds the files read on the way here, the variant's first.
  func resolve(_ root: Node, file: String, chain: [String]) -> Node? {
    guard case .mapping(let top) = root else { return root }
    let extends = top.first { $0.key.scalar?.string == "extends" }
    let remove = top.first { $0.key.scalar?.string == "remove" }
    guard let extends else {
      if let remove {
        reader.error(
          "remove", at: remove.key.mark,
          "'remove' deletes items of a base scenario, and this file names none; add 'extends: BASE.yaml'")
      }
      return nil
    }
    let expected =
      "extends names the scenario this one changes, relative to this file, e.g. extends: ../krefeld.yaml"
    guard let name = reader.text(extends.value, path: "extends", expected: expected) else { return nil }
    let basePath = Self.path(name, relativeTo: file)
    let identity = Self.identity(basePath)
    if let start = chain.firstIndex(of: identity) {
      let loop = (chain[start...].map { Self.displayName($0) } + [Self.displayName(identity)])
      reader.error(
        "extends", at: extends.value.mark,
        "'\(NodeReader.shorten(name))' leads back to a file of this chain (\(loop.joined(separator: " → "))); "
          + "a variant extends a scenario that does not extend it in turn")
      return nil
    }
    if chain.count >= Self.chainLimit {
      reader.error(
        "extends", at: extends.value.mark,
        "the chain of variants has more than \(Self.chainLimit) files; extend a scenario nearer the base")
      return nil
    }
    guard let baseRoot = read(basePath, named: name, at: extends.value.mark),
      let resolvedBase = Self.isVariant(baseRoot)
        ? resolve(baseRoot, file: basePath, chain: chain + [identity]) : baseRoot
    else { return nil }
    let merge = TreeMerge(reader: reader)
    let base = remove.map { merge.remove($0.value, from: resolvedBase) } ?? resolvedBase
    let own = top.filter { pair in
      !(pair.key.scalar.map { ["extends", "remove"].contains($0.string) } ?? false)
    }
    .map { ($0.key, $0.value) }
    return merge.merge(base, .mapping(Node.Mapping(own, top.tag, top.style, top.mark)), path: "")
  }

  /// The composed tree of the scenario file at `path` (named `name` where the variant names it),
  /// its lines numbered after those read so far; `nil` when it cannot be read (reported at `mark`,
  /// the place that named it) or is not YAML (reported in the file).
  func read(_ path: String, named name: String, at mark: Mark?, keyPath: String = "extends") -> Node? {
    let text: String
    // Only a regular file is read: a device or a pipe named by a hostile variant would block or never end.
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
    if let type, type != .typeRegular, type != .typeDirectory {
      reader.error(
        keyPath, at: mark,
        "the base scenario \(path) is not a file but a device or a pipe; name a scenario file")
      return nil
    }
    let data: Data
    do {
      data = try TextInput.scenario.read(path: path)
    } catch {
      var message = "the base scenario \(path) \(error.message)"
      if !FileManager.default.fileExists(atPath: path),
        let similar = SimilarFile.existing(like: path, extensions: ["yaml", "yml", "json"])
      {
        message += "; did you mean \(similar)?"
      }
      reader.error(keyPath, at: mark, message)
      return nil
    }
    do {
      text = try TextInput.scenario.decode(data, file: path).text
    } catch {
      if error.line != nil {
        reader.add(error)
      } else {
        reader.error(keyPath, at: mark, "the base scenario \(path) cannot be used: \(error.message)")
      }
      return nil
    }
    if let finding = StructureScreen.firstProblem(in: text, maximumDepth: ScenarioLoader.nestingLimit) {
      reader.add(Diagnostic(file: path, line: finding.line, column: finding.column, message: finding.message))
      return nil
    }
    let isJSON = path.lowercased().hasSuffix(".json")
    let offset = reader.sources.add(file: path, lineCount: SourceLines.lineCount(of: text))
    let root: Node?
    do {
      root = try Yams.compose(yaml: String(repeating: "\n", count: offset) + text, .basic, .default, .utf8)
    } catch {
      // Composed again without the blank lines in front, for the place in the file itself.
      let original = Result { try Yams.compose(yaml: text, .basic, .default, .utf8) }
      if case .failure(let failure) = original {
        reader.add(SyntaxDiagnostic.make(from: failure, text: text, file: path, isJSON: isJSON))
      } else {
        reader.add(SyntaxDiagnostic.make(from: error, text: text, file: path, isJSON: isJSON))
      }
      return nil
    }
    guard let root else {
      reader.error(
        keyPath, at: mark, "the base scenario \(path) holds no data, only blanks or comments")
      return nil
    }
    return root
  }

  // MARK: Paths

  /// `name` taken relative to the folder of `file` (unless absolute), with `.` and `..` steps
  /// removed where they can be: `scenarios/variants/../krefeld.yaml` is `scenarios/krefeld.yaml`.
  static func path(_ name: String, relativeTo file: String) -> String {
    if name.hasPrefix("/") { return normalised(name) }
    let folder = (file as NSString).deletingLastPathComponent
    return normalised(folder.isEmpty ? name : folder + "/" + name)
  }

  /// `path` without `.` steps and with each `..` cancelling the step before it.
  static func normalised(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == "..", absolute {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  /// What identifies a file whatever path leads to it: its absolute path with links resolved.
  static func identity(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// A file of a chain as a message shows it: its name.
  private static func displayName(_ identity: String) -> String {
    (identity as NSString).lastPathComponent
  }
}
