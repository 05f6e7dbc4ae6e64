/// One central-directory record: the name, flags (encryption), sizes and where the local header
/// is, so the entry's bytes can be read with bounds. Every number is as untrusted as the file.
struct ZipRecord {
  var name: [UInt8]
  var flags: UInt16
  var method: UInt16
  var crc32: UInt32
  var compressedSize: UInt64
  var uncompressedSize: UInt64
  var localHeaderOffset: UInt64
  /// A symbolic link (Unix mode in the external attributes), whose data is a path.
  var isSymlink = false

  var isEncrypted: Bool { flags & 1 != 0 }
}

/// Little-endian fields of a byte array, nil past the end.
extension [UInt8] {
  func u16(_ i: Int) -> UInt16? {
    guard i >= 0, i + 2 <= count else { return nil }
    return UInt16(self[i]) | UInt16(self[i + 1]) << 8
  }

  func u32(_ i: Int) -> UInt32? {
    guard let lo = u16(i), let hi = u16(i + 2) else { return nil }
    return UInt32(lo) | UInt32(hi) << 16
  }

  func u64(_ i: Int) -> UInt64? {
    guard let lo = u32(i), let hi = u32(i + 4) else { return nil }
    return UInt64(lo) | UInt64(hi) << 32
  }

  /// The last offset where `signature` starts.
  func lastIndex(ofSignature signature: UInt32) -> Int? {
    var i = count - 4
    while i >= 0 {
      if u32(i) == signature { return i }
      i -= 1
    }
    return nil
  }
}

/// A minimal reader of the zip central directory: the end record (ZIP64 included) and the
/// records, each bounded by the file's size. kshape reads archives with this rather than with
/// ZIPFoundation's `Archive`, whose iteration traps on hostile sizes (a ZIP64 entry with a data
/// descriptor and a size near 2^64 overflows its offset arithmetic; docs/fuzzing.md).
enum ZipDirectory {
  static let endSignature: UInt32 = 0x0605_4B50
  static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  static let zip64EndSignature: UInt32 = 0x0606_4B50
  static let recordSignature: UInt32 = 0x0201_4B50
  static let localSignature: UInt32 = 0x0403_4B50

  /// The central directory's offset, size and entry count, from the end of the file; nil when
  /// there is no end record in the last 64 KiB (a truncated or damaged archive).
  static func locate(in file: OpenFile, size: UInt64) -> (
    offset: UInt64, size: UInt64, count: UInt64
  )? {
    let tailLength = min(size, 22 + 65_535)
    guard let tail = file.read(at: size - tailLength, count: Int(tailLength)),
      let end = tail.lastIndex(ofSignature: endSignature),
      var count = tail.u16(end + 10).map(UInt64.init),
      var cdSize = tail.u32(end + 12).map(UInt64.init),
      var cdOffset = tail.u32(end + 16).map(UInt64.init)
    else { return nil }
    if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
      // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
      let endInFile = size - tailLength + UInt64(end)
      guard endInFile >= 20, let locator = file.read(at: endInFile - 20, count: 20),
        locator.u32(0) == zip64LocatorSignature, let recordAt = locator.u64(8),
        let record = file.read(at: recordAt, count: 56), record.u32(0) == zip64EndSignature,
        let count64 = record.u64(32), let size64 = record.u64(40), let offset64 = record.u64(48)
      else { return nil }
      (count, cdSize, cdOffset) = (count64, size64, offset64)
    }
    guard cdOffset <= size, cdSize <= size - cdOffset else { return nil }
    return (cdOffset, cdSize, count)
  }

  /// The directory's records in order, at most `maxEntries` of them, from at most `maxBytes` of
  /// directory; reading stops at the first record that is damaged or runs past the directory.
  static func records(
    in file: OpenFile, directory: (offset: UInt64, size: UInt64, count: UInt64),
    maxEntries: Int, maxBytes: Int
  ) -> [ZipRecord] {
    let length = Int(min(directory.size, UInt64(max(0, maxBytes))))
    guard let cd = file.read(at: directory.offset, count: length) else { return [] }
    var records: [ZipRecord] = []
    var i = 0
    while records.count < maxEntries, UInt64(records.count) < directory.count,
      cd.u32(i) == recordSignature, let madeBy = cd.u16(i + 4),
      let flags = cd.u16(i + 8), let method = cd.u16(i + 10), let crc = cd.u32(i + 16),
      let csize = cd.u32(i + 20), let usize = cd.u32(i + 24), let nameLength = cd.u16(i + 28),
      let extraLength = cd.u16(i + 30), let commentLength = cd.u16(i + 32),
      let attributes = cd.u32(i + 38), let offset = cd.u32(i + 42)
    {
      let nameStart = i + 46
      let extraStart = nameStart + Int(nameLength)
      let next = extraStart + Int(extraLength) + Int(commentLength)
      guard next <= cd.count else { break }
      var record = ZipRecord(
        name: Array(cd[nameStart..<extraStart]), flags: flags, method: method, crc32: crc,
        compressedSize: UInt64(csize), uncompressedSize: UInt64(usize),
        localHeaderOffset: UInt64(offset),
        // Unix (3) keeps the file mode in the high half of the external attributes.
        isSymlink: madeBy >> 8 == 3 && (attributes >> 16) & 0o170000 == 0o120000)
      applyZip64(Array(cd[extraStart..<extraStart + Int(extraLength)]), to: &record)
      records.append(record)
      i = next
    }
    return records
  }

  /// Replaces the 0xFFFFFFFF fields by the ZIP64 extra field's values, in the spec's order.
  static func applyZip64(_ extra: [UInt8], to record: inout ZipRecord) {
    var i = 0
    while let id = extra.u16(i), let length = extra.u16(i + 2) {
      if id == 0x0001 {
        var at = i + 4
        if record.uncompressedSize == 0xFFFF_FFFF, let v = extra.u64(at) {
          record.uncompressedSize = v
          at += 8
        }
        if record.compressedSize == 0xFFFF_FFFF, let v = extra.u64(at) {
          record.compressedSize = v
          at += 8
        }
        if record.localHeaderOffset == 0xFFFF_FFFF, let v = extra.u64(at) {
          record.localHeaderOffset = v
        }
        return
      }
      i += 4 + Int(length)
    }
  }

  /// Where the entry's data starts: after its local header, whose name and extra lengths may
  /// differ from the central directory's.
  static func dataOffset(of record: ZipRecord, in file: OpenFile, size: UInt64) -> UInt64? {
    guard record.localHeaderOffset < size,
      let header = file.read(at: record.localHeaderOffset, count: 30),
      header.u32(0) == localSignature, let nameLength = header.u16(26),
      let extraLength = header.u16(28)
    else { return nil }
    return record.localHeaderOffset + 30 + UInt64(nameLength) + UInt64(extraLength)
  }
}
