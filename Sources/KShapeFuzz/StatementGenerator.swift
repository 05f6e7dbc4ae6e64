import LayerCatalog

/// Statements as a user (or an attacker) types them: a grammar-aware generator over the layer
/// catalog, plus character-level mutation of the lines it makes and of seed lines.
struct StatementGenerator {
  /// Seed lines: every catalog example and a few of each command.
  static let seeds: [String] =
    Catalog.entries.map(\.example) + [
      "x = Input((None, None, 3))", "x = keras.Input(shape=(None, 16), name=\"seq\")",
      "apply 224x224", "apply img=32x32 seq=100", "apply 8 batch=4", "scan 1-64", "summary",
      "help Conv2D", "help", "y = Conv2D(8, 3)(x)", "z = Concatenate()([x, y])",
      "d = Dense(4)", "a = d(x)", "lstm(x, initial_state=[h, c])", "rules", "solve 7x7",
      "solve same", "scan 1-8 x 1-8", "scan H=1-4 W=2-3", "diff model model",
    ]

  static let tokens: [String] = [
    "(", ")", "[", "]", ",", "=", ":", ".", "-", "'", "\"", "#", ";", "\\", "None", "nil", "True",
    "x", "y", "Input", "keras.", "apply", "scan", "help", "summary", "1e308", "1e-400", "0x10",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "_", "1_000",
    "\u{0}", "\u{FEFF}", "é", "😀", "\t", "\r", "()", "(,)", "((", "))", "'\\x'", "'\\u12'",
    String(repeating: "(", count: 300), String(repeating: "[", count: 50) + "1",
    String(repeating: "9", count: 400),
    // Python's own syntax: f-strings, escapes, triple quotes, operators, blocks, layout.
    "f'{", "f'{x!r:>{w}}'", "'''", "\"\"\"", "'\\N{", "'\\U0001F6", "'\\x4'", "lambda: ", ":=",
    "**", "*", "@", "//", "%", "<<", "if ", "else", "for i in ", "def ", ":\n    ", "\n\t",
    "\u{0C}", "\\\n", " not ", "[::-1]", "[0]", ".shape", "(*", "**{",
    // Code points that join the character before them into one grapheme cluster (a combining
    // mark, a joiner, a prepended mark), or end a line in Unicode but not in Python: the
    // program is read by code point (`pyCharacters`), its carets shown by cluster.
    "\u{301}", "'\u{301}", "\\\u{301}", "{\u{301}", "#\u{308}", "e\u{301}", "\u{600}'", "\u{200D}",
    "\u{2028}", "\u{85}", "\u{A0}", "\r\n", "\u{FB01}le", "\u{1F600}\u{FE0F}",
    // Escapes Python refuses or names (a Windows path, \N{NAME}), lazy iterators.
    "'C:\\Users'", "\"\\N{EM DASH}\"", "'\\N{latin small letter a}'", "f'{{\\x4'", "'\\U00110000'",
    "map(", "zip(", "iter(", "next(", "enumerate(", "reversed(", "filter(None, ",
    // try statements.
    "try:\n    ", "\nexcept ", "\nexcept:\n    ", "\nfinally:\n    ", "raise", " as e:", "with ",
  ]

  /// The largest count in generated loops, comprehensions and repetitions (`--max-loop`): a
  /// layer costs ~0.3 ms in a debug build, so CI keeps this small; long runs raise it.
  nonisolated(unsafe) static var maxLoop = 1000
  var rng: Random
  /// Tensor names bound so far in the script being made.
  var tensors: [String] = []
  var layers: [String] = []

  init(rng: Random) { self.rng = rng }

  /// A script of 1-12 lines: an input, layers (stacked, functional, shared), commands.
  mutating func script() -> [String] {
    tensors = []
    layers = []
    var lines: [String] = []
    if rng.chance(0.9) { lines.append(input()) }
    for _ in 0..<(1 + rng.below(12)) {
      var line: String
      switch rng.below(11) {
      case 0...4: line = layerLine()
      case 5: line = command()
      case 6: line = rng.pick(Self.seeds)
      case 7: line = input()
      case 8: line = sharedLayer()
      case 9: line = python()
      default: line = rng.pick(tensors.isEmpty ? ["x"] : tensors)
      }
      if rng.chance(0.15) { line = mutate(line) }
      if rng.chance(0.05), let previous = lines.last {
        lines[lines.count - 1] = previous + "; " + line
      } else {
        lines.append(line)
      }
    }
    if rng.chance(0.5) { lines.append(command()) }
    return lines
  }

