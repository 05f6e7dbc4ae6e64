import Foundation
import GRDB
import SessionStore

/// Session stores with damaged rows: a store kshape made (sessions with statements, an imported
/// model, drops, edits, undone changes, line history, a deleted session), then one to four SQL
/// changes a hand, another program or a bad disk could make. SQLite keeps any value in any
/// column, so a change puts a value of any type (integer edges, reals, text, blobs that are not
/// UTF-8, NULL where allowed, 100 KB of text) in any column, deletes a row, or adds undo history
/// that points anywhere. A change SQLite refuses (a NOT NULL, a unique name) is skipped.
struct StoreMutator {
  var rng: Random
  /// The store file kshape made, as bytes.
  let base: [UInt8]

  static let columns: [String: [String]] = [
    "session": ["id", "name", "createdAt", "usedAt", "version", "deletedAt", "summary"],
    "event": [
      "id", "sessionID", "orderKey", "live", "kind", "source", "config", "assumeIdentity",
      "createdAt",
    ],
    "change": ["id", "sessionID", "kind", "eventID", "previousID", "undone"],
    "line": ["id", "sessionID", "text", "at"],
  ]

  static let values = [
    "NULL", "0", "1", "-1", "2", "9223372036854775807", "-9223372036854775808", "1e308", "-1e308",
    "0.5", "''", "'x'", "'statement'", "'import'", "'append'", "'drop'", "'edit'", "X''",
    "X'FF80'", "X'00'", "printf('%.*c', 100000, 'a')", "'Dense('", "'for i in range(3):'",
    "'x = Input((None,))'", "'{\"class_name\": \"Functional\"'", "'MyLayer\nOther'",
    "(SELECT MAX(id) FROM event)", "(SELECT MIN(id) - 1 FROM event)",
    "(SELECT MAX(id) FROM session)",
  ]

  /// Makes the base store at `url` (removed first) and keeps its bytes.
  init(rng: Random, at url: URL) throws {
    self.rng = rng
    try? FileManager.default.removeItem(at: url)
    Self.removeJournal(of: url.path)
    do {
      let store = try SessionStore(path: url.path)
      let s = try store.createSession(named: "fuzz")
      var version = 0
      func step(_ result: ChangeResult) {
        if case .committed(let v) = result { version = v }
      }
      for source in [
        "x = Input((8, 8, 3))", "Conv2D(4, 3)", "Flatten()", "Dense(2)",
        "for i in range(2):\n    Dense(3)",
      ] {
        step(try store.append(.statement(source), to: s.id, expectedVersion: version))
      }
      let config =
        "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": "
        + "[{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 4]}}, "
        + "{\"class_name\": \"Dense\", \"config\": {\"units\": 2}}]}}"
      step(
        try store.append(
          StoredEvent(kind: .importedModel, source: "import m.json", config: config),
          to: s.id, expectedVersion: version))
      step(try store.drop(3, from: s.id, expectedVersion: version))
      step(try store.edit(2, of: s.id, to: .statement("Conv2D(8, 3)"), expectedVersion: version))
      step(try store.undo(s.id, expectedVersion: version))
      for line in ["x = Input((8, 8, 3))", "undo", "apply 32x32"] {
        try store.recordLine(line, session: s.id)
      }
      let other = try store.createSession(named: "other")
      _ = try store.append(.statement("y = Input((4,))"), to: other.id, expectedVersion: 0)
      let gone = try store.createSession(named: "gone")
      _ = try store.append(.statement("Dense(1)"), to: gone.id, expectedVersion: 0)
      try store.delete(gone.id)
    }
    base = Array(try Data(contentsOf: url))
  }

  /// Removes a store's write-ahead log and shared memory files, which SQLite would otherwise
  /// read with a store written over them.
  static func removeJournal(of path: String) {
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  /// One damaging change, as SQL.
  mutating func change() -> String {
    let table = rng.pick(Array(Self.columns.keys).sorted())
    let column = rng.pick(Self.columns[table] ?? ["id"])
    let row = rng.chance(0.2) ? "" : " WHERE id = \(rng.below(8))"
    switch rng.below(10) {
    case 0: return "DELETE FROM \(table)\(row)"
    case 1:
      return "INSERT INTO change (sessionID, kind, eventID, previousID, undone) VALUES "
        + "(\(rng.below(4)), \(rng.pick(Self.values)), \(rng.pick(Self.values)), "
        + "\(rng.pick(Self.values)), \(rng.below(3)))"
    case 2:
      return "INSERT INTO event (sessionID, orderKey, live, kind, source, config, createdAt) "
        + "SELECT sessionID, \(rng.pick(Self.values)), 1, kind, source, config, createdAt "
        + "FROM event\(row)"
    default: return "UPDATE \(table) SET \(column) = \(rng.pick(Self.values))\(row)"
    }
  }

  /// Writes the base store with one to four changes to `url`; returns the changes.
  mutating func damage(into url: URL) -> [String] {
    Self.removeJournal(of: url.path)
    FileManager.default.createFile(atPath: url.path, contents: Data(base))
    let changes = (0...rng.below(4)).map { _ in change() }
    do {
      let db = try DatabaseQueue(path: url.path)
      try db.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        for sql in changes { try? db.execute(sql: sql) }
      }
      try db.close()
    } catch {}
    return changes
  }

  /// What kshape does with a store: list, resume, step the history, edit, copy, compact.
  static func exercise(_ path: String) -> String {
    let store: SessionStore
    do {
      store = try SessionStore(path: path, busyTimeout: 0.1)
    } catch {
      return "refused at open"
    }
    _ = try? store.lastUsed()
    _ = try? store.recentLines()
    _ = try? store.session(named: "fuzz")
    _ = try? store.restore(named: "gone")
    guard let sessions = try? store.sessions() else { return "refused at listing" }
    for info in sessions {
      _ = try? store.snapshot(info.id)
      _ = try? store.undoDepth(info.id)
      let version = (try? store.version(info.id)) ?? 0
      _ = try? store.undo(info.id, expectedVersion: version)
      _ = try? store.redo(info.id, expectedVersion: (try? store.version(info.id)) ?? 0)
      _ = try? store.drop(1, from: info.id, expectedVersion: (try? store.version(info.id)) ?? 0)
      _ = try? store.edit(
        1, of: info.id, to: .statement("Dense(5)"),
        expectedVersion: (try? store.version(info.id)) ?? 0)
      _ = try? store.copy(info.id, to: "copy-\(info.id)")
      _ = try? store.snapshot(info.id)
    }
    try? store.compact()
    return "listed \(min(sessions.count, 3))"
  }
}
