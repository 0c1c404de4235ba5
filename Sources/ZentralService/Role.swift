/// What a user may do: `viewer` reads, `planner` also uploads, edits, plans and cancels, `admin`
/// may do everything.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
  /// Reads pages, reports and downloads.
  case viewer
  /// Also uploads, edits, plans, cancels and saves variants.
  case planner
  /// Everything.
  case admin

  private var rank: Int {
    switch self {
    case .viewer: 0
    case .planner: 1
    case .admin: 2
    }
  }

  /// Roles in rising order of rights.
  public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

  /// The German word shown on the pages.
  public var label: String {
    switch self {
    case .viewer: "Lesen"
    case .planner: "Planen"
    case .admin: "Verwalten"
    }
  }
}
