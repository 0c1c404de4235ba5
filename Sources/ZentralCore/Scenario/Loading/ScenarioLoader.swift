public import Foundation
import Yams

/// Loads scenario files in format `zentral/1` (YAML, or JSON, which is YAML too), and checks them.
///
/// Loading reports every problem it finds, not only the first: each one is a ``Diagnostic``
/// `FILE:LINE:COLUMN: key.path: what is wrong, and what is expected`. Hostile input (an empty or
/// binary file, a wrong encoding, a file over ``sizeLimit``, YAML anchors and aliases, deep nesting)
/// is refused before parsing with one diagnostic that says what the file is.
///
/// Diagnostics name the file as the caller gave it: the path passed to ``load(path:)``, or the
/// `fileName` passed to ``load(data:fileName:)``.
public enum ScenarioLoader {
  /// The largest file accepted, in bytes (10 MiB). A city's scenario has tens of kilobytes, a
  /// synthetic region of 12,000 tasks under 2 MiB; reading takes one to two seconds per MiB.
  public static let sizeLimit = 10 * 1_048_576

  /// The deepest nesting of lists and mappings accepted. A scenario needs about 8 levels.
  public static let nestingLimit = 32

  /// Loads, decodes and validates the scenario file at `path` (`.yaml`, `.yml` or `.json`).
  ///
  /// - Throws: ``ScenarioError`` with every problem found, errors and warnings, in file order.
  public static func load(path: String) throws(ScenarioError) -> LoadedScenario {
    let data = try read(path)
    return try load(data: data, fileName: path)
  }

  /// Loads, decodes and validates a scenario given as the bytes of a file named `fileName`.
  ///
  /// A `fileName` ending in `.json` makes syntax errors speak of JSON; the text is read the same way.
  /// - Throws: ``ScenarioError`` with every problem found, errors and warnings, in file order.
  public static func load(data: Data, fileName: String) throws(ScenarioError) -> LoadedScenario {
    let text: String
    do {
      text = try TextInput.scenario.decode(data, file: fileName).text
    } catch {
      throw ScenarioError(diagnostics: [error])
    }
    return try load(screenedText: text, fileName: fileName)
  }

  /// Loads, decodes and validates a scenario given as text.
  ///
  /// - Throws: ``ScenarioError`` with every problem found, errors and warnings, in file order.
  public static func load(text: String, fileName: String) throws(ScenarioError) -> LoadedScenario {
    try load(data: Data(text.utf8), fileName: fileName)
  }

  /// Every problem in the scenario file at `path`, errors and warnings, in file order (empty when the
  /// file is valid and has no warnings).
  public static func diagnostics(path: String) -> [Diagnostic] {
    do {
      return try load(path: path).warnings
    } catch {
      return error.diagnostics
    }
  }

  // MARK: Steps

  private static func read(_ path: String) throws(ScenarioError) -> Data {
    do {
      return try TextInput.scenario.read(path: path)
    } catch {
      throw ScenarioError(diagnostics: [error])
    }
  }

  private static func load(
    screenedText text: String, fileName: String
  ) throws(ScenarioError) -> LoadedScenario {
    let isJSON = fileName.lowercased().hasSuffix(".json")
    func refuse(_ diagnostic: Diagnostic) -> ScenarioError { ScenarioError(diagnostics: [diagnostic]) }
    if let finding = StructureScreen.firstProblem(in: text, maximumDepth: nestingLimit) {
      throw refuse(
        Diagnostic(file: fileName, line: finding.line, column: finding.column, message: finding.message))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch {
      throw refuse(SyntaxDiagnostic.make(from: error, text: text, file: fileName, isJSON: isJSON))
    }
    guard let root else {
      throw refuse(
        Diagnostic(
          file: fileName,
          message:
            "the file holds no data, only blanks or comments; a scenario starts with 'format: zentral/1'"))
    }
    let reader = NodeReader(file: fileName)
    var tree = root
    if VariantResolver.isVariant(root) {
      // The lines of bases are numbered after the variant's (``SourceLines``).
      reader.sources = SourceLines(file: fileName, lineCount: SourceLines.lineCount(of: text))
      let resolved = VariantResolver(reader: reader).resolve(
        root, file: fileName, chain: [VariantResolver.identity(fileName)])
      guard let resolved, !reader.diagnostics.contains(where: \.isError) else {
        throw ScenarioError(diagnostics: reader.sortedDiagnostics())
      }
      tree = resolved
    }
    return try decode(tree, reader: reader)
  }

  /// Decodes and validates the composed (and, for a variant, merged) tree `root`, reporting to `reader`.
  static func decode(_ root: Node, reader: NodeReader) throws(ScenarioError) -> LoadedScenario {
    let decoder = ScenarioDecoder(reader: reader)
    let scenario = decoder.decode(root)
    if let scenario {
      var validator = ScenarioValidator(
        reader: reader, scenario: scenario, unitsOfUnknownKind: decoder.unitsOfUnknownKind)
      validator.validate()
    }
    let diagnostics = reader.sortedDiagnostics()
    guard let scenario, !diagnostics.contains(where: \.isError) else {
      throw ScenarioError(diagnostics: diagnostics)
    }
    return LoadedScenario(scenario: scenario, warnings: diagnostics)
  }
}
