import LayerCatalog
import PythonRuntime
import StatementLanguage

/// How a Python statement's result is shown: as the one layer call or input it made (the way
/// kshape has always shown a line), as the tensor or layer it names, or as what it printed.
enum StatementResult {
  static func outcome(
    _ statement: PyStmt, value: PyValue?, printed: String, runtime: Runtime, layersBefore: Int,
    tensorsBefore: Int
  ) -> Outcome {
    let host = runtime.host
    let g = host.graph
    // The calls the statement made, in order (each call's outputs are new tensors). A layer's
    // calls are in the order of their outputs: its first new tensor's call is found from the end,
    // its next ones from the call found last. Linear in the calls the statement made, however
    // many the layers had (a loop of `model.add` calls every layer again at each add).
    // The first call is kept apart: most statements make one, and then need no array.
    var first: (layer: Int, outputs: [Int])?
    var calls: [(layer: Int, outputs: [Int])] = []
    var cursor: [Int: Int] = [:]
    var t = tensorsBefore
    while t < g.tensors.count {
      let l = g.tensors[t].layer
      let layerCalls = g.layers[l].calls
      var found: Int?
      if let c = cursor[l] {
        found = layerCalls[c...].firstIndex { $0.outputs.first == t }
      } else {
        found = layerCalls.lastIndex { $0.outputs.first == t }
      }
      let outs = found.map { layerCalls[$0].outputs } ?? [t]
      // Kept only while more tensors follow (most statements make one call: no dictionary).
      if let found, t + max(1, outs.count) < g.tensors.count { cursor[l] = found }
      if first == nil {
        first = (l, outs)
      } else {
        if calls.isEmpty, let first { calls.append(first) }
        calls.append((l, outs))
      }
      t += max(1, outs.count)
    }
    if calls.isEmpty, let first {
      // One call: the list of calls it is.
      return outcome(
        statement, value: value, printed: printed, runtime: runtime, graph: g,
        layersBefore: layersBefore, calls: CollectionOfOne(first))
    }
    return outcome(
      statement, value: value, printed: printed, runtime: runtime, graph: g,
      layersBefore: layersBefore, calls: calls)
  }

  /// `outcome` once the statement's calls are found.
  private static func outcome(
    _ statement: PyStmt, value: PyValue?, printed: String, runtime: Runtime, graph g: Graph,
    layersBefore: Int, calls: some RandomAccessCollection<(layer: Int, outputs: [Int])>
  ) -> Outcome {
    var display: String?
    if case .expression(let e) = statement.kind, let value {
      // A bare name shows its value under that name (`--json`'s `variable`); any other
      // expression (`m.output`, `m.layers[0]`) under none.
      func shownName() -> String? { if case .name(let n) = e.kind { n } else { nil } }
      switch value {
      case .none: display = nil
      case .object(let o as TensorObject) where calls.isEmpty && printed.isEmpty:
        return .shown(.tensor(o.id), name: shownName(), graph: g)
      case .object(let o as LayerObject) where calls.isEmpty && printed.isEmpty:
        return .shown(.layer(o.index), name: shownName(), graph: g)
      case .object(is TensorObject) where !calls.isEmpty:
        // The tensor a call made: the call shows it.
        display = nil
      case .tuple(let items)
      where !calls.isEmpty
        && items.allSatisfy({ if case .object(is TensorObject) = $0 { true } else { false } }):
        display = nil
      default: display = runtime.interpreter.repr(value)
      }
    }
    if printed.isEmpty, display == nil, calls.count == 1, let (l, outs) = calls.first {
      if g.layers[l].className == "InputLayer", let first = outs.first {
        return .effect(.input(tensor: first), graph: g)
      }
      return .effect(.called(layer: l, outputs: outs), graph: g)
    }
    if printed.isEmpty, display == nil, calls.isEmpty, g.layers.count == layersBefore + 1,
      case .assign(let targets, _) = statement.kind, targets.count == 1,
      case .name(let variable) = targets[0].kind
    {
      return .effect(.layerBound(layer: layersBefore, variable: variable), graph: g)
    }
    var text = printed
    if text.hasSuffix("\n") { text.removeLast() }
    return .executed(
      Executed(
        text: text, printed: !printed.isEmpty, display: display, calls: Array(calls), graph: g))
  }

  /// An expression with no call in it (`x`, `x.shape`, `m.layers[0]`) only shows something and
  /// need not join the session; anything else may change state (`sizes.append(16)`) and must,
  /// so that a replay runs it too.
  static func isPureDisplay(_ statement: PyStmt, source: String) -> Bool {
    guard case .expression = statement.kind else { return false }
    return !source.contains("(")
  }
}

extension EngineError {
  /// Code that reads a data set (`x_train.shape[1]`) names what kshape does not have.
  static func dataHint(_ e: PyError) -> String? {
    guard e.kind == "NameError", let quote = e.message.split(separator: "'").dropFirst().first
    else { return nil }
    let name = quote.lowercased()
    let data = ["train", "test", "val", "data", "ds", "dataset", "batch", "images", "labels"]
    guard data.contains(where: { name.contains($0) }) else { return nil }
    return "kshape has no data: write the size the data has as a literal, e.g. "
      + "keras.Input(shape=(28, 28, 1)) for x_train.shape[1:]"
  }

  /// A Python error as the engine shows it: Keras's own errors as they always were, Python's
  /// as `NameError: ...`; a traceback through the program's functions names each frame.
  init(_ e: PyError, current: SourceText) {
    if let engine = e.underlying as? EngineError {
      self = engine
      if self.diagnostic.range == nil { self.diagnostic.range = e.range }
    } else {
      self.init(
        Diagnostic("\(e.kind): \(e.message)", at: e.range, hint: e.hint ?? Self.dataHint(e)))
    }
    let inner = e.source ?? current
    if inner !== current { source = inner.text }
    if let module = e.traceback.first(where: { $0.function == "<module>" }),
      module.source === current
    {
      statementRange = module.range
    } else if inner === current {
      statementRange = e.range
    }
    let frames = e.traceback.filter { $0.function != "<module>" }
    if !frames.isEmpty {
      // A frame repeated more than three times is said once with a count, as Python does.
      var lines: [String] = []
      var repeated = 0
      for f in e.traceback {
        let line =
          f.source.firstLine + f.source.text.prefix(f.range.start).filter { $0 == "\n" }.count
        let text = "line \(line), in \(f.function)"
        if lines.count >= 3, lines.suffix(3).allSatisfy({ $0 == text }) {
          repeated += 1
          continue
        }
        if repeated > 0 { lines.append("[previous repeated \(repeated) more times]") }
        repeated = 0
        lines.append(text)
      }
      if repeated > 0 { lines.append("[previous repeated \(repeated) more times]") }
      trace = lines
    }
  }
}
