import LayerCatalog
import ShapeCore
import StatementLanguage
import Testing

@testable import ShapeEngine

/// What made a statement cheaper must not change what it means: a binding that holds slots only
/// up to the last argument given, argument ranges kept in a small array, and parameter formulas
/// kept out of line.
@Suite struct SparseBindingTests {
  /// Every class bound with its required arguments alone reads every other parameter's default,
  /// and one keyword given (each in turn, the last slots included) is the only other one given.
  @Test func unsetSlotsKeepTheirDefaults() throws {
    for entry in Catalog.entries {
      let sig = entry.signature
      let extra = sig.extraKeywords + (sig.takesBaseKeywords ? Signature.baseKeywords : [])
      let required = sig.parameters.filter { $0.defaultValue == nil }
      let positional = required.map { _ in Value.int(1) }
      let bare = try BoundArguments(
        layer: entry.className, signature: sig,
        arguments: CallArguments(positional: positional))
      #expect(bare.given == Set(required.map(\.name)), "\(entry.className)")
      var firstOfName: [String: Parameter] = [:]
      for p in sig.parameters + extra where firstOfName[p.name] == nil { firstOfName[p.name] = p }
      for (name, p) in firstOfName where p.defaultValue != nil {
        #expect(bare[name] == p.defaultValue, "\(entry.className).\(name)")
        #expect(!bare.isGiven(name), "\(entry.className).\(name)")
        let one = try BoundArguments(
          layer: entry.className, signature: sig,
          arguments: CallArguments(positional: positional, keywords: [(name, .int(-7))]))
        #expect(one[name] == .int(-7), "\(entry.className).\(name)")
        #expect(one.given == Set(required.map(\.name) + [name]), "\(entry.className).\(name)")
      }
    }
  }

  /// A required argument left out is refused even when a later slot is given; a keyword that
  /// repeats a positional is refused.
  @Test func missingAndRepeatedArgumentsAreRefused() throws {
    let dense = try #require(Catalog.entry("Dense")).signature
    #expect(throws: LayerError.self) {
      try BoundArguments(
        layer: "Dense", signature: dense,
        arguments: CallArguments(keywords: [("input_dim", .int(3))]))
    }
    #expect(throws: LayerError.self) {
      try BoundArguments(
        layer: "Dense", signature: dense,
        arguments: CallArguments(positional: [.int(8)], keywords: [("units", .int(3))]))
    }
    let bound = try BoundArguments(
      layer: "Dense", signature: dense,
      arguments: CallArguments(positional: [.int(8)], keywords: [("name", .string("d"))]))
    #expect(bound["units"] == .int(8))
    #expect(bound["name"] == .string("d"))
    #expect(bound["use_bias"] == .bool(true))
  }

  /// The range recorded last for a name is the one read, as a dictionary's assignment did.
  @Test func argumentRangesKeepTheLastRangeOfAName() {
    var ranges = ArgumentRanges(capacity: 2)
    #expect(ranges.isEmpty)
    ranges["units"] = SourceRange(6, 7)
    ranges["name"] = SourceRange(9, 17)
    ranges["units"] = SourceRange(20, 21)
    #expect(!ranges.isEmpty)
    #expect(ranges["units"] == SourceRange(20, 21))
    #expect(ranges["name"] == SourceRange(9, 17))
    #expect(ranges["padding"] == nil)
    ranges["name"] = nil
    #expect(ranges["name"] == nil)
    // The inline first range dropped: the others stay, in order.
    var one = ArgumentRanges()
    one["a"] = SourceRange(0, 1)
    one["b"] = SourceRange(2, 3)
    one["c"] = SourceRange(4, 5)
    one["a"] = nil
    #expect(one["a"] == nil && one["b"] == SourceRange(2, 3) && one["c"] == SourceRange(4, 5))
    one["b"] = nil
    one["c"] = nil
    #expect(one.isEmpty)
    one["d"] = nil
    #expect(one.isEmpty && one["d"] == nil)
  }

  /// Every statement's layer is a node in one growing array: its formulas out of line keep the
  /// counts (and so the node) small: 240 bytes, from 280; 248 with the reference to the
  /// construction it was made from (`ConstructionMemo`), which spares its twins a construction
  /// and a call.
  @Test func layerNodesStaySmall() {
    #expect(MemoryLayout<ParamCount>.stride <= 32)
    #expect(MemoryLayout<LayerNode>.stride <= 248, "\(MemoryLayout<LayerNode>.stride)")
  }

  /// Counts with formulas compare and hash by their formulas, kept out of line.
  @Test func deferredCountsCompareByTheirFormulas() {
    let h = Dim.symbol("H")
    let a = ParamCount([Weight("kernel", dims: [h, .known(8)])])
    let b = ParamCount([Weight("kernel", dims: [h, .known(8)])])
    let c = ParamCount([Weight("kernel", dims: [h, .known(4)])])
    let known = ParamCount([Weight("kernel", [3, 8])])
    #expect(a.isDeferred && !known.isDeferred)
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(a != c)
    #expect(known == ParamCount(total: 24, trainable: 24, nonTrainable: 0))
    #expect(a != ParamCount(total: a.total, trainable: a.trainable, nonTrainable: a.nonTrainable))
    var d = a
    d.formulas = nil
    #expect(!d.isDeferred && a.isDeferred)
  }
}
