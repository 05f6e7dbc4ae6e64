import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// A session: the ordered statements that were accepted; its graph is their replay.
///
/// Event-sourced: a statement that fails changes nothing, and any state (a graph at another size,
/// an undo, an edit) is a replay of the accepted events.
public struct Session: Sendable {
  /// The accepted statements that change the graph, as typed.
  public private(set) var statements: [String] = []
  private(set) var events: [Event] = []
  /// The declared run: the interpreter and the graph its statements built.
  var runtime = Runtime()
  /// The names failed statements took, by the index of the statement they came before.
  private(set) var namesTaken: [(before: Int, taken: NamesTaken)] = []
  /// The program's calls compiled for `apply` and `scan`, while it has a plan (Session+Plan).
  var plan: SessionPlan? = SessionPlan()

  /// What a statement is, once accepted: Python code, or a model file imported into the session
  /// (its config is kept, so replays never read the file again).
  enum Event: @unchecked Sendable {
    case python(PyStmt, SourceText)
    /// With the import compiled once (nil when it could not be: it is then imported in full).
    /// Boxed: stored inline, the model and its plan made every event (one per statement) as
    /// large as themselves.
    indirect case model(SavedModel, ImportOptions, ImportPlan?)
  }

  /// The graph at the declared shapes.
  public var graph: Graph {
    _read { yield runtime.host.graph }
  }

  /// The command words of the REPL; anything else is Python.
  public static let commands: Set<String> = [
    "apply", "summary", "scan", "help", "export", "diagram", "quit", "exit", "rules", "solve",
    "diff",
  ]

  /// The terminal's width, for what the program prints that fits one (`model.summary()`).
  public var displayWidth: Int? {
    didSet { runtime.host.displayWidth = displayWidth }
  }

  /// Keras's own refusal of weights sized by a dim not known yet (`--keras-strict`), instead
  /// of kshape's deferred weights.
  public private(set) var kerasStrict = false

  /// Whether a failed statement is undone in the cost of its changes when it can be
  /// (`Runtime.undoStatement`); off, every failure replays the session (tests compare the two).
  var undoesFailures = true
  /// How many failures were restored by replaying the session.
  private(set) var failuresReplayed = 0

  public init(kerasStrict: Bool = false) {
    self.kerasStrict = kerasStrict
    if kerasStrict { runtime = Runtime(defersWeights: false) }
    runtime.interpreter.journals = true
  }

  /// Turns Keras's strict refusal on or off. Turning it on is refused while layers with
  /// deferred weights stand in the session (replaying them strictly would fail): their names.
  public mutating func setKerasStrict(_ on: Bool) -> [String] {
    if on == kerasStrict { return [] }
    if on {
      let deferred = graph.layers.filter { $0.params.isDeferred }.map(\.name)
      if !deferred.isEmpty { return deferred }
    }
    kerasStrict = on
    runtime.host.graph.defersWeights = !on
    // The calls are made under the other rule from now on: compiled again (once).
    if plan != nil {
      plan = SessionPlan()
      extendPlan()
    }
    return []
  }

  /// The names a program has defined (for completion).
  public var names: [String] { Array(runtime.interpreter.globals.keys) }

  /// Whether the program has defined `name` (one lookup, where `names` lists them all).
  public func hasName(_ name: String) -> Bool { runtime.interpreter.globals[name] != nil }

  /// Runs one line or block: a command, or Python statements (each accepted on its own). The
  /// outcome is the last statement's; `submitProgram` gives each one's.
  public mutating func submit(_ text: String) -> Outcome {
    var last = Outcome.nothing
    submitProgram(text) { _, outcome in
      last = outcome
      return true
    }
    return last
  }

  /// Runs a program's text: a command line, or Python statements one by one, calling `each` with
  /// each statement's source and outcome; stops at the first failure, or when `each` says so.
  public mutating func submitProgram(
    _ text: String, name: String = "<stdin>", firstLine: Int = 1,
    _ each: (String, Outcome) -> Bool
  ) {
    submitProgram(text, name: name, firstLine: firstLine) { piece, outcome, _ in
      each(piece, outcome)
    }
  }

  /// `submitProgram`, also telling `each` whether the statement joined the session (the REPL
  /// commits it to the session store before showing it). `parsed` is the text's program when
  /// the caller parsed it already (`PyParser.check`); `notCommand` when the caller found the
  /// text is no command line (the REPL's test includes `command(in:)`): it is not asked again.
  public mutating func submitProgram(
    _ text: String, name: String = "<stdin>", firstLine: Int = 1, parsed: PyProgram? = nil,
    notCommand: Bool = false, _ each: (String, Outcome, Bool) -> Bool
  ) {
    if !notCommand, let (word, argument) = Self.command(in: text) {
      _ = each(text, self.command(word, argument), false)
      return
    }
    let source = SourceText(name: name, text: text, firstLine: firstLine)
    let program: PyProgram
    if let parsed {
      program = parsed
    } else {
      do {
        program = try Interpreter.parse(source)
      } catch {
        _ = each(text, .failure(EngineError(error, current: source)), false)
        return
      }
    }
    var pieces = StatementPieces(text)
    for statement in program.statements {
      let piece = pieces.piece(statement.range)
      let before = statements.count
      let outcome = execute(consume statement, source, piece: piece)
      if !each(piece, outcome, statements.count > before) { return }
      if case .failure = outcome { return }
    }
  }

