/// The lists and objects open while a document is read, innermost last. Their elements wait on
/// stacks and are moved (never copied) into an array of exact size when their container closes:
/// a list's elements on one stack, an object's keys and values on two more (a key goes on when
/// it is read, its value when that is).
///
/// A repeated key keeps the place of its first occurrence and the value of its last (Python's
/// dict). Finding the earlier occurrence must not cost a hashed dictionary per object, which
/// Keras configs have thousands of: keys come with a hash from the reader, a 64-bit mask of the
/// hashes seen so far (two words) proves most keys new at once, a scan of the hashes finds the others, and
/// only an object of more than `indexThreshold` members gets a dictionary (seeded hashing, so
/// no file can make it slow).
struct OpenContainers: ~Copyable {
  // Not private: a private type in a generic stack defined in another file breaks the debug
  // build (Swift 6.3.1: "Global is external, but doesn't have external or weak linkage").
  struct Frame {
    var isList: Bool
    /// Where its text starts in the document (its opening bracket), and the hash of its first
    /// bytes (`JSONContainerTable.key`).
    var textStart: Int
    var textKey: UInt64
    /// The hash of the key whose value it is (`JSONValuePredictor`), if an object member's.
    var member: UInt64?
    /// The reader's count of values before this container.
    var valuesBefore: Int
    /// The deepest nesting of its elements (0: no lists or objects among them).
    var innerDepth = 0
    /// Where this container's elements (or keys) start on their stack.
    var start: Int
    /// Where an object's values start on theirs (below its keys' start while outer objects
    /// wait for their values).
    var valueStart = 0
    /// One bit per key of an object (its hash's top seven bits choose the word and the bit): a
    /// clear bit proves a key new.
    var seen: (UInt64, UInt64) = (0, 0)
    /// Key -> position on the key stack, once the object is large.
    var index: [String: Int]? = nil
    /// Where an object's text after its first member's comma starts (-1: not yet), and the
    /// reader's count of values there (`JSONTailPredictor`).
    var tailStart = -1
    var valuesAtTail = 0
    /// Where an object's text after a member whose value took an earlier rest starts (-1: not
    /// yet), the reader's count of values there, how many members come before, and the hash of
    /// that member's key (`JSONTailPredictor`, the later rests).
    var laterStart = -1
    var laterValues = 0
    var laterFrom = 0
    var laterKey: UInt64 = 0
    /// A key was repeated.
    var hadDuplicate = false
    /// A list's last container element was too long for the container table to keep (a
    /// model's layers): the next is not looked up there.
    var lastWasLong = false
  }

  static let indexThreshold = 32

  private var frames = ScratchStack<Frame>()
  private var elements = ScratchStack<JSONValue>(capacity: 256)
  private var keys = ScratchStack<String>(capacity: 256)
  /// The hash of each key, beside `keys`.
  private var hashes = ScratchStack<UInt64>(capacity: 256)
  /// The values of the keys, one fewer than `keys` while a member's value is being read.
  private var values = ScratchStack<JSONValue>(capacity: 256)

  var depth: Int { frames.count }
  var innermostIsList: Bool { frames[frames.count - 1].isList }

  /// Opens a list whose text starts at `textStart` (`textKey` its hash there), after the
  /// reader has counted `valuesBefore` values.
  mutating func openList(
    at textStart: Int, textKey: UInt64, valuesBefore: Int, member: UInt64?
  ) {
    frames.push(
      Frame(
        isList: true, textStart: textStart, textKey: textKey, member: member,
        valuesBefore: valuesBefore, start: elements.count))
  }

  /// Opens an object as `openList` a list, whose first member has `key`.
  mutating func openObject(
    at textStart: Int, textKey: UInt64, valuesBefore: Int, member: UInt64?, key: String,
    hash: UInt64
  ) {
    frames.push(
      Frame(
        isList: false, textStart: textStart, textKey: textKey, member: member,
        valuesBefore: valuesBefore, start: keys.count, valueStart: values.count))
    addKey(key, hash: hash)
  }

  /// The key of the innermost object's next member.
  mutating func addKey(_ key: String, hash: UInt64) {
    keys.push(key)
    hashes.push(hash)
  }

