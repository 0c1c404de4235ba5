/// One column of a sheet of the scenario workbook (or one row of a fields sheet): the scenario
/// key it fills, its headings in German and English, what a cell holds, and the note that
/// explains unit and range under the heading.
///
/// The workbook is table-driven: ``WorkbookLayout`` lists these columns, and the reader, the
/// template and the export from a scenario all follow that one table. A new scenario key becomes
/// a workbook column by adding one entry there (docs/import.md, "Adding a key").
public struct WorkbookColumn: Sendable {
  /// What a cell of the column holds.
  public enum Kind: Sendable {
    /// Text (names, ids, reasons).
    case text
    /// A number; text cells are read as German or English numbers (`1.234,5`, `4,5`).
    case number
    /// A whole number (years).
    case whole
    /// Yes or no (`ja`, `nein`, `x`, WAHR/FALSCH, 1/0).
    case flag
    /// A list of ids, separated by `,` or `;`; `-` for an empty list.
    case list
    /// A unit kind: the scenario's word (`department`) or a German one (`Fachbereich`).
    case unitKind
    /// One of a closed set of scenario words, also written in the planner's words: each scenario
    /// word with the other words that mean it (`["public_body": ["öffentlich", "Zweckverband"]]`).
    case choice([String: [String]])
  }

  /// The key path of the value, relative to the row's item in a list sheet (`centre.setup_cost`)
  /// or from the top of the scenario in a fields sheet (`policy.budget`).
  public var key: String
  /// The heading in German.
  public var german: String
  /// The heading in English.
  public var english: String
  /// What a cell holds.
  public var kind: Kind
  /// The note under the heading in German: unit, range, default.
  public var germanNote: String
  /// The note under the heading in English.
  public var englishNote: String

  /// A column filling `key`.
  public init(
    _ key: String, _ german: String, _ english: String, _ kind: Kind, de germanNote: String,
    en englishNote: String
  ) {
    self.key = key
    self.german = german
    self.english = english
    self.kind = kind
    self.germanNote = germanNote
    self.englishNote = englishNote
  }

  /// The heading in `english` or German.
  func heading(english useEnglish: Bool) -> String { useEnglish ? english : german }

  /// The note in `english` or German.
  func note(english useEnglish: Bool) -> String { useEnglish ? englishNote : germanNote }
}
