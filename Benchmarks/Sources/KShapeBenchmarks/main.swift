import Benchmark
import Foundation
import KerasJSON
import PythonRuntime
import ShapeEngine

// kshape's work in-process, for the figures of docs/benchmarks-speed.md (tools/bench/speed_bench.py
// runs this with --format json and puts it beside Keras doing the same work).

// Statements: a script of n Dense(8) layers, every statement accepted one by one. 100k runs only
// when 10k took under 10 s (a quadratic session would take hours); the report says so. Several
// iterations each, the median reported: a single one was the first session on a fresh heap, whose
// page faults made 10k read 52-59 ms where its median is 21 ms (a fresh `kshape run` pays them
// too, and the fresh-process table has them).
let clock = ContinuousClock()
let tenThousand = clock.measure { _ = Workloads.session(Workloads.denseScript(10_000)) }
for n in [1_000, 10_000, 100_000] where n < 100_000 || tenThousand < .seconds(10) {
  let lines = Workloads.denseScript(n)
  benchmark("statements/dense\(n)", settings: Iterations(n >= 100_000 ? 3 : 5)) {
    _ = Workloads.session(lines)
  }
}

// Other ways tutorials build models, each one statement of n layers: a Sequential from a list
// (every add checks the names so far) and a functional loop of residual blocks.
// Each must grow linearly with n (a model.add loop does not: Keras rebuilds the model at every
// add, and kshape makes the same calls).
for n in [1_000, 10_000] {
  let programs = [
    (
      "sequential-list",
      "model = keras.Sequential([keras.Input((16,))] + [layers.Dense(8) for i in range(\(n))])"
    ),
    (
      "residual-blocks",
      "inputs = keras.Input((16,))\nx = inputs\nfor i in range(\(n / 2)):\n"
        + "    x = layers.Add()([x, layers.Dense(16)(x)])\nmodel = keras.Model(inputs, x)"
    ),
  ]
  for (style, program) in programs {
    let lines = ["import keras", "from keras import layers", program]
    precondition(Workloads.session(lines).graph.layers.count > n, "\(style) of \(n)")
    benchmark("styles/\(style)/\(n)", settings: Iterations(n >= 10_000 ? 3 : 10)) {
      _ = Workloads.session(lines)
    }
  }
}

// apply on a Conv/BN/ReLU chain, typed and imported: evaluation (the shapes) and rendering (the
// table, the JSON record) measured apart.
for n in [500, 5_000] {
  let sessions = [
    ("typed", Workloads.session(Workloads.chainStatements(n))),
    ("imported", try Workloads.imported(Workloads.chainConfig(n))),
  ]
  for (how, session) in sessions {
    let binding = try SizeSpec.parse("64x64", graph: session.graph)
    let ev = session.evaluate(binding)
    precondition(ev.failure == nil && ev.graph.layers.count == n + 1, "the \(how) chain of \(n)")
    benchmark("apply/\(how)\(n)/evaluate") { _ = session.evaluate(binding) }
    // `rules`: every size 1-64 of H and of W evaluated (128 sizes), from the compiled calls.
    benchmark("rules/\(how)\(n)", settings: Iterations(n >= 5_000 ? 3 : 10)) {
      _ = try SizeRules.derive(session)
    }
    benchmark("apply/\(how)\(n)/table") { _ = Render.evaluation(ev, size: "64x64") }
    benchmark("apply/\(how)\(n)/json") {
      if let r = JSONOutput.record(.applied(ev, size: "64x64"), line: 1, source: "apply 64x64") {
        _ = JSONOutput.encode(r)
      }
    }
  }
}

// inspect of the largest golden models: the whole job (parse, decode, import, every size, the
// report), and one size's evaluation alone.
for name in Workloads.largest {
  let bytes = Workloads.bytes(name)
  for (label, sizes) in [("1size", Workloads.oneSize), ("10sizes", Workloads.tenSizes)] {
    benchmark("inspect/\(name)/\(label)/text") {
      let i = try Inspection.run(try Workloads.decode(bytes), sizes: sizes)
      _ = i.text(file: name, summaryOnly: false)
    }
    benchmark("inspect/\(name)/\(label)/json") {
      _ = try Inspection.run(try Workloads.decode(bytes), sizes: sizes).json
    }
  }
  let session = try Workloads.imported(bytes)
  let binding = try SizeSpec.parse("224x224", graph: session.graph)
  benchmark("size/\(name)/evaluate") { _ = session.evaluate(binding) }
  benchmark("scan/\(name)/1-512", settings: Iterations(3)) {
    _ = try Inspection.run(try Workloads.decode(bytes), sizes: [], scan: 1...512)
  }
}

// One size of every golden model, imported once beforehand: the warm comparison per model
// (speed_bench.py times Keras's `model(keras.Input(shape))` at the same size).
for (name, size) in Workloads.goldenSizes() {
  let session = try Workloads.imported(Workloads.bytes(name))
  let binding = try SizeSpec.parse(size, graph: session.graph)
  benchmark("golden/\(name)/evaluate") { _ = session.evaluate(binding) }
}

// A failing line in a session of n layers: a NameError after the line's layer was made, and
// a layer that refuses its input (Conv2D on a rank-2 tensor). Each is undone in the cost of its
// own changes, whatever the session's size. Registered last, and each session made at its
// first run (a median of thousands of runs), so that the 100k-layer sessions are not alive
// while the other benchmarks run.
for n in [1_000, 10_000, 100_000] {
  var session: Session?
  for (kind, line) in [("name", "Dense(8)(not_defined)"), ("call", "Conv2D(8, 3)(x)")] {
    benchmark("failure/\(kind)/after\(n)") {
      if session == nil {
        session = Workloads.session([
          "x = Input((16,))", "for i in range(\(n)):\n    x = Dense(8)(x)",
        ])
        precondition(session?.graph.layers.count == n + 1, "the loop of \(n)")
      }
      guard case .failure = session?.submit(line) else { fatalError("\(line) was accepted") }
    }
  }
}

parseBenchmarks()

// The benchmarks run as `kshape` runs: on one thread with the interpreter's large stack, marked
// as such. From any other thread every statement would hop to a large-stack worker and back
// (a semaphore and two context switches per statement), which the command line never does:
// that hop made the statements here slower than a fresh process.
let worker = Thread {
  Interpreter.markCurrentThreadLarge()
  Benchmark.main()
  exit(0)
}
worker.stackSize = Interpreter.stackSize
worker.start()
while true { sleep(1_000_000) }
