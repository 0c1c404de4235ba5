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
    .library(name: "ZentralService", targets: ["ZentralService"]),
    .library(name: "ZentralServer", targets: ["ZentralServer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
    // The service core behind `zentral serve`: the data folder (safe ids, atomic writes), the run
    // history in SQLite (GRDB), users and roles (bcrypt), and the bounded work queue of plan runs.
    // Knows no HTTP.
    .target(
      name: "ZentralService",
      dependencies: [
        "ZentralCore",
        "ZentralExport",
        "ZentralPlan",
        "ZentralSolver",
        "ZentralWorkbook",
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
      ],
      swiftSettings: strictSettings
    ),
    // The web application of `zentral serve`: Hummingbird routes, sessions, roles, CSRF, security
    // headers and the German pages (mustache templates, escaped by default) over ZentralService.
    .target(
      name: "ZentralServer",
      dependencies: [
        "ZentralService",
        "ZentralCore",
        "ZentralExport",
        "ZentralPlan",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings
    ),
    // Thin command-line front end.
    .executableTarget(
      name: "zentral",
      dependencies: [
        "ZentralCore",
        "ZentralExport",
        "ZentralPlan",
        "ZentralServer",
        "ZentralService",
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
      name: "ZentralServerTests",
      dependencies: [
        "ZentralServer", "ZentralService", "ZentralCore", "ZentralPlan", "ZentralTestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
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
