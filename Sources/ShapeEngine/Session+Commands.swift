import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// The commands a session answers itself (`apply`, `summary`, `scan`, `rules`, `help`,
/// `export`, ...): which line is one, what it does, and the model and sizes it names.
extension Session {
  /// The command a line is (`apply 224x224`, `summary`, `apply (64, 32)`), or nil for Python.
  public static func command(in text: String) -> (String, String)? {
    // Most texts are Python: ruled out by their first word, without lexing them.
    guard commandStarts.containsLeadingWord(of: text) else { return nil }
    if let command = Parser.parseCommand(text, commands: commands) {
      return (command.name, command.argument)
    }
    // `apply (64, 32)`: a size as a tuple, not a call of a function named apply.
    let t = text.drop { $0 == " " }
    if t.hasPrefix("apply "), t.dropFirst(6).drop(while: { $0 == " " }).hasPrefix("(") {
      return ("apply", String(t.dropFirst(6)).trimmingSpaces)
    }
    return nil
  }

  /// `commands`, matched against a line's first word without making a string of it.
  static let commandStarts = LeadingWords(commands)

  func command(_ name: String, _ argument: String) -> Outcome {
    switch name {
    case "apply":
      do {
        let (model, sizes) = try target(argument)
        let binding = try binding(sizes, model: model)
        var evaluation = evaluate(binding, model: model?.index)
        evaluation.notes = binding.notes
        return .applied(evaluation, size: sizes.isEmpty ? nil : sizes)
      } catch {
        return .failure(error)
      }
    case "summary":
      do {
        let (model, _) = try target(argument)
        if let model {
          return .summary(model.view, title: "Model: \"\(model.name)\"")
        }
        return .summary(
          graph.hiding(runtime.host.blockInternals.layers), title: "Model: \"session\"")
      } catch {
        return .failure(error)
      }
    case "rules", "solve", "diff":
      do {
        return .report(try reportCommand(name, argument.trimmingSpaces))
      } catch {
        return .failure(error)
      }
    case "scan" where SizeGrid.isGrid(argument):
      do {
        return .report(try SizeGrid.run(self, argument))
      } catch {
        return .failure(error)
      }
    case "scan": return scan(argument)
    case "help": return .help(argument)
    case "diagram": return diagram(argument)
    case "export":
      do {
        return .export(try ExportRequest.make(argument, graph: exportedGraph(argument)))
      } catch {
        return .failure(error)
      }
    default: return .quit
    }
  }

  /// `scan FROM-TO` (1-256 when no range is given): the outcome at every size in the range;
  /// `progress` hears how many sizes are done, after each.
  public func scan(_ argument: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil)
    -> Outcome
  {
    let text = argument.trimmingSpaces
    if SizeGrid.isGrid(text) { return command("scan", argument) }
    do {
      let range = try SizeScan.parseRange(text.isEmpty ? "1-256" : text)
      return .scanned(try SizeScan.run(self, range: range, progress: progress))
    } catch {
      return .failure(error)
    }
  }

  /// `apply [MODEL] SIZE`: the model named first (a variable or a model's name), or the last
  /// model the program built; nil for a session without models (its whole graph).
  func target(_ argument: String) throws(EngineError) -> (ModelObject?, String) {
    let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
    if let first = words.first, let model = model(named: first) {
      return (model, words.count > 1 ? words[1] : "")
    }
    return (runtime.host.defaultModel, argument.trimmingSpaces)
  }

  func model(named name: String) -> ModelObject? {
    if case .object(let o)? = runtime.interpreter.globals[name], let m = o as? ModelObject {
      return m
    }
    return runtime.host.models.last { $0.name == name }
  }

  /// The sizes bound to the inputs of `model` (or of the whole graph).
  func binding(_ sizes: String, model: ModelObject?) throws(EngineError) -> InputBinding {
    let ordinals: [Int]
    if let model {
      ordinals = model.inputIDs.compactMap { t in graph.inputs.firstIndex { $0.tensor == t } }
    } else {
      // The session's network: the blocks' own inputs are not its inputs.
      let own = runtime.host.blockInternals.inputs
      guard !own.isEmpty else { return try SizeSpec.parse(sizes, graph: graph) }
      ordinals = graph.inputs.indices.filter { !own.contains(graph.inputs[$0].tensor) }
    }
    // Those inputs, in order, as a graph of their own; then back to session ordinals.
    var g = graph
    g.inputs = ordinals.map { graph.inputs[$0] }
    g.declaredInputs = ordinals.map { graph.declaredInputs[$0] }
    let local = try SizeSpec.parse(sizes, graph: g)
    var binding = InputBinding()
    binding.batch = local.batch
    binding.notes = local.notes
    for (i, shape) in local.shapes where i < ordinals.count { binding.shapes[ordinals[i]] = shape }
    return binding
  }
}
