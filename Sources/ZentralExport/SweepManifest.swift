public import Foundation

/// The record of a sweep's work, `sweep.json` in its folder: the variants with their edits and the
/// command each runs, so that `zentral sweep --collect DIR` can build the result table from the
/// folder alone, after the jobs ran here, under GNU parallel or as a Slurm array.
public struct SweepManifest: Codable, Sendable, Equatable {
  /// One variant: its name, its edits (key path and value), and where its files are.
  public struct Variant: Codable, Sendable, Equatable {
    /// The variant's name, also the name of its scenario file and result folder.
    public var name: String
    /// The key paths edited and their values as written (flow YAML), in the order of
    /// ``SweepManifest/keyPaths``.
    public var edits: [String: String]

    /// Creates a variant record.
    public init(name: String, edits: [String: String]) {
      self.name = name
      self.edits = edits
    }
  }

  /// The format tag, `zentral-sweep/1`.
  public var format: String
  /// The specification file the sweep was made from.
  public var spec: String
  /// The base scenario.
  public var base: String
  /// The key paths the variants edit: the columns of the table.
  public var keyPaths: [String]
  /// The variants.
  public var variants: [Variant]
  /// The options given to each `zentral plan` (time limit, gap, expert options).
  public var planOptions: [String]

  /// The name of the manifest in the sweep folder.
  public static let fileName = "sweep.json"
  /// The format tag this version writes and reads.
  public static let formatTag = "zentral-sweep/1"

  /// Creates a manifest.
  public init(spec: String, base: String, keyPaths: [String], variants: [Variant], planOptions: [String]) {
    self.format = Self.formatTag
    self.spec = spec
    self.base = base
    self.keyPaths = keyPaths
    self.variants = variants
    self.planOptions = planOptions
  }

  /// The folder of a variant's scenario files, in the sweep folder.
  public static let variantsFolder = "variants"
  /// The folder of the variants' result folders (each holding a plan.json).
  public static let resultsFolder = "results"
  /// The folder of the variants' logs (what `zentral plan` printed).
  public static let logsFolder = "logs"

  /// The manifest as pretty-printed JSON.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Why a sweep folder could not be read: one sentence naming the file.
  public struct ReadError: Error, Equatable, CustomStringConvertible {
    /// The sentence.
    public var description: String
  }

  /// Reads the manifest in `folder`; throws a sentence naming the file when it is missing or not one.
  public static func read(folder: String) throws(ReadError) -> SweepManifest {
    let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(
        description: "\(path): cannot be read: there is no such file, so \(folder) is not a sweep folder "
          + "written by 'zentral sweep' or 'zentral sweep --emit-jobs'")
    }
    let manifest: SweepManifest
    do {
      manifest = try JSONDecoder().decode(SweepManifest.self, from: data)
    } catch {
      throw ReadError(
        description: "\(path): is not a sweep record written by zentral (\(error.localizedDescription))")
    }
    guard manifest.format == formatTag else {
      throw ReadError(
        description: "\(path): its format is '\(manifest.format)'; this zentral reads \(formatTag)")
    }
    return manifest
  }
}
