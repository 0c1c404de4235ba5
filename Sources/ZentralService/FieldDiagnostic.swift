public import ZentralCore

/// One problem of a scenario as the pages show it: the line as `zentral validate` prints it, and
/// the form field it belongs to (a key path such as `tasks.fb20-finanz.fte`), when there is one.
public struct FieldDiagnostic: Sendable, Equatable {
  /// `FILE:LINE:COL: key.path: message`, as `zentral validate` prints it.
  public var line: String
  /// The form field's key path, or `nil`.
  public var field: String?
  /// Whether it is an error (else a warning).
  public var isError: Bool

  /// A diagnostic line for `field`.
  public init(line: String, field: String?, isError: Bool) {
    self.line = line
    self.field = field
    self.isError = isError
  }

  /// `diagnostic` with its file named `fileName` (not the data folder's path) and its key path
  /// (`tasks[3].fte`) turned into the form's (`tasks.<id>.fte`) through `ids`, the item ids of the
  /// file's lists by position.
  public init(_ diagnostic: Diagnostic, fileName: String, ids: [String: [String]]) {
    var shown = diagnostic
    if shown.file.hasSuffix("/" + fileName) || shown.file == fileName { shown.file = fileName }
    line = shown.description
    isError = diagnostic.isError
    field = Self.field(for: diagnostic.path, ids: ids)
  }

  /// The form key path of a diagnostic's key path: `tasks[3].fte` → `tasks.<id of item 3>.fte`.
  static func field(for path: String, ids: [String: [String]]) -> String? {
    guard !path.isEmpty else { return nil }
    guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close else {
      return path
    }
    let list = String(path[..<open])
    guard let index = Int(path[path.index(after: open)..<close]), let listIDs = ids[list],
      listIDs.indices.contains(index)
    else { return path }
    return list + "." + listIDs[index] + String(path[path.index(after: close)...])
  }
}
