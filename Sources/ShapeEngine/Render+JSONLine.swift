import ShapeCore

/// A statement's JSON line written straight from its graph, for a script's `--json` output: the
/// bytes `JSONOutput.encode(record(...))` writes, without a `Record` of optionals and arrays
/// made, copied and destroyed per statement (JSONLineTests compares the two).
extension JSONOutput {
  /// Hands `body` the JSON line of what a statement made or showed (`writeLine`), written on the
  /// stack where it fits; false, `body` not called, for every other outcome (the caller makes
  /// its records).
  public static func withLineBytes(
    _ o: Outcome, line: Int, source: String, style: RenderStyle,
    _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) -> Bool {
    let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buffer in
      guard var fixed = FixedBytes(buffer),
        writeLine(o, line: line, source: source, style: style, to: &fixed), !fixed.overflowed
      else { return false }
      body(fixed.written)
      return true
    }
    if !written {
      // Too long for the stack, or not an outcome written here (then nothing was written).
      var out = TextBytes()
      guard writeLine(o, line: line, source: source, style: style, to: &out) else { return false }
      out.bytes.withUnsafeBufferPointer(body)
    }
    return true
  }

  /// Writes `encode(record(o, line:, source:, style:))` for an input, a layer call with counts
  /// that are numbers, a layer bound to a name, or a tensor (or tuple, or layer) shown by name,
  /// without `--cost`; false, nothing written, for every other outcome. Keys in byte order.
  static func writeLine(
    _ o: Outcome, line: Int, source: String, style: RenderStyle, to out: inout some TextSink
  ) -> Bool {
    guard !style.cost else { return false }
    switch o {
    case .effect(let e, let g):
      switch e {
      case .input(let t):
        guard g.tensors.indices.contains(t), g.layers.indices.contains(g.tensors[t].layer)
        else { return false }
        writeTensorRecord(
          t, g, className: "InputLayer", kind: "input", line: line, source: source, variable: nil,
          to: &out)
      case .called(let l, let outs):
        guard g.layers.indices.contains(l), !g.layers[l].params.isDeferred,
          outs.allSatisfy({ g.tensors.indices.contains($0) })
        else { return false }
        writeHead(g.layers[l].className, kind: "layer", line: line, g.layers[l].name, to: &out)
        out.append(",\"ok\":true,\"outputs\":[" as StaticString)
        for i in outs.indices {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          writeTensor(outs[i], g, to: &out)
        }
        out.append("],\"params\":{\"non_trainable\":" as StaticString)
        out.append(g.layers[l].params.nonTrainable)
        out.append(",\"total\":" as StaticString)
        out.append(g.layers[l].params.total)
        out.append(",\"trainable\":" as StaticString)
        out.append(g.layers[l].params.trainable)
        out.append("},\"source\":" as StaticString)
        out.appendJSON(source)
        out.append(UInt8(ascii: "}"))
      case .layerBound(let l, let v):
        guard g.layers.indices.contains(l) else { return false }
        writeLayerBinding(l, g, line: line, source: source, variable: v, to: &out)
      }
    case .shown(.tensor(let t), let n, let g):
      guard g.tensors.indices.contains(t), g.layers.indices.contains(g.tensors[t].layer)
      else { return false }
      writeTensorRecord(
        t, g, className: g.layers[g.tensors[t].layer].className, kind: "tensor", line: line,
        source: source, variable: n, to: &out)
    case .shown(.tuple(let outs), let n, let g):
      guard outs.allSatisfy({ g.tensors.indices.contains($0) }) else { return false }
      out.append("{\"kind\":\"tensor\",\"line\":" as StaticString)
      out.append(line)
      out.append(",\"ok\":true,\"outputs\":[" as StaticString)
      for i in outs.indices {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeTensor(outs[i], g, to: &out)
      }
      out.append(UInt8(ascii: "]"))
      writeTail(source: source, variable: n, to: &out)
    case .shown(.layer(let l), let n, let g):
      guard g.layers.indices.contains(l) else { return false }
      writeLayerBinding(l, g, line: line, source: source, variable: n, to: &out)
    default:
      return false
    }
    return true
  }

  /// A record's first keys, in byte order: `{"class_name":…,"kind":"…","line":…,"name":…`.
  private static func writeHead(
    _ className: String, kind: StaticString, line: Int, _ name: String,
    to out: inout some TextSink
  ) {
    out.append("{\"class_name\":" as StaticString)
    out.appendJSON(className)
    out.append(",\"kind\":\"" as StaticString)
    out.append(kind)
    out.append("\",\"line\":" as StaticString)
    out.append(line)
    out.append(",\"name\":" as StaticString)
    out.appendJSON(name)
  }

  /// One tensor's record (an input's, or one shown by name): its layer's class and name, the
  /// tensor, the source, and the variable when one shows it.
  private static func writeTensorRecord(
    _ t: Int, _ g: Graph, className: String, kind: StaticString, line: Int, source: String,
    variable: String?, to out: inout some TextSink
  ) {
    writeHead(className, kind: kind, line: line, g.layers[g.tensors[t].layer].name, to: &out)
    out.append(",\"ok\":true,\"outputs\":[" as StaticString)
    writeTensor(t, g, to: &out)
    out.append(UInt8(ascii: "]"))
    writeTail(source: source, variable: variable, to: &out)
  }

  /// A layer bound to `variable` (made, or shown by its name): kind `layer_binding`.
  private static func writeLayerBinding(
    _ l: Int, _ g: Graph, line: Int, source: String, variable: String?,
    to out: inout some TextSink
  ) {
    writeHead(
      g.layers[l].className, kind: "layer_binding", line: line, g.layers[l].name, to: &out)
    out.append(",\"ok\":true" as StaticString)
    writeTail(source: source, variable: variable, to: &out)
  }

  /// A record's last keys, in byte order: `,"source":…` and, when one shows it,
  /// `,"variable":…`; then the closing brace.
  private static func writeTail(source: String, variable: String?, to out: inout some TextSink) {
    out.append(",\"source\":" as StaticString)
    out.appendJSON(source)
    if let variable {
      out.append(",\"variable\":" as StaticString)
      out.appendJSON(variable)
    }
    out.append(UInt8(ascii: "}"))
  }

  /// `Writer.tensor(tensor(t, g))`: its dtype, its formulas when some dim is one, its shape.
  private static func writeTensor(_ t: Int, _ g: Graph, to out: inout some TextSink) {
    // A dtype's name is one of `DType.all`, plain identifiers: quoted without an escape test.
    out.append("{\"dtype\":\"" as StaticString)
    out.append(g.tensors[t].type.dtype.name)
    out.append(UInt8(ascii: "\""))
    let shape = g.tensors[t].type.shape
    if g.tensors[t].type.hasFormulas {
      out.append(",\"formula\":[" as StaticString)
      for i in shape.indices {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        out.appendJSON(shape[i].formula)
      }
      out.append(UInt8(ascii: "]"))
    }
    out.append(",\"shape\":[" as StaticString)
    for i in shape.indices {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      if let v = shape[i].value { out.append(v) } else { out.append("null" as StaticString) }
    }
    out.append("]}" as StaticString)
  }
}