  /// Adds a list's element, or gives the innermost object's last key its value; `depth` is
  /// the value's levels of nesting (0 for a number or string).
  mutating func append(_ value: consuming JSONValue, depth: Int) {
    let top = frames.count - 1
    if depth > frames[top].innerDepth { frames[top].innerDepth = depth }
    if frames[top].isList {
      elements.push(value)
      return
    }
    let last = keys.count - 1
    if let earlier = earlierKey(top, last: last) {
      frames[top].hadDuplicate = true
      values.replace(earlier - frames[top].start + frames[top].valueStart, with: value)
      keys.pop()
      hashes.pop()
      return
    }
    values.push(value)
    let bit = hashes[last] >> 57
    if bit < 64 {
      frames[top].seen.0 |= 1 << bit
    } else {
      frames[top].seen.1 |= 1 << (bit & 63)
    }
    if frames[top].index != nil {
      frames[top].index?[keys[last]] = last
    } else if last - frames[top].start >= Self.indexThreshold {
      var index: [String: Int] = [:]
      for i in frames[top].start...last { index[keys[i]] = i }
      frames[top].index = index
    }
  }

  /// Where the innermost object has its `last` key before, if it does. (Inlined: called, it
  /// was handed a copy of the stacks.)
  @inline(__always)
  private func earlierKey(_ top: Int, last: Int) -> Int? {
    if let index = frames[top].index { return index[keys[last]] }
    let hash = hashes[last]
    let bit = hash >> 57
    let word = bit < 64 ? frames[top].seen.0 : frames[top].seen.1
    guard word & (1 << (bit & 63)) != 0 else { return nil }
    for i in frames[top].start..<last where hashes[i] == hash && keys[i] == keys[last] {
      return i
    }
    return nil
  }

  /// Whether the innermost container is a list whose last container element was too long to
  /// keep (`Frame.lastWasLong`).
  var afterLongElement: Bool {
    frames.count > 0 && frames[frames.count - 1].isList && frames[frames.count - 1].lastWasLong
  }

  /// How many members the innermost object has (its last key's value read).
  var innermostMemberCount: Int { keys.count - frames[frames.count - 1].start }

  /// The hash of the innermost object's first key.
  var innermostFirstKey: UInt64 { hashes[frames[frames.count - 1].start] }

  /// Whether the innermost object's first key is among `tail`'s rest.
  func innermostFirstKeyMeets(_ tail: UnsafePointer<JSONTailPredictor.Slot>) -> Bool {
    let start = frames[frames.count - 1].start
    return tail.pointee.hasKey(keys[start], hash: hashes[start])
  }

  /// Whether the innermost object has marked where a later rest starts.
  var innermostHasLater: Bool { frames[frames.count - 1].laterStart >= 0 }

  /// The hash of the innermost object's last key.
  var innermostLastKey: UInt64 { hashes[hashes.count - 1] }

  /// Whether one of the innermost object's keys is among `tail`'s rest (or it is large).
  func innermostKeysMeet(_ tail: UnsafePointer<JSONTailPredictor.Slot>) -> Bool {
    let top = frames.count - 1
    guard frames[top].index == nil else { return true }
    let seen = frames[top].seen
    let rest = tail.pointee.seen
    guard (seen.0 & rest.0) | (seen.1 & rest.1) != 0 else { return false }
    for i in frames[top].start..<keys.count where tail.pointee.hasKey(keys[i], hash: hashes[i]) {
      return true
    }
    return false
  }

  /// Marks where the innermost object's text after its last member's comma starts, that
  /// member's value having taken an earlier rest, the reader having counted `values` values.
  mutating func markLater(at start: Int, values: Int) {
    let top = frames.count - 1
    frames[top].laterStart = start
    frames[top].laterValues = values
    frames[top].laterFrom = keys.count - frames[top].start
    frames[top].laterKey = hashes[hashes.count - 1]
  }

  /// Marks where the innermost object's text after its first member's comma starts, the
  /// reader having counted `values` values.
  mutating func markTail(at start: Int, values: Int) {
    frames[frames.count - 1].tailStart = start
    frames[frames.count - 1].valuesAtTail = values
  }

