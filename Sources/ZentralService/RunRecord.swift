public import Foundation
public import GRDB

/// One plan run in the run history (table `run` of `zentral.sqlite`): who started it, when, on
/// which input, and how it ended.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  /// The run's id.
  public var id: String
  /// The scenario's id.
  public var scenario: String
  /// The user who started it.
  public var user: String
  /// When it was submitted.
  public var created: Date
  /// When its solve started.
  public var started: Date?
  /// When it ended.
  public var finished: Date?
  /// SHA-256 of the scenario as resolved (a variant merged with its bases), hex.
  public var inputSHA256: String
  /// Where it stands.
  public var status: RunStatus
  /// Seconds from start to end.
  public var seconds: Double?
  /// What happened, one sentence (the plan's status, the error).
  public var message: String

  /// The table name.
  public static let databaseTableName = "run"

  /// The column names, spelled once.
  public enum CodingKeys: String, CodingKey, ColumnExpression {
    case id
    case scenario
    case user
    case created
    case started
    case finished
    case inputSHA256 = "input_sha256"
    case status
    case seconds
    case message
  }

  /// A record of a run submitted now.
  public init(
    id: RunID, scenario: ScenarioID, user: String, created: Date = Date(), status: RunStatus = .queued
  ) {
    self.id = id.rawValue
    self.scenario = scenario.rawValue
    self.user = user
    self.created = created
    self.started = nil
    self.finished = nil
    self.inputSHA256 = ""
    self.status = status
    self.seconds = nil
    self.message = ""
  }
}

extension RunStatus: DatabaseValueConvertible {}
