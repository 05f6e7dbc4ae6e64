import Foundation
import ZIPFoundation

/// Reads `config.json` out of a `.keras` archive, in memory, within the limits.
///
/// The central directory is read by `ZipDirectory`, the entry's bytes with positioned reads, and
/// only inflating and the CRC use ZIPFoundation (`Data.decompress` from memory, `crc32`).
/// ZIPFoundation's `Archive` is not used: its iteration traps on hostile sizes (a ZIP64 entry
/// with a data descriptor), `Archive.extract(_:consumer:)` does not check the CRC, trusts the
/// declared sizes of stored entries, and on Linux loops forever when a deflate stream runs into
/// the end of the file.
enum KerasArchive {
  static let configName = "config.json"
  /// Most bytes of central directory read (a Keras file's is a few hundred bytes).
  static let maxDirectoryBytes = 16 << 20

  static func readConfig(
    _ file: OpenFile, path: String, limits: ModelFileLimits
  ) throws(ModelFileError) -> [UInt8] {
    func fail(_ kind: ModelFileError.Kind, _ message: String, entry: Bool = false)
      -> ModelFileError
    {
      ModelFileError(path: path, kind: kind, message: message, entry: entry ? configName : nil)
    }
    let size = file.size
    guard let directory = ZipDirectory.locate(in: file, size: size) else {
      throw fail(
        .badArchive,
        "the zip archive is truncated or damaged: no end-of-central-directory record at its end"
          + " (was the file cut short?)")
    }
    guard directory.count <= UInt64(limits.maxArchiveEntries) else {
      throw fail(
        .tooLarge,
        "the zip archive declares \(directory.count) entries; the limit is"
          + " \(limits.maxArchiveEntries) (a Keras file has three)")
    }
    let records = ZipDirectory.records(
      in: file, directory: directory, maxEntries: limits.maxArchiveEntries,
      maxBytes: maxDirectoryBytes)
    let wanted = Array(configName.utf8)
    let matches = records.filter { $0.name == wanted }
    guard let record = matches.first else {
      if records.isEmpty {
        throw fail(
          .badArchive,
          directory.count == 0
            ? "the zip archive has no entries"
            : "the zip archive's central directory is damaged (no readable entry)")
      }
      var listed = records.prefix(8).map { String(decoding: $0.name, as: UTF8.self) }
        .joined(separator: ", ")
      if records.count > 8 { listed += ", ... (\(records.count) in all)" }
      throw fail(.badArchive, "the zip archive has no config.json (entries: \(listed))")
    }
    if matches.count > 1 {
      throw fail(.badArchive, "the zip archive has \(matches.count) entries named config.json")
    }
    if record.isSymlink {
      throw fail(.badArchive, "config.json is a symbolic link, not a file", entry: true)
    }
    if record.isEncrypted {
      throw fail(.badArchive, "config.json is encrypted", entry: true)
    }
    guard record.method == 0 || record.method == 8 else {
      throw fail(
        .badArchive,
        "config.json uses compression method \(record.method) (only stored (0) and deflate (8)"
          + " are supported)", entry: true)
    }
    guard record.uncompressedSize <= UInt64(limits.maxConfigBytes) else {
      throw fail(
        .tooLarge,
        "config.json declares \(byteCount(record.uncompressedSize)) uncompressed; the limit is"
          + " \(byteCount(limits.maxConfigBytes))", entry: true)
    }
    // Deflate can grow incompressible data by a few bytes per 16 KiB block.
    let maxCompressed = record.uncompressedSize + record.uncompressedSize / 1000 + 1024
    guard record.compressedSize <= maxCompressed else {
      throw fail(
        .badArchive,
        "config.json declares \(record.compressedSize) compressed bytes for"
          + " \(record.uncompressedSize) uncompressed: the sizes are inconsistent", entry: true)
    }
    guard let start = ZipDirectory.dataOffset(of: record, in: file, size: size),
      start <= size, record.compressedSize <= size - start
    else {
      throw fail(
        .badArchive,
        "config.json's data runs past the end of the file (truncated or damaged archive)",
        entry: true)
    }
    guard let compressed = file.read(at: start, count: Int(record.compressedSize)),
      compressed.count == Int(record.compressedSize)
    else { throw fail(.cannotOpen, "reading config.json failed", entry: true) }
    let bytes: [UInt8]
    if record.method == 0 {
      bytes = compressed
    } else {
      bytes = try inflate(compressed, declared: Int(record.uncompressedSize), path: path)
    }
    guard bytes.count == Int(record.uncompressedSize) else {
      throw fail(
        .badArchive,
        "config.json inflates to \(bytes.count) bytes but declares \(record.uncompressedSize)",
        entry: true)
    }
    let crc = Data(bytes).crc32(checksum: 0)
    guard crc == record.crc32 else {
      throw fail(
        .badArchive,
        "config.json fails its CRC-32 check (stored \(hex(record.crc32)), computed \(hex(crc))):"
          + " the archive is damaged", entry: true)
    }
    return bytes
  }

  /// Why inflating stopped early.
  private enum Stop: Error {
    case pastDeclared
    case ranOut
  }

  /// Inflates a raw deflate stream held in memory, stopping as soon as the output passes
  /// `declared` bytes (already within the limit), whatever the stream says.
  static func inflate(_ compressed: [UInt8], declared: Int, path: String)
    throws(ModelFileError) -> [UInt8]
  {
    var output: [UInt8] = []
    output.reserveCapacity(declared)
    var position = 0
    do {
      _ = try Data.decompress(
        size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: true,
        provider: { _, chunkSize in
          guard position < compressed.count else { throw Stop.ranOut }
          let end = min(position + chunkSize, compressed.count)
          var chunk = Data(compressed[position..<end])
          position = end
          // On Linux ZIPFoundation hands zlib the full buffer size whatever the chunk's length.
          if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
          return chunk
        },
        consumer: { data in
          guard output.count + data.count <= declared else { throw Stop.pastDeclared }
          output.append(contentsOf: data)
        })
    } catch Stop.pastDeclared {
      throw ModelFileError(
        path: path, kind: .tooLarge,
        message: "config.json inflates past its declared size of \(byteCount(declared))"
          + " (a zip bomb or a damaged archive)", entry: configName)
    } catch Stop.ranOut {
      throw ModelFileError(
        path: path, kind: .badArchive,
        message: "config.json's compressed data ends before its deflate stream does"
          + " (truncated or damaged archive)", entry: configName)
    } catch {
      throw ModelFileError(
        path: path, kind: .badArchive,
        message: "config.json's compressed data is corrupt (\(error))", entry: configName)
    }
    return output
  }

  static func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
  }
}
