import LayerCatalog
import ShapeCore
import StatementLanguage

/// A session: the ordered statements that were accepted; its graph is their replay.
///
/// Event-sourced: a statement that fails changes nothing, and any state (a graph at another size,
/// an undo, an edit) is a replay of `statements`.
public struct Session: Sendable {
  /// The accepted statements that change the graph, as typed.
  public private(set) var statements: [String] = []
  private(set) var parsed: [Event] = []

  /// What a statement is, once accepted: a typed line, or a model file imported into the session
  /// (its config is kept, so replays never read the file again).
  enum Event: Sendable {
    case statement(Statement)
    /// With the import compiled once (nil when it could not be: it is then imported in full).
    case model(SavedModel, ImportOptions, ImportPlan?)
  }
  /// The graph at the declared shapes.
  public private(set) var graph = Graph()

  /// The command words of the REPL; anything else is a statement.
  public static let commands: Set<String> = [
    "apply", "summary", "scan", "help", "export", "import", "quit", "exit",
  ]

  public init() {}

  /// Parses and executes one line; on success it joins the session.
  public mutating func submit(_ line: String) -> Outcome {
    let statement: Statement
    do {
      statement = try Parser.parse(line, commands: Self.commands)
    } catch {
      return .failure(EngineError(error))
    }
    switch statement {
    case .empty: return .nothing
    case .command(let name, let argument, _):
      return command(name, argument)
    case .assignment, .unpacking, .expression:
      var evaluator = Evaluator(graph: graph)
      evaluator.statement = statements.count
      do {
        guard let effect = try evaluator.execute(statement) else { return .nothing }
        if case .show(let b, let name) = effect { return .shown(b, name: name, graph: graph) }
        statements.append(line)
        parsed.append(.statement(statement))
        graph = evaluator.graph
        return .effect(effect, graph: graph)
      } catch {
        return .failure(error)
      }
    }
  }

  private func command(_ name: String, _ argument: String) -> Outcome {
    switch name {
    case "apply":
      do {
        let binding = try SizeSpec.parse(argument, graph: graph)
        return .applied(evaluate(binding), size: argument.isEmpty ? nil : argument)
      } catch {
        return .failure(error)
      }
    case "summary": return .summary(graph)
    case "scan":
      do {
        let range = try SizeScan.parseRange(
          argument.trimmingSpaces.isEmpty ? "1-256" : argument.trimmingSpaces)
        return .scanned(try SizeScan.run(self, range: range))
      } catch {
        return .failure(error)
      }
    case "help": return .help(argument)
    case "import":
      return .failure(
        EngineError(
          "import reads a model file, which the session cannot do on its own",
          hint: "run it in the kshape REPL or a kshape script"))
    case "export":
      do {
        return .export(try ExportRequest.make(argument, graph: graph))
      } catch {
        return .failure(error)
      }
    default: return .quit
    }
  }

  /// Imports a saved model into the session (`import PATH`; the REPL reads the file): its layers
  /// join the graph under their own names, each name bound to that layer's output, and the next
  /// layer stacks on the model's first output.
  public mutating func importModel(
    _ model: SavedModel, options: ImportOptions = ImportOptions(), source: String
  ) -> Outcome {
    var evaluator = Evaluator(graph: graph)
    evaluator.statement = statements.count
    let first = graph.layers.count
    do {
      _ = try evaluator.importModel(model, options: options)
    } catch {
      return .failure(error)
    }
    statements.append(source)
    parsed.append(.model(model, options, ImportPlan(model, before: graph, after: evaluator.graph)))
    graph = evaluator.graph
    return .imported(model.name, layers: first..<graph.layers.count, graph: graph)
  }

  /// Replays every statement with the inputs bound as given: `apply`.
  public func evaluate(_ binding: InputBinding) -> Evaluation {
    var evaluator = Evaluator(binding: binding)
    for (i, event) in parsed.enumerated() {
      evaluator.statement = i
      do {
        switch event {
        case .statement(let s): _ = try evaluator.execute(s)
        case .model(let m, let options, let plan):
          if let plan, try evaluator.runImport(plan) != nil { break }
          _ = try evaluator.importModel(m, options: options)
        }
      } catch {
        return Evaluation(graph: evaluator.graph, failure: (i, error), sources: statements)
      }
    }
    return Evaluation(graph: evaluator.graph, failure: nil, sources: statements)
  }
}

/// A graph evaluated at some size, and the statement that failed, if one did.
public struct Evaluation: Sendable {
  public var graph: Graph
  public var failure: (statement: Int, error: EngineError)?
  /// The statements evaluated, for showing where a failure stands.
  public var sources: [String]
}

/// What submitting a line did, for the REPL and the JSON writer to show.
public enum Outcome: Sendable {
  case nothing
  case effect(Effect, graph: Graph)
  case shown(Binding, name: String, graph: Graph)
  case applied(Evaluation, size: String?)
  case summary(Graph)
  /// `scan FROM-TO`: which sizes evaluate, and which layer rejects the others.
  case scanned(SizeScan)
  /// A model file imported: its name and the graph's layers it added.
  case imported(String, layers: Range<Int>, graph: Graph)
  case help(String)
  /// An export made: the REPL writes its text to its path, then shows its message.
  case export(ExportRequest)
  case quit
  case failure(EngineError)
}

extension EngineError {
  init(_ d: Diagnostic) { self.init(d, layer: nil, className: nil) }
}
