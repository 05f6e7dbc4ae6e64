import Testing

@testable import ShapeEngine

/// The host's wrapper cache: one object per index, whatever the index and however the graph grew.
@Suite struct ObjectCacheTests {
  final class Box {
    let index: Int
    init(_ index: Int) { self.index = index }
  }

  @Test func oneObjectPerIndex() {
    var cache = ObjectCache<Box>()
    var made = 0
    func get(_ i: Int, count: Int) -> Box {
      cache.object(i, count: count) {
        made += 1
        return Box(i)
      }
    }
    let a = get(0, count: 1)
    #expect(get(0, count: 1) === a)
    // Out of order, beyond the count, negative: each made once and found again.
    let c = get(5, count: 3)
    let d = get(-2, count: 3)
    let b = get(2, count: 3)
    #expect(get(5, count: 10) === c)
    #expect(get(-2, count: 10) === d)
    #expect(get(2, count: 10) === b)
    let e = get(7, count: 10)
    #expect(get(7, count: 10) === e)
    #expect([a, b, c, d, e].map(\.index) == [0, 2, 5, -2, 7])
    #expect(made == 5)
    #expect(get(Int.max, count: 10) === get(Int.max, count: 20))
    #expect(made == 6)
  }
}
