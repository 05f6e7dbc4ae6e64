import PythonRuntime
import Testing

@testable import ShapeEngine

/// A failed statement undone in the cost of its changes (`Runtime.undoStatement`) must leave
/// exactly the run a replay of the accepted statements leaves: the graph (layers, tensors, names,
/// counters, bindings, inputs, current), the models, the globals, and what the next statements
/// do (the next layer's auto-name included: the failed line's names stay taken, as in Keras).
@Suite struct StatementUndoTests {
  /// Accepted before each failing statement: the names the failures touch.
  static let prelude = [
    "import keras", "keep = [1]", "cfg = {'a': 1}", "counter = 0", "victim = 'v'",
    "def bump():\n    global counter\n    counter = counter + 1\n    return counter\n",
    "def make():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n"
      + "    return inc\n",
    "inc = make()", "shared = Dense(5)", "s1 = shared(Input((3,)))",
    "seqm = keras.Sequential([keras.Input((4,)), Dense(3)])", "flat = Input((6,))",
  ]

  /// A failing statement, and whether it can be undone without the replay.
  struct Failure: CustomStringConvertible, Sendable {
    var name: String
    var source: String
    var undone: Bool
    var description: String { name }
  }

  static let failures: [Failure] = [
    Failure(name: "NameError", source: "z = keras.Inputt((3,))", undone: true),
    Failure(name: "NameError in a new name", source: "zz = undefined_thing(3)", undone: true),
    Failure(name: "TypeError in arguments", source: "d9 = Dense(8, bogus=1)", undone: true),
    Failure(name: "a value refused", source: "Conv2D(-3, 3)", undone: true),
    Failure(
      name: "shape error after the layers were made", source: "y = Conv2D(8, 3)(Input((4,)))",
      undone: true),
    Failure(
      name: "an input with symbols, then a shape error",
      source: "t = [Dense(3)(Input((None, 5))), undefined]", undone: true),
    Failure(
      name: "a loop failing in its third iteration",
      source: "x = Input((6,))\nfor i in range(5):\n    x = Dense(4)(x)\n    victim = i\n"
        + "    if i == 2:\n        raise ValueError('third')\n", undone: true),
    Failure(
      // More names than the journal compares before it hashes them, old ones written again on
      // both sides of that point: each keeps its value from before the statement.
      name: "globals written past the journal's compared names",
      source: "if True:\n    victim = 1\n    g0 = g1 = g2 = g3 = g4 = g5 = g6 = g7 = g8 = 0\n"
        + "    victim = 2\n    counter = 5\n    counter = 6\n    victim = 3\n    undefined\n",
      undone: true),
    Failure(
      name: "a list made and mutated by the statement",
      source: "if True:\n    tmp = []\n    tmp.append(Dense(2))\n    del victim\n    undefined\n",
      undone: true),
    Failure(
      name: "an older list mutated", source: "if True:\n    keep.append(2)\n    undefined\n",
      undone: false),
    Failure(
      name: "an older dict mutated", source: "if True:\n    cfg['b'] = 2\n    undefined\n",
      undone: false),
    Failure(name: "a global set by a function", source: "r = [bump(), undefined]", undone: true),
    Failure(name: "a closure's variable", source: "r = [inc(), undefined]", undone: false),
    Failure(
      name: "an older layer called again", source: "s2 = [shared(Input((3,))), undefined]",
      undone: true),
    Failure(name: "model.add that fails", source: "seqm.add(Conv2D(2, 3))", undone: false),
    Failure(
      name: "a model made, then a failure",
      source: "r = [keras.Sequential([keras.Input((2,)), Dense(2)]), undefined]", undone: true),
    Failure(
      name: "the dtype policy set, then a failure",
      source: "r = [keras.mixed_precision.set_global_policy('mixed_float16'), undefined]",
      undone: true),
    Failure(name: "a failed import", source: "import tensorflow_datasets", undone: true),
    Failure(name: "a failed from-import", source: "from keras.layers import Nope", undone: true),
    Failure(name: "a bare layer that cannot stack", source: "Conv2D(8, 3)", undone: true),
    Failure(
      name: "a recursion error in a function it defined",
      source: "if True:\n    def rec(n):\n        return rec(n + 1)\n    victim = rec(0)\n",
      undone: true),
  ]

  /// Statements run after the failure: their outcomes must agree too.
  static let after = [
    "after = Dense(7)(Input((2,)))", "Conv2D(2, 1)", "print(len(keep), cfg, counter, victim)",
    "print(inc())", "seqm.add(Dense(6))", "n = len(seqm.layers)", "Dense(3)",
  ]

