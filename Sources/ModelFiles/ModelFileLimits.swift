/// The bounds on what reading one model file may cost. Every limit is checked before or while
/// reading, never after, so a hostile file costs at most these amounts of memory and time.
public struct ModelFileLimits: Sendable, Hashable {
  /// Largest JSON file read (default 64 MiB; the config of a large Keras application model is
  /// a few MB).
  public var maxJSONFileBytes: Int
  /// Largest `config.json` inflated from an archive, whatever size the archive declares
  /// (default 64 MiB). Inflating stops as soon as the output passes it (zip bombs).
  public var maxConfigBytes: Int
  /// Most entries listed in an archive (default 10,000; a Keras file has three).
  public var maxArchiveEntries: Int
  /// Deepest nesting of lists and objects in the JSON (default 256).
  public var maxJSONDepth: Int
  /// Most JSON values (numbers, strings, lists, objects; default 1,000,000, at most about 50 MB
  /// in memory): bytes alone do not bound memory, as `0,` is 2 bytes of text and 24 in memory.
  public var maxJSONValues: Int

  public init(
    maxJSONFileBytes: Int = 64 << 20, maxConfigBytes: Int = 64 << 20,
    maxArchiveEntries: Int = 10_000, maxJSONDepth: Int = 256,
    maxJSONValues: Int = 1_000_000
  ) {
    self.maxJSONFileBytes = maxJSONFileBytes
    self.maxConfigBytes = maxConfigBytes
    self.maxArchiveEntries = maxArchiveEntries
    self.maxJSONDepth = maxJSONDepth
    self.maxJSONValues = maxJSONValues
  }

  /// 64 MiB of JSON, 64 MiB inflated config.json, 10,000 archive entries, depth 256, 1,000,000
  /// JSON values.
  public static let `default` = ModelFileLimits()
}

/// "64 MiB", "1.5 KiB", "17 bytes": sizes in messages.
func byteCount(_ n: some BinaryInteger) -> String {
  let value = Double(n)
  if value < 1024 { return "\(n) bytes" }
  for (unit, size) in [("GiB", 1024.0 * 1024 * 1024), ("MiB", 1024.0 * 1024), ("KiB", 1024.0)]
  where value >= size {
    let scaled = (value / size * 10).rounded() / 10
    let text = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    return text + " " + unit
  }
  return "\(n) bytes"
}
