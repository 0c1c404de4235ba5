// swift-tools-version: 6.1
import PackageDescription

/// Strictness shared by every Swift target (the swift-log 1.16 house style).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "zentral",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "zentral", targets: ["zentral"]),
    .library(name: "ZentralSolver", targets: ["ZentralSolver"]),
    .library(name: "ZentralCore", targets: ["ZentralCore"]),
    .library(name: "ZentralPlan", targets: ["ZentralPlan"]),
    .library(name: "ZentralExport", targets: ["ZentralExport"]),
    .library(name: "ZentralWorkbook", targets: ["ZentralWorkbook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
  ],
  targets: [
    // C layer: GLPK through Debian's libglpk-dev. Debian ships no glpk.pc, so no pkgConfig.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"])]
    ),
    // Safe modelling layer over GLPK: the only target that imports CGLPK.
    .target(
      name: "ZentralSolver",
      dependencies: ["CGLPK"],
      swiftSettings: strictSettings
    ),
    // The plan format (zentral-plan/1) and its vocabulary: the contract between the optimiser and
    // everything that shows a plan. Foundation only.
    .target(
      name: "ZentralPlan",
      swiftSettings: strictSettings
    ),
    // Office workbooks (XLSX): a ZIP of XML parts, read and written through ZIPFoundation and
    // XMLCoder, with limits against hostile files. Knows cells and sheets, not scenarios.
    .target(
      name: "ZentralWorkbook",
      dependencies: [
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "XMLCoder", package: "XMLCoder"),
      ],
      swiftSettings: strictSettings
    ),
    // Domain core: scenarios, validation, the centralisation model and plans.
    .target(
      name: "ZentralCore",
      dependencies: [
        "ZentralPlan",
        "ZentralSolver",
        "ZentralWorkbook",
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strictSettings
    ),
    // Exporters: org charts and decision reports from a plan.
    .target(
      name: "ZentralExport",
      dependencies: ["ZentralPlan", "ZentralWorkbook"],
      swiftSettings: strictSettings
    ),
    // Thin command-line front end.
    .executableTarget(
      name: "zentral",
      dependencies: [
        "ZentralCore",
        "ZentralExport",
        "ZentralPlan",
        "ZentralSolver",
        "ZentralWorkbook",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The tests' one way to run a program (the built binary, Python, Graphviz) and collect what
    // it printed: a blocking runner on Foundation's Process (docs/cli.md, "Child processes").
    .target(
      name: "ZentralTestSupport",
      path: "Tests/ZentralTestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ZentralSolverTests",
      dependencies: ["ZentralSolver", "CGLPK", "ZentralTestSupport"],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ZentralCoreTests",
      dependencies: ["ZentralCore", "ZentralPlan", "ZentralSolver", "ZentralTestSupport"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ZentralExportTests",
      dependencies: ["ZentralExport", "ZentralPlan", "ZentralCore", "ZentralTestSupport", "ZentralWorkbook"],
      // Read through #filePath (golden files are recorded into the source tree).
      exclude: ["Fixtures", "Golden"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ZentralWorkbookTests",
      dependencies: [
        "ZentralWorkbook", "ZentralCore", "ZentralPlan", "ZentralTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ZentralCLITests",
      dependencies: ["ZentralCore", "ZentralPlan", "ZentralTestSupport"],
      swiftSettings: strictSettings
    ),
  ]
)
