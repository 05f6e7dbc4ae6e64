import LayerCatalog
import Testing

/// `BoundArguments` finds a keyword's parameter by a search that starts after the last one it
/// found among the class's own parameters; what it finds must not depend on where it starts.
@Suite struct BoundArgumentsTests {
  /// The search may start anywhere only because a signature's own names are distinct (Python
  /// refuses a duplicate parameter name).
  @Test func ownParameterNamesAreDistinct() {
    for entry in Catalog.entries {
      let names = entry.signature.parameters.map(\.name)
      #expect(Set(names).count == names.count, "\(entry.className): \(names)")
    }
  }

  /// Every parameter with a default, given as a keyword in signature order, reversed, and
  /// rotated, binds the same values; a name given twice is refused in each order.
  @Test func keywordOrderDoesNotChangeTheBinding() throws {
    for entry in Catalog.entries {
      let sig = entry.signature
      let extra = sig.extraKeywords + (sig.takesBaseKeywords ? Signature.baseKeywords : [])
      let all =
        sig.parameters + extra.filter { b in !sig.parameters.contains { $0.name == b.name } }
      let required = sig.parameters.filter { $0.defaultValue == nil }
      var seen: Set<String> = []
      let optional = all.filter { $0.defaultValue != nil && seen.insert($0.name).inserted }
      guard !optional.isEmpty else { continue }
      let positional = required.map { _ in Value.int(1) }
      let given = optional.enumerated().map { i, p in (p.name, Value.int(100 + i)) }
      let half = given.count / 2
      let expected = Dictionary(uniqueKeysWithValues: given)
      for order in [given, given.reversed(), Array(given[half...] + given[..<half])] {
        let arguments = CallArguments(positional: positional, keywords: order)
        let bound = try BoundArguments(layer: entry.className, signature: sig, arguments: arguments)
        for (name, v) in expected {
          #expect(bound[name] == v, "\(entry.className).\(name)")
          #expect(bound.isGiven(name), "\(entry.className).\(name)")
        }
        #expect(bound.given == Set(expected.keys).union(required.map(\.name)))
        let twice = CallArguments(positional: positional, keywords: order + [order[0]])
        #expect(throws: LayerError.self) {
          try BoundArguments(layer: entry.className, signature: sig, arguments: twice)
        }
      }
    }
  }

  /// `bound[base: k]` (its slot found once per signature) is `bound[name]` (found by searching
  /// the names), for every class, with each Layer keyword left out or given.
  @Test func baseKeywordSlotsAreTheSearchedOnes() throws {
    let keywords: [Signature.BaseKeyword] = [.name, .dtype, .trainable, .autocast]
    for entry in Catalog.entries {
      let sig = entry.signature
      let positional = sig.parameters.filter { $0.defaultValue == nil }.map { _ in Value.int(1) }
      var calls = [CallArguments(positional: positional)]
      for (i, k) in keywords.enumerated() {
        let name = Signature.baseKeywords[k.rawValue].name
        calls.append(CallArguments(positional: positional, keywords: [(name, .int(7 + i))]))
      }
      for call in calls {
        guard
          let bound = try? BoundArguments(layer: entry.className, signature: sig, arguments: call)
        else { continue }
        for k in keywords {
          let name = Signature.baseKeywords[k.rawValue].name
          #expect(bound[base: k] == bound[name], "\(entry.className) \(name) \(call.keywords)")
        }
      }
    }
  }

  /// A call of positionals alone (bound without an array of its own) binds what the same values
  /// given as keywords bind: every own parameter, given or default, and the names given.
  @Test func positionalsAloneBindAsKeywords() throws {
    for entry in Catalog.entries {
      let sig = entry.signature
      for count in [0, sig.parameters.count / 2, sig.parameters.count] {
        let names = sig.parameters.prefix(count).map(\.name)
        let values = names.indices.map { Value.int(200 + $0) }
        let byPosition = try? BoundArguments(
          layer: entry.className, signature: sig, arguments: CallArguments(positional: values))
        let byKeyword = try? BoundArguments(
          layer: entry.className, signature: sig,
          arguments: CallArguments(keywords: Array(zip(names, values))))
        #expect((byPosition == nil) == (byKeyword == nil), "\(entry.className) \(count)")
        guard let byPosition, let byKeyword else { continue }
        #expect(byPosition.given == byKeyword.given, "\(entry.className) \(count)")
        for p in sig.parameters {
          #expect(byPosition[p.name] == byKeyword[p.name], "\(entry.className).\(p.name)")
          #expect(byPosition.isGiven(p.name) == byKeyword.isGiven(p.name))
        }
      }
    }
  }
}
