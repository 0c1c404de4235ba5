import Foundation

/// The one check of where a subcommand writes: the folder a file (or `zentral plan`'s output
/// folder) goes into must exist. Every subcommand refuses a missing folder with the same message
/// instead of creating a folder tree from a typo; only `zentral plan`'s default `out/` is created.
enum OutputPath {
  /// Refuses `path`, given as `option`, when the folder it is written into does not exist or is
  /// a file: `--out 'reprots/k.html': the folder 'reprots' does not exist; create it first …`.
  static func checkFolder(of path: String, option: String) throws(CommandFailure) {
    let folder = (path as NSString).deletingLastPathComponent
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
}
