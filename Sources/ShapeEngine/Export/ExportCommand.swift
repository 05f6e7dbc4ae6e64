/// `export keras PATH` and `export python PATH`: the session makes the text, the REPL writes it.
public struct ExportRequest: Sendable {
  /// The formats, as typed after `export`.
  public enum Format: String, Sendable, CaseIterable {
    case keras, python, dot, mermaid, svg

    /// The file extension added to a path that has none.
    var fileExtension: String {
      switch self {
      case .keras: "json"
      case .python: "py"
      case .dot: "dot"
      case .mermaid: "mmd"
      case .svg: "svg"
      }
    }

    /// How the format is named in messages.
    public var title: String {
      switch self {
      case .keras: "Keras JSON"
      case .python: "Keras Python"
      case .dot: "Graphviz DOT"
      case .mermaid: "Mermaid"
      case .svg: "SVG, drawn by Graphviz"
      }
    }
  }

  public var format: Format
  /// Where to write, as typed (quotes removed), with the format's extension when it had none.
  public var path: String
  public var result: ExportResult
  /// The layers written, as the `summary` JSON record lists them.
  public var layers: [JSONOutput.LayerJSON]

  /// Parses `keras PATH` / `python PATH` and exports the graph.
  static func make(_ argument: String, graph: Graph) throws(EngineError) -> ExportRequest {
    let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
    let usage = "export keras model.json, export python model.py, or export dot|mermaid|svg PATH"
    guard let first = words.first else {
      throw EngineError("export needs a format and a path", hint: usage)
    }
    guard let format = Format(rawValue: first.lowercased()) else {
      throw EngineError(
        "unknown export format '\(first)': kshape writes 'keras' (model_from_json), 'python', "
          + "'dot', 'mermaid' or 'svg'",
        hint: usage)
    }
    var path = words.count > 1 ? words[1].trimmingSpaces : ""
    var options = try PictureOptions([], command: "export")
    if [.dot, .mermaid, .svg].contains(format) {
      options = try PictureOptions(
        path.split(separator: " ").map(String.init), command: "export \(format.rawValue)")
      path = options.rest.joined(separator: " ")
    }
    if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
      path = String(path.dropFirst().dropLast())
    }
    guard !path.isEmpty else {
      throw EngineError("export \(format.rawValue) needs a path", hint: usage)
    }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if !name.contains(".") { path += "." + format.fileExtension }
    let result: ExportResult =
      switch format {
      case .keras: try KerasExport.export(graph)
      case .python: try PythonExport.export(graph)
      case .dot, .svg, .mermaid: Picture.export(graph, format: format, options)
      }
    return ExportRequest(
      format: format, path: path, result: result, layers: JSONOutput.layers(graph))
  }

  /// What the REPL shows once the file is written.
  public var message: String {
    var s = "wrote \(result.layers) layers to \(path) (\(format.title))"
    if !result.uncalled.isEmpty {
      s +=
        "\nleft out (bound but never called, so not part of the model): "
        + result.uncalled.joined(separator: ", ")
    }
    return s
  }
}
