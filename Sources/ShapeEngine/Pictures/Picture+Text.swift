/// DOT (Graphviz) and Mermaid text of a picture.
extension Picture {
  /// DOT as Keras's `model_to_dot(show_shapes=True)` writes it (a record per layer: name,
  /// class, input and output shapes), plus each edge labelled with its tensor's shape and
  /// nested models as dashed clusters. `dot -Tsvg model.dot -o model.svg` draws it.
  public var dot: String {
    var lines = [
      "digraph G {", "rankdir=TB;", "concentrate=true;", "node [shape=record];",
    ]
    func node(_ i: Int) -> String {
      let n = nodes[i]
      let title =
        "<tr><td colspan=\"2\" bgcolor=\"black\"><font point-size=\"16\" color=\"white\"><b>"
        + Self.html(n.name) + "</b> (" + Self.html(n.className) + ")</font></td></tr>"
      var cells: [String] = []
      if n.className != "InputLayer" {
        cells.append("Input shape: <b>" + Self.html(Self.listed(n.inputShapes)) + "</b>")
      }
      cells.append("Output shape: <b>" + Self.html(Self.listed(n.outputShapes)) + "</b>")
      let row =
        "<tr>"
        + cells.map { "<td bgcolor=\"white\"><font point-size=\"14\">\($0)</font></td>" }
        .joined() + "</tr>"
      return "n\(i) [label=<<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" "
        + "cellpadding=\"10\">\(title)\(row)</table>>, fontname=Helvetica, border=0, margin=0];"
    }
    func emit(cluster: Int?, indent: String) {
      for i in nodes.indices where nodes[i].cluster == cluster { lines.append(indent + node(i)) }
      for (c, cl) in clusters.enumerated() where cl.parent == cluster {
        lines.append(indent + "subgraph cluster_\(c) {")
        lines.append(indent + "style=dashed;")
        lines.append(indent + "label=" + Self.quoted(cl.label) + ";")
        lines.append(indent + "labeljust=l;")
        emit(cluster: c, indent: indent)
        lines.append(indent + "}")
      }
    }
    emit(cluster: nil, indent: "")
    for e in edges {
      lines.append("n\(e.from) -> n\(e.to) [label=\(Self.quoted(e.shape)), penwidth=2];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Mermaid's `flowchart TD`: a node per layer with its output shape, edges labelled with the
  /// shapes they carry, a subgraph per nested model.
  public var mermaid: String {
    var lines = ["flowchart TD"]
    func emit(cluster: Int?, indent: String) {
      for i in nodes.indices where nodes[i].cluster == cluster {
        let n = nodes[i]
        lines.append(
          indent + "n\(i)[\"" + Self.mermaidText("\(n.name) (\(n.className))") + "<br/>"
            + Self.mermaidText(n.outputShapes.joined(separator: ", ")) + "\"]")
      }
      for (c, cl) in clusters.enumerated() where cl.parent == cluster {
        lines.append(indent + "subgraph c\(c) [\"" + Self.mermaidText(cl.label) + "\"]")
        emit(cluster: c, indent: indent + "  ")
        lines.append(indent + "end")
      }
    }
    emit(cluster: nil, indent: "  ")
    for e in edges {
      lines.append("  n\(e.from) -->|\"" + Self.mermaidText(e.shape) + "\"| n\(e.to)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One shape, or Keras's list of several: `[(None, 8), (None, 8)]`.
  static func listed(_ shapes: [String]) -> String {
    shapes.count == 1 ? shapes[0] : "[" + shapes.joined(separator: ", ") + "]"
  }

  static func html(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// A DOT string literal.
  static func quoted(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: " ") + "\""
  }

  /// Text inside a Mermaid quoted label (its entity codes for the characters it reserves).
  static func mermaidText(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "|": out += "#124;"
      case "\n": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
