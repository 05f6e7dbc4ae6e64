import Foundation
import KerasJSON
import Testing

/// The parser against the simple one it replaced (`ReferenceJSONParser`): the same value, or the
/// same message at the same position, for real configs, edge cases, every short UTF-8 sequence,
/// the limits, random bytes and mutated configs.
@Suite struct JSONParserDifferentialTests {
  static let goldenModels = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ShapeEngineTests/Golden/modelfiles")

  /// What a parse gave, comparable (doubles by their bits, so NaN equals NaN).
  static func outcome(_ parse: () throws(JSONError) -> JSONValue) -> String {
    do {
      var out = "value "
      describe(try parse(), into: &out)
      return out
    } catch {
      return "error \(error.description) at byte \(error.offset), limit \(error.exceedsLimit)"
    }
  }

  static func describe(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null: out += "n"
    case .bool(let b): out += b ? "t" : "f"
    case .int(let i): out += "i\(i);"
    case .double(let d): out += "d\(d.bitPattern);"
    case .string(let s): out += "s\(s.utf8.count):" + s
    case .array(let elements):
      out += "[\(elements.count)"
      for e in elements { describe(e, into: &out) }
      out += "]"
    case .object(let members):
      out += "{\(members.count)"
      for m in members {
        out += "k\(m.key.utf8.count):" + m.key
        describe(m.value, into: &out)
      }
      out += "}"
    }
  }

  /// The inputs whose outcomes differ (at most a few, for the message).
  static func differences(
    _ inputs: [[UInt8]], maxDepth: Int = JSONParser.defaultMaxDepth,
    maxValues: Int = JSONParser.defaultMaxValues
  ) -> [String] {
    var found: [String] = []
    for bytes in inputs {
      let fast = outcome { () throws(JSONError) in
        try JSONParser.parse(bytes, maxDepth: maxDepth, maxValues: maxValues)
      }
      let reference = outcome { () throws(JSONError) in
        try ReferenceJSONParser.parse(bytes, maxDepth: maxDepth, maxValues: maxValues)
      }
      if fast != reference && found.count < 5 {
        found.append(
          "\(String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription):"
            + " \(fast.prefix(300)) != \(reference.prefix(300))")
      }
    }
    return found
  }

  /// Text, an array, a slice (positions count from its start), contiguous and non-contiguous
  /// collections read the same.
  @Test func everyEntryPointReadsTheSame() {
    for text in [#"{"a": [1, 2.5, "x\u00e9"], "a": null}"#, "[1, 2", #""\u"#, " ", #"{"é": x}"#] {
      let bytes = Array(text.utf8)
      let expected = Self.outcome { () throws(JSONError) in try JSONParser.parse(bytes) }
      let padded = [0x78, 0x0A] + bytes + [0x78]
      #expect(Self.outcome { () throws(JSONError) in try JSONParser.parse(text) } == expected)
      #expect(
        Self.outcome { () throws(JSONError) in try JSONParser.parse(padded[2..<(padded.count - 1)])
        }
          == expected)
      #expect(
        Self.outcome { () throws(JSONError) in try JSONParser.parse(Data(bytes)) } == expected)
      #expect(
        Self.outcome { () throws(JSONError) in try JSONParser.parse(bytes.lazy.map { $0 }) }
          == expected)
    }
  }

  @Test func goldenModelFiles() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenModels.path)
      .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }
    #expect(names.count > 20)
    let files = try names.map {
      Array(try Data(contentsOf: Self.goldenModels.appendingPathComponent($0)))
    }
    #expect(Self.differences(files) == [])
  }

  @Test func edgeCases() {
    var texts = [
      "", " ", "0", "-0", "-0.0", "01", "-01", "1.", "-", "1e", "1e+", "1E-2", "+1", "1.5e3",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "999999999999999999",
      "-999999999999999999", "1000000000000000000", "-9223372036854775809", "1e999", "-1e999",
      "1e-999", "NaN", "-NaN", "Infinity", "-Infinity", "-Inf", "Infinit", "nul", "tru", "fals",
      "true", "false", "null", "[NaN,Infinity,-Infinity]", "\"", "\"abc", "\"a\nb\"", "\"a\rb\"",
      "\"a\tb\"", #""\""#, #""\u""#, #""\u12""#, #""\u12g4""#, #""\ud800""#, #""\ud800\u""#,
      #""\ud800\udc00""#, #""\ud800\ud800""#, #""\udc00""#, #""\ud83d\ude00""#, #""\u0000""#,
      #""\x""#, #""\/\b\f\n\r\t""#, #"{"a":1,"a":2}"#, #"{"a":1,"b":2,"a":3}"#,
      #"{"\u0061":1,"a":2}"#, #"{"é":1,"\u00e9":2}"#,
      #"{"abcdefghijklmnopq":1,"abcdefghijklmnop\u0071":2}"#,
      "{}", "[]", "[1,]", #"{"a":1,}"#, #"{"a"}"#, #"{"a" 1}"#, "{1:2}", "[1 2]", #"{"a":1 "b"}"#,
      "[[[]]]", "[{}]", #"{"a":[]}"#, " [ 1 , 2 ] ", "\u{FEFF}[]", "[1]x", "[1] x", "\"é中😀\"",
      #"{"é": x}"#, "123456789012345678901234567890.5", "[-]", "[-a]", "-a", "[0.e1]", "[0e1]",
      "[0E+1]", "[1.0e-]", "\"\u{7F}\"", #"["\u00e9"]"#, "{\"a\":{\"a\":{\"a\":1},\"a\":2}}",
    ]
    for n in [4299, 4300, 4301] {
      texts.append(String(repeating: "1", count: n))
      texts.append("-" + String(repeating: "1", count: n - 1))
      texts.append("[0." + String(repeating: "1", count: n - 2) + "]")
    }
    // Objects around the size where repeated keys are found through a dictionary.
    for n in [1, 2, 15, 16, 31, 32, 33, 34, 100] {
      for repeated in Set([0, n / 2, n - 1]) {
        var keys = (0..<n).map { #""k\#($0 % 7 == 3 ? "\\u0061" : "")\#($0)""# }
        keys += [keys[repeated], #""k\#(repeated)""#]
        texts.append(
          "{" + keys.enumerated().map { "\($0.element): \($0.offset)" }.joined(separator: ", ")
            + "}")
      }
    }
    // Strings of every length around the eight-byte words, ending at every distance from the end.
    for n in 0...20 {
      let s = String(repeating: "x", count: n)
      texts += ["\"\(s)\"", "[\"\(s)\", \"\(s)\"]", "\"\(s)", "\"\(s)é\"", "\"\(s)\\n\""]
    }
    #expect(Self.differences(texts.map { Array($0.utf8) }) == [])
  }

  /// Keys recognised as the key that followed the same key before (`JSONKeyPredictor`): lists
  /// of objects repeating their keys, where a later key is the earlier one, a prefix or an
  /// extension of it, the same text escaped, a repeat in its object, cut by the end of the text,
  /// or followed by an error.
  @Test func predictedKeys() {
    let variants = [
      #""name""#, #""nam""#, #""names""#, #""n\u0061me""#, #""name" "#, #""na"#, #""name"#,
      #""név""#, #""kernel_initializer""#, #""kernel_initializeR""#, #""kernel_initializers""#,
      #""a""#, #""""#,
    ]
    var texts: [String] = []
    for v in variants {
      for tail in [": 1}", #" : 2, "a": 3}"#, "}", " 1}", ": 4, \(v): 5}", ""] {
        let first = #"{"name": 0, "kernel_initializer": {"a": 1}, "a": 2}"#
        texts.append("[" + first + ", " + first + ", {" + v + tail + "]")
        texts.append("[" + first + #", {"name": 1, "# + v + tail + "]")
        texts.append("[" + first + #", {"name": 1, "kernel_initializer": {"# + v + tail + "}]")
      }
    }
    #expect(Self.differences(texts.map { Array($0.utf8) }) == [])
  }

  @Test func shortUTF8Sequences() {
    var inputs: [[UInt8]] = []
    for a in 0x80...0xFF {
      for b in 0...0xFF {
        inputs.append([0x22, UInt8(a), UInt8(b), 0x22])
      }
    }
    for a in [0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5] {
      for b in 0x7F...0xC0 {
        for c in [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
          inputs.append([0x22, UInt8(a), UInt8(b), UInt8(c), 0x22])
          inputs.append([0x22, UInt8(a), UInt8(b), UInt8(c), 0x80, 0x22])
        }
      }
    }
    for c in 0...0xFF {
      inputs += [[0x22, UInt8(c), 0x22], [UInt8(c)], [0x5B, UInt8(c), 0x5D]]
    }
    #expect(Self.differences(inputs) == [])
  }

  /// Decimals of every shape, exact ones (read by Clinger's fast path) and others (`strtod`).
  @Test func decimals() {
    var rng = JSONParserFuzzTests.SplitMix(state: 11)
    func digits(_ n: Int) -> String {
      String((0..<n).map { _ in "0123456789".randomElement(using: &rng) ?? "0" })
    }
    var texts = [
      "9007199254740992.0", "9007199254740993.0", "9007199254740993e0", "0.1", "1e22", "1e23",
      "1e-22", "1e-23", "123456789012345678e-5", "0.000000000000000000001", "4.9e-324",
      "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623159e308", "0e0", "-0e0",
      "0.0e-5", "1e000", "1e0022", "00.5", "0.001", "1e-05", "0.99", "-0.0",
    ]
    for _ in 0..<20_000 {
      var t = (Bool.random(using: &rng) ? "-" : "") + String(Int.random(in: 1...9, using: &rng))
      t += digits(Int.random(in: 0...19, using: &rng))
      if Bool.random(using: &rng) { t += "." + digits(Int.random(in: 1...20, using: &rng)) }
      if Int.random(in: 0..<3, using: &rng) == 0 {
        t += ["e", "E"].randomElement(using: &rng) ?? "e"
        t += ["", "+", "-"].randomElement(using: &rng) ?? ""
        t += String(Int.random(in: 0...400, using: &rng))
      }
      texts.append(t)
    }
    #expect(Self.differences(texts.map { Array($0.utf8) }) == [])
  }

  @Test func limits() {
    let texts = [
      "[]", "{}", "1", #"[1,[2,{"a":[3]}]]"#, #"{"a":{"b":{"c":[]}}}"#, "[[[[1]]]]",
      "[1,2,3,4,5,6,7,8,9,10,11]", "[[],[[]],{}]",
    ]
    for depth in [0, 1, 2, 3, 5] {
      for values in [0, 1, 2, 3, 5, 10] {
        #expect(
          Self.differences(texts.map { Array($0.utf8) }, maxDepth: depth, maxValues: values) == [])
      }
    }
    let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    let deepObjects = String(repeating: #"{"a":"#, count: 1000)
    #expect(Self.differences([Array(deep.utf8), Array(deepObjects.utf8)]) == [])
  }

  @Test func randomBytesAndMutations() throws {
    var rng = JSONParserFuzzTests.SplitMix(state: 7)
    let alphabet =
      Array(#"{}[]",:-+.0123456789eEtrufalsnNIy\ "#.utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0x0A, 0x75]
    var inputs: [[UInt8]] = []
    for round in 0..<20_000 {
      let length = Int.random(in: 0..<40, using: &rng)
      inputs.append(
        (0..<length).map { _ in
          round % 4 == 0
            ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng) ?? 0
        })
    }
    let small = try ["autoencoder", "multi_io", "dict_io", "lstm_state"].map {
      Array(try Data(contentsOf: Self.goldenModels.appendingPathComponent("\($0).json")))
    }
    for round in 0..<2_000 {
      var bytes = small[round % small.count]
      for _ in 0..<Int.random(in: 1...6, using: &rng) {
        let i = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
        case 1: bytes.remove(at: i)
        case 2: bytes[i] = alphabet.randomElement(using: &rng) ?? 0
        default: bytes.insert(bytes[Int.random(in: 0..<bytes.count, using: &rng)], at: i)
        }
      }
      if round % 5 == 0 {
        bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
      }
      inputs.append(bytes)
    }
    #expect(Self.differences(inputs) == [])
  }
}
