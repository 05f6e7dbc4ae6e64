import ShapeCore
import Testing

@testable import ShapeEngine

/// The reports written as bytes (`TextBytes`, `TableBytes`, `Writer.inspectResult`) must write
/// what the string routines they stand in for write.
@Suite struct ReportBytesTests {
  @Test func digitsAsStringAndGroupedDigitsWriteThem() {
    var numbers = [0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 12_345, 999_999, 1_000_000]
    numbers += [42_626_560, -23_587_712, Int.max, Int.min, Int.max - 1, Int.min + 1]
    numbers += (0..<19).map { Int(pow10: $0) } + (0..<19).map { -Int(pow10: $0) + 1 }
    for n in numbers {
      var plain = TextBytes()
      plain.append(n)
      #expect(plain.string == String(n))
      var grouped = TextBytes()
      grouped.appendGrouped(n)
      #expect(grouped.string == groupedDigits(n), "\(n)")
    }
  }

  @Test func shapesAsTensorTypeWritesThem() throws {
    let h = Dim.symbol("H")
    let dims: [[Dim]] = [
      [], [.known(3)], [.unknown], [h], [.unknown, .known(224), .known(224), .known(3)],
      [.unknown, try h - 4, try h.ceilDiv(32), try h * Dim.symbol("W"), .known(-7), .known(0)],
      [.known(Int.max), .known(Int.min)],
    ]
    for shape in dims {
      let t = TensorType(shape: shape, dtype: .float32)
      for keras in [false, true] {
        var out = TextBytes()
        out.appendShape(t, kerasShapes: keras)
        #expect(out.string == (keras ? t.kerasShape : t.formulaShape))
      }
    }
  }

  @Test func plainASCIIAsTableTellsIt() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for length in 0..<40 {
      for _ in 0..<50 {
        let bytes: [UInt8] = (0..<length).map { _ in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          // Mostly printable, with each edge (0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF) now and then.
          let edges: [UInt8] = [0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, 0x0A]
          let r = Int(state >> 33)
          return r % 16 == 0 ? edges[(r >> 4) % edges.count] : UInt8(0x20 + (r >> 4) % 0x5F)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
          TextBytes.isPlainASCII(bytes[...]) == bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        if Table.isPlainASCII(text) { #expect(TextBytes.isPlainASCII(bytes[...])) }
      }
    }
  }

  /// Plain ASCII (drawn here), formulas, wide, combining and control characters (handed to
  /// `Table`), at every width, compact or not.
  @Test func tablesAsTableDrawsThem() {
    let pool = [
      "", "a", "conv2d (Conv2D)", "(None, 7, 7, 2048)", "80*(floor(H/2)-1)+10", "1,290",
      "input_layer[0][0], conv2d[0][0]", "é", "😀x", "a\r\nb", "tab\there", "ｗｉｄｅ cells",
      "x  y", " lead", "trail ", "0 (unbuilt)", "plain words and some more words",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for round in 0..<120 {
      let columns = 1 + next(5)
      let headers = (0..<columns).map { pool[next(pool.count)] + "h\($0)" }
      var bytes = TableBytes(
        headers: headers, rightAligned: Set((0..<columns).filter { _ in next(3) == 0 }))
      bytes.keptWhole = Set((0..<columns).filter { _ in next(3) == 0 })
      let cells = round % 2 == 0 ? pool.filter(Table.isPlainASCII) : pool
      var table = Table(headers: headers, rightAligned: bytes.rightAligned)
      table.keptWhole = bytes.keptWhole
      for _ in 0..<next(7) {
        let row = (0..<columns).map { _ in cells[next(cells.count)] }
        for cell in row { bytes.cell(cell) }
        table.rows.append(row)
      }
      #expect(bytes.rowCount == table.rows.count)
      for width in [nil, 10, 30, 60, 80, 140, 300] as [Int?] {
        for compact in [false, true] {
          var out = TextBytes()
          out.append("before\n" as StaticString)
          bytes.draw(maxWidth: width, compact: compact, into: &out)
          let expected = "before\n" + table.rendered(maxWidth: width, compact: compact)
          #expect(out.string == expected, "\(table.rows) width \(width ?? -1) \(compact)")
        }
      }
    }
  }

  /// `inspect --json`'s results, written from the graph, are the `apply` records it stands for
  /// (at the declared shapes, at sizes, and where a size fails).
  @Test(arguments: [
    "resnet50", "lstm_state", "ops_shapes", "mixed_precision", "dict_io", "multi_io",
  ])
  func inspectResultsAsTheRecordsWriteThem(_ name: String) throws {
    let (model, expected) = try ModelFileCase(name: name).load()
    let failing = model.inputs.count == 1 ? ["1x1"] : []
    for sizes in [[], expected.results.map(\.size) + failing] {
      let inspection = try Inspection.run(model, sizes: sizes)
      for r in inspection.results {
        var record = try #require(
          JSONOutput.record(.applied(r.evaluation, size: r.size), line: 1, source: ""))
        record.line = nil
        record.source = nil
        record.error?.statement = nil
        var direct = JSONOutput.Writer()
        direct.inspectResult(r.evaluation, size: r.size)
        #expect(String(decoding: direct.bytes, as: UTF8.self) == JSONOutput.encode(record))
      }
    }
  }

  /// Deferred weights: counts that are formulas, in the layers and the total.
  @Test func deferredCountsAsTheRecordWritesThem() throws {
    var session = Session()
    for line in ["x = Input((None, None, 3))", "Conv2D(8, 3)", "Flatten()", "Dense(10)"] {
      _ = session.submit(line)
    }
    let evaluation = Evaluation(graph: session.graph, failure: nil, sources: [])
    #expect(session.graph.totalParams.isDeferred)
    var record = try #require(
      JSONOutput.record(.applied(evaluation, size: nil), line: 1, source: ""))
    record.line = nil
    record.source = nil
    var direct = JSONOutput.Writer()
    direct.inspectResult(evaluation, size: nil)
    #expect(String(decoding: direct.bytes, as: UTF8.self) == JSONOutput.encode(record))
  }
}

extension Int {
  fileprivate init(pow10 k: Int) {
    self = (0..<k).reduce(1) { acc, _ in acc * 10 }
  }
}
