import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZentralServer
import ZentralService

/// A data folder of its own for one test, the repository's files, and the configuration of a
/// server on it.
struct ServeFixture {
  /// The data folder (removed by ``remove()``).
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zentral-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// The repository root (from this file's path).
  static var repository: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// A file of the repository.
  static func file(_ path: String) throws -> Data {
    try Data(contentsOf: repository.appendingPathComponent(path))
  }

  /// A configuration on this folder (loopback, no authentication unless given).
  func configuration(
    users: URL? = nil, authHeader: String? = nil, trustedProxy: String? = nil, workers: Int = 2,
    queueLimit: Int = 50,
    maxUploadBytes: Int = 5 * 1024 * 1024
  ) -> ServiceConfiguration {
    ServiceConfiguration(
      dataFolder: folder.appendingPathComponent("data"), host: "127.0.0.1", port: 0, usersFile: users,
      authHeader: authHeader, trustedProxy: trustedProxy, workers: workers, queueLimit: queueLimit,
      maxUploadBytes: maxUploadBytes)
  }

  /// The data folder of ``configuration(users:authHeader:trustedProxy:workers:queueLimit:maxUploadBytes:)``.
  var data: URL { folder.appendingPathComponent("data") }

  /// The names in the data folder's scenarios folder.
  func scenarioFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("scenarios").path))
      ?? []).sorted()
  }

  /// Runs `body` with a router test client of the application on `configuration`.
  func withClient(
    _ configuration: ServiceConfiguration,
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    let app = try await ZentralWebApp.application(configuration: configuration)
    try await app.test(.router) { client in try await body(client) }
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}
