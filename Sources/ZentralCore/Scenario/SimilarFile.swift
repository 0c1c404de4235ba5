import Foundation

/// "Did you mean …?" for a file name: the existing file in the same folder whose name is closest
/// to a mistyped one (``Suggestion``'s edit distance, case ignored), for messages such as
/// `krefled.yaml: cannot be read: there is no such file; did you mean krefeld.yaml?`.
public enum SimilarFile {
  /// The path of an existing file beside `path`, with one of `extensions` (lower case, without
  /// the dot), whose name is a likely typo of `path`'s name, or has the same name with another
  /// of `extensions`; `nil` when there is none or the folder cannot be read.
  public static func existing(like path: String, extensions: Set<String>) -> String? {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let folder = url.deletingLastPathComponent()
    guard !name.isEmpty,
      let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return nil }
    let candidates = entries.filter { entry in
      let candidate = folder.appendingPathComponent(entry)
      var isFolder: ObjCBool = false
      return extensions.contains(candidate.pathExtension.lowercased())
        && FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder)
        && !isFolder.boolValue
    }.sorted()
    let stem = url.deletingPathExtension().lastPathComponent.lowercased()
    let match =
      Suggestion.closest(to: name, among: candidates)
      ?? candidates.first {
        URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent.lowercased() == stem
      }
    guard let match else { return nil }
    // Written as the user wrote the folder: `scenarios/krefeld.yaml` for `scenarios/krefled.yaml`.
    guard let slash = path.lastIndex(of: "/") else { return match }
    return String(path[...slash]) + match
  }
}
