import LayerCatalog
import ShapeCore
import StatementLanguage

extension Evaluator {
  /// Makes a layer of class `cls` from its arguments (typed, or read from a saved config).
  mutating func construct(
    _ cls: String, entry: LayerEntry, _ arguments: CallArguments,
    ranges: ArgumentRanges = ArgumentRanges(), at range: SourceRange?
  ) throws(EngineError) -> Int {
    if let memo, let kept = memo.find(cls, entry: entry, arguments) {
      return try add(kept.made, cls, entry: entry, arguments, ranges: ranges, at: range, kept)
    }
    switch Self.make(cls, entry: entry, arguments) {
    case .failure(let error):
      // A failed line keeps the names Keras took (NamesTaken): most classes take theirs
      // before they check their arguments.
      if ConstructionNames.taken(by: error, entry: entry, arguments: arguments) {
        _ = graph.autoName(entry.autoNamePrefix)
      }
      throw EngineError(
        Diagnostic(
          error.message, at: error.argument.flatMap { ranges[$0] } ?? range, hint: error.hint),
        className: cls)
    case .success(let made):
      let kept = memo?.remember(cls, entry: entry, arguments, made)
      return try add(made, cls, entry: entry, arguments, ranges: ranges, at: range, kept)
    }
  }

  /// `construct`'s layer, made (or kept in `memo`): named and added to the graph. A parameter, it is read in place
  /// (a constant bound in a `do` was copied at each read).
  private mutating func add(
    _ made: Construction, _ cls: String, entry: LayerEntry, _ arguments: CallArguments,
    ranges: ArgumentRanges, at range: SourceRange?, _ kept: ConstructionMemo.Kept?
  ) throws(EngineError) -> Int {
    let policy: DTypePolicy
    switch made.policy {
    case .success(let p): policy = p
    case .failure(let error):
      throw EngineError(
        Diagnostic(error.message, at: ranges["dtype"] ?? range, hint: error.hint), className: cls)
    }
    // An alias (MaxPool1D, Convolution2D) is Keras's class under another name: summaries and
    // configs show the class.
    let className = entry.pythonClassName ?? entry.className
    let classNames = naming(entry)
    guard graph.layers.count < Graph.maxLayers else {
      throw EngineError(
        Diagnostic(
          "the session has \(Graph.maxLayers) layers, the most it holds (the limit that bounds its"
            + " memory)", at: range), className: className)
    }
    let name: String
    let nameTaken: Bool
    if case .string(let n) = made.name {
      name = n
      nameTaken = false
      try checkUnique(name, range: ranges["name"] ?? range, className: className)
    } else {
      // New to the graph by construction: the name skips every name in use, and is taken.
      name = graph.autoName(classNames.prefix, taking: true)
      nameTaken = true
    }
    var node = LayerNode(
      name: name, className: className, layer: made.layer, policy: policy, weights: nil,
      statement: statement, arguments: arguments)
    node.autocastsInputs = made.autocasts
    node.trainable = made.trainable
    graph.addLayer(consume node, nameTaken: nameTaken)
    if let kept { graph.layers[graph.layers.count - 1].construction = kept }
    for prefix in classNames.sublayers { _ = graph.autoName(prefix) }
    if !ranges.isEmpty {
      if argumentRangesStatement != statement {
        argumentRanges.removeAll()
        argumentRangesStatement = statement
      }
      argumentRanges.append(graph.layers.count - 1, ranges)
    }
    return graph.layers.count - 1
  }

  /// What a construction reads from its bound arguments.
  struct Construction {
    var layer: any Layer
    var trainable: Bool
    var name: Value
    var autocasts: Bool
    /// The dtype policy, or its error (raised at the `dtype` argument, after the layer's own).
    var policy: Result<DTypePolicy, LayerError>
  }

  /// Binds `arguments` and makes the layer: every read of the bound arguments in one function,
  /// where they are a plain constant (bound in the caller's `do`, each read copied them).
  static func make(_ cls: String, entry: LayerEntry, _ arguments: CallArguments)
    -> Result<Construction, LayerError>
  {
    do throws(LayerError) {
      return .success(try construction(cls, entry: entry, arguments))
    } catch {
      return .failure(error)
    }
  }

  private static func construction(_ cls: String, entry: LayerEntry, _ arguments: CallArguments)
    throws(LayerError) -> Construction
  {
    let bound = try BoundArguments(layer: cls, signature: entry.signature, arguments: arguments)
    let trainable = bound[base: .trainable]
    // Layer.__init__'s `trainable` setter, before the class's own checks.
    switch trainable {
    case .bool, .none: break
    case let v:
      throw LayerError(
        "Expected `trainable` to be a boolean. Received: trainable=\(v.pythonRepr) (of type "
          + "<class '\(v.pythonTypeName)'>)", argument: "trainable", hint: "write trainable=False")
    }
    let layer = try entry.make(bound)
    let policy: Result<DTypePolicy, LayerError>
    do {
      policy = .success(try DTypePolicy.of(bound))
    } catch {
      policy = .failure(error)
    }
    return Construction(
      layer: layer, trainable: trainable == .none || trainable.isTruthy,
      name: bound[base: .name], autocasts: bound[base: .autocast].isTruthy, policy: policy)
  }

