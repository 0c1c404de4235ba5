import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import ZentralServer
import ZentralService

extension Zentral {
  /// `zentral serve`: the planner's web application (docs/serve.md).
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Runs the planner's web application in a browser (docs/serve.md).",
      discussion: """
        Listens on loopback by default, where everyone is the local admin 'lokal'. Any other --host needs \
        --users FILE or --auth-header NAME with --trusted-proxy IP. Prints 'zentral serve: \
        http://HOST:PORT/ (Daten: DIR)' on standard error once it listens. SIGINT or SIGTERM stop it; \
        runs still waiting or running are then cancelled. Runs left by a killed server are marked \
        interrupted on the next start. --hash-password reads a password on standard input and prints \
        its bcrypt hash for the users file.
        """)

    @Option(help: ArgumentHelp("The data folder: scenarios, runs, run history.", valueName: "folder"))
    var data: String = "zentral-data"

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "port"))
    var port: Int = 8080

    @Option(
      help: ArgumentHelp(
        "Users file (YAML: name, role, bcrypt password_hash); turns on the login page.", valueName: "file"),
      completion: .file(extensions: ["yaml", "yml"]))
    var users: String?

    @Option(
      help: ArgumentHelp(
        "Header in which the trusted reverse proxy names the signed-in user.", valueName: "name"))
    var authHeader: String?

    @Option(help: ArgumentHelp("IP address of the reverse proxy that sets --auth-header.", valueName: "ip"))
    var trustedProxy: String?

    @Option(
      help: ArgumentHelp(
        "Plan runs solved at the same time (default: the number of cores).", valueName: "count"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Runs that may wait; more are refused.", valueName: "count"))
    var queueLimit: Int = 50

    @Option(help: ArgumentHelp("Largest request body (upload) in bytes.", valueName: "bytes"))
    var maxUploadBytes: Int = 5 * 1024 * 1024

    @Flag(help: "Read a password on standard input and print its bcrypt hash for the users file.")
    var hashPassword = false

    func run() throws {
      if hashPassword {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
          throw CommandFailure("--hash-password reads the password on standard input; none was given")
        }
        guard line.utf8.count <= 72 else {
          throw CommandFailure(
            "--hash-password: bcrypt uses at most 72 bytes of a password; this one has \(line.utf8.count)")
        }
        print(UserDirectory.hash(password: line))
        return
      }
      let configuration = ServiceConfiguration(
        dataFolder: URL(fileURLWithPath: data), host: host, port: port,
        usersFile: users.map { URL(fileURLWithPath: $0) },
        authHeader: authHeader, trustedProxy: trustedProxy, workers: workers, queueLimit: queueLimit,
        maxUploadBytes: maxUploadBytes)
      do {
        try ZentralWebApp.check(configuration)
      } catch {
        throw CommandFailure(error.message)
      }
      let failure = Mutex<(any Error)?>(nil)
      let done = DispatchSemaphore(value: 0)
      let shownHost = host.contains(":") ? "[\(host)]" : host
      let data = self.data
      Task {
        do {
          try await ZentralWebApp.run(configuration: configuration) { port in
            Zentral.write(["zentral serve: http://\(shownHost):\(port)/ (Daten: \(data))"])
          }
        } catch {
          failure.withLock { $0 = error }
        }
        done.signal()
      }
      done.wait()
      if let error = failure.withLock({ $0 }) {
        throw CommandFailure("serve: \(error)")
      }
    }
  }
}
