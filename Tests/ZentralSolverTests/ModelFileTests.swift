import Foundation
import Testing
import ZentralSolver
import ZentralTestSupport

@Suite("Exported models solved by another solver")
struct ModelFileTests {
  /// Solves a model file with HiGHS (highspy) and returns its objective.
  static func highsObjective(_ path: String) throws -> Double {
    let script = """
      import sys, highspy
      h = highspy.Highs()
      h.setOptionValue('output_flag', False)
      h.readModel(sys.argv[1])
      h.run()
      assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal, h.getModelStatus()
      print('objective', repr(h.getInfo().objective_function_value))
      """
    let run = try Program.run("python3", ["-c", script, path])
    let line = run.stdout.split(separator: "\n").last { $0.hasPrefix("objective ") }
    guard run.status == 0, let line, let value = Double(line.dropFirst("objective ".count))
    else { throw HighsFailure(status: run.status, output: run.stdout + run.stderr) }
    return value
  }

  struct HighsFailure: Error {
    var status: Int32
    var output: String
  }

  static func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("zentral-\(UUID().uuidString)-\(name)").path
  }

  @Test(
    "Models written as MPS and LP solve in HiGHS to GLPK's objective, constant included",
    arguments: ModelFile.Format.allCases)
  func roundTrip(format: ModelFile.Format) throws {
    var models = [try TestModels.wyndor(), try TestModels.cap41()]
    models += try (1...3).map { try TestModels.facilityMIP(seed: $0) }
    for model in models {
      let path = Self.temporaryPath("\(model.name).\(format.rawValue)")
      defer { try? FileManager.default.removeItem(atPath: path) }
      try ModelFile.write(model, format: format, to: path)
      let glpk = try #require(try Solver.solve(model).objective)
      let highs = try Self.highsObjective(path)
      #expect(abs(glpk - highs) <= 1e-6 * max(1, abs(glpk)), "\(model.name): GLPK \(glpk), HiGHS \(highs)")
    }
  }

  @Test("The objective constant survives the MPS round trip (the Wyndor LP has constant 7)")
  func constantSurvives() throws {
    let path = Self.temporaryPath("wyndor.mps")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile.write(try TestModels.wyndor(), format: .freeMPS, to: path)
    #expect(abs(try Self.highsObjective(path) - 43) < 1e-9)
  }

  @Test("A write into a missing folder fails with a clear error and leaves nothing behind")
  func failedWrite() throws {
    let path = "/nonexistent-folder-zentral/model.mps"
    #expect(throws: SolverError.self) {
      try ModelFile.write(try TestModels.wyndor(), format: .freeMPS, to: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test("Writing replaces an existing file only with a complete one")
  func atomicReplace() throws {
    let path = Self.temporaryPath("replace.lp")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "old".write(toFile: path, atomically: true, encoding: .utf8)
    try ModelFile.write(try TestModels.wyndor(), format: .cplexLP, to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("plant3"))
    let folder = (path as NSString).deletingLastPathComponent
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".tmp") && $0.contains("replace.lp")
    }
    #expect(leftovers.isEmpty)
  }
}
