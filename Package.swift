// swift-tools-version: 6.0
import PackageDescription

// A release build leaves out the run-time exclusivity checks (`-enforce-exclusivity=unchecked`):
// they were 5% of the instructions of a script of statements (42 checked accesses a statement).
// Debug builds, which the tests and CI's fuzz run use, keep them, so an overlapping access is
// still caught there; the compile-time checks stay in both.
//
// A release build also counts references without atomic instructions (`-assume-single-threaded`):
// retain and release were a fifth of the instructions of a statement and more of its time (an
// atomic increment costs some twenty cycles); without atomics, `kshape run` of 10,000 named
// statements took 19.0 ms against 21.7 ms, an import of a 5,000-layer chain 10.7 ms against
// 13.2 ms (fastest of 60 runs each). The rule it sets: no Swift object is touched by two running
// threads. The executable's main thread starts its one worker and parks in C
// (`kshape_start_and_park`); a large-stack thread is joined by whoever starts it, and a
// `StackWorker` takes turns with its caller by semaphores (LargeStackThread.swift). The session
// store (GRDB, its own queues) keeps atomic counting. A new thread must follow the rule, or its
// target must leave these settings out.
let engine: [SwiftSetting] = [
  .unsafeFlags(
    ["-enforce-exclusivity=unchecked", "-Xfrontend", "-assume-single-threaded"],
    .when(configuration: .release))
]

let package = Package(
  name: "kshape",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kshape", targets: ["kshape"]),
    .executable(name: "kshape-fuzz", targets: ["KShapeFuzz"]),
    // For the benchmark package (Benchmarks/), which measures the engine in-process.
    .library(name: "KShapeEngine", targets: ["ShapeEngine", "KerasJSON", "PythonRuntime"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // Pure cores: no I/O.
    .target(name: "ShapeCore", swiftSettings: engine),
    .target(name: "LayerCatalog", dependencies: ["ShapeCore"], swiftSettings: engine),
    .target(name: "StatementLanguage", swiftSettings: engine),
    // The Python subset's values and interpreter (no Keras, no I/O): the host adds Keras.
    .target(
      name: "PythonRuntime", dependencies: ["StatementLanguage", "CMalloc"], swiftSettings: engine),
    // The C library's count of the heap in use (the interpreter's memory limit).
    .systemLibrary(name: "CMalloc"),
    // JSON as Keras writes it (ordered objects, ints kept), with paths for messages.
    .target(name: "KerasJSON", swiftSettings: engine),
    // The only reader of model files: a .keras archive or a JSON file -> JSONValue, with limits.
    .target(
      name: "ModelFiles",
      dependencies: ["KerasJSON", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: engine),
    // The engine: sessions, graphs, evaluation, rendering. No I/O.
    .target(
      name: "ShapeEngine",
      dependencies: [
        "ShapeCore", "LayerCatalog", "StatementLanguage", "PythonRuntime", "KerasJSON",
      ], swiftSettings: engine),
    // Terminal side.
    .systemLibrary(
      name: "CLibEdit", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),
    .target(name: "LineEditor", dependencies: ["CLibEdit"], swiftSettings: engine),
    // The session store: sessions, their events, undo/redo and line history in one SQLite file.
    .target(name: "SessionStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    .target(
      name: "KShapeREPL",
      dependencies: [
        "ShapeEngine", "PythonRuntime", "LineEditor", "ModelFiles", "KerasJSON", "SessionStore",
      ], swiftSettings: engine),
    .executableTarget(
      name: "kshape",
      dependencies: [
        "KShapeREPL", "PythonRuntime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release build on Linux is one static executable: no dynamic loader, no shared
      // libraries to map, no relocations to apply at start (3 ms of every run). Compiled
      // against the static Swift modules too, so that the libraries they need (Foundation's
      // CoreFoundation and ICU) are named even without --static-swift-stdlib; libedit's own
      // libraries follow it (`pkg-config --static --libs libedit`), all in the -dev packages
      // the README installs.
      swiftSettings: engine + [
        .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))
      ],
      linkerSettings: [
        .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
        // The linker writes the executable with write(2), not through a shared mapping: written
        // through a mapping, its pages sit in the page cache one 4 KiB page at a time, and every
        // start of the fresh build faulted its code in 4 KiB at a time (379 page faults and
        // 2.3-2.5 ms to run a 2-line script, against 229 and 1.6 ms). gold and lld both take it.
        .unsafeFlags(
          ["-Xlinker", "--no-mmap-output-file"], .when(platforms: [.linux], configuration: .release)
        ),
        .linkedLibrary("tinfo", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("bsd", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("md", .when(platforms: [.linux], configuration: .release)),
      ]),
    // The fuzz harness (docs/fuzzing.md): generated and mutated statements, configs, archives,
    // damaged session stores.
    .executableTarget(
      name: "KShapeFuzz",
      dependencies: [
        "KShapeREPL", "KerasJSON", "LayerCatalog", "LineEditor", "SessionStore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // Tests.
    .testTarget(name: "ShapeCoreTests", dependencies: ["ShapeCore"]),
    .testTarget(name: "StatementLanguageTests", dependencies: ["StatementLanguage"]),
    .testTarget(
      name: "PythonRuntimeTests", dependencies: ["PythonRuntime", "StatementLanguage", "CMalloc"],
      exclude: ["Golden", "Semantics"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    // Golden data and transcripts are read from the source tree (#filePath), not bundled.
    .testTarget(
      name: "ShapeEngineTests", dependencies: ["ShapeEngine", "KerasJSON"],
      exclude: ["Golden", "ExportSnapshots"]),
    .testTarget(
      name: "ModelFilesTests", dependencies: ["ModelFiles", "KerasJSON"],
      exclude: ["Hostile", "Fixtures"]),
    .testTarget(name: "SessionStoreTests", dependencies: ["SessionStore"]),
    .testTarget(
      name: "KShapeREPLTests",
      dependencies: [
        "KShapeREPL", "SessionStore", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Transcripts", "FuzzRegressions", "CommandLineSnapshots"]),
  ]
)
