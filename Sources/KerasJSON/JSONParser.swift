/// A small RFC 8259 parser for configs as Python's `json` writes them.
///
/// - Objects keep their keys in file order; a repeated key keeps the place of its first
///   occurrence and the value of its last, as a Python dict built by `json.loads` does.
/// - Integers that fit in `Int` are `.int`; other numbers are `.double`. `NaN`, `Infinity` and
///   `-Infinity` (which `json.dumps` writes) are accepted; a literal out of `Double`'s range is not.
/// - Strings must be valid UTF-8; escapes include `\uXXXX` surrogate pairs (a lone surrogate is
///   an error: a Swift string cannot hold one).
/// - Nesting is limited (`maxDepth`) and the parser keeps its own stack, so no input can exhaust
///   the thread's stack; every input either parses or throws.
/// - The number of values is limited (`maxValues`): a value costs 24 to about 50 bytes in memory
///   (a number in a list 24; `{"a": 0}`, two values, about 100) however short its text (`0,` is
///   two bytes), so the file's size alone does not bound memory.
public enum JSONParser {
  /// The default limit on nested lists and objects.
  public static let defaultMaxDepth = 256
  /// The default limit on values (each number, string, literal, list and object counts one):
  /// 1,000,000, at most about 50 MB in memory; the largest Keras application config has about
  /// 70,000.
  public static let defaultMaxValues = 1_000_000
  /// The longest number literal accepted (Python refuses integers of more than 4300 digits).
  public static let maxNumberLength = 4300

  /// Parses one JSON value that fills `bytes` (surrounding whitespace allowed).
  public static func parse(
    _ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth,
    maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    // Read in place where the bytes are contiguous (an array, a slice of one), else copied once.
    let parsed = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(JSONError) in
        try parse(buffer: buffer, maxDepth: maxDepth, maxValues: maxValues)
      }
    }
    if let parsed { return try parsed.get() }
    return try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONError) in
      try parse(buffer: buffer, maxDepth: maxDepth, maxValues: maxValues)
    }
  }

  /// Parses one JSON value that fills `bytes`, read in place. (The concrete overloads spare a
  /// fresh process the runtime type lookups the generic one costs, ~0.3 M instructions.)
  public static func parse(
    _ bytes: ArraySlice<UInt8>, maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
      try parse(buffer: buffer, maxDepth: maxDepth, maxValues: maxValues)
    }
  }

  /// Parses one JSON value that fills `bytes`, read in place.
  public static func parse(
    _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
      try parse(buffer: buffer, maxDepth: maxDepth, maxValues: maxValues)
    }
  }

  /// Parses one JSON value from text.
  public static func parse(
    _ text: String, maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    var text = text
    return try text.withUTF8 { buffer in
      Result { () throws(JSONError) in
        try parse(buffer: buffer, maxDepth: maxDepth, maxValues: maxValues)
      }
    }.get()
  }

  /// The bytes stay valid for the whole parse: the reader never outlives this call.
  static func parse(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int)
    throws(JSONError) -> JSONValue
  {
    var reader = JSONReader(bytes: buffer, maxDepth: maxDepth, maxValues: maxValues)
    return try reader.document()
  }
}

