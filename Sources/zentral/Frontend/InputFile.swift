import Foundation
import ZentralCore

/// Checks of the file a subcommand reads, before it is parsed, that point the way when the file
/// is missing or of the wrong kind: a mistyped name gets the closest existing file, a plan given
/// to `zentral plan` points to `zentral export`, a spreadsheet to `zentral import`, a scenario
/// given to `zentral export` to `zentral plan`.
enum InputFile {
  /// What a file is, as far as it matters for the hints.
  enum Kind: Equatable {
    /// A scenario (`format: zentral/1`).
    case scenario
    /// A plan written by `zentral plan` (`"format": "zentral-plan/…"`).
    case plan
    /// A spreadsheet or its CSV export.
    case spreadsheet
    /// Anything else (the reader of the file says what is wrong with it).
    case other
  }

  /// Scenario file extensions.
  static let scenarioExtensions: Set<String> = ["yaml", "yml", "json"]
  /// Spreadsheet file extensions (CSV exports and the workbooks they come from).
  static let spreadsheetExtensions: Set<String> = ["csv", "tsv", "xlsx", "xls", "ods"]

  /// Refuses a scenario path that does not exist (suggesting a similar file) or that names a plan
  /// or a spreadsheet; other problems of the file are the loader's to report.
  static func checkScenario(_ path: String) throws(CommandFailure) {
    try checkExists(path, extensions: scenarioExtensions)
    switch kind(of: path) {
    case .plan:
      throw CommandFailure(
        "\(path) is a plan written by 'zentral plan', not a scenario; to write its report or org chart, "
          + "use 'zentral export \(path) --format html --out report.html'")
    case .spreadsheet where path.lowercased().hasSuffix(".xlsx"):
      throw CommandFailure(
        "\(path) is a workbook, not a scenario; build a scenario from it with "
          + "'zentral import \(path) --out SCENARIO.yaml' (docs/import.md)")
    case .spreadsheet:
      throw CommandFailure(
        "\(path) is a spreadsheet, not a scenario; build a scenario from the CSV files of units and tasks "
          + "with 'zentral import --units UNITS.csv --tasks TASKS.csv --out SCENARIO.yaml' (docs/import.md)")
    case .scenario, .other:
      return
    }
  }

  /// Refuses a plan path that does not exist (suggesting a similar file) or that names a
  /// scenario or a spreadsheet.
  static func checkPlan(_ path: String) throws(CommandFailure) {
    try checkExists(path, extensions: ["json"])
    switch kind(of: path) {
    case .scenario:
      throw CommandFailure(
        "\(path) is a scenario, not a plan; plan it first with 'zentral plan \(path)', then export the "
          + "plan.json it writes")
    case .spreadsheet:
      throw CommandFailure(
        "\(path) is a spreadsheet, not a plan; build a scenario from it with 'zentral import' (docs/import.md), "
          + "then plan it with 'zentral plan'")
    case .plan, .other:
      return
    }
  }

  /// Refuses a path with no file, in the loader's words, with the closest existing file with one
  /// of `extensions` in the same folder.
  static func checkExists(_ path: String, extensions: Set<String>) throws(CommandFailure) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw CommandFailure("\(path): cannot be read: it is a folder, not a file") }
      return
    }
    let hint = SimilarFile.existing(like: path, extensions: extensions).map { "; did you mean \($0)?" } ?? ""
    throw CommandFailure("\(path): cannot be read: there is no such file" + hint)
  }

  /// What the file at `path` is: by its extension for spreadsheets, by its `format` key for
  /// scenarios and plans (a JSON file is read whole, up to the loader's size limit; YAML by its
  /// `format:` line).
  static func kind(of path: String) -> Kind {
    let url = URL(fileURLWithPath: path)
    let fileExtension = url.pathExtension.lowercased()
    if spreadsheetExtensions.contains(fileExtension) { return .spreadsheet }
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size <= ScenarioLoader.sizeLimit, let data = try? Data(contentsOf: url)
    else { return .other }
    let format: String?
    if data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      format = object?["format"] as? String
    } else {
      format =
        String(decoding: data.prefix(65_536), as: UTF8.self).split(separator: "\n").lazy
        .compactMap { line -> String? in
          guard line.hasPrefix("format:") else { return nil }
          return line.dropFirst("format:".count).trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.first
    }
    guard let format else { return .other }
    if format.hasPrefix("zentral-plan/") { return .plan }
    if format.hasPrefix("zentral/") { return .scenario }
    return .other
  }
}
