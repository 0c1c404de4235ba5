import Foundation
import HTTPTypes
public import Hummingbird
public import ZentralService

/// The web application of `zentral serve` (docs/serve.md): builds the Hummingbird application over
/// the service core.
public enum ZentralWebApp {
  /// Checks `configuration` before anything starts: a host other than loopback needs
  /// authentication, the proxy header needs the proxy's address, the numbers their ranges.
  ///
  /// - Throws: ``ServiceError`` with one sentence naming the option and its value.
  public static func check(_ configuration: ServiceConfiguration) throws(ServiceError) {
    if !ServiceConfiguration.isLoopback(configuration.host), !configuration.hasAuthentication {
      throw ServiceError(
        .badRequest,
        "--host \(configuration.host) is not a loopback address: give --users FILE or --auth-header NAME "
          + "--trusted-proxy IP so that only known users get in")
    }
    if configuration.authHeader != nil, configuration.trustedProxy == nil {
      throw ServiceError(
        .badRequest, "--auth-header needs --trusted-proxy IP, the address of the proxy that sets the header")
    }
    if let header = configuration.authHeader, HTTPField.Name(header) == nil {
      throw ServiceError(.badRequest, "--auth-header '\(header)' is not a header name, e.g. X-Remote-User")
    }
    guard (0...65_535).contains(configuration.port) else {
      throw ServiceError(.badRequest, "--port \(configuration.port) is not a port (0 to 65535)")
    }
    guard (1...256).contains(configuration.workers) else {
      throw ServiceError(.badRequest, "--workers \(configuration.workers) must be 1 to 256")
    }
    guard (0...100_000).contains(configuration.queueLimit) else {
      throw ServiceError(.badRequest, "--queue-limit \(configuration.queueLimit) must be 0 to 100000")
    }
    guard (1_024...(1 << 30)).contains(configuration.maxUploadBytes) else {
      throw ServiceError(
        .badRequest, "--max-upload-bytes \(configuration.maxUploadBytes) must be 1024 to 1073741824")
    }
  }

  /// The application: opens the service (marking runs of a previous server interrupted), loads
  /// the pages, and listens as `configuration` says; `onListening` gets the bound port.
  ///
  /// - Throws: ``ServiceError`` for a wrong configuration, a data folder or users file that
  ///   cannot be read.
  public static func application(
    configuration: ServiceConfiguration, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws -> some ApplicationProtocol {
    let (app, service) = try await parts(configuration: configuration)
    return Application(
      router: app.router(),
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port), serverName: "zentral"),
      services: [QueueShutdown(queue: service.queue)],
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) })
  }

  /// Builds the application of `configuration` and runs it until SIGINT or SIGTERM.
  ///
  /// - Throws: ``ServiceError`` as ``application(configuration:onListening:)``, or the server's error.
  public static func run(
    configuration: ServiceConfiguration, onListening: @escaping @Sendable (Int) async -> Void
  ) async throws {
    try await application(configuration: configuration, onListening: onListening).runService()
  }

  /// The service core the application of `configuration` uses (for tests that look behind the pages).
  static func parts(configuration: ServiceConfiguration) async throws -> (WebApp, PlanningService) {
    try check(configuration)
    let auth: AuthMode
    let users = try configuration.usersFile.map { url throws(ServiceError) in
      try UserDirectory(contentsOf: url)
    }
    if let header = configuration.authHeader, let proxy = configuration.trustedProxy {
      auth = .proxy(header: header, trustedProxy: proxy, users: users ?? UserDirectory())
    } else if let users {
      auth = .users(users)
    } else {
      auth = .local
    }
    let service = try PlanningService(configuration: configuration)
    let pages = try await Pages.load()
    let app = WebApp(
      service: service, sessions: SessionStore(), pages: pages, auth: auth,
      maxUploadBytes: configuration.maxUploadBytes)
    return (app, service)
  }
}