  /// A line or block of the Python around the layers: loops that stack layers, functions,
  /// comprehensions, containers and arithmetic of every size the interpreter must bound
  /// (sizes are small most of the time, so that most programs finish and reach the layers).
  mutating func python() -> String {
    let big = rng.pick([100, 1000, 5000, 100_000, 1 << 31])
    let n = rng.chance(0.9) ? rng.below(8) : min(big, Self.maxLoop)
    let t = rng.pick(tensors.isEmpty ? ["x"] : tensors)
    let target = name("t")
    switch rng.below(15) {
    case 0:
      // Layers cost ~0.3 ms each in a debug build: a loop of a million is bounded (by the
      // session's layer limit) but slow; long runs in release try bigger counts.
      tensors.append(target)
      return "\(target) = \(t)\nfor i in range(\(n)):\n    \(target) = \(layerCall())(\(target))\n"
    case 1:
      return "def f\(n)(y, k=\(n)):\n    return \(layerCall())(y) if k > 0 else y\n"
    case 2: return "v = [i * \(n) for i in range(\(n))]"
    case 3: return "d = {i: str(i) for i in range(\(n))}"
    case 4: return "s = 'ab' * \(n); print(len(s))"
    case 5: return "w = [[0] * \(n)] * \(n)"
    case 6: return "print(\(t).shape, len(\(t).shape))"
    case 7:
      return
        "z = \(rng.interestingInt()) \(rng.pick(["*", "**", "//", "%", "<<", "+"])) \(rng.interestingInt())"
    case 8:
      tensors.append(target)
      return "\(target) = keras.layers.\(layerCall())(\(t))"
    case 9: return "def g(k):\n    return g(k + 1) if k < \(n) else k\n\nprint(g(0))"
    case 10: return "m = keras.Model(\(tensors.first ?? "x"), \(t)); m.summary()"
    case 11:
      // Lazy iterators: the layers are made as the loop reads them.
      tensors.append(target)
      return "ls = map(lambda k: \(layerCall()), range(\(n)))\n\(target) = \(t)\n"
        + "for i, l in enumerate(zip(ls, reversed([\(t)] * \(n)))):\n    \(target) = l[0](\(target))\n"
    case 12:
      // At most 1,000 items: a program that prints a tensor is replayed at every size a `scan`
      // evaluates, and 256 replays of a print of 100,000 items took 13 s (seed 20261262): work
      // in proportion, not a hang.
      let m = min(n, 1000)
      return
        "it = iter([\(t)] * \(m))\nprint(next(it, None), list(filter(None, map(len, ['a', ''] * \(m)))))"
    case 13:
      // A layer call that may fail, caught (or not), re-raised some of the time, with finally.
      tensors.append(target)
      let caught = rng.pick([
        "ValueError", "(TypeError, ValueError)", "Exception", "LookupError", "",
      ])
      return "try:\n    \(target) = \(layerCall())(\(t))\n"
        + "except\(caught.isEmpty ? "" : " \(caught) as e"):\n    \(target) = \(t)\n"
        + (rng.chance(0.3) ? "    raise\n" : "")
        + (rng.chance(0.5) ? "finally:\n    print('finally')\n" : "")
    default: return "import keras\nfrom keras import layers"
    }
  }

  mutating func name(_ prefix: String) -> String {
    let n = prefix + String(tensors.count + layers.count)
    return n
  }

  mutating func input() -> String {
    let rank = rng.below(5)
    var dims = (0..<rank).map { _ -> String in
      rng.chance(0.5) ? "None" : String(rng.chance(0.8) ? 1 + rng.below(64) : rng.interestingInt())
    }
    if rank == 1 { dims.append("") }
    let name = name("t")
    tensors.append(name)
    var args = "(" + dims.joined(separator: ", ") + ")"
    if rng.chance(0.2) { args = "shape=" + args }
    if rng.chance(0.2) { args += ", dtype=\(rng.pick(["'int32'", "'float16'", "'bool'", "'x'"]))" }
    if rng.chance(0.1) { args += ", batch_size=\(rng.interestingInt())" }
    return "\(name) = \(rng.chance(0.3) ? "keras." : "")Input(\(args))"
  }

  mutating func layerCall() -> String {
    let entry = rng.pick(Catalog.entries)
    // A documented example is a valid call: most statements should get past the binding and
    // reach the shape code.
    if rng.chance(0.4) { return entry.example }
    var args: [String] = []
    let parameters = entry.signature.parameters
    var positional = rng.below(min(parameters.count, 3) + 1)
    for (i, parameter) in parameters.enumerated() {
      let required = parameter.defaultValue == nil
      guard required || rng.chance(0.08) else { continue }
      if i >= positional || rng.chance(0.1) {
        args.append(parameter.name + "=" + value(for: parameter.name))
        positional = min(positional, i)
      } else {
        args.append(value(for: parameter.name))
      }
    }
    if rng.chance(0.05) {
      args.append(rng.pick(["name", "dtype", "bogus"]) + "=" + value(for: ""))
    }
    return entry.className + "(" + args.joined(separator: ", ") + ")"
  }

  mutating func layerLine() -> String {
    let call = layerCall()
    if tensors.isEmpty || rng.chance(0.4) {
      return call
    }
    let inputs: String
    if rng.chance(0.3), tensors.count >= 2 {
      inputs = "[" + (0..<2).map { _ in rng.pick(tensors) }.joined(separator: ", ") + "]"
    } else {
      inputs = rng.pick(tensors)
    }
    let name = name("t")
    tensors.append(name)
    return "\(name) = \(call)(\(inputs))"
  }

