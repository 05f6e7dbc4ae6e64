import Foundation
import GRDB
import Testing

@testable import SessionStore

/// Stores that cannot be used: each refused with a message naming the file, nothing damaged.
@Suite struct StoreFaultTests {
  @Test func aCorruptFileIsNamedAndLeftUntouched() throws {
    let tmp = TemporaryStore()
    let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    try garbage.write(to: URL(fileURLWithPath: tmp.path))
    do {
      _ = try tmp.open()
      Issue.record("a corrupt store opened")
    } catch let error as StoreError {
      guard case .corrupt(let path, _) = error else {
        Issue.record("expected .corrupt, got \(error)")
        return
      }
      #expect(path == tmp.path)
      #expect(error.message.contains(tmp.path))
    } catch {
      Issue.record("not a StoreError: \(error)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: tmp.path)) == garbage)
  }

  /// A value of the wrong type in a column, as a store edited by hand or by another program
  /// holds one (SQLite keeps any value in any column): the SQL that writes it, and what the
  /// error must name. Each stopped the process in GRDB's row subscript before.
  static let wrongValues: [(sql: String, names: String)] = [
    (
      "UPDATE event SET source = X'80FF00C3' WHERE orderKey = 2", "event 2: its source holds a blob"
    ),
    ("UPDATE event SET config = X'FF00' WHERE orderKey = 1", "event 1: its config holds a blob"),
    ("UPDATE event SET assumeIdentity = X'FFFF' WHERE orderKey = 2", "its assumeIdentity"),
    ("UPDATE change SET previousID = 'p' WHERE id = 2", "change 2: its previousID holds text"),
    ("UPDATE session SET version = 'v'", "session 1: its version holds text"),
    ("UPDATE session SET version = 9223372036854775807.0 * 4", "its version holds the number"),
    ("UPDATE session SET usedAt = 'never'", "session 1: its usedAt holds text"),
    ("UPDATE session SET name = X'FF'", "session 1: its name holds a blob"),
    ("UPDATE session SET summary = X'00FF'", "its summary holds a blob"),
  ]

  @Test(arguments: 0..<wrongValues.count)
  func aValueOfTheWrongTypeIsNamedNotATrap(_ index: Int) throws {
    let (sql, names) = Self.wrongValues[index]
    let tmp = TemporaryStore()
    let id: Int64
    do {
      let store = try tmp.open()
      let s = try store.createSession(named: "x")
      _ = try store.append(.statement("x = Input((4,))"), to: s.id, expectedVersion: 0)
      _ = try store.append(.statement("Dense(2)"), to: s.id, expectedVersion: 1)
      id = s.id
    }
    let dbq = try DatabaseQueue(path: tmp.path)
    try dbq.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; " + sql) }
    try dbq.close()
    let store = try tmp.open()
    // Reading the session (a resume), listing the sessions, and stepping its history back.
    let reads: [(String, () throws -> Void)] = [
      ("snapshot", { _ = try store.snapshot(id) }),
      ("sessions", { _ = try store.sessions() }),
      ("undo", { _ = try store.undo(id, expectedVersion: try store.version(id)) }),
    ]
    var refused = 0
    for (what, read) in reads {
      do {
        try read()
      } catch let error as StoreError {
        guard case .corrupt(let path, let detail) = error else {
          Issue.record("\(what): expected .corrupt, got \(error)")
          continue
        }
        refused += 1
        #expect(path == tmp.path)
        #expect(detail.contains(names), "\(what): \(detail)")
      }
    }
    // The snapshot reads every column but those of the undo history.
    #expect(refused >= 1)
  }

  @Test func aTruncatedStoreIsRefused() throws {
    let tmp = TemporaryStore()
    do {
      let store = try tmp.open()
      let s = try store.createSession(named: "x")
      _ = try store.append(.statement("i"), to: s.id, expectedVersion: 0)
    }
    // Checkpointed into the main file, then cut in the middle of a page.
    let dbq = try DatabaseQueue(path: tmp.path)
    try dbq.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    try dbq.close()
    let data = try Data(contentsOf: URL(fileURLWithPath: tmp.path))
    var damaged = data
    damaged.replaceSubrange(100..<min(data.count, 4096 + 512), with: Data(count: 4096 + 412))
    try damaged.write(to: URL(fileURLWithPath: tmp.path))
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: tmp.path + suffix)
    }
    #expect(throws: StoreError.self) {
      let store = try tmp.open()
      _ = try store.sessions()
    }
  }

  @Test func aNewerSchemaIsRefusedAndNotMigrated() throws {
    let tmp = TemporaryStore()
    _ = try tmp.open()
    let dbq = try DatabaseQueue(path: tmp.path)
    try dbq.write {
      try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
    }
    try dbq.close()
    #expect(throws: StoreError.newerSchema(path: tmp.path, unknown: ["v99"])) { try tmp.open() }
    #expect(StoreError.newerSchema(path: tmp.path, unknown: ["v99"]).message.contains(tmp.path))
  }

  @Test func anOlderSchemaIsMigratedKeepingItsSessions() throws {
    let tmp = TemporaryStore()
    // A v1 store, as the first release wrote it (no line history table).
    let dbq = try DatabaseQueue(path: tmp.path)
    try Schema.migrator(upTo: "v1").migrate(dbq)
    try dbq.write { db in
      try db.execute(
        sql: "INSERT INTO session (name, createdAt, usedAt, version) VALUES ('old', 0, 0, 1)")
      try db.execute(
        sql: "INSERT INTO event (sessionID, orderKey, live, kind, source, createdAt) "
          + "VALUES (1, 1, 1, 'statement', 'x = Input((3,))', 0)")
    }
    try dbq.close()
    let store = try tmp.open()
    let s = try #require(try store.session(named: "old"))
    #expect(try store.snapshot(s.id)?.events.map(\.source) == ["x = Input((3,))"])
    try store.recordLine("Dense(3)", session: s.id)
    #expect(try store.recentLines() == ["Dense(3)"])
    #expect(
      try store.append(.statement("Dense(3)"), to: s.id, expectedVersion: 1)
        == .committed(version: 2))
  }

  @Test func aReadOnlyFolderIsNamed() throws {
    // /proc is read-only even for root; a chmod 555 folder is too, for other users.
    let tmp = TemporaryStore()
    chmod(tmp.folder.path, 0o555)
    var paths = ["/proc/kshape-\(getpid())/store.sqlite"]
    if getuid() != 0 { paths.append(tmp.folder.appendingPathComponent("sub/store.sqlite").path) }
    for path in paths {
      do {
        _ = try SessionStore(path: path)
        Issue.record("opened a store in a read-only folder: \(path)")
      } catch {
        guard case .readOnly = error else {
          Issue.record("expected .readOnly, got \(error)")
          continue
        }
        #expect(error.message.contains(path))
      }
    }
  }

  @Test func aReadOnlyFileCannotBeWrittenAndSaysSo() throws {
    let tmp = TemporaryStore()
    do {
      let store = try tmp.open()
      _ = try store.createSession(named: "x")
    }
    let dbq = try DatabaseQueue(path: tmp.path)
    try dbq.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode=DELETE") }
    try dbq.close()
    // A read-only file (root ignores permissions, so use SQLite's own read-only open).
    var config = Configuration()
    config.readonly = true
    let ro = try DatabaseQueue(path: tmp.path, configuration: config)
    do {
      try ro.write {
        try $0.execute(sql: "INSERT INTO session (name, createdAt, usedAt) VALUES ('y', 0, 0)")
      }
      Issue.record("wrote to a read-only store")
    } catch {
      let e = SessionStore.storeError(error, path: tmp.path)
      guard case .readOnly = e else {
        Issue.record("expected .readOnly, got \(e)")
        return
      }
      #expect(e.message.contains(tmp.path))
    }
  }

  @Test func aLockedStoreTimesOutWithAMessage() throws {
    let tmp = TemporaryStore()
    _ = try tmp.open()
    let holder = try DatabaseQueue(path: tmp.path)
    let short = try SessionStore(path: tmp.path, busyTimeout: 0.2)
    try holder.inDatabase { db in
      try db.execute(sql: "BEGIN EXCLUSIVE")
      let started = Date()
      #expect(throws: StoreError.locked(path: tmp.path)) { try short.createSession(named: "z") }
      #expect(Date().timeIntervalSince(started) < 5)
      try db.execute(sql: "ROLLBACK")
    }
    #expect(try short.createSession(named: "z").name == "z")
  }
}
