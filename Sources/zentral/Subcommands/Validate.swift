import ArgumentParser

extension Zentral {
  /// `zentral validate` (being built; see the issue tracker).
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
      throw ValidationError("'zentral validate' is not built yet.")
    }
  }
}