  mutating func sharedLayer() -> String {
    if layers.isEmpty || rng.chance(0.3) {
      let name = name("l")
      layers.append(name)
      return "\(name) = \(layerCall())"
    }
    let target = name("t")
    tensors.append(target)
    return "\(target) = \(rng.pick(layers))(\(rng.pick(tensors.isEmpty ? ["x"] : tensors)))"
  }

  mutating func size() -> String {
    switch rng.below(5) {
    case 0: return String(rng.interestingInt())
    case 1: return "\(1 + rng.below(300))x\(1 + rng.below(300))"
    case 2: return "\(rng.below(4))x\(rng.below(4))x\(rng.below(4))"
    case 3: return "H=\(rng.below(500)) W=\(rng.interestingInt())"
    default: return String(1 + rng.below(512))
    }
  }

  mutating func command() -> String {
    switch rng.below(6) {
    case 0: return "apply " + size() + (rng.chance(0.2) ? " batch=\(rng.interestingInt())" : "")
    case 1: return "scan \(rng.below(40))-\(rng.below(80))"
    case 2: return "summary"
    case 3: return "help " + rng.pick(Catalog.entries).className
    case 4: return "apply " + size() + " " + size()
    default:
      return rng.pick([
        "quit", "help", "apply", "scan", "scan 5-1", "apply 0x0", "rules", "solve 1x1",
        "solve same", "solve \(size())", "scan 1-\(rng.below(9)) x 1-\(rng.below(9))",
        "diff model model", "diff session a b",
      ])
    }
  }

  /// A value for a parameter, guessed from its name, or anything.
  mutating func value(for parameter: String) -> String {
    if rng.chance(0.08) { return anyValue(depth: 0) }
    switch parameter {
    case "padding":
      return rng.pick(["'same'", "'valid'", "'causal'", "'full'", "1", "((1, 2), (3, 4))"])
    case "data_format": return rng.pick(["'channels_last'", "'channels_first'", "None"])
    case "activation": return rng.pick(["'relu'", "None", "'softmax'", "'nope'"])
    case "axis", "axes": return rng.pick(["-1", "1", "(1, 2)", "[-1, -2]", "0", "99"])
    case "target_shape", "dims", "shape", "size", "pool_size", "kernel_size", "strides",
      "dilation_rate", "cropping":
      return tuple(length: rng.below(4))
    case "dtype": return rng.pick(["'float32'", "'int8'", "'mixed_float16'", "'complex64'"])
    default:
      return rng.chance(0.7)
        ? String(rng.chance(0.8) ? rng.below(20) : rng.interestingInt()) : anyValue(depth: 0)
    }
  }

  mutating func tuple(length: Int) -> String {
    let items = (0..<length).map { _ in
      String(rng.chance(0.85) ? rng.below(6) : rng.interestingInt())
    }
    if length == 1 { return "(\(items[0]),)" }
    return "(" + items.joined(separator: ", ") + ")"
  }

  mutating func anyValue(depth: Int) -> String {
    switch rng.below(depth > 2 ? 6 : 9) {
    case 0: return String(rng.interestingInt())
    case 1: return rng.pick(["0.5", "-1.5", "1e308", "nan", "1e-320", ".5", "1."])
    case 2: return rng.pick(["'same'", "''", "'x'", "\"é\"", "'\\u0000'", "'a\\'b'"])
    case 3: return rng.pick(["None", "True", "False", "nil"])
    case 4: return rng.pick(tensors.isEmpty ? ["x"] : tensors)
    case 5: return rng.pick(layers.isEmpty ? ["Dense"] : layers)
    case 6:
      return "("
        + (0..<rng.below(4)).map { _ in anyValue(depth: depth + 1) }.joined(separator: ", ") + ",)"
    case 7:
      return "["
        + (0..<rng.below(4)).map { _ in anyValue(depth: depth + 1) }.joined(separator: ", ") + "]"
    default: return layerCall()
    }
  }

  /// Character-level damage: insert a token, delete or duplicate a span, swap two characters.
  mutating func mutate(_ line: String) -> String {
    var chars = Array(line)
    for _ in 0..<(1 + rng.below(3)) {
      let at = rng.below(chars.count + 1)
      switch rng.below(4) {
      case 0: chars.insert(contentsOf: Array(rng.pick(Self.tokens)), at: at)
      case 1 where !chars.isEmpty:
        let end = min(chars.count, at + 1 + rng.below(6))
        if at < end { chars.removeSubrange(at..<end) }
      case 2 where !chars.isEmpty && at < chars.count:
        let end = min(chars.count, at + 1 + rng.below(8))
        chars.insert(contentsOf: chars[at..<end], at: at)
      default:
        if chars.count >= 2 { chars.swapAt(rng.below(chars.count), rng.below(chars.count)) }
      }
    }
    return String(chars)
  }
}
