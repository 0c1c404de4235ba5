public import Foundation

extension ScenarioLoader {
  /// Screens the bytes of a scenario file named `fileName` as ``load(data:fileName:)`` does before
  /// parsing (encoding, size, binary content, YAML anchors and aliases, deep nesting) and returns
  /// its text; nothing is parsed and no other file (a variant's base) is read.
  ///
  /// For a caller that must look at a file's tree before loading it, e.g. to check where a
  /// variant's `extends` points before the loader follows it (`zentral serve`'s uploads).
  /// - Throws: ``ScenarioError`` with the one problem that makes the file unusable.
  public static func screenedText(data: Data, fileName: String) throws(ScenarioError) -> String {
    let text: String
    do {
      text = try TextInput.scenario.decode(data, file: fileName).text
    } catch {
      throw ScenarioError(diagnostics: [error])
    }
    if let finding = StructureScreen.firstProblem(in: text, maximumDepth: nestingLimit) {
      throw ScenarioError(diagnostics: [
        Diagnostic(file: fileName, line: finding.line, column: finding.column, message: finding.message)
      ])
    }
    return text
  }
}