  /// How a class's construction names layers: its auto-name prefix and the sublayers its
  /// `__init__` names (`Sublayers.atInit`), found once per class (one lookup a layer).
  struct ClassNaming {
    var prefix: String
    var sublayers: [String]
  }

  /// `entry`'s naming, remembered by class.
  mutating func naming(_ entry: LayerEntry) -> ClassNaming {
    // The last classes' namings first, newest first: a run of layers of a few classes
    // (Conv2D, BatchNormalization, ReLU, ...) compares short strings where a lookup would hash
    // the class's name.
    let className = entry.className
    var i = recentNamings.count - 1
    while i >= 0 {
      if recentNamings[i].className == className { return recentNamings[i].naming }
      i -= 1
    }
    let naming: ClassNaming
    if let known = classNaming[className] {
      naming = known
    } else {
      naming = ClassNaming(
        prefix: entry.autoNamePrefix,
        sublayers: Sublayers.atInit[entry.pythonClassName ?? entry.className] ?? [])
      classNaming[className] = naming
    }
    if recentNamings.count == NameCounters.recentCount { recentNamings.removeFirst() }
    recentNamings.append((className, naming))
    return naming
  }

  func checkUnique(_ name: String, range: SourceRange?, className: String) throws(EngineError) {
    if uniqueNames, graph.layerNames.contains(name) {
      throw EngineError(
        Diagnostic(
          "the name \"\(name)\" is already used by another layer; all layer names should be unique",
          at: range, hint: "choose another name=..."), className: className)
    }
  }

  /// Calls layer `l` on `input`, adding its outputs to the graph.
  mutating func call(
    _ l: Int, on input: LayerInput, inputs: [Int], _ range: SourceRange?, site: CallSite? = nil
  ) throws(EngineError) -> Effect {
    // The fields it needs, read in place (a copy of the node would retain every field); the
    // name and policy only where they are used (a twin's call reads neither).
    let className = graph.layers[l].className
    let built = graph.layers[l].weights
    let result: LayerOutput
    // A twin's weight counts, when the result is its.
    var knownParams: ParamCount? = nil
    // A layer's first call on a tensor type a twin (a layer made from the same construction)
    // was first called on: that call's outputs and weights (`TwinCalls`).
    let kept = built == nil ? graph.layers[l].construction : nil
    // A layer made from a construction has one; else it is looked at (`!= nil` copies the
    // layer, which a twin's call does not need).
    guard kept != nil || graph.layers[l].layer != nil else {
      throw EngineError("\(graph.layers[l].name) (InputLayer) cannot be called", at: range)
    }
    if let kept, case .single(let t) = input,
      let known = twinCalls?.output(kept, on: t, defersWeights: graph.defersWeights)
    {
      result = known.output
      knownParams = known.params
    } else {
      let name = graph.layers[l].name
      guard let layer = graph.layers[l].layer else {
        throw EngineError("\(name) (InputLayer) cannot be called", at: range)
      }
      let planned = PlanLayer(
        layer,
        context: LayerContext(
          className: className, name: name, policy: graph.layers[l].policy,
          autocastsInputs: graph.layers[l].autocastsInputs, defersWeights: graph.defersWeights),
        trainable: graph.layers[l].trainable)
      do {
        result = try planned.call(input, built: built)
      } catch {
        let node = graph.layers[l]
        throw EngineError(
          error, layer: name, className: className, inputs: input.tensors,
          builtFor: node.calls.first?.inputs.first.map { graph.tensors[$0].type },
          argumentRanges: node.statement == statement ? argumentRanges[l] : nil, at: range)
      }
      if let kept, case .single(let t) = input {
        twinCalls?.remember(result, of: kept, on: t, defersWeights: graph.defersWeights)
      }
    }
    if built == nil {
      for prefix in Sublayers.atBuild(className) ?? [] { _ = graph.autoName(prefix) }
    }
    if undo.records(l) {
      undo.touch(l, weights: graph.layers[l].weights, calls: graph.layers[l].calls.count)
    }
    if let knownParams {
      graph.layers[l].setWeights(result.weights, params: knownParams)
    } else {
      graph.layers[l].weights = result.weights
    }
    func casts(_ t: TensorType) -> Bool {
      t.dtype.isFloating && t.dtype != graph.layers[l].policy.computeDType
        && graph.layers[l].autocastsInputs && !InputCasts.never.contains(className)
    }
    // A single input read as it is (`input.tensors` makes an array).
    if case .single(let t) = input {
      if casts(t) { graph.skipTensorName() }
    } else {
      for t in input.tensors where casts(t) { graph.skipTensorName() }
    }
    // One output and a first call (most calls) made as literals: `map` and `append` on an
    // empty array go through the arrays' generic growth.
    let outs =
      result.outputs.count == 1
      ? [graph.newTensor(result.outputs[0], layer: l)]
      : result.outputs.map { graph.newTensor($0, layer: l) }
    let call = LayerCall(
      inputs: inputs, outputs: outs, site: site, node: graph.layers[l].calls.count)
    if graph.layers[l].calls.isEmpty {
      graph.layers[l].calls = [call]
    } else {
      graph.layers[l].calls.append(call)
    }
    graph.current = outs.first
    return .called(layer: l, outputs: outs)
  }
}