  /// Runs one top-level statement in the declared run; on success it joins the session.
  /// `statement` is consumed: the loop's copy of it is the one the session's events keep (a
  /// borrowed statement was copied again for the event, and the loop's copy destroyed).
  private mutating func execute(
    _ statement: consuming PyStmt, _ source: SourceText, piece: String
  ) -> Outcome {
    let host = runtime.host
    host.evaluator.statement = statements.count
    runtime.printed = ""
    let layersBefore = host.graph.layers.count
    let tensorsBefore = host.graph.tensors.count
    let tensorCounterBefore = host.graph.tensorCounter
    host.graph.startCounterLog()
    let observedBefore = host.observed
    let mark = runtime.markStatement()
    defer { runtime.endStatement() }
    do throws(PyError) {
      var value = try runtime.interpreter.execute(statement, in: source)
      // kshape's habit: a layer written on its own line stacks on the current tensor.
      if case .expression = statement.kind, case .object(let o)? = value,
        let layer = o as? LayerObject, layer.index >= layersBefore,
        host.graph.layers[layer.index].calls.isEmpty
      {
        guard let current = host.graph.current else {
          throw PyError(
            "ValueError", "there is no tensor to stack \(layer.node.className) on",
            at: statement.range, hint: "start with an input, e.g. x = Input((None, None, 3))")
        }
        // Its value only says a call was made (`StatementResult` shows the call).
        value = try host.stack(layer.index, on: current, at: statement.range)
      }
      runtime.syncNames(statement)
      let observedByProgram = host.observed
      let outcome = StatementResult.outcome(
        statement, value: value, printed: runtime.printed, runtime: runtime,
        layersBefore: layersBefore, tensorsBefore: tensorsBefore)
      // Showing the result reads shapes; the program did not.
      host.observed = observedByProgram
      if host.graph.tensors.count > tensorsBefore || host.graph.layers.count > layersBefore
        || !StatementResult.isPureDisplay(statement, source: piece)
      {
        statements.append(piece)
        events.reserveFourfold()
        events.append(.python(consume statement, source))
        extendPlan()
      } else {
        host.observed = observedBefore
      }
      return outcome
    } catch {
      if error.kind == "SystemExit" { return .quit }
      var failure = EngineError(error, current: source)
      failure.printed = runtime.printed
      // Keras keeps the auto-names the failed line took (its layers exist): so does the replay.
      let taken = NamesTaken(
        log: host.graph.counterLog, graph: host.graph, tensorsBefore: tensorCounterBefore)
      if !taken.isEmpty { namesTaken.append((statements.count, taken)) }
      if !(undoesFailures && runtime.undoStatement(to: mark)) { restoreAfterFailure() }
      return .failure(failure)
    }
  }

  /// A statement that failed and changed the run in a way `undoStatement` cannot reverse: the
  /// run is the replay of the accepted events again (it prints again from now on).
  private mutating func restoreAfterFailure() {
    failuresReplayed += 1
    let run = replay(InputBinding(), quiet: true).runtime
    run.quiet = false
    run.interpreter.journals = true
    run.host.displayWidth = displayWidth
    runtime = run
  }

  /// Imports a saved model into the session (`load PATH`; the REPL reads the file): its layers
  /// join the graph under their own names, each name bound to that layer's output, and the next
  /// layer stacks on the model's first output.
  ///
  /// `bindsNames: false` (`inspect`, whose session runs no Python) leaves the program's names
  /// alone: the graph's bindings and inputs are written all the same. `extendsPlan: false`
  /// (`inspect`, which evaluates sizes through the import's own plan) leaves the program's
  /// compiled calls behind the graph: a session whose plan does not reach its last tensor replays
  /// instead, and the next statement's extension compiles the import's calls with its own.
  public mutating func importModel(
    _ model: SavedModel, options: ImportOptions = ImportOptions(), source: String,
    bindsNames: Bool = true, extendsPlan: Bool = true
  ) -> Outcome {
    let first = graph.layers.count
    runtime.host.evaluator.statement = statements.count
    let before = graph
    do {
      try Self.importInto(runtime, model, options, plan: nil, bindsNames: bindsNames)
    } catch {
      restoreAfterFailure()
      return .failure(error)
    }
    statements.append(source)
    // The import's calls join the program's compiled calls (a session that loads a model and
    // adds layers to it runs them per size, not a replay of the import).
    if extendsPlan { extendPlan() }
    let plan = ImportPlan(model, before: before, after: graph)
    events.append(.model(model, options, plan))
    return .imported(model.name, layers: first..<graph.layers.count, graph: graph)
  }

