public import Foundation

/// What `zentral serve` was started with: where it listens, where its data lives, who may use it
/// and how much work it takes on (docs/serve.md, "Command line").
public struct ServiceConfiguration: Sendable {
  /// The data folder (scenarios, runs, run history).
  public var dataFolder: URL
  /// The address to listen on.
  public var host: String
  /// The port to listen on; 0 picks a free one.
  public var port: Int
  /// The users file, when the login page is on.
  public var usersFile: URL?
  /// The header a trusted reverse proxy sets to the authenticated user's name.
  public var authHeader: String?
  /// The address of that reverse proxy.
  public var trustedProxy: String?
  /// Plan runs solved at the same time.
  public var workers: Int
  /// Runs waiting at most; a run beyond is refused.
  public var queueLimit: Int
  /// The largest request body in bytes.
  public var maxUploadBytes: Int

  /// A configuration with the documented defaults for everything not given.
  public init(
    dataFolder: URL, host: String = "127.0.0.1", port: Int = 8080, usersFile: URL? = nil,
    authHeader: String? = nil, trustedProxy: String? = nil,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int = 50,
    maxUploadBytes: Int = 5 * 1024 * 1024
  ) {
    self.dataFolder = dataFolder
    self.host = host
    self.port = port
    self.usersFile = usersFile
    self.authHeader = authHeader
    self.trustedProxy = trustedProxy
    self.workers = workers
    self.queueLimit = queueLimit
    self.maxUploadBytes = maxUploadBytes
  }

  /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// Whether some authentication (a users file or a trusted proxy header) is configured.
  public var hasAuthentication: Bool { usersFile != nil || authHeader != nil }
}
