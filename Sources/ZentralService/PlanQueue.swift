import Foundation
import ZentralSolver

/// The bounded work queue of plan runs: at most `workers` solves at the same time (one per core),
/// further runs wait in a visible queue of at most `limit`, beyond which a run is refused. A run
/// can be cancelled while it waits or runs; a cancelled or failed run leaves no folder (``PlanJob``).
/// Every change of a run's status goes to the run history and to the run's listeners.
public actor PlanQueue {
  /// The runs being solved and the runs waiting, in order.
  public struct Snapshot: Sendable, Equatable {
    /// Being solved.
    public var running: [RunID]
    /// Waiting, first one next.
    public var waiting: [RunID]
  }

  private let folder: DataFolder
  private let history: RunHistory
  private let workers: Int
  private let limit: Int
  private var waiting: [RunID] = []
  private var scenarios: [RunID: ScenarioID] = [:]
  private var running: [RunID: StopSignal] = [:]
  private var runningOrder: [RunID] = []
  private var cancelling: Set<RunID> = []
  private var lastProgress: [RunID: String] = [:]
  private var listeners: [RunID: [UUID: AsyncStream<RunEvent>.Continuation]] = [:]
  private var closed = false

  /// A queue that runs the plans of `folder`'s scenarios, `workers` at a time, with at most
  /// `limit` waiting, and records them in `history`.
  public init(folder: DataFolder, history: RunHistory, workers: Int, limit: Int) {
    self.folder = folder
    self.history = history
    self.workers = max(1, workers)
    self.limit = max(0, limit)
  }

  /// Submits a plan run of `scenario` for `user`; returns its record (status `queued`, or
  /// `running` when a worker was free).
  ///
  /// - Throws: ``ServiceError`` (busy) when the queue is full; the refusal is recorded.
  public func submit(scenario: ScenarioID, user: String) throws(ServiceError) -> RunRecord {
    var record = RunRecord(id: RunID.make(), scenario: scenario, user: user)
    record.inputSHA256 = PlanJob.inputHash(folder: folder, scenario: scenario)
    guard let run = RunID(record.id) else { throw ServiceError(.internalFailure, "Ungültige Lauf-Kennung.") }
    if closed || waiting.count >= limit && running.count >= workers {
      record.status = .refused
      record.finished = Date()
      record.message =
        "Die Warteschlange ist voll (\(limit) Läufe warten); bitte später noch einmal versuchen."
      try history.save(record)
      throw ServiceError(.busy, record.message)
    }
    try history.save(record)
    waiting.append(run)
    scenarios[run] = scenario
    startWaiting()
    return history.record(run) ?? record
  }

  /// Cancels `run` if it waits or runs; returns whether it did.
  @discardableResult
  public func cancel(_ run: RunID) -> Bool {
    if let index = waiting.firstIndex(of: run) {
      waiting.remove(at: index)
      scenarios[run] = nil
      if var record = history.record(run) {
        record.status = .cancelled
        record.finished = Date()
        record.message = "Abgebrochen, bevor der Lauf begann."
        try? history.save(record)
      }
      publish(run, .status(.cancelled))
      return true
    }
    if let stop = running[run] {
      cancelling.insert(run)
      stop.raise()
      return true
    }
    return false
  }

  /// The runs being solved and waiting.
  public func snapshot() -> Snapshot { Snapshot(running: runningOrder, waiting: waiting) }

  /// The position of `run` in the waiting queue (1: next), or `nil`.
  public func position(of run: RunID) -> Int? { waiting.firstIndex(of: run).map { $0 + 1 } }

  /// The last progress line of a running `run`.
  public func progress(of run: RunID) -> String? { lastProgress[run] }

  /// The events of `run` from now on: its current status first, then progress and status changes;
  /// ends after a final status (at once for a run that has ended).
  public func events(for run: RunID) -> AsyncStream<RunEvent> {
    let (stream, continuation) = AsyncStream<RunEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
    let status = history.record(run)?.status ?? .failed
    continuation.yield(.status(status))
    if let line = lastProgress[run] { continuation.yield(.progress(line)) }
    if status.isFinal {
      continuation.finish()
      return stream
    }
    let key = UUID()
    listeners[run, default: [:]][key] = continuation
    continuation.onTermination = { _ in Task { await self.removeListener(run, key) } }
    return stream
  }

  /// Stops taking runs: cancels the waiting ones and stops the running ones (for a graceful
  /// shutdown).
  public func shutdown() {
    closed = true
    for run in waiting { cancel(run) }
    for run in Array(running.keys) { cancel(run) }
  }

  /// Waits until no run waits or runs (for tests and shutdown), polling every 20 ms.
  public func waitUntilIdle() async {
    while !waiting.isEmpty || !running.isEmpty {
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  // MARK: Steps

  private func removeListener(_ run: RunID, _ key: UUID) {
    listeners[run]?[key] = nil
    if listeners[run]?.isEmpty == true { listeners[run] = nil }
  }

  private func publish(_ run: RunID, _ event: RunEvent) {
    for continuation in (listeners[run] ?? [:]).values { continuation.yield(event) }
    if case .status(let status) = event, status.isFinal {
      for continuation in (listeners[run] ?? [:]).values { continuation.finish() }
      listeners[run] = nil
      lastProgress[run] = nil
    }
  }

  private func report(_ run: RunID, _ line: String) {
    guard running[run] != nil else { return }
    lastProgress[run] = line
    publish(run, .progress(line))
  }

  private func startWaiting() {
    while running.count < workers, !waiting.isEmpty {
      let run = waiting.removeFirst()
      guard let scenario = scenarios[run] else { continue }
      let stop = StopSignal()
      running[run] = stop
      runningOrder.append(run)
      let started = Date()
      if var record = history.record(run) {
        record.status = .running
        record.started = started
        try? history.save(record)
      }
      publish(run, .status(.running))
      let job = PlanJob(folder: folder, run: run, scenario: scenario)
      let thread = Thread {
        let outcome = job.execute(stop: stop) { line in Task { await self.report(run, line) } }
        Task { await self.finish(run, outcome: outcome, started: started) }
      }
      thread.stackSize = 64 << 20
      thread.start()
    }
  }

  private func finish(_ run: RunID, outcome: PlanJob.Outcome, started: Date) {
    running[run] = nil
    runningOrder.removeAll { $0 == run }
    scenarios[run] = nil
    let wasCancelled = cancelling.remove(run) != nil
    let status: RunStatus
    let message: String
    switch outcome {
    case .done(let text) where !wasCancelled:
      status = .done
      message = text
    case .failed(let text) where !wasCancelled:
      status = .failed
      message = text
    default:
      // A run cancelled after its folder was put in place keeps no folder either.
      try? FileManager.default.removeItem(at: folder.runFolder(run))
      status = .cancelled
      message = "Abgebrochen; es wurde nichts gespeichert."
    }
    if var record = history.record(run) {
      record.status = status
      record.finished = Date()
      record.seconds = Date().timeIntervalSince(started)
      record.message = message
      try? history.save(record)
    }
    publish(run, .status(status))
    startWaiting()
  }
}