extension TextSink {
  /// `s` as a JSON string literal, as `JSONOutput.Writer.string` writes it: `"`, `\` and control
  /// characters escaped, every other byte as it is; a run without escapes is copied whole.
  mutating func appendJSON(_ s: String) {
    append(UInt8(ascii: "\""))
    if s.utf8.withContiguousStorageIfAvailable({ appendJSONEscaped($0) }) == nil {
      var s = s
      s.withUTF8 { appendJSONEscaped($0) }
    }
    append(UInt8(ascii: "\""))
  }

  /// The bytes of a JSON string's contents, escaped: copied whole when none needs it (nearly
  /// always: names, sources without quotes), found eight bytes at a time.
  mutating func appendJSONEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    if !Self.needsJSONEscape(utf8) {
      append(utf8)
      return
    }
    var start = 0
    for i in utf8.indices {
      let b = utf8[i]
      guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
      append(UnsafeBufferPointer(rebasing: utf8[start..<i]))
      start = i + 1
      append(UInt8(ascii: "\\"))
      switch b {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(b)
      case 0x08: append(UInt8(ascii: "b"))
      case 0x09: append(UInt8(ascii: "t"))
      case 0x0A: append(UInt8(ascii: "n"))
      case 0x0C: append(UInt8(ascii: "f"))
      case 0x0D: append(UInt8(ascii: "r"))
      default:
        let hex: StaticString = "0123456789abcdef"
        append("u00" as StaticString)
        hex.withUTF8Buffer { digits in
          append(digits[Int(b >> 4)])
          append(digits[Int(b & 15)])
        }
      }
    }
    append(UnsafeBufferPointer(rebasing: utf8[start...]))
  }

  /// Whether some byte is a control character, `"` or `\`, eight bytes at a time
  /// (`escapes(in:)`); the last bytes (most names are shorter than a word) as one word filled
  /// with a plain byte.
  static func needsJSONEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while i + 8 <= bytes.count {
        if escapes(in: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
      }
    }
    var last: UInt64 = 0x4141_4141_4141_4141
    var shift: UInt64 = 0
    while i < bytes.count {
      last = (last & ~(0xFF << shift)) | (UInt64(bytes[i]) << shift)
      shift &+= 8
      i += 1
    }
    return escapes(in: last)
  }

  /// Whether a byte of `x` is below 0x20, `"` or `\`.
  @inline(__always)
  static func escapes(in x: UInt64) -> Bool {
    ByteWord.below(x, 0x20) | ByteWord.equal(x, 0x22) | ByteWord.equal(x, 0x5C) != 0
  }
}
