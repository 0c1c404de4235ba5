import Foundation
import ZentralService

/// The sessions of the web application, in memory (a restart signs everyone out). At most
/// ``limit`` sessions are kept; the least recently used go first, and a session unused for
/// ``lifetime`` ends.
actor SessionStore {
  /// The most sessions kept.
  let limit: Int
  /// How long an unused session lives.
  let lifetime: TimeInterval
  private var sessions: [String: WebSession] = [:]

  init(limit: Int = 10_000, lifetime: TimeInterval = 12 * 3_600) {
    self.limit = limit
    self.lifetime = lifetime
  }

  /// The session `id`, if it exists and has not expired (its use is noted).
  func session(_ id: String) -> WebSession? {
    guard var session = sessions[id] else { return nil }
    guard Date().timeIntervalSince(session.lastUsed) < lifetime else {
      sessions[id] = nil
      return nil
    }
    session.lastUsed = Date()
    sessions[id] = session
    return session
  }

  /// A new session (signed in as `user` when given).
  func create(user: ServiceUser? = nil) -> WebSession {
    if sessions.count >= limit, let oldest = sessions.values.min(by: { $0.lastUsed < $1.lastUsed }) {
      sessions[oldest.id] = nil
    }
    let session = WebSession(
      id: WebSession.randomToken(), csrf: WebSession.randomToken(), user: user, lastUsed: Date())
    sessions[session.id] = session
    return session
  }

  /// Ends session `id`.
  func remove(_ id: String) { sessions[id] = nil }
}
