import Foundation
import KerasJSON

// kshape-fuzz: a fuzz harness for kshape (docs/fuzzing.md).
//
//   kshape-fuzz [--seed N] [--inputs N] [--seconds S] [--out DIR] [--binary PATH]
//               [--binary-every N] [--timeout S] [--max-rss-mb N] [--root DIR]
//
// Exit status: 0 nothing found; 1 the binary crashed or hung on a saved input; 3 an in-process
// hang, 4 memory past the limit (the input is OUT/current.*); an in-process crash ends the
// process on its signal, leaving the input in OUT/current.*.

struct Options {
  var seed: UInt64 = UInt64(Date().timeIntervalSince1970 * 1000)
  var inputs = Int.max
  var seconds = Double.infinity
  var out = ".build/fuzz"
  var binary: String? = Options.besideMe("kshape")
  var binaryEvery = 25
  var timeout = 10.0
  var maxRSSMB = 1024
  var root = "."

  static func besideMe(_ name: String) -> String? {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let path = me.deletingLastPathComponent().appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  static func parse(_ args: [String]) -> Options {
    var o = Options()
    var i = 0
    func value() -> String {
      i += 1
      guard i < args.count else { usage("\(args[i - 1]) needs a value") }
      return args[i]
    }
    while i < args.count {
      switch args[i] {
      case "--seed": o.seed = UInt64(value()) ?? { usage("--seed takes a number") }()
      case "--inputs": o.inputs = Int(value()) ?? { usage("--inputs takes a number") }()
      case "--seconds": o.seconds = Double(value()) ?? { usage("--seconds takes a number") }()
      case "--out": o.out = value()
      case "--binary": o.binary = value()
      case "--no-binary": o.binary = nil
      case "--binary-every": o.binaryEvery = max(1, Int(value()) ?? 25)
      case "--timeout": o.timeout = Double(value()) ?? 10
      case "--max-rss-mb": o.maxRSSMB = Int(value()) ?? 1024
      case "--root": o.root = value()
      case "--max-loop": StatementGenerator.maxLoop = Int(value()) ?? 1000
      default: usage("unknown argument \(args[i])")
      }
      i += 1
    }
    return o
  }

  static func usage(_ message: String) -> Never {
    FileHandle.standardError.write(
      Data(
        ("kshape-fuzz: \(message)\nusage: kshape-fuzz [--seed N] [--inputs N] [--seconds S]"
          + " [--out DIR] [--binary PATH | --no-binary] [--binary-every N] [--timeout S]"
          + " [--max-rss-mb N] [--root DIR] [--max-loop N]\n").utf8))
    exit(64)
  }
}

/// The golden and hostile model files under the repository root, parsed (JSON) or raw (.keras).
func seeds(root: String) -> (json: [JSONValue], keras: [[UInt8]]) {
  let folders = [
    "Tests/ShapeEngineTests/Golden/modelfiles", "Tests/ModelFilesTests/Hostile/valid",
    "Tests/ModelFilesTests/Hostile/configs", "Tests/ModelFilesTests/Fixtures",
  ]
  var json: [JSONValue] = []
  var keras: [[UInt8]] = []
  for folder in folders {
    let dir = URL(fileURLWithPath: root).appendingPathComponent(folder)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    for name in names {
      guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
      else { continue }
      if name.hasSuffix(".keras") {
        keras.append(Array(data))
      } else if name.hasSuffix(".json"), !name.hasSuffix(".expected.json"), name != "INDEX.json",
        let value = try? JSONParser.parse(Array(data)),
        value["config"] != nil || value["layers"] != nil
      {
        json.append(value)
      }
    }
  }
  return (json, keras)
}

/// One run: the generators, their seeds, and the loop.
struct Campaign {
  let options: Options
  let jsonSeeds: [JSONValue]
  let kerasSeeds: [[UInt8]]
  let seedWeights: [Double]
  let runner: Runner
  var rng: Random
  var statements: StatementGenerator
  var jsonMutator: JSONMutator
  var zipMutator: ZipMutator
  var storeMutator: StoreMutator

  init(options: Options) throws {
    self.options = options
    (jsonSeeds, kerasSeeds) = seeds(root: options.root)
    guard !jsonSeeds.isEmpty else {
      Options.usage(
        "no seed model files under \(options.root)/Tests (run from the repository root)")
    }
    // Smaller seeds are mutated more often: a big model costs as much as dozens of small ones.
    seedWeights = jsonSeeds.map { 1.0 / Double(max(1, JSONMutator.count($0))).squareRoot() }
    runner = try Runner(
      out: URL(fileURLWithPath: options.out), binary: options.binary, timeout: options.timeout,
      maxRSSBytes: options.maxRSSMB << 20)
    rng = Random(seed: options.seed)
    statements = StatementGenerator(rng: Random(seed: options.seed ^ 0x5EED))
    jsonMutator = JSONMutator(rng: Random(seed: options.seed ^ 0x15))
    zipMutator = ZipMutator(rng: Random(seed: options.seed ^ 0x21))
    storeMutator = try StoreMutator(
      rng: Random(seed: options.seed ^ 0x57),
      at: URL(fileURLWithPath: options.out).appendingPathComponent("base-store.sqlite"))
  }

