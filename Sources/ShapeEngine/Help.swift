import LayerCatalog

/// `help` and `help NAME`.
public enum Help {
  public static func text(_ topic: String) -> String {
    var name = topic.trimmingSpaces
    if name.isEmpty { return general }
    // `help keras.layers.Dense`, `help layers.Conv2D`, `help Dense()`: the class.
    for prefix in ["tf.keras.layers.", "keras.layers.", "layers."] where name.hasPrefix(prefix) {
      name = String(name.dropFirst(prefix.count))
    }
    if name.hasSuffix("()") { name = String(name.dropLast(2)) }
    if let e = Catalog.entry(name) {
      var lines = [
        e.signatureText, "", "  family: \(e.family)", "  shape:  \(e.rule)",
        "  e.g.    \(e.example)",
      ]
      if !e.aliases.isEmpty { lines.append("  also:   \(e.aliases.joined(separator: ", "))") }
      return lines.joined(separator: "\n")
    }
    if name == "apply" { return applyHelp }
    if name == "summary" { return summaryHelp }
    if name == "cost" || name == "--cost" { return costHelp }
    if name == "scan" { return scanHelp }
    if let text = sizeTopics[name] { return text }
    if name == "help" || name == "commands" { return commandsHelp }
    if name == "quit" || name == "exit" { return "quit, exit     leave the REPL (or Ctrl-D)" }
    if name == "import" { return importHelp }
    if name == "export" { return exportHelp }
    if name == "receptive-field" || name == "rf" { return receptiveFieldHelp }
    if name == "diagram" { return diagramHelp }
    if name == "Input" || name == "InputLayer" {
      return "Input(shape, batch_size=None, dtype=None, name=None, batch_shape=None)\n\n"
        + "  x = Input((None, None, 3))   unknown dims get names: H, W (images), L (sequences), C\n"
        + "  x = Input((H, W, 3))         or name them yourself"
    }
    let suggestion = nearest(
      name,
      in: Catalog.allNames + [
        "apply", "import", "export", "Input", "summary", "scan", "diagram", "receptive-field",
        "cost",
      ] + sizeTopics.keys.sorted())
    return "no help for '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
  }

  static let applyHelp = """
    apply SIZE      evaluate every layer at a concrete input size
      apply 224x224            bind the unknown dims of the input, in order
      apply 100                one unknown dim (a sequence length)
      apply 32x32x3            as many numbers as the input's rank: the whole shape
      apply img=224x224 seq=100   several inputs, by name
      apply 1=224x224 2=100    several inputs, by their place (first declared is 1)
      apply 224x224 batch=8    also set the batch dim
      apply                    evaluate at the declared shapes
      apply 224x224 320x320    several sizes side by side: a column of shapes per
                               size (params once, or per size where they differ)
    """

  static let summaryHelp = """
    summary        the model.summary() table of the session: every layer, its output shape
                   (formulas such as H-4 where Keras prints None) and its parameters
      summary --keras      the shapes as Keras prints them (None for every unknown dim)
      summary --depth 1    an imported model as one row, as Keras shows a model in a model
      summary --compact    no rules between rows (long models)
      summary --receptive-field   RF and Jump columns (help receptive-field)
      summary --cost       MACs and activation memory per layer, cost totals (help cost)
    The options work with apply too: apply 224x224 --compact. A long table: summary | less
    """

  static let scanHelp = """
    scan FROM-TO   evaluate every size s x s in the range (each unknown dim of the one input
                   set to s) and say which sizes work and which layer rejects the others
      scan 1-512           (default 1-256; at most 4096 sizes; Ctrl-C stops it)
      scan 1-64 x 1-64     every H x W: which W evaluate with which H, grouped
      scan H=1-64 W=8-32 L=1-16   named sizes, over several inputs (at most 65536 points)
    """

