import ShapeCore

extension JSONOutput {
  /// A record as one JSON line, written into one byte buffer: the bytes `JSONEncoder` writes with
  /// `.sortedKeys` and `.withoutEscapingSlashes` (keys in byte order, absent optionals left out,
  /// `"`, `\` and control characters escaped, everything else as it is), without building an
  /// encoder and a container tree per record (JSONWriterTests compares the two).
  struct Writer {
    var bytes: [UInt8] = []

    /// Starts member `key` of an object: a comma unless it is the `first`.
    mutating func key(_ key: StaticString, _ first: inout Bool) {
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      bytes.append(UInt8(ascii: "\""))
      key.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(UInt8(ascii: "\""))
      bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ s: String) {
      var s = s
      bytes.append(UInt8(ascii: "\""))
      s.withUTF8 { utf8 in
        // Most strings need no escape: copied whole.
        guard
          utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
          )
        else {
          bytes.append(contentsOf: utf8)
          return
        }
        for b in utf8 {
          switch b {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), b]
          case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
          case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
          case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
          case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
          case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
          case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
          default: bytes.append(b)
          }
        }
      }
      bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ i: Int) { TextBytes.appendDigits(i, grouped: false, to: &bytes) }

    /// `true`, `false`, `null`.
    mutating func literal(_ s: StaticString) {
      s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func array<T>(_ items: [T], _ item: (inout Writer, T) -> Void) {
      bytes.append(UInt8(ascii: "["))
      for (i, x) in items.enumerated() {
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        item(&self, x)
      }
      bytes.append(UInt8(ascii: "]"))
    }

    mutating func shape(_ s: [Int?]) {
      array(s) { w, d in
        if let d { w.int(d) } else { w.literal("null") }
      }
    }

    mutating func params(_ p: ParamCount) {
      var first = true
      guard let f = p.formulas else {
        // The keys and punctuation as whole runs: this is written for every layer.
        literal("{\"non_trainable\":")
        int(p.nonTrainable)
        literal(",\"total\":")
        int(p.total)
        literal(",\"trainable\":")
        int(p.trainable)
        bytes.append(UInt8(ascii: "}"))
        return
      }
      bytes.append(UInt8(ascii: "{"))
      key("deferred", &first)
      literal("true")
      key("formula", &first)
      var inner = true
      bytes.append(UInt8(ascii: "{"))
      for (k, d) in [
        ("non_trainable", f.nonTrainable), ("total", f.total), ("trainable", f.trainable),
      ] {
        if !inner { bytes.append(UInt8(ascii: ",")) }
        inner = false
        string(k)
        bytes.append(UInt8(ascii: ":"))
        if let text = d.formulaText { string(text) } else { literal("null") }
      }
      bytes.append(UInt8(ascii: "}"))
      for (k, d): (StaticString, Dim) in [
        ("non_trainable", f.nonTrainable), ("total", f.total), ("trainable", f.trainable),
      ] {
        key(k, &first)
        if let v = d.value { int(v) } else { literal("null") }
      }
      bytes.append(UInt8(ascii: "}"))
    }

    mutating func tensor(_ t: TensorJSON) {
      var first = true
      bytes.append(UInt8(ascii: "{"))
      key("dtype", &first)
      string(t.dtype)
      if let f = t.formula {
        key("formula", &first)
        array(f) { $0.string($1) }
      }
      if let n = t.name {
        key("name", &first)
        string(n)
      }
      key("shape", &first)
      shape(t.shape)
      bytes.append(UInt8(ascii: "}"))
    }

    mutating func layer(_ l: LayerJSON) {
      var first = true
      bytes.append(UInt8(ascii: "{"))
      key("class_name", &first)
      string(l.className)
      if let v = l.cost {
        key("cost", &first)
        cost(v)
      }
      key("dtypes", &first)
      array(l.dtypes) { $0.string($1) }
      key("name", &first)
      string(l.name)
      key("output_shapes", &first)
      array(l.outputShapes) { $0.shape($1) }
      key("params", &first)
      params(l.params)
      if let v = l.receptiveField {
        key("receptive_field", &first)
        array(v) { $0.receptiveField($1) }
      }
      bytes.append(UInt8(ascii: "}"))
    }

    mutating func error(_ e: ErrorJSON) {
      var first = true
      bytes.append(UInt8(ascii: "{"))
      if let v = e.className {
        key("class_name", &first)
        string(v)
      }
      if let v = e.column {
        key("column", &first)
        int(v)
      }
      if let v = e.hint {
        key("hint", &first)
        string(v)
      }
      if let v = e.inputs {
        key("inputs", &first)
        array(v) { $0.shape($1) }
      }
      if let v = e.layer {
        key("layer", &first)
        string(v)
      }
      key("message", &first)
      string(e.message)
      if let v = e.path {
        key("path", &first)
        string(v)
      }
      if let v = e.statement {
        key("statement", &first)
        int(v)
      }
      bytes.append(UInt8(ascii: "}"))
    }

    mutating func record(_ r: Record) {
      var first = true
      bytes.append(UInt8(ascii: "{"))
      if let v = r.className {
        key("class_name", &first)
        string(v)
      }
      if let v = r.cost {
        key("cost", &first)
        cost(v)
      }
      if let v = r.error {
        key("error", &first)
        error(v)
      }
      if let v = r.format {
        key("format", &first)
        string(v)
      }
      if let v = r.inputs {
        key("inputs", &first)
        array(v) { $0.tensor($1) }
      }
      key("kind", &first)
      string(r.kind)
      if let v = r.layers {
        key("layers", &first)
        array(v) { $0.layer($1) }
      }
      if let v = r.line {
        key("line", &first)
        int(v)
      }
      if let v = r.name {
        key("name", &first)
        string(v)
      }
      key("ok", &first)
      bytes += Array((r.ok ? "true" : "false").utf8)
      if let v = r.outputs {
        key("outputs", &first)
        array(v) { $0.tensor($1) }
      }
      if let v = r.params {
        key("params", &first)
        params(v)
      }
      if let v = r.path {
        key("path", &first)
        string(v)
      }
      if let v = r.report {
        key("report", &first)
        bytes += Array(v.minified.utf8)
      }
      if let v = r.size {
        key("size", &first)
        string(v)
      }
      if let v = r.source {
        key("source", &first)
        string(v)
      }
      if let v = r.text {
        key("text", &first)
        string(v)
      }
      if let v = r.variable {
        key("variable", &first)
        string(v)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }
}