  mutating func pickSeed() -> JSONValue {
    let total = seedWeights.reduce(0, +)
    var x = Double(rng.next() >> 11) / Double(1 << 53) * total
    for (i, w) in seedWeights.enumerated() {
      x -= w
      if x <= 0 { return jsonSeeds[i] }
    }
    return jsonSeeds[jsonSeeds.count - 1]
  }

  mutating func sizes() -> (sizes: [String], scan: String?, batch: Int?) {
    let pool = [
      "224x224", "1", "7x7", "32", "3x3", "0", "100x50", "1x1x1", "img=64x64 seq=10", "x",
      "1099511627776", "9223372036854775807", "65536x65536", "-3", "1x0",
    ]
    let sizes = (0..<rng.below(3)).map { _ in rng.pick(pool) }
    let scan = rng.chance(0.1) ? "1-\(1 + rng.below(12))" : nil
    let batch = rng.chance(0.1) ? rng.interestingInt() : nil
    return (sizes, scan, batch)
  }

  /// Runs inputs until the count or the time is reached; returns how many ran.
  mutating func run() -> Int {
    print(
      "kshape-fuzz: seed \(options.seed), \(jsonSeeds.count) JSON and \(kerasSeeds.count) .keras"
        + " seeds; the input being run is in \(options.out)/current.*"
        + (options.binary.map { "; binary \($0) every \(options.binaryEvery) inputs" } ?? ""))
    let start = ContinuousClock.now
    let limit = Duration.milliseconds(Int(min(options.seconds, 1e9) * 1000))
    var index = 0
    while index < options.inputs, ContinuousClock.now - start < limit {
      one(index)
      index += 1
      if index % 500 == 0 {
        let elapsed = (ContinuousClock.now - start).components.seconds
        print("kshape-fuzz: \(index) inputs, \(elapsed) s, \(runner.findings.count) found")
        // Written out now, even into a file: a long run's log keeps its progress when the
        // process ends on a signal (an in-process crash).
        fflush(nil)
      }
    }
    return index
  }

  mutating func one(_ index: Int) {
    let every = options.binaryEvery
    let toBinary = options.binary != nil && index % every == every - 1
    switch rng.below(20) {
    case 0...9:
      let lines = statements.script()
      if toBinary {
        // Through stdin, bytes can be anything: sometimes not UTF-8, NUL, a cut or a long run.
        var bytes = Array(lines.joined(separator: "\n").utf8)
        if rng.chance(0.3) { bytes = jsonMutator.damage(bytes) }
        if rng.chance(0.05) {
          bytes += [UInt8](repeating: rng.pick([0, 0x28, 0xFF]), count: 70_000)
        }
        runner.binary(
          bytes, ext: "kshape",
          arguments: rng.chance(0.3) ? ["--json"] : [], index: index)
      } else {
        runner.statements(lines, json: rng.chance(0.3), interactive: rng.chance(0.5))
      }
    case 10...15:
      model(jsonMutator.mutate(pickSeed()), ext: "json", toBinary: toBinary, index: index)
    case 16:
      let url = URL(fileURLWithPath: options.out).appendingPathComponent("damaged-store.sqlite")
      let changes = storeMutator.damage(into: url)
      let bytes = Array((try? Data(contentsOf: url)) ?? Data())
      if toBinary {
        runner.binary(bytes, ext: "sqlite", arguments: ["--store", "@", "--resume"], index: index)
      } else {
        runner.store(bytes, changes: changes)
      }
    default:
      let bytes: [UInt8]
      if rng.chance(0.3), !kerasSeeds.isEmpty {
        bytes = zipMutator.damage(rng.pick(kerasSeeds))
      } else {
        let seed = pickSeed()
        let config = rng.chance(0.7) ? Array(seed.compactText.utf8) : jsonMutator.mutate(seed)
        bytes = zipMutator.archive(config: config)
      }
      model(bytes, ext: "keras", toBinary: toBinary, index: index)
    }
  }

  mutating func model(_ bytes: [UInt8], ext: String, toBinary: Bool, index: Int) {
    let (s, scan, batch) = sizes()
    if toBinary {
      let arguments =
        ["inspect", "@"] + s.flatMap { ["--size", $0] } + (scan.map { ["--scan", $0] } ?? [])
      runner.binary(bytes, ext: ext, arguments: arguments, index: index)
    } else {
      runner.model(bytes, ext: ext, sizes: s, scan: scan, batch: batch)
    }
  }
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
var campaign = try Campaign(options: options)
let started = ContinuousClock.now
let ran = campaign.run()
let runner = campaign.runner
print(
  "kshape-fuzz: seed \(options.seed): \(ran) inputs in"
    + " \((ContinuousClock.now - started).components.seconds) s;"
    + " \(runner.findings.count) crashes or hangs found")
for (key, n) in runner.counts.sorted(by: { $0.key < $1.key }) {
  print("  \(key): \(n)")
}
for finding in runner.findings { print("  FOUND " + finding) }
for ext in ["kshape", "json", "keras", "sqlite"] {
  try? FileManager.default.removeItem(
    at: URL(fileURLWithPath: options.out).appendingPathComponent("current." + ext))
}
exit(runner.findings.isEmpty ? 0 : 1)
