import CGLPK
import Foundation

/// Writes a model in the file formats other solvers read, with GLPK's own writers, so that the
/// exact model zentral solved can be checked independently (HiGHS, glpsol, CBC).
public enum ModelFile {
  /// The file formats GLPK writes.
  public enum Format: String, Sendable, CaseIterable {
    /// Free MPS with integer markers (`.mps`).
    case freeMPS = "mps"
    /// CPLEX LP (`.lp`).
    case cplexLP = "lp"

    /// The format that a file extension names (`mps` or `lp`), or `nil`.
    public init?(pathExtension: String) {
      self.init(rawValue: pathExtension.lowercased())
    }
  }

  /// Writes `model` to `path` atomically: a temporary file beside it is renamed over the
  /// target only when GLPK has written it completely.
  public static func write(_ model: LinearModel, format: Format, to path: String) throws(SolverError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    let code: Int32 = GLPKSession.run(hook: silentHook, info: nil) {
      let problem = GLPKProblem(model)
      switch format {
      case .freeMPS: return glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, temporary.path)
      case .cplexLP: return glp_write_lp(problem.pointer, nil, temporary.path)
      }
    }
    guard code == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw .writeFailed(path: path, reason: "GLPK could not write \(temporary.path) (code \(code))")
    }
    if format == .freeMPS && model.sense == .maximize {
      do {
        try declareMaximisation(in: temporary)
      } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw .writeFailed(path: path, reason: "\(error)")
      }
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .writeFailed(path: path, reason: reason)
    }
  }

  /// GLPK's MPS writer only notes the direction in a comment; other solvers read free MPS as
  /// minimisation unless an OBJSENSE section says otherwise, so one is added after NAME.
  private static func declareMaximisation(in file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    guard let name = lines.firstIndex(where: { $0.hasPrefix("NAME") }) else { return }
    lines.insert(contentsOf: ["OBJSENSE", "    MAX"], at: name + 1)
    try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
  }
}

private func silentHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 { 1 }
