import Foundation
import Yams

/// A sweep specification for `zentral sweep`: a base scenario and the variants of it to plan, as a
/// grid of key-path edits (every combination) and a list of variants given one by one.
///
/// ```yaml
/// base: ../scenarios/krefeld.yaml             # relative to this file; a variant file works too
/// grid:                                       # every combination, the first key slowest
///   horizon.years: [5, 7, 10, 12, 15]
///   families[id=schul-it].transition_cost_per_fte: [12000, 24000, 36000, 48000]
/// variants:                                   # more variants, one by one
///   - {name: ohne-budget, set: {policy.budget: ~}}
/// ```
///
/// Each variant is the base with its edits applied on the YAML node level (``ScenarioKeyPath``),
/// decoded and validated like a scenario file: a value that is out of range is reported at its place
/// in the specification (`sweep.yaml:4:22: horizon.years: 40 is more than 30; …`), a key path that
/// leads nowhere at its key.
public struct SweepSpec: Sendable {
  /// One variant of the sweep.
  public struct Variant: Sendable, Equatable {
    /// Its name: `v01`, `v02`, … for the grid, or the name given.
    public var name: String
    /// The edits, in the order of ``SweepSpec/keyPaths`` (only those the variant sets).
    public var edits: [Edit]
    /// The scenario: the base with the edits applied, validated.
    public var scenario: Scenario
  }

  /// One edit: a key path and the value written there.
  public struct Edit: Sendable, Equatable, Codable {
    /// The key path as written (`horizon.years`).
    public var path: String
    /// The value, as YAML in flow style (`7`, `{2025: 60}`, `~`).
    public var value: String

    /// Creates an edit.
    public init(path: String, value: String) {
      self.path = path
      self.value = value
    }
  }

  /// The specification file, as given.
  public var file: String
  /// The base scenario file, relative to the current folder.
  public var base: String
  /// Every key path the variants edit, grid keys first, in the order written.
  public var keyPaths: [String]
  /// The variants, the grid's combinations first.
  public var variants: [Variant]
  /// Warnings of the base scenario and the variants (each once).
  public var warnings: [Diagnostic]

  /// The most variants a specification may give.
  public static let variantLimit = 10_000

  /// The keys of a specification.
  static let shape = ObjectShape(
    noun: "a sweep specification", keys: ["base", "grid", "variants"],
    required: ["base": "a sweep names its base scenario, e.g. base: ../scenarios/krefeld.yaml"])
  /// The keys of an item of `variants`.
  static let variantShape = ObjectShape(
    noun: "a variant", keys: ["name", "set"],
    required: ["set": "a variant sets key paths to values, e.g. set: {horizon.years: 7}"])

  /// Reads the specification at `path`, its base, and every variant.
  ///
  /// - Throws: ``ScenarioError`` with every problem found, at its place in the specification or in
  ///   the base scenario.
  public static func load(path: String) throws(ScenarioError) -> SweepSpec {
    let text: String
    do {
      text = try TextInput.scenario.decode(try TextInput.scenario.read(path: path), file: path).text
    } catch {
      throw ScenarioError(diagnostics: [error])
    }
    if let finding = StructureScreen.firstProblem(in: text, maximumDepth: ScenarioLoader.nestingLimit) {
      throw ScenarioError(diagnostics: [
        Diagnostic(file: path, line: finding.line, column: finding.column, message: finding.message)
      ])
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch {
      throw ScenarioError(diagnostics: [
        SyntaxDiagnostic.make(
          from: error, text: text, file: path, isJSON: path.lowercased().hasSuffix(".json"))
      ])
    }
    guard let root else {
      throw ScenarioError(diagnostics: [
        Diagnostic(file: path, message: "the file holds no data; a sweep starts with 'base: SCENARIO.yaml'")
      ])
    }
    let reader = NodeReader(file: path)
    reader.sources = SourceLines(file: path, lineCount: SourceLines.lineCount(of: text))
    return try SweepReader(reader: reader, file: path).read(root)
  }
}

/// Reads a ``SweepSpec`` from its composed tree.
private struct SweepReader {
  let reader: NodeReader
  let file: String

  /// One key path of the specification, with where it is written.
  struct Key {
    var path: ScenarioKeyPath
    var specPath: String
    var mark: Mark?
  }

