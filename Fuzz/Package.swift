// swift-tools-version: 6.1
import PackageDescription

// Coverage-guided fuzz targets for zentral (docs/fuzzing.md). Kept out of the main package:
// they need libFuzzer's flags (`-sanitize=fuzzer`, `-parse-as-library`), which `scripts/fuzz`
// passes, and their own `.build` under Fuzz/.build.

/// Strictness shared by every Swift target, as in the main package.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "zentral-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "zentral")],
  targets: [
    // Declares libFuzzer's LLVMFuzzerRunDriver for the Swift `@main` of each target.
    .target(name: "CFuzzerDriver"),
    // Byte reader, scenario sketches, format checks and the finding report shared by the targets.
    .target(
      name: "FuzzSupport",
      dependencies: [
        "CFuzzerDriver",
        .product(name: "ZentralCore", package: "zentral"),
        .product(name: "ZentralPlan", package: "zentral"),
      ],
      swiftSettings: strictSettings
    ),
    // Arbitrary bytes through the load and validate path of `zentral validate`.
    .executableTarget(
      name: "FuzzLoader",
      dependencies: ["FuzzSupport", .product(name: "ZentralCore", package: "zentral")],
      swiftSettings: strictSettings
    ),
    // Small valid scenarios through the planner, against the status-quo checks.
    .executableTarget(
      name: "FuzzPlanner",
      dependencies: [
        "FuzzSupport",
        .product(name: "ZentralCore", package: "zentral"),
        .product(name: "ZentralSolver", package: "zentral"),
        .product(name: "ZentralPlan", package: "zentral"),
      ],
      swiftSettings: strictSettings
    ),
    // Plans with arbitrary Unicode names and org shapes through every exporter.
    .executableTarget(
      name: "FuzzExport",
      dependencies: [
        "FuzzSupport",
        .product(name: "ZentralCore", package: "zentral"),
        .product(name: "ZentralExport", package: "zentral"),
        .product(name: "ZentralWorkbook", package: "zentral"),
        .product(name: "ZentralPlan", package: "zentral"),
      ],
      swiftSettings: strictSettings
    ),
  ]
)