  static var commandsHelp: String {
    """
    Commands (help COMMAND for more):
      apply SIZE     every layer's output at a size: apply 224x224, apply 32x32 64x64
      summary        the model.summary() table, with formulas (--keras, --depth 1, --compact)
      scan 1-512     which sizes s x s evaluate, and which layer rejects the others
      rules          which sizes work, as rules from the layers, checked by evaluation
      solve 7x7      which input sizes give a wanted output (solve same, solve 1x1)
      diff A B       layers added, removed or changed between two models or sessions
      import PATH    load a .keras file or JSON config
      export keras model.json    the model as Keras JSON; export python model.py: as code
      diagram        the model drawn: branches, merges, skips, shapes (export dot|mermaid|svg)
      help NAME      a layer's signature, shape rule and an example: help Conv2D
      summary | less a long output through a pager (also apply, help, scan)
      quit           leave (or Ctrl-D); Ctrl-C cancels a line or stops a computation
    """
  }

  static let importHelp = """
    import PATH     load a saved Keras model into the session
      import model.keras        a .keras archive (only its config.json is read)
      import model.json         model.to_json() output, or a get_config() dict
      import m.json --assume-identity MyLayer   treat a custom class as shape-preserving
    Each layer's name then stands for its output; the next layer stacks on the model's output;
    `apply SIZE` evaluates the model as Keras rebuilds it at that size.
    """

  static let exportHelp = """
    export FORMAT PATH   write the session's model to a file Keras reads, or draw it
      export keras model.json    the model.to_json() document: keras.models.model_from_json
                                 loads it (same layer names, arguments, shapes and params)
      export python model.py     readable Keras code that builds the same model
      export dot model.dot       Graphviz DOT, as Keras's plot_model(show_shapes=True) draws
                                 (shapes on the edges too); export mermaid model.mmd: Mermaid
      export svg model.svg       drawn by Graphviz's dot, when it is installed
                                 (--depth 1: each model inside the model as one box)
    A layer bound but never called is not part of the model and is left out. A path without
    an extension gets .json, .py, .dot, .mmd or .svg; an existing file is replaced.
    """

  static var general: String {
    var families: [String: [String]] = [:]
    for e in Catalog.entries { families[e.family, default: []].append(e.className) }
    let layers = families.keys.sorted().map {
      "  \($0): \(families[$0, default: []].joined(separator: ", "))"
    }
    return """
      Statements (Keras's Python call syntax):
        x = Input((None, None, 3))          an input; unknown dims become H, W, ...
        Conv2D(32, 3, padding="same")       stack a layer on the current tensor
        y = Conv2D(8, 3)(x)                 apply a layer to a named tensor
        d = Dense(10)                       bind a layer (call it later: d(x))
        z = Concatenate()([a, y])           merge tensors
        x                                   show a tensor
        dense_1   _                         a layer's name, or _, is its output tensor
      Commands:
        apply SIZE     every layer's output at a size (help apply)
        summary        the model.summary() table, with formulas
        scan 1-512     which sizes s x s evaluate, and which layer rejects the others
        rules          which sizes work, as rules; solve 7x7: the sizes giving an output
        diff A B       what changed between two models, sessions or files (help diff)
        import PATH    load a .keras file or JSON config (help import)
        export keras model.json    the model as Keras JSON; export python model.py: as code
        help NAME      a layer's signature, shape rule and an example
        history        the statements, numbered; undo, redo (any depth, kept across runs)
        drop N         remove statement N; edit N: change it in the line editor; both replay
        sessions       the stored sessions; open NAME, new [NAME], rename NAME, copy NAME,
                       delete NAME, restore NAME
        run FILE       run a script into this session; export script|markdown PATH
        strict on|off  refuse (on) a layer whose weights need a dim not known yet, as Keras
                       does; off (default): accept it, params as a formula until apply
        quit           leave (or Ctrl-D); `kshape -r` resumes the session
      Layers:

      """ + layers.joined(separator: "\n")
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
