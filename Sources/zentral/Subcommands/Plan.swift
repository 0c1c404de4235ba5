import ArgumentParser

extension Zentral {
  /// `zentral plan` (being built; see the issue tracker).
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
      throw ValidationError("'zentral plan' is not built yet.")
    }
  }
}
