/// One sheet of the scenario workbook: its names, its shape and its columns.
public struct WorkbookSheet: Sendable {
  /// How the rows of a sheet become scenario keys.
  public enum Shape: Sendable {
    /// One row per key: the columns Feld, Wert, Schlüssel, Erläuterung; ``WorkbookSheet/columns``
    /// are the keys (from the top of the scenario).
    case fields
    /// One row per item of the list at this top-level key (`units`, `families`, `tasks`).
    case list(String)
    /// One row per provider of a family (`families[].providers` and `families[].centres.<p>`);
    /// the first two columns name the family and the provider.
    case providers
    /// One row per breakpoint of a scale curve (`families[].scale` or
    /// `families[].centres.<p>.scale`); the columns are family, provider, pooled, effective.
    case scale
    /// One row per offer of a provider for a task (`tasks[].at.<p>`); the first two columns name
    /// the task and the provider.
    case offers
    /// One row per year of a year value (``WorkbookLayout/yearValueKeys``); the columns are
    /// key, unit, year, value.
    case yearValues
    /// One row per policy rule of a list (pilots, deadlines, together, must_move, must_stay);
    /// the columns are rule, family, unit, task, year, group.
    case rules
    /// One row per key that no other sheet has a column for: a key path as the loader names it
    /// (`units[3].posts`, `families[0].centres.krzn.open`) and the value as YAML text. It keeps
    /// keys that a newer format adds before the layout gives them a column (``WorkbookLayout``).
    case extra
  }

  /// The tab name in German.
  public var german: String
  /// The tab name in English.
  public var english: String
  /// How rows become keys.
  public var shape: Shape
  /// The columns (for ``Shape/fields``: the keys, one per row).
  public var columns: [WorkbookColumn]

  /// A sheet.
  public init(_ german: String, _ english: String, _ shape: Shape, _ columns: [WorkbookColumn]) {
    self.german = german
    self.english = english
    self.shape = shape
    self.columns = columns
  }

  /// The tab name in `english` or German.
  func name(english useEnglish: Bool) -> String { useEnglish ? english : german }
}
