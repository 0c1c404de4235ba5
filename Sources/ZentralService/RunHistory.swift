public import Foundation
import GRDB

/// The run history of `zentral serve` in SQLite (`DIR/zentral.sqlite`) through GRDB: one row per
/// plan run. The scenario and run files stay the source of truth; the history says who ran what
/// when, and how it ended.
public final class RunHistory: Sendable {
  private let database: DatabaseQueue

  /// Opens (or creates) the history at `url` and brings its tables up to date.
  ///
  /// - Throws: ``ServiceError`` when the file cannot be opened.
  public init(url: URL) throws(ServiceError) {
    do {
      database = try DatabaseQueue(path: url.path)
      var migrator = DatabaseMigrator()
      migrator.registerMigration("v1") { db in
        try db.create(table: RunRecord.databaseTableName) { table in
          table.column("id", .text).primaryKey()
          table.column("scenario", .text).notNull().indexed()
          table.column("user", .text).notNull()
          table.column("created", .datetime).notNull()
          table.column("started", .datetime)
          table.column("finished", .datetime)
          table.column("input_sha256", .text).notNull()
          table.column("status", .text).notNull()
          table.column("seconds", .double)
          table.column("message", .text).notNull()
        }
      }
      try migrator.migrate(database)
    } catch {
      throw ServiceError(.internalFailure, "\(url.path): the run history cannot be opened: \(error)")
    }
  }

  /// Adds `record`, or replaces the record with its id.
  public func save(_ record: RunRecord) throws(ServiceError) {
    try write { db in try record.save(db) }
  }

  /// The record of run `id`, or `nil`.
  public func record(_ id: RunID) -> RunRecord? {
    try? database.read { db in try RunRecord.fetchOne(db, key: id.rawValue) }
  }

  /// The newest `limit` records, newest first; only those of `scenario` when given.
  public func recent(limit: Int = 100, scenario: ScenarioID? = nil) -> [RunRecord] {
    (try? database.read { db in
      var request = RunRecord.order(RunRecord.CodingKeys.created.desc)
      if let scenario { request = request.filter(RunRecord.CodingKeys.scenario == scenario.rawValue) }
      return try request.limit(limit).fetchAll(db)
    }) ?? []
  }

  /// The newest finished (`done`) run of `scenario`, or `nil`.
  public func latestDone(of scenario: ScenarioID) -> RunRecord? {
    try? database.read { db in
      try RunRecord.filter(RunRecord.CodingKeys.scenario == scenario.rawValue)
        .filter(RunRecord.CodingKeys.status == RunStatus.done.rawValue)
        .order(RunRecord.CodingKeys.created.desc).fetchOne(db)
    }
  }

  /// Marks every run still `queued` or `running` (from before a restart) `interrupted`; returns
  /// how many.
  @discardableResult
  public func markInterrupted(at date: Date = Date()) throws(ServiceError) -> Int {
    try write { db in
      try RunRecord.filter(
        [RunStatus.queued.rawValue, RunStatus.running.rawValue].contains(RunRecord.CodingKeys.status)
      )
      .updateAll(
        db, RunRecord.CodingKeys.status.set(to: RunStatus.interrupted.rawValue),
        RunRecord.CodingKeys.finished.set(to: date),
        RunRecord.CodingKeys.message.set(to: "Der Server wurde beendet, bevor der Lauf fertig war."))
    }
  }

  private func write<T: Sendable>(_ change: @Sendable (Database) throws -> T) throws(ServiceError) -> T {
    do {
      return try database.write(change)
    } catch {
      throw ServiceError(.internalFailure, "the run history cannot be written: \(error)")
    }
  }
}
