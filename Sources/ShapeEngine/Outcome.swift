import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// A graph evaluated at some size, and the statement that failed, if one did.
public struct Evaluation: Sendable {
  public var graph: Graph
  public var failure: (statement: Int, error: EngineError)?
  /// The statements evaluated, for showing where a failure stands.
  public var sources: [String]
  /// The model applied, when the session has models.
  public var model: String?
  /// What the size changed that the inputs declared (`SizeSpec.redeclarations`).
  public var notes: [String] = []
}

/// What submitting a line did, for the REPL and the JSON writer to show.
///
/// What a statement made or showed (an effect, a tensor) is stored in place; the larger results
/// of commands and failures are boxed (`indirect`): stored inline they made every outcome 240
/// bytes, copied and destroyed several times a statement.
public enum Outcome: Sendable {
  case nothing
  case effect(Effect, graph: Graph)
  /// A value a statement showed; `name` is the variable when a bare name showed it (nil for
  /// another expression: `m.output`, `m.layers[0]`).
  case shown(Binding, name: String?, graph: Graph)
  /// Python code ran: what it printed and showed, and the layer calls it made.
  indirect case executed(Executed)
  indirect case applied(Evaluation, size: String?)
  /// `apply 224x224 320x320`: one evaluation per size, shown side by side.
  case appliedSizes([(evaluation: Evaluation, size: String)])
  case summary(Graph, title: String)
  /// `scan FROM-TO`: which sizes evaluate, and which layer rejects the others.
  indirect case scanned(SizeScan)
  /// `rules`, `solve`, a two-axis `scan`, `diff`: a report with its text and JSON.
  indirect case report(Report)
  /// A model file imported: its name and the graph's layers it added.
  case imported(String, layers: Range<Int>, graph: Graph)
  case help(String)
  /// An export made: the REPL writes its text to its path, then shows its message.
  indirect case export(ExportRequest)
  /// `diagram`: the graph drawn as text (fitted to the terminal when shown).
  indirect case diagram(DiagramRequest)
  case quit
  indirect case failure(EngineError)
}

/// A Python statement's result beyond one layer call: its printed text, the value it showed
/// (as a REPL shows an expression's), and the calls it made, in order.
public struct Executed: Sendable {
  /// What the statement printed, without its last newline.
  public var text: String
  /// Whether it printed anything: `print()` printed an empty line, whose text is empty.
  public var printed = false
  /// The value of an expression statement, as a Python REPL shows it (not a program's output).
  public var display: String?
  public var calls: [(layer: Int, outputs: [Int])]
  public var graph: Graph
}

extension EngineError {
  init(_ d: Diagnostic) { self.init(d, layer: nil, className: nil) }
}