  private static func importInto(
    _ runtime: Runtime, _ model: SavedModel, _ options: ImportOptions, plan: ImportPlan?,
    bindsNames: Bool = true
  ) throws(EngineError) {
    let host = runtime.host
    let first = host.graph.layers.count
    let bindingsBefore = host.graph.bindings.count
    var planned: [Int]?
    if let plan { planned = try host.evaluator.runImport(plan) }
    if planned == nil { _ = try host.evaluator.importModel(model, options: options) }
    // Each imported layer's name stands for its output, unless the program uses the name. The
    // nodes are read from the layers array taken once (each `host.graph` is a copy of the graph).
    let layers = host.graph.layers
    if bindsNames {
      runtime.interpreter.globals.reserveCapacity(
        runtime.interpreter.globals.count + layers.count - first)
    }
    // `importModel` bound each layer's name made an identifier, in this order, where the graph
    // had no binding before: when every name is its own identifier, the graph's bindings written
    // below are the ones it wrote (ImportBindingTests).
    let rebinds =
      planned != nil || bindingsBefore != 0
      || !(first..<layers.count).allSatisfy { Evaluator.isIdentifier(layers[$0].name) }
    if !bindsNames && !rebinds {
      nameInputs(host, layers, from: first)
      return
    }
    for l in first..<layers.count {
      guard let out = layers[l].calls.last?.outputs, !out.isEmpty else { continue }
      let name = layers[l].name
      if bindsNames {
        guard runtime.interpreter.globals[name] == nil else { continue }
        runtime.interpreter.globals[name] = host.outputs(out)
      }
      // What `Runtime.bind` records for that value (one tensor, or a tuple of them), written
      // into the graph in place.
      if rebinds {
        host.evaluator.graph.bindings[name] = out.count == 1 ? .tensor(out[0]) : .tuple(out)
      }
      if out.count == 1,
        let i = host.evaluator.graph.inputs.firstIndex(where: { $0.tensor == out[0] })
      {
        host.evaluator.graph.inputs[i].variable = name
      }
    }
  }

  /// Replays every statement with the inputs bound as given: `apply`. With `model` (an index
  /// among the models the program builds), the graph is that model's layers.
  public func evaluate(_ binding: InputBinding, model: Int? = nil) -> Evaluation {
    // A session of imports alone runs the imports' own plans (which keep Keras's shortcuts for
    // a fixed-size model); one with Python statements too runs its compiled calls.
    importsPlanned(binding, model: model) ?? planned(binding, model: model)
      ?? replayed(binding, model: model)
  }

  /// `evaluate` by replaying every statement (what a plan must equal).
  func replayed(_ binding: InputBinding, model: Int? = nil) -> Evaluation {
    let (run, failure) = replay(binding, quiet: true)
    var ev = Evaluation(graph: run.host.graph, failure: failure, sources: statements)
    if failure == nil, let model, model < run.host.models.count {
      ev.graph = run.host.models[model].view
      ev.model = run.host.models[model].name
    } else {
      ev.graph = ev.graph.hiding(run.host.blockInternals.layers)
    }
    return ev
  }

  private func replay(_ binding: InputBinding, quiet: Bool) -> (
    runtime: Runtime, failure: (Int, EngineError)?
  ) {
    let run = Runtime(
      binding: binding, quiet: quiet, defersWeights: defersWeights(at: binding))
    for (i, event) in events.enumerated() {
      run.host.evaluator.statement = i
      for (before, taken) in namesTaken where before == i { run.host.graph.take(taken) }
      do throws(EngineError) {
        try Interrupt.check("at statement \(i + 1)")
        switch event {
        case .python(let s, let source):
          do {
            let value = try run.interpreter.execute(s, in: source)
            run.syncNames(s)
            if case .expression = s.kind, case .object(let o)? = value,
              let layer = o as? LayerObject, layer.node.calls.isEmpty,
              let current = run.host.graph.current
            {
              _ = try run.host.callLayer(
                layer.index,
                PyArguments(positional: [(.object(run.host.tensor(current)), nil)], range: s.range),
                run.interpreter)
            }
          } catch {
            throw EngineError(error, current: source)
          }
        case .model(let m, let options, let plan): try Self.importInto(run, m, options, plan: plan)
        }
      } catch {
        return (run, (i, error))
      }
    }
    for (before, taken) in namesTaken where before == events.count { run.host.graph.take(taken) }
    return (run, nil)
  }

}
