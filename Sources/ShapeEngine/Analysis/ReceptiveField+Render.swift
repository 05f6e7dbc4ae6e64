import ShapeCore

/// The receptive field as the summary's RF and Jump columns and as JSON.
extension ReceptiveFields {
  /// The RF and Jump cells of a row whose outputs are `outputs`.
  func cells(_ outputs: [Int], _ g: Graph) -> [String] {
    var rf: [String] = []
    var jump: [String] = []
    for t in outputs {
      let (r, j) = cell(self[t], g)
      if !rf.contains(r) { rf.append(r) }
      if !jump.contains(j) { jump.append(j) }
    }
    return [rf.joined(separator: ", "), jump.joined(separator: ", ")]
  }

  private func cell(_ field: Field, _ g: Graph) -> (String, String) {
    guard case .traced(let s) = field else { return ("?", "?") }
    if s.isEmpty { return ("-", "-") }
    let keys = s.keys.sorted()
    var rf: [String] = []
    var jump: [String] = []
    for k in keys {
      let prefix = keys.count > 1 ? g.layerName(of: k) + ": " : ""
      switch s[k] {
      case .axes(let a)?:
        rf.append(
          prefix + a.map { String($0.size) }.joined(separator: "x")
            + (exceeds(a, input: k, g) ? "!" : ""))
        jump.append(prefix + a.map(Self.fraction).joined(separator: "x"))
      default:
        rf.append(prefix + "all")
        jump.append(prefix + "-")
      }
    }
    return (rf.joined(separator: "; "), jump.joined(separator: "; "))
  }

  /// A jump as `16`, or `1/2` after upsampling.
  static func fraction(_ a: AxisField) -> String {
    let (n, d) = a.jump
    return d == 1 ? String(n) : "\(n)/\(d)"
  }

  /// True when the field is larger than the input along a spatial axis of known size.
  func exceeds(_ axes: [AxisField], input: Int, _ g: Graph) -> Bool {
    let spatial = LayerRule.spatial(g.tensors[input].type)
    return zip(axes, spatial).contains { a, d in d.value.map { a.size > $0 } ?? false }
  }

  /// What the columns mean, and what was assumed or not traced, for the lines under the table.
  func legend(_ g: Graph, rows: [Int]) -> [String] {
    var lines = [
      "RF: receptive field per spatial axis (input positions an output position depends on; "
        + "all: the whole input); Jump: input positions between neighbouring outputs."
    ]
    let shown = rows.map { self[$0] }
    if shown.contains(where: { f in
      guard case .traced(let s) = f else { return false }
      return s.contains { k, v in
        if case .axes(let a) = v { return exceeds(a, input: k, g) }
        return false
      }
    }) {
      lines.append("!: the receptive field is larger than the input.")
    }
    if let reason = shown.lazy.compactMap({ f -> String? in
      if case .untraced(let r) = f { return r }
      return nil
    }).first {
      lines.append("?: not traced (\(reason)).")
    }
    lines += unknownSizeNotes(g, rows: rows)
    lines += notes.sorted().map { "note: " + $0 }
    return lines
  }

  /// At unknown sizes: below which size the largest field is larger than the input
  /// (`H < 212`), per input.
  func unknownSizeNotes(_ g: Graph, rows: [Int]) -> [String] {
    var out: [String] = []
    for source in sources {
      let dims = Array(LayerRule.spatial(g.tensors[source].type))
      var largest = [Int](repeating: 0, count: dims.count)
      for t in rows {
        guard case .traced(let s) = self[t], case .axes(let a)? = s[source], a.count == dims.count
        else { continue }
        for i in a.indices { largest[i] = max(largest[i], a[i].size) }
      }
      let bounds = dims.indices.filter { dims[$0].value == nil && largest[$0] > 1 }
        .map { "\(dims[$0].formula) < \(largest[$0])" }
      if !bounds.isEmpty {
        out.append(
          "note: the largest field is larger than \(g.layerName(of: source)) where "
            + bounds.joined(separator: " or ") + ".")
      }
    }
    return out
  }

  /// The JSON entries of a layer's outputs: one per output and input it depends on.
  func json(_ outputs: [Int], _ g: Graph) -> [JSONOutput.ReceptiveFieldJSON] {
    var out: [JSONOutput.ReceptiveFieldJSON] = []
    for (i, t) in outputs.enumerated() {
      switch self[t] {
      case .untraced(let reason):
        out.append(JSONOutput.ReceptiveFieldJSON(output: i, untraced: reason))
      case .traced(let s):
        for k in s.keys.sorted() {
          var entry = JSONOutput.ReceptiveFieldJSON(output: i, input: g.layerName(of: k))
          switch s[k] {
          case .axes(let a)?:
            entry.size = a.map(\.size)
            entry.jump = a.map { Double($0.jump.numerator) / Double($0.jump.denominator) }
            entry.start = a.map(\.start)
            entry.exceedsInput = exceeds(a, input: k, g)
          default: entry.whole = true
          }
          out.append(entry)
        }
      }
    }
    return out
  }
}

extension JSONOutput {
  /// A layer output's receptive field in one input (docs/json-output.md).
  public struct ReceptiveFieldJSON: Codable, Equatable, Sendable {
    /// Index into the layer's `output_shapes`.
    public var output: Int
    /// The input layer's name.
    public var input: String?
    /// Per spatial axis: the largest field, the jump, the first input position of output 0.
    public var size: [Int]?
    public var jump: [Double]?
    public var start: [Int?]?
    /// True when every position of the input is in it (after global pooling or Flatten).
    public var whole: Bool?
    public var exceedsInput: Bool?
    /// Why it is not traced.
    public var untraced: String?
    enum CodingKeys: String, CodingKey {
      case output, input, size, jump, start, whole, untraced
      case exceedsInput = "exceeds_input"
    }
    init(output: Int, input: String? = nil, untraced: String? = nil) {
      self.output = output
      self.input = input
      self.untraced = untraced
    }
  }
}

extension JSONOutput.Writer {
  mutating func receptiveField(_ e: JSONOutput.ReceptiveFieldJSON) {
    var first = true
    bytes.append(UInt8(ascii: "{"))
    if let v = e.exceedsInput {
      key("exceeds_input", &first)
      bytes += Array((v ? "true" : "false").utf8)
    }
    if let v = e.input {
      key("input", &first)
      string(v)
    }
    if let v = e.jump {
      key("jump", &first)
      array(v) { w, x in w.bytes += Array(Self.number(x).utf8) }
    }
    key("output", &first)
    int(e.output)
    if let v = e.size {
      key("size", &first)
      array(v) { $0.int($1) }
    }
    if let v = e.start {
      key("start", &first)
      shape(v)
    }
    if let v = e.untraced {
      key("untraced", &first)
      string(v)
    }
    if let v = e.whole {
      key("whole", &first)
      bytes += Array((v ? "true" : "false").utf8)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// A double as JSONEncoder writes it: whole numbers without a fraction.
  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
  }
}
