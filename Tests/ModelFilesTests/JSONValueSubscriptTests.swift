import KerasJSON
import Testing

/// `value[key]` is the last member of that key, found by comparing lengths before texts where
/// equal keys have equal lengths: the same answer as comparing every key's text (Swift's
/// canonical equivalence included), on keys of equal and other lengths, repeated keys, non-ASCII
/// keys, texts equivalent to ASCII ones of other lengths, and non-objects.
@Suite struct JSONValueSubscriptTests {
  static let keys = [
    "", "a", "b", "ab", "é", "name", "nams", "Name", "dtype", "config", "module", "class_name",
    "registered_name", "a_very_long_key_of_more_than_15_bytes",
    "a_very_long_key_of_more_than_15_bytez",
    // Canonically equivalent to other texts: Swift's == finds them, of other lengths.
    "e\u{301}", "\u{212A}eras", "Keras", ";", "\u{37E}", "`", "\u{1FEF}",
  ]

  @Test func lastMemberOfTheKey() {
    var members: [JSONMember] = []
    for (i, k) in Self.keys.enumerated() { members.append(JSONMember(k, .int(i))) }
    // Repeats: the last one counts.
    members.append(JSONMember("name", .string("again")))
    members.append(JSONMember("é", .null))
    let object = JSONValue.object(members)
    for key in Self.keys + ["missing", "nam", "namee", "registered_namf", "K", "\u{212A}"] {
      #expect(object[key] == members.last(where: { $0.key == key })?.value, "\(key)")
    }
    #expect(JSONValue.array([.object(members)])["name"] == nil)
    #expect(JSONValue.string("name")["name"] == nil)
  }
}
