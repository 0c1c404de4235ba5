public import Foundation
import ZentralPlan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints the HTML report to PDF with headless Chromium (Debian's `chromium`), run as a separate
/// program: `chromium --headless --print-to-pdf`. The page's own print rules (A4, page header
/// and footer with page numbers, org charts cut into pages) decide the layout; Chromium's header
/// and footer are off. The HTML is read from a private temporary folder, Chromium gets a fresh
/// profile there and no network, and a run that takes longer than ``timeout`` is ended.
public enum ChromiumPDF {
  /// Seconds a print may take at most: `ZENTRAL_PDF_TIMEOUT` when it is a positive number, else
  /// 60. München's report (35 pages) prints in about 6 s on the shared 2-core machine; a minute
  /// leaves room for a loaded one.
  public static var timeout: TimeInterval {
    if let text = ProcessInfo.processInfo.environment["ZENTRAL_PDF_TIMEOUT"], let value = Double(text),
      value.isFinite, value > 0
    {
      return min(value, 3_600)
    }
    return 60
  }

  /// The Chromium executable: `ZENTRAL_CHROMIUM` when set (nothing else is tried then), else
  /// `chromium`, `chromium-browser` or `google-chrome` on the PATH or in /usr/bin.
  public static func executable() -> URL? {
    let environment = ProcessInfo.processInfo.environment
    if let chosen = environment["ZENTRAL_CHROMIUM"], !chosen.isEmpty {
      return FileManager.default.isExecutableFile(atPath: chosen) ? URL(fileURLWithPath: chosen) : nil
    }
    let path = environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where !folder.isEmpty {
        let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
    }
    return nil
  }

  /// The PDF that Chromium prints from `html`.
  public static func pdf(
    fromHTML html: String, timeout: TimeInterval = Self.timeout
  ) throws(ExportError) -> Data {
    guard let chromium = executable() else { throw .chromiumMissing }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let output = folder.appendingPathComponent("report.pdf")
    let log = folder.appendingPathComponent("chromium.log")
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
      try Data(html.utf8).write(to: page)
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    } catch {
      throw .pdfFailed("cannot prepare the temporary folder \(folder.path): \(error.localizedDescription)")
    }
    let arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
      "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
      "--print-to-pdf=\(output.path)", page.absoluteString,
    ]
    // coreutils' timeout runs Chromium in a process group of its own and ends the whole group
    // (Chromium starts helper processes) when the time is up; SIGKILL 5 s after SIGTERM.
    let timeoutTool = URL(fileURLWithPath: "/usr/bin/timeout")
    let bounded = FileManager.default.isExecutableFile(atPath: timeoutTool.path)
    let process = Process()
    process.executableURL = bounded ? timeoutTool : chromium
    process.arguments =
      bounded
      ? ["--kill-after=5", LocaleFormat.plain(timeout, decimals: 1), chromium.path] + arguments : arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    do {
      process.standardError = try FileHandle(forWritingTo: log)
      try process.run()
    } catch {
      throw .pdfFailed("cannot start \(chromium.path): \(error.localizedDescription)")
    }
    let stopped =
      "Chromium did not finish the PDF within \(LocaleFormat.plain(timeout, decimals: 1)) seconds and was stopped"
    // Without coreutils: end Chromium itself once the time is up.
    let deadline = Date().addingTimeInterval(timeout + (bounded ? 10 : 0))
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw .pdfFailed(stopped)
    }
    if bounded && (process.terminationStatus == 124 || process.terminationStatus == 137) {
      throw .pdfFailed(stopped)
    }
    process.waitUntilExit()
    let data = (try? Data(contentsOf: output)) ?? Data()
    guard process.terminationStatus == 0, data.starts(with: Array("%PDF".utf8)) else {
      let message = ((try? String(contentsOf: log, encoding: .utf8)) ?? "")
        .split(separator: "\n").filter { $0.contains("ERROR") || $0.contains("rror") }.prefix(3)
        .joined(separator: "; ")
      throw .pdfFailed(
        "Chromium ended with status \(process.terminationStatus) without a PDF"
          + (message.isEmpty ? "" : " (\(message))"))
    }
    return data
  }
}
