import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `zentral plan` writes its files into, held by one run and replaced as one set.
///
/// - **One run at a time.** A lock file beside the folder (`.NAME.zentral-lock`, `flock`ed for the
///   whole run, released by the kernel even when the process is killed) keeps a second run on the
///   same folder out; it is refused with the first run's process id.
/// - **One set.** The run writes into a hidden staging folder beside the target
///   (`.NAME.zentral-new-PID`); ``commit()`` swaps it in with two `rename`s, so a reader sees the
///   old set or the new one, never a mix and never a half-written file (for an instant between the
///   two renames there is no folder). Files of the old folder that zentral did not write (a model
///   exported with `--export-model` into it, a report exported in another language) are carried
///   over: regular files as hard links before the swap, folders moved after it. zentral's own
///   files from an older run are not carried over, so a run that writes fewer files (an
///   infeasible scenario has no org chart) leaves none of the old ones behind.
/// - **Nothing half-written.** A run that fails or is stopped before ``commit()`` leaves the old
///   folder as it was; ``abandon()`` removes the staging folder, and the next run on the folder
///   removes staging folders left by a killed run.
final class OutputFolder: Sendable {
  /// Why the folder cannot be used, as one sentence (without the `zentral: ` prefix).
  struct Failure: Error, CustomStringConvertible {
    /// The sentence.
    let description: String
  }

  /// The folder as the user named it (for messages).
  let displayPath: String
  /// The folder that is replaced (absolute, symbolic links resolved).
  let target: URL
  /// Where the run writes its files; swapped into place by ``commit()``.
  let staging: URL
  /// The names of the files zentral writes itself; only other files are carried over.
  let ownNames: Set<String>
  private let lockPath: String
  private let state: Mutex<State>

  private enum State {
    case open(lock: Int32)
    case closed
  }

