import KerasJSON
import LayerCatalog

extension KerasExport {
  /// A layer's `inbound_nodes`: one per call, in call order, with the call's arguments as
  /// written (tensors as `__keras_tensor__` objects, lists for merges, keywords such as `key=`).
  static func inboundNodes(_ plan: ExportPlan, _ node: LayerNode) -> JSONValue {
    if node.className == "InputLayer" { return .array([]) }
    return .array(
      node.calls.map { call in
        let site = ExportPlan.site(call)
        return .object([
          JSONMember("args", .array(site.positional.map { argument(plan, $0) })),
          JSONMember(
            "kwargs", .object(site.keywords.map { JSONMember($0.0, argument(plan, $0.1)) })),
        ])
      })
  }

  static func argument(_ plan: ExportPlan, _ a: CallSite.Argument) -> JSONValue {
    switch a {
    case .tensor(let t): return tensor(plan, t)
    case .tensors(let ts): return .array(ts.map { tensor(plan, $0) })
    case .value(let v): return json(v)
    }
  }

  /// A tensor as a node argument: its shape at the declared size, dtype, and keras_history.
  static func tensor(_ plan: ExportPlan, _ t: Int) -> JSONValue {
    let type = plan.graph.tensors[t].type
    let h = plan.history(of: t)
    return .object([
      JSONMember("class_name", .string("__keras_tensor__")),
      JSONMember(
        "config",
        .object([
          JSONMember("shape", .array(type.shape.map { $0.value.map(JSONValue.int) ?? .null })),
          JSONMember("dtype", .string(type.dtype.name)),
          JSONMember("keras_history", .array([.string(h.name), .int(h.node), .int(h.index)])),
        ])),
    ])
  }

  /// An imported layer's own `inbound_nodes`, its tensors replaced in order by the graph's:
  /// scalars and keywords stay as Keras wrote them (`x + 3.0`). Nil when the saved nodes do not
  /// match the graph's calls (then the nodes are written from the graph).
  static func savedNodes(_ plan: ExportPlan, _ node: LayerNode, _ saved: JSONValue) -> JSONValue? {
    guard case .array(let nodes)? = saved["inbound_nodes"], nodes.count == node.calls.count else {
      return nil
    }
    var out: [JSONValue] = []
    for (n, call) in zip(nodes, node.calls) {
      var queue = call.inputs[...]
      guard let replaced = replacingTensors(n, &queue, plan), queue.isEmpty else { return nil }
      out.append(replaced)
    }
    return .array(out)
  }

  private static func replacingTensors(
    _ v: JSONValue, _ queue: inout ArraySlice<Int>, _ plan: ExportPlan
  ) -> JSONValue? {
    switch v {
    case .object(let members):
      if v["class_name"]?.stringValue == "__keras_tensor__" {
        guard let t = queue.popFirst() else { return nil }
        return tensor(plan, t)
      }
      var out: [JSONMember] = []
      for m in members {
        guard let r = replacingTensors(m.value, &queue, plan) else { return nil }
        out.append(JSONMember(m.key, r))
      }
      return .object(out)
    case .array(let items):
      var out: [JSONValue] = []
      for item in items {
        guard let r = replacingTensors(item, &queue, plan) else { return nil }
        out.append(r)
      }
      return .array(out)
    default: return v
    }
  }
}
