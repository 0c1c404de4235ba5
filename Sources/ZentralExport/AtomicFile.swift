public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers never see half a file: the content goes to a temporary file in
/// the same folder, which then replaces the target in one `rename`. An existing file is replaced
/// only once the new one is complete; on failure the temporary file is removed and the old file
/// stays as it was.
public enum AtomicFile {
  /// Writes `data` to `url` atomically.
  public static func write(_ data: Data, to url: URL) throws(ExportError) {
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw .writeFailed(path: url.path, reason: "the folder \(folder.path) does not exist")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .writeFailed(path: url.path, reason: reason(error))
    }
    // Keep the permissions of a file that is replaced.
    if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      let permissions = attributes[.posixPermissions]
    {
      try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
    }
    guard rename(temporary.path, url.path) == 0 else {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .writeFailed(path: url.path, reason: message)
    }
  }

  /// Writes `text` as UTF-8 to `url` atomically.
  public static func write(_ text: String, to url: URL) throws(ExportError) {
    try write(Data(text.utf8), to: url)
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
