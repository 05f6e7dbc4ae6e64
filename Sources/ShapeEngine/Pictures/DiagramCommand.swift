/// `diagram [MODEL] [SIZE] [--depth 1] [--ascii] [--keras]`: the model drawn as text.
public struct DiagramRequest: Sendable {
  public var picture: Picture
  /// ASCII lines asked for (`--ascii`); a terminal that is not UTF-8 gets them anyway.
  public var ascii: Bool
  /// The size the shapes are at, nil for the declared shapes.
  public var size: String?
}

/// The options a picture takes (`--depth N`, `--ascii`, `--keras`), out of a command's words.
struct PictureOptions {
  var depth: Int?
  var ascii = false
  var kerasShapes = false
  var rest: [String] = []

  init(_ words: [String], command: String) throws(EngineError) {
    var i = 0
    while i < words.count {
      let word = words[i]
      i += 1
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      switch parts.first ?? "" {
      case "--ascii": ascii = true
      case "--keras": kerasShapes = true
      case "--depth":
        var value = parts.count > 1 ? parts[1] : nil
        if value == nil, i < words.count {
          value = words[i]
          i += 1
        }
        guard let value, let d = Int(value), d >= 1 else {
          throw EngineError(
            "--depth needs a positive number",
            hint: "\(command) --depth 1 draws each model inside the model as one box")
        }
        depth = d
      default:
        if word.hasPrefix("--") {
          throw EngineError(
            "\(command) has no option '\(parts[0])'",
            hint: "its options are --depth N, --ascii, --keras")
        }
        rest.append(word)
      }
    }
  }
}

extension Session {
  /// `diagram`: the last model built (or the named one, or the whole session), at the declared
  /// shapes or at a size.
  func diagram(_ argument: String) -> Outcome {
    do {
      let options = try PictureOptions(
        argument.split(separator: " ").map(String.init), command: "diagram")
      let (model, size) = try target(options.rest.joined(separator: " "))
      var graph = model?.view ?? self.graph
      if !size.isEmpty {
        let evaluation = evaluate(try binding(size, model: model), model: model?.index)
        if let (_, error) = evaluation.failure { return .failure(error) }
        graph = evaluation.graph
      }
      guard graph.layers.contains(where: { !$0.calls.isEmpty }) else {
        return .failure(
          EngineError(
            "there is nothing to draw yet", hint: "start with an input, e.g. x = Input((32, 32, 3))"
          ))
      }
      let picture = Picture(graph, depth: options.depth, kerasShapes: options.kerasShapes)
      return .diagram(
        DiagramRequest(picture: picture, ascii: options.ascii, size: size.isEmpty ? nil : size))
    } catch {
      return .failure(error)
    }
  }
}

extension Picture {
  /// `export dot|mermaid|svg PATH`: the text to write (for svg, the DOT that Graphviz draws).
  static func export(_ graph: Graph, format: ExportRequest.Format, _ options: PictureOptions)
    -> ExportResult
  {
    let picture = Picture(graph, depth: options.depth, kerasShapes: options.kerasShapes)
    return ExportResult(
      text: format == .mermaid ? picture.mermaid : picture.dot, layers: picture.nodes.count,
      uncalled: [])
  }
}

extension Session {
  /// What `export` writes: a picture draws the last model built (as `diagram` does), the other
  /// formats the session's graph.
  func exportedGraph(_ argument: String) -> Graph {
    let format = argument.split(separator: " ").first.map { $0.lowercased() } ?? ""
    guard ["dot", "mermaid", "svg"].contains(format) else { return graph }
    return runtime.host.models.filter(\.built).last?.view ?? graph
  }
}

extension Help {
  static let diagramHelp = """
    diagram [MODEL] [SIZE]   the model drawn in the terminal, top to bottom: a branch opens a
                   lane to the right, a merge joins lanes, a skip connection runs beside the
                   layers it skips; under each layer, the shape it makes
      diagram                the last model built, at the declared shapes
      diagram 224x224        at a size (apply's syntax)
      diagram --depth 1      each model inside the model as one box (expanded otherwise)
      diagram --ascii        ASCII lines (the default on a terminal that is not UTF-8)
    Files: export dot model.dot, export mermaid model.mmd, export svg model.svg (help export).
    """
}
