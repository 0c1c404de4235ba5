import ServiceLifecycle
import ZentralService

/// Stops the work queue when the server shuts down gracefully (SIGINT, SIGTERM): waiting runs are
/// cancelled, running solves stopped, and their runs recorded as cancelled.
struct QueueShutdown: Service {
  let queue: PlanQueue

  func run() async throws {
    try? await gracefulShutdown()
    await queue.shutdown()
    await queue.waitUntilIdle()
  }
}
