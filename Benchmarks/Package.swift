// swift-tools-version: 6.0
// kshape's benchmark suite: a package of its own, so that `swift test` and CI never build it.
// Run: cd Benchmarks && swift run -c release kshape-benchmarks (see docs/benchmarks-speed.md).
import Foundation
import PackageDescription

// A path dependency is named after its folder, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
  name: "KShapeBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/google/swift-benchmark", exact: "0.1.2"),
  ],
  targets: [
    .executableTarget(
      name: "kshape-benchmarks",
      dependencies: [
        .product(name: "KShapeEngine", package: root.lastPathComponent),
        .product(name: "Benchmark", package: "swift-benchmark"),
      ],
      path: "Sources/KShapeBenchmarks",
      // Top-level benchmark closures share the workloads; the engine's own code stays Swift 6.
      swiftSettings: [.swiftLanguageMode(.v5)])
  ]
)