  /// The session's state, as text: what a replay must rebuild.
  static func state(_ s: Session) -> String {
    let host = s.runtime.host
    let g = host.graph
    var out: [String] = []
    for (i, l) in g.layers.enumerated() {
      let calls = l.calls.map { "\($0.inputs)->\($0.outputs)#\($0.node)" }
      out.append(
        "L\(i) \(l.name) \(l.className) s\(l.statement) w\(l.weights?.count ?? -1) "
          + "p\(l.params.total) t\(l.trainable) \(calls)")
    }
    for t in g.tensors { out.append("T\(t.id) \(t.kerasName) \(t.type) l\(t.layer)") }
    out.append("bindings " + g.bindings.map { "\($0.key)=\($0.value)" }.sorted().description)
    out.append("inputs \(g.inputs.map { "\($0.variable ?? "-"):\($0.tensor)" })")
    out.append("declared \(g.declaredInputs)")
    out.append("current \(g.current.map(String.init) ?? "-")")
    out.append("counters \(g.nameCounters.sorted { $0.key < $1.key }) \(g.tensorCounter)")
    out.append("symbols \(g.symbols.sorted())")
    out.append("names \(g.layerNames.sorted())")
    for m in host.models {
      out.append(
        "M\(m.index) \(m.name) \(m.kind) \(m.inputIDs)->\(m.outputIDs) "
          + "seq\(m.sequence.count) in\(m.sequentialInput.map(String.init) ?? "-") "
          + "called\(m.calledAsLayer)")
    }
    out.append("observed \(host.observed ?? "-") policy \(host.globalPolicy ?? "-")")
    // Showing a tensor reads its shape: not the program's reading.
    let observed = host.observed
    defer { host.observed = observed }
    let interpreter = s.runtime.interpreter
    for name in interpreter.globals.keys.sorted() {
      let value = interpreter.globals[name] ?? .none
      if case .object(let o) = value, o is PyFunction {
        out.append("G \(name) function")
      } else {
        out.append("G \(name) = \(interpreter.repr(value))")
      }
    }
    return out.joined(separator: "\n")
  }

  /// The first line where two states differ (undone, replayed), nil when they agree.
  static func difference(_ a: String, _ b: String) -> String? {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(x.count, y.count) {
      let l = i < x.count ? String(x[i]) : "<end>"
      let r = i < y.count ? String(y[i]) : "<end>"
      if l != r { return "line \(i): undone \(l) | replayed \(r)" }
    }
    return nil
  }

  static func describe(_ o: Outcome) -> String {
    switch o {
    case .failure(let e): return "failure \(e.message)"
    case .executed(let e): return "executed \(e.text)|\(e.display ?? "-")|\(e.calls.count)"
    case .effect(let e, _): return "effect \(e)"
    case .shown(_, let name, _): return "shown \(name ?? "")"
    default: return "\(o)".prefix(80).description
    }
  }

  /// Runs `base`, the prelude, the failure and the statements after it; the states after the
  /// failure and at the end, with the later outcomes, and how many failures were replayed.
  static func run(_ base: String, _ failure: Failure, undo: Bool) -> (
    String, String, Int
  ) {
    var s = Session()
    s.undoesFailures = undo
    _ = s.submit(base)
    for p in prelude { _ = s.submit(p) }
    let replayedBefore = s.failuresReplayed
    let outcome = s.submit(failure.source)
    var afterFailure = describe(outcome) + "\n" + state(s)
    let replayed = s.failuresReplayed - replayedBefore
    guard case .failure = outcome else { return ("did not fail: \(outcome)", "", replayed) }
    for a in after { afterFailure += "\n" + describe(s.submit(a)) }
    return (afterFailure, state(s), replayed)
  }

  static let bases = [
    "", "x = Input((None, None, 3))\ny = Conv2D(8, 3)(x)\nz = MaxPooling2D()(y)",
    "x = Input((16,))\nfor k in range(40):\n    x = Dense(4)(x)\n",
    "a = Input((8,))\nb = Dense(2, name='named')(a)\nm = keras.Model(a, b)",
  ]

  @Test(arguments: failures)
  func undoneAsTheReplay(_ failure: Failure) throws {
    for base in Self.bases {
      let (fastAfter, fastEnd, fastReplays) = Self.run(base, failure, undo: true)
      let (replayAfter, replayEnd, replays) = Self.run(base, failure, undo: false)
      #expect(replays == 1, "\(failure): the replay path replays")
      #expect(fastReplays == (failure.undone ? 0 : 1), "\(failure) on \(base)")
      #expect(Self.difference(fastAfter, replayAfter) == nil, "\(failure) on \(base)")
      #expect(
        Self.difference(fastEnd, replayEnd) == nil,
        "\(failure) on \(base): after the next statements")
    }
  }

  /// Every golden program, then failures of each kind: the undo is the replay.
  @Test func goldenProgramsThenFailures() {
    for (i, c) in GoldenProgramTests.cases.enumerated() {
      for failure in [Self.failures[i % 5], Self.failures[5 + i % (Self.failures.count - 5)]] {
        let fast = Self.run(c.source, failure, undo: true)
        let replay = Self.run(c.source, failure, undo: false)
        #expect(Self.difference(fast.0, replay.0) == nil, "\(c.name), \(failure)")
        #expect(
          Self.difference(fast.1, replay.1) == nil,
          "\(c.name), \(failure): after the next statements")
      }
    }
  }

  /// The next layer after a failed `Dense(8)(bad)` is `dense_1` in Keras: the failed call took
  /// `dense`; and the undone layer is gone from the graph.
  @Test func theFailedLineKeepsItsNames() {
    var s = Session()
    _ = s.submit("x = Input((4, 4, 3))")
    guard case .failure = s.submit("y = Dense(8)(Input((2,)) + x)") else {
      Issue.record("did not fail")
      return
    }
    #expect(s.failuresReplayed == 0)
    #expect(s.graph.layers.map(\.name) == ["input_layer"])
    _ = s.submit("y = Dense(8)(x)")
    #expect(s.graph.layers.map(\.name).last == "dense_1")
  }

  /// Before the undo, a failed line made the run quiet (the replay's): prints were lost.
  @Test func printsAfterAFailure() {
    for undo in [true, false] {
      var s = Session()
      s.undoesFailures = undo
      _ = s.submit("keep = []")
      _ = s.submit("if True:\n    keep.append(1)\n    undefined\n")
      guard case .executed(let e) = s.submit("print('after', keep)") else {
        Issue.record("print did not run")
        continue
      }
      #expect(e.text == "after []")
    }
  }
}
