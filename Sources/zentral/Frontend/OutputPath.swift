import Foundation

/// The one check of where a subcommand writes: the folder a file (or `zentral plan`'s output
/// folder) goes into must exist. Every subcommand refuses a missing folder with the same message
/// instead of creating a folder tree from a typo; only `zentral plan`'s default `out/` is created.
enum OutputPath {
  /// Refuses `path`, given as `option`, when the folder it is written into does not exist or is
  /// a file: `--out 'reprots/k.html': the folder 'reprots' does not exist; create it first …`.
  static func checkFolder(of path: String, option: String) throws(CommandFailure) {
    let folder = Self.folder(of: path)
    guard !folder.isEmpty else { return }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      if isFolder.boolValue { return }
      throw CommandFailure("\(option) '\(path)': '\(folder)' is a file, not a folder; choose another place")
    }
    throw CommandFailure(
      "\(option) '\(path)': the folder '\(folder)' does not exist; create it first (mkdir -p '\(folder)') "
        + "or choose another place")
  }

  /// The folder part of `path` as written (`a/b` for `a/b/c.yaml`, `/` for `/c.yaml`, empty for
  /// `c.yaml` or `.`). Not `NSString.deletingLastPathComponent`, which traps on `.` on Linux.
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }
}
