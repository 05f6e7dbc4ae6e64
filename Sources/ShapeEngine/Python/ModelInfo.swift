import LayerCatalog
import PythonRuntime
import ShapeCore

/// A model a program built, as `model.summary()` and `model.layers` describe it: for tests,
/// JSON output and the REPL's `models` listing.
public struct ModelInfo: Sendable {
  public var name: String
  /// `Functional` or `Sequential`.
  public var className: String
  public var built: Bool
  public var inputs: [TensorType]
  public var outputs: [TensorType]
  /// `model.layers`, in order: each with the output types of every call it has in the graph.
  public var layers: [LayerInfo]
  public var params: ParamCount
  /// The program's names bound to this model.
  public var variables: [String]
}

/// One layer of a model: its name, class, each call's outputs, and params.
public struct LayerInfo: Sendable {
  public var name: String
  public var className: String
  public var calls: [[TensorType]]
  public var params: ParamCount
}

extension Session {
  /// The models the program has built, in creation order.
  public var models: [ModelInfo] {
    let host = runtime.host
    let g = host.graph
    return host.models.map { m in
      var variables: [String] = []
      for (name, value) in runtime.interpreter.globals {
        if case .object(let o) = value, o === m { variables.append(name) }
      }
      return ModelInfo(
        name: m.name, className: m.kind.rawValue, built: m.built,
        inputs: m.inputIDs.map { g.tensors[$0].type },
        outputs: m.outputIDs.map { g.tensors[$0].type },
        layers: m.layerNodes.map { l in
          guard let l else {
            return LayerInfo(name: "?", className: "?", calls: [], params: ParamCount())
          }
          let node = g.layers[l]
          return LayerInfo(
            name: node.name, className: node.className,
            calls: node.calls.map { $0.outputs.map { g.tensors[$0].type } }, params: node.params)
        }, params: m.params, variables: variables.sorted())
    }
  }

  /// The program's global names bound to tensors, with their types (`x`, `outputs`).
  public var tensorGlobals: [String: TensorType] {
    var out: [String: TensorType] = [:]
    for (name, value) in runtime.interpreter.globals {
      if case .object(let o) = value, let t = o as? TensorObject {
        out[name] = runtime.host.graph.tensors[t.id].type
      }
    }
    return out
  }

  /// The program's global names bound to plain values, as Python's `repr` shows them.
  public var valueGlobals: [String: String] {
    var out: [String: String] = [:]
    for (name, value) in runtime.interpreter.globals {
      switch value {
      case .object: continue
      default: out[name] = runtime.interpreter.repr(value)
      }
    }
    return out
  }
}