  func read(_ root: Node) throws(ScenarioError) -> SweepSpec {
    func fail() -> ScenarioError { ScenarioError(diagnostics: reader.sortedDiagnostics()) }
    guard let top = reader.mapping(root, path: "", shape: SweepSpec.shape),
      let baseNode = top["base"],
      let baseName = reader.text(baseNode, path: "base", expected: "base names the scenario file to vary")
    else { throw fail() }
    let basePath = VariantResolver.path(baseName, relativeTo: file)
    let resolver = VariantResolver(reader: reader)
    guard let baseRoot = resolver.read(basePath, named: baseName, at: baseNode.mark, keyPath: "base"),
      let baseTree = VariantResolver.isVariant(baseRoot)
        ? resolver.resolve(baseRoot, file: basePath, chain: [VariantResolver.identity(basePath)]) : baseRoot
    else { throw fail() }

    // The grid: key path -> list of values.
    var grid: [(key: Key, values: [Node])] = []
    if let node = top["grid"],
      let entries = reader.keyedEntries(
        node, path: "grid", expected: "grid maps key paths to lists of values")
    {
      for (name, value) in entries {
        let specPath = NodeReader.member("grid", name)
        guard let key = key(name, specPath: specPath),
          let values = reader.list(
            value, path: specPath, expected: "give the values to try as a list, e.g. [5, 7, 10]")
        else { continue }
        if values.isEmpty {
          reader.error(specPath, at: value.mark, "the list of values is empty; give at least one value")
          continue
        }
        grid.append((key, values))
      }
    }
    // The variants given one by one.
    var listed: [(name: String?, edits: [(key: Key, value: Node)], mark: Mark?)] = []
    if let node = top["variants"],
      let items = reader.list(node, path: "variants", expected: "variants is a list of {name, set}")
    {
      for (index, item) in items.enumerated() {
        let path = NodeReader.element("variants", index)
        guard let variant = reader.mapping(item, path: path, shape: SweepSpec.variantShape) else { continue }
        let name = variant["name"].flatMap {
          reader.identifier($0, path: variant.path("name"), expected: "a variant's name is an id")
        }
        guard let set = variant["set"],
          let entries = reader.keyedEntries(
            set, path: variant.path("set"), expected: "set maps key paths to values")
        else { continue }
        var edits: [(key: Key, value: Node)] = []
        for (name, value) in entries {
          if let key = key(name, specPath: NodeReader.member(variant.path("set"), name)) {
            edits.append((key, value))
          }
        }
        listed.append((name, edits, item.mark))
      }
    }
    let combinations = grid.reduce(1) { product, entry in
      product > SweepSpec.variantLimit ? product : product * entry.values.count
    }
    if grid.isEmpty && listed.isEmpty && !reader.diagnostics.contains(where: \.isError) {
      reader.error("", at: root.mark, "the sweep has no variants; give a grid or a list of variants")
    }
    if (grid.isEmpty ? 0 : combinations) + listed.count > SweepSpec.variantLimit {
      reader.error(
        "grid", at: top["grid"]?.mark,
        "the sweep has more than \(SweepSpec.variantLimit) variants; split it into smaller sweeps")
    }
    if reader.diagnostics.contains(where: \.isError) { throw fail() }

    // Every variant: the base with its edits, decoded and validated.
    var raw: [(name: String?, edits: [(key: Key, value: Node)])] = []
    if !grid.isEmpty {
      for number in 0..<combinations {
        var rest = number
        var edits: [(key: Key, value: Node)] = []
        for entry in grid.reversed() {
          edits.insert((entry.key, entry.values[rest % entry.values.count]), at: 0)
          rest /= entry.values.count
        }
        raw.append((nil, edits))
      }
    }
    raw += listed.map { ($0.name, $0.edits) }
    let digits = String(raw.count).count
    var keyPaths: [String] = []
    for key in grid.map(\.key.path.description) + listed.flatMap({ $0.edits.map(\.key.path.description) })
    where !keyPaths.contains(key) {
      keyPaths.append(key)
    }
    var variants: [SweepSpec.Variant] = []
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var names: Set<String> = []
    for (index, item) in raw.enumerated() {
      let number = String(index + 1)
      let name = item.name ?? "v" + String(repeating: "0", count: max(0, digits - number.count)) + number
      if !names.insert(name).inserted {
        problems.append(
          Diagnostic(
            file: file, path: "variants",
            message: "the name '\(name)' is given to two variants; give each its own"))
        continue
      }
      var tree = baseTree
      let variantReader = NodeReader(file: file)
      variantReader.sources = reader.sources
      for (key, value) in item.edits {
        do {
          tree = try key.path.replacing(in: tree, with: value)
        } catch {
          variantReader.error(key.specPath, at: key.mark, error.description)
        }
      }
      let edits = item.edits.map { SweepSpec.Edit(path: $0.key.path.description, value: Self.flow($0.value)) }
      // A key path that leads nowhere is reported with the problems of the other edits' values.
      do {
        let loaded = try ScenarioLoader.decode(tree, reader: variantReader)
        warnings += loaded.warnings
        variants.append(SweepSpec.Variant(name: name, edits: edits, scenario: loaded.scenario))
      } catch {
        problems += error.diagnostics
      }
    }
    func unique(_ list: [Diagnostic]) -> [Diagnostic] {
      var seen: Set<String> = []
      // Each problem once, those in the specification first, in the order of their place.
      return list.filter { seen.insert($0.description).inserted }.enumerated().sorted { lhs, rhs in
        let left = (
          lhs.element.file == file ? 0 : 1, lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset
        )
        let right = (
          rhs.element.file == file ? 0 : 1, rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset
        )
        return left < right
      }.map(\.element)
    }
    if problems.contains(where: \.isError) { throw ScenarioError(diagnostics: unique(problems)) }
    return SweepSpec(
      file: file, base: basePath, keyPaths: keyPaths, variants: variants, warnings: unique(warnings))
  }

  /// The key path `name` written at `specPath`, or `nil` (reported) when it is not one.
  private func key(_ name: String, specPath: String) -> Key? {
    let mark = reader.keyMark(of: specPath)
    do {
      return Key(path: try ScenarioKeyPath(name), specPath: specPath, mark: mark)
    } catch {
      reader.error(specPath, at: mark, error.description)
      return nil
    }
  }

  /// A value as YAML in flow style, for the table and the variant's header.
  static func flow(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return ScalarValue.isNull(scalar) ? "~" : scalar.string
    case .sequence(let sequence): return "[" + sequence.map(flow).joined(separator: ", ") + "]"
    case .mapping(let mapping):
      return "{" + mapping.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
    case .alias: return "*"
    }
  }
}
