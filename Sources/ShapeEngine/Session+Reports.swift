/// The commands that answer with a report: `rules`, `solve OUTPUT`, `diff A B` (two models of
/// the session; two sessions and a model against a file are the REPL's, which reads them).
extension Session {
  func reportCommand(_ name: String, _ argument: String) throws(EngineError) -> Report {
    switch name {
    case "rules":
      guard argument.isEmpty else {
        throw EngineError("rules takes no argument", hint: "rules: the size rules of the inputs")
      }
      let rules = try SizeRules.derive(self)
      return Report(kind: "rules", text: rules.text, json: rules.json)
    case "solve":
      guard !argument.isEmpty else {
        throw EngineError(
          "solve needs the output wanted", hint: "solve 7x7, solve 1x1, or solve same")
      }
      return try SizeSolve.run(self, argument)
    default:
      let words = argument.split(separator: " ").map(String.init)
      guard words.count == 2 else {
        throw EngineError(
          "diff compares two models",
          hint: "diff encoder decoder; diff session A B; diff MODEL FILE")
      }
      var graphs: [Graph] = []
      for w in words {
        guard let m = model(named: w) else {
          let names = runtime.host.models.filter(\.built).map(\.name)
          throw EngineError(
            "'\(w)' is not a model in this session",
            hint: names.isEmpty
              ? "build one: model = keras.Model(inputs, outputs)"
              : "the models are: \(names.joined(separator: ", "))")
        }
        graphs.append(m.view)
      }
      return ModelDiff.compare(graphs[0], words[0], graphs[1], words[1])
    }
  }

  /// The graph a diff takes from a whole session: its last model, else all its layers.
  public var diffGraph: Graph {
    runtime.host.models.last(where: \.built)?.view ?? graph
  }
}

extension Session {
  /// Whether `name` is a model of the session (a variable or a model's name): `apply NAME SIZE`.
  public func isModel(_ name: String) -> Bool { model(named: name) != nil }

  /// How many inputs `apply` binds: the named model's, else the last model's, else the graph's.
  public func inputCount(applying model: String?) -> Int {
    if let model, let m = self.model(named: model) { return m.inputIDs.count }
    if let m = runtime.host.models.last(where: \.built) { return m.inputIDs.count }
    return graph.inputs.count
  }

  /// The model's layers as its summary lists them.
  public func modelView(_ name: String) -> Graph? { model(named: name)?.view }
}
