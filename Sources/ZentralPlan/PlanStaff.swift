extension Plan {
  /// The legal form in which staff go with a task to the unit that takes it over.
  public enum TransferForm: String, PlanEnum {
    /// Versetzung: a lasting move within the same employer.
    case versetzung
    /// Abordnung: a temporary secondment, the employer stays.
    case abordnung
    /// Personalgestellung: staff stay employed by the city and work for the provider (§ 4 (3) TVöD).
    case personalgestellung
    /// Betriebsübergang: employment passes to the provider with the work (§ 613a BGB).
    case betriebsuebergang
  }

  /// The staff side of a plan: posts (Stellen) in and out per unit and year, the surplus staff
  /// (Personalüberhang) under the no-layoffs rule, and the smallest part of a task that may move.
  public struct StaffSummary: Codable, Sendable, Equatable {
    /// The smallest part of a divisible task that may move, FTE (0: no minimum).
    public var minMoveFTE: Double
    /// Share of the surplus staff that leaves each year; absent without the no-layoffs rule.
    public var attritionRate: Double?
    /// Posts in and out per unit and year (units and years with a change only), in unit order.
    public var posts: [UnitPosts]
    /// Surplus staff per provider and year (providers with a surplus in some year, every year);
    /// empty without the no-layoffs rule.
    public var surplus: [Surplus]

    enum CodingKeys: String, CodingKey {
      case minMoveFTE = "min_move_fte"
      case attritionRate = "attrition_rate"
      case posts, surplus
    }

    /// Creates a staff summary.
    public init(minMoveFTE: Double, attritionRate: Double?, posts: [UnitPosts], surplus: [Surplus]) {
      self.minMoveFTE = minMoveFTE
      self.attritionRate = attritionRate
      self.posts = posts
      self.surplus = surplus
    }

    /// Surplus staff of all providers in `year`, FTE.
    public func surplusFTE(in year: Int) -> Double {
      surplus.filter { $0.year == year }.reduce(0) { $0 + $1.fte }
    }
  }

  /// Posts that leave and join one unit in one year (the Stellenplan effect).
  public struct UnitPosts: Codable, Sendable, Equatable {
    /// Unit id.
    public var unit: String
    /// Calendar year.
    public var year: Int
    /// Posts that join the unit with tasks it takes over.
    public var postsIn: Int
    /// Posts that leave the unit with tasks that move away.
    public var postsOut: Int
    /// FTE that join the unit with those posts (home workload).
    public var fteIn: Double
    /// FTE that leave the unit with those posts.
    public var fteOut: Double

    enum CodingKeys: String, CodingKey {
      case unit, year
      case postsIn = "posts_in"
      case postsOut = "posts_out"
      case fteIn = "fte_in"
      case fteOut = "fte_out"
    }

    /// Creates a row.
    public init(unit: String, year: Int, postsIn: Int, postsOut: Int, fteIn: Double, fteOut: Double) {
      self.unit = unit
      self.year = year
      self.postsIn = postsIn
      self.postsOut = postsOut
      self.fteIn = fteIn
      self.fteOut = fteOut
    }
  }

  /// Staff on a provider's payroll in one year that its centres do not need (Personalüberhang).
  public struct Surplus: Codable, Sendable, Equatable {
    /// Provider id.
    public var unit: String
    /// Calendar year.
    public var year: Int
    /// Surplus staff, FTE.
    public var fte: Double
    /// What the surplus staff cost that year, EUR/year (part of the plan's annual cost).
    public var annualCost: Double

    enum CodingKeys: String, CodingKey {
      case unit, year, fte
      case annualCost = "annual_cost"
    }

    /// Creates a row.
    public init(unit: String, year: Int, fte: Double, annualCost: Double) {
      self.unit = unit
      self.year = year
      self.fte = fte
      self.annualCost = annualCost
    }
  }

  /// How the staff of one part of a move go over, and what it costs.
  public struct MoveTransfer: Codable, Sendable, Equatable {
    /// The legal form (the receiving unit's).
    public var form: TransferForm
    /// One-time cost of this part, EUR (in the year of the move).
    public var oneTimeCost: Double
    /// Annual cost of this part, EUR/year, from the year of the move on.
    public var annualCost: Double

    enum CodingKeys: String, CodingKey {
      case form
      case oneTimeCost = "one_time_cost"
      case annualCost = "annual_cost"
    }

    /// Creates a transfer entry.
    public init(form: TransferForm, oneTimeCost: Double, annualCost: Double) {
      self.form = form
      self.oneTimeCost = oneTimeCost
      self.annualCost = annualCost
    }
  }
}
