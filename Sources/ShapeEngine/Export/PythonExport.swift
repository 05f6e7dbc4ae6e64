import KerasJSON
import LayerCatalog

/// The session's graph as readable Keras code that builds the same model: one line per input
/// and per layer call, the session's variable names, arguments as written, names explicit.
public enum PythonExport {
  /// The file's text.
  public static func export(_ graph: Graph, name: String = "functional") throws(EngineError)
    -> ExportResult
  {
    let plan = try ExportPlan(graph)
    let names = Names(graph, plan)
    var lines = ["import keras", ""]
    // Calls in the order they were made: their first output tensors were created in that order.
    var calls: [(layer: Int, call: Int)] = []
    for l in plan.layers {
      for c in graph.layers[l].calls.indices { calls.append((l, c)) }
    }
    calls.sort { first(graph, $0) < first(graph, $1) }
    var defined: Set<Int> = []
    for (l, c) in calls {
      let node = graph.layers[l]
      let call = node.calls[c]
      if node.className == "InputLayer" {
        lines.append("\(names.tensor(call.outputs.first ?? 0)) = \(input(graph, node))")
        continue
      }
      let lhs = call.outputs.map { names.tensor($0) }.joined(separator: ", ")
      if node.module.hasPrefix("keras.src.ops") {
        lines.append("\(lhs) = \(operation(node, call, names))")
        continue
      }
      let ctor = constructor(node)
      let callee: String
      if names.sharesLayer(l) {
        callee = names.layer(l)
        if defined.insert(l).inserted { lines.append("\(callee) = \(ctor)") }
      } else {
        callee = ctor
      }
      lines.append("\(lhs) = \(callee)(\(arguments(ExportPlan.site(call), names)))")
    }
    func list(_ ts: [Int]) -> String {
      let all = ts.map { names.tensor($0) }
      return all.count == 1 ? all.joined() : "[" + all.joined(separator: ", ") + "]"
    }
    lines += [
      "model = keras.Model(inputs=\(list(graph.inputs.map(\.tensor))), "
        + "outputs=\(list(graph.outputs)), name=\(PythonLiteral.string(name)))",
      "", "if __name__ == \"__main__\":", "    model.summary()", "",
    ]
    return ExportResult(
      text: lines.joined(separator: "\n"), layers: plan.layers.count, uncalled: plan.uncalled)
  }

  /// `keras.layers.Conv2D(...)` as written; a nested model or a class from outside
  /// `keras.layers` (an application's helper, a custom class) read from a file is rebuilt from
  /// its saved entry, which Keras's own deserializer reads.
  static func constructor(_ node: LayerNode) -> String {
    let plain = ["keras.layers", "keras.src.layers"].contains { node.module.hasPrefix($0) }
    // A model given as an argument (`TimeDistributed(cnn)`) has no constructor line either.
    func holdsModel(_ v: Value) -> Bool {
      switch v {
      case .layer(let l):
        return l.prebuilt != nil || l.arguments.keywords.contains { holdsModel($0.1) }
      case .list(let xs), .tuple(let xs): return xs.contains(where: holdsModel)
      default: return false
      }
    }
    let wrapsModel = (node.arguments.positional + node.arguments.keywords.map(\.1)).contains(
      where: holdsModel)
    guard let saved = node.savedConfig, case .object(let members) = saved,
      !plain || SavedModel.isModelClass(node.className) || wrapsModel
    else {
      return PythonLiteral.constructor(node.className, node.arguments, name: node.name)
    }
    let entry = JSONValue.object(
      members.filter { ["module", "class_name", "config", "registered_name"].contains($0.key) })
    return "keras.saving.deserialize_keras_object(\(PythonLiteral.of(entry)))"
  }

  private static func first(_ g: Graph, _ c: (layer: Int, call: Int)) -> Int {
    g.layers[c.layer].calls[c.call].outputs.first ?? Int.max
  }

