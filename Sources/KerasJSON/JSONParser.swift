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
/// - The number of values is limited (`maxValues`): a value costs about 45 bytes in memory
///   however short its text (`0,` is two bytes), so the file's size alone does not bound memory.
public enum JSONParser {
  /// The default limit on nested lists and objects.
  public static let defaultMaxDepth = 256
  /// The default limit on values (each number, string, literal, list and object counts one):
  /// 1,000,000, about 45 MB in memory; the largest Keras application config has about 70,000.
  public static let defaultMaxValues = 1_000_000
  /// The longest number literal accepted (Python refuses integers of more than 4300 digits).
  public static let maxNumberLength = 4300

  /// Parses one JSON value that fills `bytes` (surrounding whitespace allowed).
  public static func parse(
    _ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth,
    maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    var reader = JSONReader(bytes: Array(bytes), maxDepth: maxDepth, maxValues: maxValues)
    return try reader.document()
  }

  /// Parses one JSON value from text.
  public static func parse(
    _ text: String, maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues
  ) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8), maxDepth: maxDepth, maxValues: maxValues)
  }
}

/// An open object while its members are read: the members so far, where each key is, and the
/// key whose value is being read.
private struct OpenObject {
  var members: [JSONMember] = []
  var index: [String: Int] = [:]
  var key: String

  mutating func add(_ value: JSONValue) {
    if let i = index[key] {
      members[i].value = value
    } else {
      index[key] = members.count
      members.append(JSONMember(key, value))
    }
  }
}

/// The cursor and the explicit stack of open containers.
struct JSONReader {
  let bytes: [UInt8]
  let maxDepth: Int
  let maxValues: Int
  var pos = 0
  var values = 0

  init(bytes: [UInt8], maxDepth: Int, maxValues: Int = JSONParser.defaultMaxValues) {
    self.bytes = bytes
    self.maxDepth = maxDepth
    self.maxValues = maxValues
  }

  var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

  func error(_ message: String, at offset: Int? = nil) -> JSONError {
    JSONError.at(offset ?? pos, in: bytes, message)
  }

  /// What stands at the cursor, for messages: "'x'" or "end of input".
  var found: String { peek.map { $0.jsonDisplay } ?? "end of input" }

  mutating func skipWhitespace() {
    while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 }
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
  /// open containers live on explicit stacks (mutated in place, so appending stays O(1)).
  mutating func value() throws(JSONError) -> JSONValue {
    var isArray: [Bool] = []
    var arrays: [[JSONValue]] = []
    var objects: [OpenObject] = []
    var current: JSONValue
    while true {
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
      switch peek {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        let opensArray = peek == UInt8(ascii: "[")
        if isArray.count >= maxDepth {
          throw error("nesting deeper than \(maxDepth) levels of lists and objects")
        }
        pos += 1
        skipWhitespace()
        if opensArray {
          if peek == UInt8(ascii: "]") {
            pos += 1
            current = .array([])
          } else {
            isArray.append(true)
            arrays.append([])
            continue
          }
        } else if peek == UInt8(ascii: "}") {
          pos += 1
          current = .object([])
        } else {
          let key = try memberKey(after: "'{'")
          isArray.append(false)
          objects.append(OpenObject(key: key))
          continue
        }
      default:
        current = try scalar()
      }
      // Hand the finished value to the open containers, closing those that end here.
      closing: while let inArray = isArray.last {
        skipWhitespace()
        if inArray {
          arrays[arrays.count - 1].append(current)
          if peek == UInt8(ascii: ",") {
            pos += 1
            break closing
          } else if peek == UInt8(ascii: "]") {
            pos += 1
            isArray.removeLast()
            current = .array(arrays.removeLast())
          } else {
            throw error("expected ',' or ']' after a list element, found \(found)")
          }
        } else {
          objects[objects.count - 1].add(current)
          if peek == UInt8(ascii: ",") {
            pos += 1
            objects[objects.count - 1].key = try memberKey(after: "','")
            break closing
          } else if peek == UInt8(ascii: "}") {
            pos += 1
            isArray.removeLast()
            current = .object(objects.removeLast().members)
          } else {
            throw error("expected ',' or '}' after an object member, found \(found)")
          }
        }
      }
      if isArray.isEmpty { return current }
    }
  }

  /// member-key = ws string ws ':'
  mutating func memberKey(after what: String) throws(JSONError) -> String {
    skipWhitespace()
    guard peek == UInt8(ascii: "\"") else {
      throw error("expected a string key after \(what) in an object, found \(found)")
    }
    let key = try string()
    skipWhitespace()
    guard peek == UInt8(ascii: ":") else {
      throw error("expected ':' after the object key \"\(key)\", found \(found)")
    }
    pos += 1
    return key
  }

  /// A string, number or literal name.
  mutating func scalar() throws(JSONError) -> JSONValue {
    guard let b = peek else { throw error("expected a JSON value, found end of input") }
    switch b {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
    case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
    default: throw error("expected a JSON value, found \(found)")
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONError) -> JSONValue {
    let start = pos
    for expected in word.utf8 {
      guard peek == expected else {
        throw error("invalid literal: expected '\(word)'", at: start)
      }
      pos += 1
    }
    return value
  }
}
