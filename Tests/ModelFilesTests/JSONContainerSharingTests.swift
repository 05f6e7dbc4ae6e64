import Foundation
import Testing

@testable import KerasJSON

/// A list or object whose text was read before is taken whole (`JSONContainerTable`): documents
/// made of repeated containers, with repeats broken, nested, past the limits and cut short,
/// read as the reference parser reads them, and the repeats sharing their storage.
@Suite struct JSONContainerSharingTests {
  typealias Differential = JSONParserDifferentialTests

  /// Containers a document repeats, as a Keras config repeats them.
  static let pieces = [
    "[1, 1]", "[3, 3]", "[]", "{}", #"{"name": "float32"}"#, "[null, null, null, 8]",
    #"{"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": null}"#,
    #"{"a": 1, "a": [2, {"b": [3]}]}"#, "[[[[1]]]]", #"{"x": [1, 2], "y": {"z": [1, 2]}}"#,
    #"["\u00e9", "\n", 1.5e3, -0.0, true, false]"#,
    "[" + String(repeating: "7, ", count: 100) + "7]",
  ]

  /// A random document of repeated pieces, lists and objects around them.
  static func document(_ rng: inout JSONParserFuzzTests.SplitMix, depth: Int = 0) -> String {
    let n = Int.random(in: 0..<6, using: &rng)
    let items = (0..<n).map { _ -> String in
      if depth < 4 && Int.random(in: 0..<3, using: &rng) == 0 {
        return document(&rng, depth: depth + 1)
      }
      return pieces.randomElement(using: &rng) ?? "1"
    }
    if Bool.random(using: &rng) { return "[" + items.joined(separator: ", ") + "]" }
    return "{"
      + items.enumerated().map { "\"k\($0.offset % 3)\": \($0.element)" }
      .joined(separator: ", ") + "}"
  }

  @Test func repeatedContainersReadAsTheReferenceReadsThem() {
    var rng = JSONParserFuzzTests.SplitMix(state: 2026)
    var inputs: [[UInt8]] = []
    for round in 0..<3_000 {
      var bytes = Array(Self.document(&rng).utf8)
      // Some broken: a byte changed or dropped (often inside a repeat), or cut short.
      switch round % 4 {
      case 1 where !bytes.isEmpty:
        bytes[Int.random(in: 0..<bytes.count, using: &rng)] =
          Array(#"[]{},:1" "#.utf8).randomElement(using: &rng) ?? 0
      case 2 where !bytes.isEmpty:
        bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
      case 3: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
      default: break
      }
      inputs.append(bytes)
    }
    #expect(Differential.differences(inputs) == [])
    // The limits reached inside a repeat, at every depth and count near them.
    let limited = inputs.filter { $0.count < 400 }.prefix(300).map { $0 }
    for depth in [1, 2, 3, 4, 6] {
      for values in [1, 2, 5, 9, 20, 60, 200] {
        #expect(Differential.differences(limited, maxDepth: depth, maxValues: values) == [])
      }
    }
  }

  @Test func limitsReachedInsideARepeat() {
    let texts = [
      "[[[1]], [[1]], [[1]]]", #"{"a": [[1]], "b": [[[1]]], "c": [[1]]}"#,
      "[[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]", "[[[1]], [[[[1]]]], [[1]]]",
      "[" + Array(repeating: "[[1], [1]]", count: 50).joined(separator: ",") + "]",
    ]
    for depth in 0...6 {
      for values in 0...40 {
        #expect(
          Differential.differences(texts.map { Array($0.utf8) }, maxDepth: depth, maxValues: values)
            == [])
      }
    }
  }

  @Test func goldenModelFilesReadAsTheReferenceReadsThem() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: Differential.goldenModels, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "json" }
    #expect(files.count > 20)
    #expect(try Differential.differences(files.map { Array(try Data(contentsOf: $0)) }) == [])
  }

  /// Where a non-empty array keeps its elements.
  static func storage<T>(_ a: [T]) -> UnsafeRawPointer? {
    a.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func repeatsShareTheirStorage() throws {
    let value = try JSONParser.parse(#"[[1, 1], {"a": [1, 1]}, [1, 1], [1,1], {"a": [1, 1]}]"#)
    guard case .array(let items) = value, items.count == 5,
      case .array(let first) = items[0], case .array(let third) = items[2],
      case .array(let spaced) = items[3], case .object(let o1) = items[1],
      case .object(let o2) = items[4]
    else {
      Issue.record("unexpected value \(value)")
      return
    }
    #expect(Self.storage(first) == Self.storage(third))
    // Other text (no space) is another container, with the same value.
    #expect(Self.storage(first) != Self.storage(spaced) && first == spaced)
    #expect(Self.storage(o1) == Self.storage(o2))
    // A container longer than the table keeps is read again.
    let long = "[" + String(repeating: "1, ", count: 200) + "1]"
    guard case .array(let two) = try JSONParser.parse("[\(long), \(long)]"), two.count == 2,
      case .array(let a) = two[0], case .array(let b) = two[1]
    else {
      Issue.record("not two lists")
      return
    }
    #expect(a == b && Self.storage(a) != Self.storage(b))
  }

  /// The two lists after `prefix`'s lists, read, and whether they share their storage.
  static func lastTwoShared(after prefix: [String]) throws -> Bool? {
    let text = "[" + (prefix + ["[1, 1]", "[1, 1]"]).joined(separator: ", ") + "]"
    #expect(Differential.differences([Array(text.utf8)]) == [])
    #expect(Differential.differences([Array(text.utf8)], maxValues: prefix.count * 2 + 4) == [])
    guard case .array(let items) = try JSONParser.parse(text), items.count == prefix.count + 2,
      case .array(let a) = items[prefix.count], case .array(let b) = items[prefix.count + 1],
      a == b
    else { return nil }
    return Self.storage(a) == Self.storage(b)
  }

  @Test func aDocumentWithoutRepeatsStopsLookingAfterTheTrial() throws {
    let n = JSONContainerTable.trialLookups + 100
    // Distinct lists through the trial: the table is dropped, equal lists are read again.
    #expect(try Self.lastTwoShared(after: (0..<n).map { "[\($0)]" }) == false)
    // Repeats during the trial: the table stays.
    #expect(try Self.lastTwoShared(after: (0..<n).map { "[\($0 % 50)]" }) == true)
  }
}