/// The cursor over the bytes, and the counts the limits bound.
struct JSONReader: ~Copyable {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The same bytes, for reading eight at a time.
  let raw: UnsafeRawBufferPointer
  let maxDepth: Int
  let maxValues: Int
  var pos = 0
  var values = 0
  var strings: JSONStringTable
  var containers: JSONContainerTable
  var keys: JSONKeyPredictor
  var predictor: JSONValuePredictor
  var tails: JSONTailPredictor
  /// The rests after a member whose value took a rest.
  var laters: JSONTailPredictor
  /// The hash of the last key read (before an object's first key: 0, or one more than the
  /// hash of the key the object is the value of), for `keys`.
  var previousKey: UInt64 = 0

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int) {
    self.bytes = bytes
    self.raw = UnsafeRawBufferPointer(bytes)
    self.maxDepth = maxDepth
    self.maxValues = maxValues
    self.strings = JSONStringTable(document: bytes)
    self.containers = JSONContainerTable(document: bytes)
    self.keys = JSONKeyPredictor(document: bytes)
    self.predictor = JSONValuePredictor(document: bytes)
    self.tails = JSONTailPredictor(document: bytes)
    self.laters = JSONTailPredictor(document: bytes)
  }

  /// The byte at the cursor, or 0 past the end: no grammar rule accepts a 0 byte outside a
  /// string, and the string reader checks the end itself.
  var byte: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

  var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

  func error(_ message: String, at offset: Int? = nil) -> JSONError {
    JSONError.at(offset ?? pos, in: bytes, message)
  }

  /// What stands at the cursor, for messages: "'x'" or "end of input".
  var found: String { peek.map { $0.jsonDisplay } ?? "end of input" }

  mutating func skipWhitespace() {
    while pos < bytes.count {
      let b = bytes[pos]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      pos += 1
    }
  }

  /// document = ws value ws
  mutating func document() throws(JSONError) -> JSONValue {
    skipWhitespace()
    if peek == nil { throw error("empty document: expected a JSON value") }
    let value = try value()
    skipWhitespace()
    if peek != nil { throw error("unexpected \(found) after the JSON value") }
    return value
  }

  /// value = object / array / string / number / true / false / null, read without recursion:
  /// the open containers are frames on an explicit stack, and their elements wait on one flat
  /// stack per kind until the container closes and takes them as an array of exact size.
  mutating func value() throws(JSONError) -> JSONValue {
    var open = OpenContainers()
    // Whether the value to read is an object member's (its key's hash is `previousKey`).
    var isMember = false
    // Whether the value handed to the open containers took an earlier object's rest.
    var tookRest = false
    reading: while true {
      // Read one value; an opening bracket pushes a container and reads its first element.
      skipWhitespace()
      values += 1
      if values > maxValues {
        var e = error(
          "more than \(maxValues) values (numbers, strings, lists, objects); the limit bounds the"
            + " memory a document takes")
        e.exceedsLimit = true
        throw e
      }
      var current: JSONValue
      // Its levels of nesting (0 for a number or string).
      var depth = 0
      let b = byte
      let keyHash = previousKey
      // A member's list or object written as its key's last one, within the limits: taken
      // whole (past the limits it is read again, to fail where it does).
      if isMember, b == UInt8(ascii: "[") || b == UInt8(ascii: "{"),
        let known = predictor.predicted(at: pos, key: keyHash),
        open.depth + known.pointee.depth <= maxDepth,
        values - 1 + known.pointee.values <= maxValues
      {
        predictor.taken()
        values += known.pointee.values - 1
        pos += known.pointee.count
        current = known.pointee.value
        depth = known.pointee.depth
        if depth > 0 { containers.countRepeat() }
      } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
        if open.depth >= maxDepth {
          throw error("nesting deeper than \(maxDepth) levels of lists and objects")
        }
        let start = pos
        // Not looked up (0) where the table is off, or where the key's last container, or the
        // list's last element, was too long to keep (a layer's config, a layer: the next is
        // too, most likely).
        let key =
          containers.isOn && !(isMember ? predictor.wasLong(keyHash) : open.afterLongElement)
          ? containers.key(start) : 0
        // A container whose text was read before, within the limits: taken whole (past the
        // limits it is read again, to fail where it does).
        if key != 0, let earlier = containers.earlier(start, hash: key),
          open.depth + earlier.depth <= maxDepth, values - 1 + earlier.values <= maxValues
        {
          values += earlier.values - 1
          pos += earlier.count
          current = earlier.value
          depth = earlier.depth
          if isMember {
            predictor.remember(
              current, key: keyHash, start, pos, values: earlier.values, depth: depth)
          }
        } else {
          pos += 1
          skipWhitespace()
          depth = 1
          let member: UInt64? = isMember ? keyHash : nil
          if b == UInt8(ascii: "[") {
            if byte == UInt8(ascii: "]") {
              pos += 1
              current = .array([])
            } else {
              open.openList(at: start, textKey: key, valuesBefore: values - 1, member: member)
              isMember = false
              continue
            }
          } else if byte == UInt8(ascii: "}") {
            pos += 1
            current = .object([])
          } else {
            // An object's first key predicted by the key it is the value of (a layer's config
            // begins with `name`, the layer's entry with `module`: both after 0, they took turns).
            previousKey = isMember ? keyHash &+ 1 : 0
            let first = try memberKey(after: "'{'")
            open.openObject(
              at: start, textKey: key, valuesBefore: values - 1, member: member, key: first.text,
              hash: first.hash)
            isMember = true
            continue
          }
        }
      } else {
        let start = pos
        current = try scalar()

      }
      // Hand the finished value to the open containers, closing those that end here.
      while open.depth > 0 {
        skipWhitespace()
        let inList = open.innermostIsList
        open.append(consume current, depth: depth)
        let afterRest = tookRest
        tookRest = false
        let next = byte
        if next == UInt8(ascii: ",") {
          pos += 1
          // An object whose members after the first are written as an earlier one's, within the
          // limits, without its first key among them: closed with those members. The same after
          // a member whose value took a rest (a layer's config), where none of the object's keys
          // is among the rest's.
          var rest: UnsafePointer<JSONTailPredictor.Slot>? = nil
          if !inList && open.innermostMemberCount == 1 {
            if let tail = tails.predicted(at: pos, firstKey: open.innermostFirstKey),
              fits(tail, depth: open.depth), !open.innermostFirstKeyMeets(tail)
            {
              tails.taken()
              rest = tail
            } else {
              open.markTail(at: pos, values: values)
            }
          } else if !inList && afterRest && !open.innermostHasLater {
            if let tail = laters.predicted(at: pos, firstKey: open.innermostLastKey),
              fits(tail, depth: open.depth), !open.innermostKeysMeet(tail)
            {
              laters.taken()
              rest = tail
            } else {
              open.markLater(at: pos, values: values)
            }
          }
          if let tail = rest {
            values += tail.pointee.values
            pos += tail.pointee.count
            previousKey = tail.pointee.lastKey
            (current, depth) = open.close(
              with: tail, at: pos, values: values, table: &containers, predictor: &predictor)
            tookRest = true
            continue
          }
          if !inList {
            let key = try memberKey(after: "','")
            open.addKey(key.text, hash: key.hash)
          }
          isMember = !inList
          continue reading
        }
        guard next == (inList ? UInt8(ascii: "]") : UInt8(ascii: "}")) else {
          throw error(
            inList
              ? "expected ',' or ']' after a list element, found \(found)"
              : "expected ',' or '}' after an object member, found \(found)")
        }
        pos += 1
        (current, depth) = open.close(
          at: pos, values: values, table: &containers, predictor: &predictor, tails: &tails,
          laters: &laters)
      }
      return current
    }
  }

  /// member-key = ws string ws ':'
  /// Whether a predicted rest fits in the limits, taken inside containers `depth` deep.
  func fits(_ tail: UnsafePointer<JSONTailPredictor.Slot>, depth: Int) -> Bool {
    values + tail.pointee.values <= maxValues && depth + tail.pointee.depth <= maxDepth
  }

  mutating func memberKey(after what: String) throws(JSONError) -> (text: String, hash: UInt64) {
    skipWhitespace()
    guard byte == UInt8(ascii: "\"") else {
      throw error("expected a string key after \(what) in an object, found \(found)")
    }
    let key: (text: String, hash: UInt64)
    let start = pos + 1
    if let known = keys.predicted(at: start, after: previousKey) {
      keys.taken()
      key = (known.text, known.hash)
      pos = known.end + 1
    } else {
      key = try string()
      // Read without escapes (an escape makes the text shorter than its bytes): learnt.
      let count = pos - 1 - start
      if key.text.utf8.count == count {
        keys.learn(key.text, hash: key.hash, start: start, count: count, after: previousKey)
      }
    }
    previousKey = key.hash
    skipWhitespace()
    guard byte == UInt8(ascii: ":") else {
      throw error("expected ':' after the object key \"\(key.text)\", found \(found)")
    }
    pos += 1
    return key
  }

  /// A string, number or literal name.
  mutating func scalar() throws(JSONError) -> JSONValue {
    switch byte {
    case UInt8(ascii: "\""): return .string(try string().text)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "N"):
      try literal("NaN")
      return .double(.nan)
    case UInt8(ascii: "I"):
      try literal("Infinity")
      return .double(.infinity)
    default: throw error("expected a JSON value, found \(found)")
    }
  }

  /// Inlined, so that the word's bytes are constants.
  @inline(__always)
  mutating func literal(_ word: StaticString) throws(JSONError) {
    let count = word.utf8CodeUnitCount
    var matches = bytes.count - pos >= count
    var k = 0
    while matches && k < count {
      matches = bytes[pos + k] == word.utf8Start[k]
      k += 1
    }
    guard matches else { throw error("invalid literal: expected '\(word)'", at: pos) }
    pos += count
  }
}
