import ArgumentParser

extension Zentral {
  /// `zentral import` (being built; see the issue tracker).
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
      throw ValidationError("'zentral import' is not built yet.")
    }
  }
}