  /// Closes the innermost container, whose text ends before `textEnd`, which takes its
  /// elements off the stacks; `table` remembers it when it is short, `predictor` when it is
  /// a member's value, `tails` its members after the first (an object without repeated
  /// keys), with `values` the reader's count of values now. Returns it and its levels of
  /// nesting.
  mutating func close(
    at textEnd: Int, values: Int, table: inout JSONContainerTable,
    predictor: inout JSONValuePredictor, tails: inout JSONTailPredictor,
    laters: inout JSONTailPredictor
  ) -> (value: JSONValue, depth: Int) {
    let frame = frames.pop()
    let value: JSONValue
    if frame.isList {
      value = .array(elements.popArray(from: frame.start))
    } else {
      let count = keys.count - frame.start
      var seen: (UInt64, UInt64) = (0, 0)
      var firstKey: UInt64 = 0
      var lastKey: UInt64 = 0
      let keepsTail =
        frame.tailStart >= 0 && !frame.hadDuplicate && count >= 2
        && textEnd - frame.tailStart >= 8
      let keepsLater =
        frame.laterStart >= 0 && !frame.hadDuplicate && count > frame.laterFrom
        && textEnd - frame.laterStart >= 8
      var laterSeen: (UInt64, UInt64) = (0, 0)
      if keepsTail || keepsLater {
        firstKey = hashes[frame.start]
        lastKey = hashes[keys.count - 1]
        if keepsTail { seen = hashes.mask(from: frame.start + 1) }
        if keepsLater { laterSeen = hashes.mask(from: frame.start + frame.laterFrom) }
      }
      hashes.remove(from: frame.start)
      let members = keys.popArray(
        from: frame.start, pairedWith: &self.values, from: frame.valueStart
      ) { JSONMember($0, $1) }
      if keepsTail {
        tails.remember(
          firstKey: firstKey, frame.tailStart, textEnd, members: members,
          values: values - frame.valuesAtTail, depth: frame.innerDepth, seen: seen,
          lastKey: lastKey)
      }
      if keepsLater {
        laters.remember(
          firstKey: frame.laterKey, frame.laterStart, textEnd, members: members,
          from: frame.laterFrom, values: values - frame.laterValues, depth: frame.innerDepth,
          seen: laterSeen, lastKey: lastKey)
      }
      value = .object(members)
    }
    return finish(frame, value, at: textEnd, values: values, table: &table, predictor: &predictor)
  }

  /// Closes the innermost object, whose members so far are as many as come before `tail`'s
  /// rest, with the members of that rest, whose text ends before `textEnd`; otherwise as
  /// `close`.
  mutating func close(
    with tail: UnsafePointer<JSONTailPredictor.Slot>, at textEnd: Int, values: Int,
    table: inout JSONContainerTable, predictor: inout JSONValuePredictor
  ) -> (value: JSONValue, depth: Int) {
    var frame = frames.pop()
    hashes.remove(from: frame.start)
    let rest = tail.pointee.members
    let from = tail.pointee.from
    var members: [JSONMember] = []
    members.reserveCapacity(keys.count - frame.start + rest.count - from)
    keys.pop(from: frame.start, pairedWith: &self.values, from: frame.valueStart, into: &members) {
      JSONMember($0, $1)
    }
    // One by one: appended as a slice, each member was copied through its type's witness.
    rest.withUnsafeBufferPointer { rest in
      for i in from..<rest.count { members.append(rest[i]) }
    }
    frame.innerDepth = max(frame.innerDepth, tail.pointee.depth)
    return finish(
      frame, .object(members), at: textEnd, values: values, table: &table, predictor: &predictor)
  }

  /// A closed container `value` remembered as `close` says, and its levels of nesting.
  private mutating func finish(
    _ frame: Frame, _ value: JSONValue, at textEnd: Int, values: Int,
    table: inout JSONContainerTable, predictor: inout JSONValuePredictor
  ) -> (value: JSONValue, depth: Int) {
    let depth = frame.innerDepth + 1
    if frames.count > 0 && frames[frames.count - 1].isList {
      frames[frames.count - 1].lastWasLong =
        textEnd - frame.textStart > JSONContainerTable.maxLength
    }
    // Not looked up in the table (0: after a long one), and short: hashed now, so that the
    // next of its text is found.
    if table.isOn && textEnd - frame.textStart <= JSONContainerTable.maxLength {
      table.remember(
        value, frame.textStart, textEnd,
        hash: frame.textKey != 0 ? frame.textKey : table.key(frame.textStart),
        values: values - frame.valuesBefore, depth: depth)
    }
    if let member = frame.member {
      predictor.remember(
        value, key: member, frame.textStart, textEnd, values: values - frame.valuesBefore,
        depth: depth)
    }
    return (value, depth)
  }
}