  /// Takes the folder `path` for this run: refuses an empty path and the current folder, takes
  /// the lock, removes what a killed run left and creates the staging folder.
  init(path: String, ownNames: Set<String>) throws(Failure) {
    guard !path.isEmpty else {
      throw Failure(
        description: "--out is empty; name the folder for the results, e.g. --out out/krefeld")
    }
    displayPath = path
    self.ownNames = ownNames
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
      .resolvingSymlinksInPath().path
    if target.path == "/" || current == target.path || current.hasPrefix(target.path + "/") {
      throw Failure(
        description:
          "--out '\(path)' is the current folder or contains it; zentral replaces its output folder as a "
          + "whole, so give it a folder of its own, e.g. --out out/krefeld")
    }
    self.target = target
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), !isFolder.boolValue {
      throw Failure(description: "--out '\(path)' is a file, not a folder; choose a folder for the results")
    }
    let parent = target.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create the folder \(parent.path): \(Self.reason(error))")
    }
    let name = target.lastPathComponent
    lockPath = parent.appendingPathComponent(".\(name).zentral-lock").path
    let pid = getpid()
    staging = parent.appendingPathComponent(".\(name).zentral-new-\(pid)")
    let lock = try Self.lock(lockPath, displayPath: path)
    state = Mutex(.open(lock: lock))
    Self.removeLeftovers(in: parent, name: name, target: target)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      abandon()
      throw Failure(description: "cannot create the folder \(staging.path): \(Self.reason(error))")
    }
  }

  deinit { abandon() }

  /// Puts the staged files in place of the target folder, carrying over files zentral did not
  /// write, and releases the lock.
  func commit() throws(Failure) {
    let result: Result<Void, Failure> = state.withLock { state in
      guard case .open(let lock) = state else {
        return .failure(Failure(description: "the output folder \(displayPath) was already released"))
      }
      defer {
        Self.unlock(lock, path: lockPath)
        state = .closed
      }
      do throws(Failure) {
        try swap()
        return .success(())
      } catch {
        try? FileManager.default.removeItem(at: staging)
        return .failure(error)
      }
    }
    try result.get()
  }

  /// Removes the staging folder and releases the lock, leaving the target as it was (after a
  /// failure or a second stop signal). Does nothing once committed or abandoned; waits for a
  /// commit in progress.
  func abandon() {
    state.withLock { state in
      guard case .open(let lock) = state else { return }
      try? FileManager.default.removeItem(at: staging)
      Self.unlock(lock, path: lockPath)
      state = .closed
    }
  }

  // MARK: Swap

  private func swap() throws(Failure) {
    let manager = FileManager.default
    let existing = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
    guard manager.fileExists(atPath: target.path) else {
      try move(staging, to: target)
      return
    }
    // Keep the folder's permissions.
    if let permissions = try? manager.attributesOfItem(atPath: target.path)[.posixPermissions] {
      try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: staging.path)
    }
    // Files zentral did not write: hard links into the new set before the swap (a copy where the
    // file system refuses links); folders are moved after it.
    var folders: [String] = []
    for name in existing where !ownNames.contains(name) {
      let source = target.appendingPathComponent(name)
      let destination = staging.appendingPathComponent(name)
      guard !manager.fileExists(atPath: destination.path) else { continue }
      var isFolder: ObjCBool = false
      _ = manager.fileExists(atPath: source.path, isDirectory: &isFolder)
      if isFolder.boolValue {
        folders.append(name)
      } else if link(source.path, destination.path) != 0 {
        do {
          try manager.copyItem(at: source, to: destination)
        } catch {
          throw Failure(
            description: "cannot keep \(source.path) in the new results: \(Self.reason(error)); nothing was "
              + "changed in \(displayPath)")
        }
      }
    }
    let old = target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).zentral-old-\(getpid())")
    try? manager.removeItem(at: old)
    try move(target, to: old)
    do throws(Failure) {
      try move(staging, to: target)
    } catch {
      _ = rename(old.path, target.path)
      throw error
    }
    var kept = true
    for name in folders {
      let from = old.appendingPathComponent(name)
      if rename(from.path, target.appendingPathComponent(name).path) != 0 { kept = false }
    }
    if kept { try? manager.removeItem(at: old) }
  }

  private func move(_ from: URL, to: URL) throws(Failure) {
    guard rename(from.path, to.path) == 0 else {
      throw Failure(
        description: "cannot put the results in place at \(to.path): \(String(cString: strerror(errno)))")
    }
  }

  // MARK: Lock

  /// Opens and locks `path`, writing this process's id into it; refuses when another process
  /// holds the lock.
  private static func lock(_ path: String, displayPath: String) throws(Failure) -> Int32 {
    while true {
      let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw Failure(description: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
      }
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        let code = errno
        let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines)
        close(descriptor)
        guard code == EWOULDBLOCK else {
          throw Failure(description: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        let pid = holder.flatMap { Int32($0) }.map { "pid \($0)" } ?? "pid unknown"
        throw Failure(
          description: "\(displayPath) is in use by another zentral run (\(pid)); wait for it or choose "
            + "another --out")
      }
      // A run that released the lock removes the file: a lock on a removed file holds nothing.
      var opened = stat()
      var named = stat()
      guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino,
        opened.st_dev == named.st_dev
      else {
        close(descriptor)
        continue
      }
      let text = "\(getpid())\n"
      _ = ftruncate(descriptor, 0)
      _ = text.withCString { write(descriptor, $0, strlen($0)) }
      return descriptor
    }
  }

  private static func unlock(_ descriptor: Int32, path: String) {
    unlink(path)
    close(descriptor)
  }

  /// Removes staging folders of runs that were killed (this run holds the lock, so no other run
  /// is writing one), and old folders whose carried-over folders all reached the target.
  private static func removeLeftovers(in parent: URL, name: String, target: URL) {
    let manager = FileManager.default
    guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries {
      let url = parent.appendingPathComponent(entry)
      if entry.hasPrefix(".\(name).zentral-new-") {
        try? manager.removeItem(at: url)
      } else if entry.hasPrefix(".\(name).zentral-old-") {
        let inside = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
        let stranded = inside.contains { item in
          var isFolder: ObjCBool = false
          return manager.fileExists(atPath: url.appendingPathComponent(item).path, isDirectory: &isFolder)
            && isFolder.boolValue && !manager.fileExists(atPath: target.appendingPathComponent(item).path)
        }
        if !stranded { try? manager.removeItem(at: url) }
      }
    }
  }

  private static func reason(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
