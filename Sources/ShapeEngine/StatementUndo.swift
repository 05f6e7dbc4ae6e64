import LayerCatalog
import PythonRuntime

/// What a statement changed in the graph besides appending layers and tensors: the layers made
/// before it that it called (their weights and number of calls before), and the input symbols
/// it took. Recorded only while `layersBefore` is set: in the session's declared run, during a
/// statement.
struct GraphUndo {
  /// The layers made before the running statement; nil: not recording.
  var layersBefore: Int?
  private(set) var touched: [(layer: Int, weights: [Weight]?, calls: Int)] = []
  private var touchedLayers: Set<Int> = []
  private(set) var symbols: [String] = []

  init(layersBefore: Int? = nil) { self.layersBefore = layersBefore }

  /// Whether a change to layer `l` must be recorded (an older layer, first change).
  func records(_ l: Int) -> Bool {
    guard let before = layersBefore else { return false }
    return l < before && !touchedLayers.contains(l)
  }

  mutating func touch(_ l: Int, weights: [Weight]?, calls: Int) {
    touchedLayers.insert(l)
    touched.append((l, weights, calls))
  }

  mutating func added(symbol: String) {
    if layersBefore != nil { symbols.append(symbol) }
  }
}

/// Where the declared run stood before a statement: counts and scalars only (a copy of the
/// graph held across the statement would make its first append copy every array).
struct StatementMark {
  let layers: Int
  let tensors: Int
  let inputs: Int
  let declaredInputs: Int
  let imports: Int
  let models: Int
  let current: Int?
  let repeatedNames: Int
  let observed: String?
  let globalPolicy: String?
}

extension Runtime {
  /// Marks where the run stands and starts recording the graph's changes in place.
  func markStatement() -> StatementMark {
    let host = self.host
    host.evaluator.undo = GraphUndo(layersBefore: host.graph.layers.count)
    return StatementMark(
      layers: host.graph.layers.count, tensors: host.graph.tensors.count,
      inputs: host.graph.inputs.count, declaredInputs: host.graph.declaredInputs.count,
      imports: host.graph.imports.count, models: host.models.count,
      current: host.graph.current, repeatedNames: host.graph.repeatedNames,
      observed: host.observed, globalPolicy: host.globalPolicy)
  }

  /// Stops recording the graph's changes.
  func endStatement() { host.evaluator.undo = GraphUndo() }

  /// Undoes a failed statement in the cost of what it changed: drops the layers, tensors,
  /// inputs and models it made, the calls it added to older layers, and puts back the globals
  /// it wrote. False (nothing undone) when it changed something only a replay restores: an
  /// object older than itself in place (a list, a dict, a model, a closure's variable), or a
  /// layer name shared with an older layer. The auto-names it took stay taken, as in Keras
  /// (`NamesTaken`).
  func undoStatement(to mark: StatementMark) -> Bool {
    guard let journal = interpreter.journal, journal.olderObjectsChanged == 0,
      host.graph.repeatedNames == mark.repeatedNames, host.graph.imports.count == mark.imports,
      host.graph.layers.count >= mark.layers, host.graph.tensors.count >= mark.tensors,
      host.graph.inputs.count >= mark.inputs,
      host.graph.declaredInputs.count >= mark.declaredInputs, host.models.count >= mark.models
    else { return false }
    let host = self.host
    let undo = host.evaluator.undo
    host.evaluator.undo = GraphUndo()
    let newLayers = mark.layers..<host.graph.layers.count
    let newTensors = mark.tensors..<host.graph.tensors.count
    host.forgetObjects(layers: newLayers, tensors: newTensors)
    host.evaluator.argumentRanges.forget(from: mark.layers)
    for l in newLayers { host.graph.forgetName(of: l) }
    // Only what changed is written: a write to an array another graph value shares (an
    // outcome's) copies all of it.
    if !newLayers.isEmpty { host.graph.layers.removeSubrange(newLayers) }
    if !newTensors.isEmpty { host.graph.tensors.removeSubrange(newTensors) }
    for (l, weights, calls) in undo.touched.reversed() {
      host.graph.layers[l].calls.removeSubrange(calls...)
      host.graph.layers[l].weights = weights
    }
    for s in undo.symbols { host.graph.symbols.remove(s) }
    if host.graph.inputs.count > mark.inputs { host.graph.inputs.removeSubrange(mark.inputs...) }
    if host.graph.declaredInputs.count > mark.declaredInputs {
      host.graph.declaredInputs.removeSubrange(mark.declaredInputs...)
    }
    if host.graph.current != mark.current { host.graph.current = mark.current }
    if host.models.count > mark.models { host.models.removeSubrange(mark.models...) }
    host.observed = mark.observed
    host.globalPolicy = mark.globalPolicy
    for (name, previous) in journal.globals.reversed() {
      interpreter.globals[name] = previous
    }
    return true
  }
}
