/// The host's wrappers of layers and tensors, by index, made once each (so `a is b` holds for the
/// same layer or tensor). Indices are the graph's, dense from 0: they are kept in an array (no
/// hashing, 8 bytes each); an index beyond the graph's count (or below 0) goes to a dictionary,
/// where it is still found once the graph has grown past it.
struct ObjectCache<Object: AnyObject> {
  private var dense: [Object?] = []
  private var sparse: [Int: Object] = [:]

  /// The object at `index`, made by `make` the first time; `count` is the graph's.
  mutating func object(_ index: Int, count: Int, _ make: () -> Object) -> Object {
    if index >= 0, index < dense.count, let o = dense[index] { return o }
    if !sparse.isEmpty, let o = sparse[index] { return o }
    let o = make()
    if index >= 0, index < max(count, dense.count) {
      // One by one: the index is usually the next one, and appending a repeated element costs
      // a generic call whatever the count.
      while index >= dense.count { dense.append(nil) }
      dense[index] = o
    } else {
      sparse[index] = o
    }
    return o
  }

  /// Forgets the objects from `first` on (an undone statement's layers or tensors, the last
  /// ones the graph had): O(their number).
  mutating func forget(from first: Int) {
    if first < dense.count { dense.removeLast(dense.count - max(first, 0)) }
    if !sparse.isEmpty { sparse = sparse.filter { $0.key < first } }
  }
}
