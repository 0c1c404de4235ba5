import ArgumentParser

/// The `zentral` command: plan which IT tasks of a city administration to centralise.
@main
struct Zentral: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zentral",
    abstract: "Plans which IT tasks of a city administration to centralise, and proves it.",
    version: "0.1.0",
    subcommands: [Validate.self, Import.self, Plan.self, Generate.self, Export.self]
  )
}
