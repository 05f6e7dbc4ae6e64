import KerasJSON
import LayerCatalog
import ShapeCore

/// The session's graph as the document `model.to_json()` writes, which
/// `keras.models.model_from_json` loads into an equal model: same layer names, classes,
/// arguments, shapes and params.
public enum KerasExport {
  /// The file's text: the document, indented, with a final newline.
  public static func export(_ graph: Graph, name: String = "functional") throws(EngineError)
    -> ExportResult
  {
    let plan = try ExportPlan(graph)
    return ExportResult(
      text: document(plan, name: name).prettyText() + "\n", layers: plan.layers.count,
      uncalled: plan.uncalled)
  }

  /// The Functional model document of a graph.
  static func document(_ plan: ExportPlan, name: String) -> JSONValue {
    let graph = plan.graph
    let layers = plan.layers.map { layerEntry(plan, $0) }
    // Here (unlike in a call's arguments) Keras counts a nested Functional model's built-in
    // node: its calls are numbered from 1.
    func ref(_ t: Int) -> JSONValue {
      let h = plan.history(of: t)
      let nested = graph.layers[graph.tensors[t].layer].layer.map { $0 is NestedModel } ?? false
      let functional = nested && graph.layers[graph.tensors[t].layer].className != "Sequential"
      return .array([.string(h.name), .int(h.node + (functional ? 1 : 0)), .int(h.index)])
    }
    let config: JSONValue = .object([
      JSONMember("name", .string(name)),
      JSONMember("trainable", .bool(true)),
      JSONMember("layers", .array(layers)),
      JSONMember("input_layers", .array(graph.inputs.map { ref($0.tensor) })),
      JSONMember("output_layers", .array(graph.outputs.map(ref))),
    ])
    return .object([
      JSONMember("module", .string("keras.src.models.functional")),
      JSONMember("class_name", .string("Functional")),
      JSONMember("config", config),
      JSONMember("registered_name", .string("Functional")),
    ])
  }

  /// One entry of `config.layers`.
  static func layerEntry(_ plan: ExportPlan, _ l: Int) -> JSONValue {
    let node = plan.graph.layers[l]
    let nodes = inboundNodes(plan, node)
    if let saved = node.savedConfig, case .object(var members) = saved {
      // A Sequential's entries have no top-level name; a Functional's need one.
      if saved["name"] == nil { members.append(JSONMember("name", .string(node.name))) }
      members.removeAll { $0.key == "inbound_nodes" }
      members.append(JSONMember("inbound_nodes", savedNodes(plan, node, saved) ?? nodes))
      return .object(members)
    }
    let config: JSONValue
    if node.className == "InputLayer" {
      config = inputConfig(plan.graph, node)
    } else {
      config = layerConfig(node.className, node.arguments, name: node.name, policy: node.policy)
    }
    return .object([
      JSONMember("module", .string(node.module)),
      JSONMember("class_name", .string(ExportPlan.pythonClass(node.className))),
      JSONMember("config", config),
      JSONMember("registered_name", .null),
      JSONMember("name", .string(node.name)),
      JSONMember("inbound_nodes", nodes),
    ])
  }

  /// An InputLayer's config as Keras writes it: `batch_shape` (unknown dims as null), dtype.
  static func inputConfig(_ g: Graph, _ node: LayerNode) -> JSONValue {
    let type = node.calls.first?.outputs.first.map { g.tensors[$0].type }
    return .object([
      JSONMember(
        "batch_shape", .array((type?.shape ?? []).map { $0.value.map(JSONValue.int) ?? .null })),
      JSONMember("dtype", .string(type?.dtype.name ?? "float32")),
      JSONMember("sparse", .bool(false)),
      JSONMember("ragged", .bool(false)),
      JSONMember("name", .string(node.name)),
      JSONMember("optional", .bool(false)),
    ])
  }

  /// A layer's config: name, trainable, dtype, then the arguments the user wrote, positional ones
  /// under their parameter names.
  static func layerConfig(
    _ className: String, _ arguments: CallArguments, name: String, policy: DTypePolicy
  ) -> JSONValue {
    let params = Catalog.entry(forClass: className)?.signature.parameters.map(\.name) ?? []
    var trainable = JSONValue.bool(true)
    var rest: [JSONMember] = []
    for (i, v) in arguments.positional.enumerated() {
      rest.append(JSONMember(i < params.count ? params[i] : "arg\(i)", json(v)))
    }
    for (key, v) in arguments.keywords {
      switch key {
      case "name", "dtype": continue
      case "trainable": trainable = json(v)
      default: rest.append(JSONMember(key, json(v)))
      }
    }
    return .object(
      [
        JSONMember("name", .string(name)), JSONMember("trainable", trainable),
        JSONMember("dtype", dtypePolicy(policy.name)),
      ] + rest)
  }

  /// A DTypePolicy as Keras serializes it.
  static func dtypePolicy(_ name: String) -> JSONValue {
    .object([
      JSONMember("module", .string("keras")),
      JSONMember("class_name", .string("DTypePolicy")),
      JSONMember("config", .object([JSONMember("name", .string(name))])),
      JSONMember("registered_name", .null),
    ])
  }

  /// An argument value: tuples become lists, a layer becomes its nested serialized form.
  static func json(_ v: Value) -> JSONValue {
    switch v {
    case .int(let i): return .int(i)
    case .float(let d): return .double(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .none: return .null
    case .tuple(let xs), .list(let xs): return .array(xs.map(json))
    case .dict(let entries): return .object(entries.map { JSONMember($0.key, json($0.value)) })
    case .layer(let l):
      let policy: DTypePolicy =
        if case .string(let d)? = l.arguments.keywords.last(where: { $0.0 == "dtype" })?.1,
          let p = DTypePolicy(d)
        {
          p
        } else {
          .float32
        }
      return .object([
        JSONMember("module", .string("keras.layers")),
        JSONMember("class_name", .string(ExportPlan.pythonClass(l.className))),
        JSONMember("config", layerConfig(l.className, l.arguments, name: l.name, policy: policy)),
        JSONMember("registered_name", .null),
      ])
    }
  }
}