  /// `keras.Input(shape=(None, None, 3), name="input_layer")`, with batch_size and dtype when
  /// they are not Keras's defaults.
  static func input(_ g: Graph, _ node: LayerNode) -> String {
    let type = node.calls.first?.outputs.first.map { g.tensors[$0].type }
    let dims = (type?.shape ?? []).map { $0.value.map(String.init) ?? "None" }
    let shape = dims.dropFirst()
    var parts = [
      "shape="
        + (shape.count == 1 ? "(\(shape.first ?? ""),)" : "(" + shape.joined(separator: ", ") + ")")
    ]
    if let batch = type?.shape.first?.value { parts.append("batch_size=\(batch)") }
    if let dtype = type?.dtype.name, dtype != "float32" {
      parts.append("dtype=" + PythonLiteral.string(dtype))
    }
    parts.append("name=" + PythonLiteral.string(node.name))
    return "keras.Input(" + parts.joined(separator: ", ") + ")"
  }

  static func arguments(_ site: CallSite, _ names: Names) -> String {
    func arg(_ a: CallSite.Argument) -> String {
      switch a {
      case .tensor(let t): return names.tensor(t)
      case .tensors(let ts): return "[" + ts.map { names.tensor($0) }.joined(separator: ", ") + "]"
      case .value(let v): return PythonLiteral.of(v)
      }
    }
    return (site.positional.map(arg) + site.keywords.map { "\($0.0)=\(arg($0.1))" })
      .joined(separator: ", ")
  }

  /// A raw tensor operation read from a model file (`x + 3.0` saved as `Add`): its own class,
  /// made from its saved config so that its name and arguments are the file's, called on the
  /// file's arguments: `keras.src.ops.numpy.Add(name="add")(x, 3.0)`.
  static func operation(_ node: LayerNode, _ call: LayerCall, _ names: Names) -> String {
    let cls = node.savedConfig?["class_name"]?.stringValue ?? node.className
    var settings: [String] = []
    if case .object(let config)? = node.savedConfig?["config"] {
      settings = config.map { "\($0.key)=\(PythonLiteral.of($0.value))" }
    } else {
      settings = ["name=" + PythonLiteral.string(node.name)]
    }
    let op = "\(node.module).\(cls)(" + settings.joined(separator: ", ") + ")"
    let index = node.calls.firstIndex { $0.outputs == call.outputs } ?? 0
    guard case .array(let nodes)? = node.savedConfig?["inbound_nodes"], index < nodes.count,
      case .array(let args)? = nodes[index]["args"]
    else {
      return op + "(" + arguments(ExportPlan.site(call), names) + ")"
    }
    var queue = call.inputs[...]
    func render(_ j: JSONValue) -> String {
      switch j["class_name"]?.stringValue {
      case "__keras_tensor__"?: return queue.popFirst().map { names.tensor($0) } ?? "None"
      case "__ellipsis__"?: return "Ellipsis"
      case "__slice__"?:
        let c = j["config"]
        return "slice("
          + ["start", "stop", "step"].map { c?[$0].map(render) ?? "None" }
          .joined(separator: ", ") + ")"
      case "__tensor__"?:
        let c = j["config"]
        return "keras.ops.convert_to_tensor(" + (c?["value"].map(render) ?? "None")
          + (c?["dtype"].map { ", dtype=" + PythonLiteral.of($0) } ?? "") + ")"
      default: break
      }
      if case .array(let xs) = j { return "[" + xs.map(render).joined(separator: ", ") + "]" }
      return PythonLiteral.of(j)
    }
    var parts: [String] = []
    for (i, a) in args.enumerated() {
      // A subscript key was a tuple in the model code; JSON kept it as a list.
      if cls == "GetItem", i == 1, case .array(let xs) = a {
        parts.append(
          xs.count == 1 ? "(\(render(xs[0])),)" : "(" + xs.map(render).joined(separator: ", ") + ")"
        )
      } else {
        parts.append(render(a))
      }
    }
    if case .object(let kwargs)? = nodes[index]["kwargs"] {
      parts += kwargs.map { "\($0.key)=\(render($0.value))" }
    }
    return op + "(" + parts.joined(separator: ", ") + ")"
  }
}
