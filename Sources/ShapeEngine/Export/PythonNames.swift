/// Python variable names for an export: the session's own names where it has them (`x`, `y`,
/// `d`), the layer's name otherwise, every one a valid identifier and used once.
struct Names {
  private var tensors: [Int: String] = [:]
  private var layers: [Int: String] = [:]

  init(_ g: Graph, _ plan: ExportPlan) {
    var used: Set<String> = []
    func take(_ base: String) -> String {
      var name = base
      var k = 2
      while used.contains(name) {
        name = "\(base)_\(k)"
        k += 1
      }
      used.insert(name)
      return name
    }
    // The session's names first, in a fixed order.
    for key in g.bindings.keys.sorted() {
      guard let b = g.bindings[key] else { continue }
      switch b {
      case .tensor(let t) where tensors[t] == nil:
        tensors[t] = take(PythonLiteral.identifier(key))
      case .layer(let l) where layers[l] == nil:
        layers[l] = take(PythonLiteral.identifier(key))
      case .tuple(let outs):
        for (i, t) in outs.enumerated() where tensors[t] == nil {
          tensors[t] = take(PythonLiteral.identifier(key) + "_\(i)")
        }
      default: break
      }
    }
    // A layer called twice is bound once, under its own name.
    for l in plan.layers where layers[l] == nil && g.layers[l].calls.count > 1 {
      layers[l] = take(PythonLiteral.identifier(g.layers[l].name))
    }
    for l in plan.layers {
      let node = g.layers[l]
      for (c, call) in node.calls.enumerated() {
        for (i, t) in call.outputs.enumerated() where tensors[t] == nil {
          var base = PythonLiteral.identifier(node.name)
          if node.calls.count > 1 { base += "_out\(c)" }
          if call.outputs.count > 1 { base += "_\(i)" }
          tensors[t] = take(base)
        }
      }
    }
  }

  func tensor(_ t: Int) -> String { tensors[t] ?? "t\(t)" }

  /// True when the layer gets its own variable (bound by the user, or called several times).
  func sharesLayer(_ l: Int) -> Bool { layers[l] != nil }

  func layer(_ l: Int) -> String { layers[l] ?? "layer\(l)" }
}
