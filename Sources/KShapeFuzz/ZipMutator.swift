/// `.keras` archives, broken at the zip level: written by a small writer with the features
/// hostile files use (ZIP64 extras, data descriptors, lying sizes, several entries), then one
/// header field set to an edge value, or bytes flipped.
struct ZipMutator {
  var rng: Random

  struct Entry {
    var name: [UInt8]
    var data: [UInt8]
    var flags: UInt16 = 0
    var zip64 = false
  }

  /// An archive of `config` (as config.json) and a few other entries, then damaged.
  mutating func archive(config: [UInt8]) -> [UInt8] {
    var entries = [Entry(name: Array("config.json".utf8), data: config)]
    if rng.chance(0.5) {
      entries.insert(Entry(name: Array("metadata.json".utf8), data: Array("{}".utf8)), at: 0)
    }
    if rng.chance(0.3) {
      entries.append(Entry(name: Array("model.weights.h5".utf8), data: [0x89, 0x48, 0x44, 0x46]))
    }
    if rng.chance(0.1) { entries.append(entries[entries.count - 1]) }
    for i in entries.indices {
      if rng.chance(0.2) { entries[i].flags |= 0x08 }
      if rng.chance(0.2) { entries[i].zip64 = true }
    }
    let archive = Self.write(entries)
    // Some archives stay whole, so the config inside reaches the evaluator.
    return rng.chance(0.6) ? damage(archive) : archive
  }

  /// One field of one header set to an edge value, or a few bytes flipped, or a cut.
  mutating func damage(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    for _ in 0..<(1 + rng.below(3)) {
      guard !bytes.isEmpty else { return bytes }
      switch rng.below(5) {
      case 0, 1, 2:
        let headers = Self.signatures(in: bytes)
        guard let at = headers.isEmpty ? nil : rng.pick(headers) else { continue }
        let offset = at + rng.below(min(46, bytes.count - at))
        let width = rng.pick([2, 4, 8])
        let value: UInt64 = rng.pick([
          0, 1, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF, 0x7FFF_FFFF_FFFF_FFFF, 1 << 31,
          UInt64(bytes.count), UInt64(rng.below(bytes.count + 64)), rng.next(),
        ])
        for k in 0..<width where offset + k < bytes.count {
          bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))
        }
      case 3:
        bytes[rng.below(bytes.count)] ^= UInt8(1 << rng.below(8))
      default:
        bytes.removeLast(rng.below(bytes.count))
      }
    }
    return bytes
  }

  /// Where zip records start (local, central, end, ZIP64 end and locator).
  static func signatures(in bytes: [UInt8]) -> [Int] {
    var found: [Int] = []
    var i = 0
    while i + 4 <= bytes.count {
      if bytes[i] == 0x50, bytes[i + 1] == 0x4B, [1, 3, 5, 6].contains(bytes[i + 2]) {
        found.append(i)
      }
      i += 1
    }
    return found
  }

  /// A stored (uncompressed) zip of `entries`, ZIP64 extras and descriptors as flagged.
  static func write(_ entries: [Entry]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for entry in entries {
      let offset = out.count
      let crc = crc32(entry.data)
      let size = UInt32(entry.data.count)
      let extra: [UInt8] =
        entry.zip64 ? le16(1) + le16(16) + le64(UInt64(size)) + le64(UInt64(size)) : []
      let shownSize: UInt32 = entry.zip64 ? 0xFFFF_FFFF : size
      let descriptor = entry.flags & 0x08 != 0
      out += le32(0x0403_4B50) + le16(45) + le16(entry.flags) + le16(0) + le16(0) + le16(0)
      out += le32(descriptor ? 0 : crc) + le32(descriptor ? 0 : shownSize)
      out += le32(descriptor ? 0 : shownSize) + le16(UInt16(entry.name.count))
      out += le16(UInt16(extra.count)) + entry.name + extra + entry.data
      if descriptor {
        out += le32(0x0807_4B50) + le32(crc)
        out += entry.zip64 ? le64(UInt64(size)) + le64(UInt64(size)) : le32(size) + le32(size)
      }
      central += le32(0x0201_4B50) + le16(0x031E) + le16(45) + le16(entry.flags) + le16(0)
      central += le16(0) + le16(0) + le32(crc) + le32(shownSize) + le32(shownSize)
      central += le16(UInt16(entry.name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0)
      central += le16(0) + le32(0o100644 << 16) + le32(UInt32(offset)) + entry.name + extra
    }
    let start = out.count
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count))
    out += le16(UInt16(entries.count)) + le32(UInt32(central.count)) + le32(UInt32(start))
    out += le16(0)
    return out
  }

  static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
  static func le64(_ v: UInt64) -> [UInt8] {
    le32(UInt32(v & 0xFFFF_FFFF)) + le32(UInt32(v >> 32))
  }

  static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
