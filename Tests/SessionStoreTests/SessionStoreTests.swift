import Foundation
import GRDB
import Testing

@testable import SessionStore

/// A store in a fresh temporary folder, removed at the end.
final class TemporaryStore {
  let folder: URL
  var path: String { folder.appendingPathComponent("store.sqlite").path }
  init() {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-store-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }
  func open() throws -> SessionStore { try SessionStore(path: path) }
  deinit {
    chmod(folder.path, 0o755)
    try? FileManager.default.removeItem(at: folder)
  }
}

@Suite struct SessionStoreTests {
  /// Appends statements and returns the session's version.
  @discardableResult
  func append(_ sources: [String], to s: SessionInfo, in store: SessionStore) throws -> Int {
    var version = try store.version(s.id)
    for source in sources {
      guard
        case .committed(let v) = try store.append(
          .statement(source), to: s.id, expectedVersion: version)
      else { throw StoreError.failed(path: "", detail: "append of \(source) not committed") }
      version = v
    }
    return version
  }

  func sources(_ store: SessionStore, _ s: SessionInfo) throws -> [String] {
    try store.snapshot(s.id)?.events.map(\.source) ?? []
  }

  @Test func appendedEventsSurviveReopening() throws {
    let tmp = TemporaryStore()
    do {
      let store = try tmp.open()
      let s = try store.createSession(named: "demo")
      try append(["x = Input((None, 16))", "Dense(8)"], to: s, in: store)
      var imported = StoredEvent(
        kind: .importedModel, source: "import m.json", config: "{\"class_name\": \"Functional\"}",
        assumeIdentity: ["MyLayer", "Other"])
      let v = try store.version(s.id)
      #expect(
        try store.append(&imported, to: s.id, expectedVersion: v) == .committed(version: v + 1))
      #expect(imported.id > 0)
    }
    let store = try tmp.open()
    let s = try #require(try store.session(named: "demo"))
    let events = try #require(try store.snapshot(s.id)).events
    #expect(events.map(\.source) == ["x = Input((None, 16))", "Dense(8)", "import m.json"])
    #expect(events[2].kind == .importedModel)
    #expect(events[2].config == "{\"class_name\": \"Functional\"}")
    #expect(events[2].assumeIdentity == ["MyLayer", "Other"])
    #expect(s.eventCount == 3)
  }

  @Test func undoRedoDropEditAtAnyDepth() throws {
    let tmp = TemporaryStore()
    let store = try tmp.open()
    let s = try store.createSession(named: "a")
    var v = try append(["i", "a", "b", "c"], to: s, in: store)
    guard case .committed(let v1) = try store.drop(2, from: s.id, expectedVersion: v) else {
      Issue.record("drop")
      return
    }
    #expect(try sources(store, s) == ["i", "b", "c"])
    guard
      case .committed(let v2) = try store.edit(
        3, of: s.id, to: .statement("C"), expectedVersion: v1)
    else {
      Issue.record("edit")
      return
    }
    #expect(try sources(store, s) == ["i", "b", "C"])
    v = v2
    // Undo all four appends' worth and the drop and the edit: any depth.
    var undone = 0
    while case .committed(let next) = try store.undo(s.id, expectedVersion: v) {
      v = next
      undone += 1
    }
    #expect(undone == 6)
    #expect(try sources(store, s) == [])
    #expect(try store.undo(s.id, expectedVersion: v) == .nothingToDo)
    // Redo survives reopening the store.
    let reopened = try tmp.open()
    for _ in 0..<5 {
      guard case .committed(let next) = try reopened.redo(s.id, expectedVersion: v) else {
        Issue.record("redo")
        return
      }
      v = next
    }
    #expect(try sources(reopened, s) == ["i", "b", "c"])
    #expect(try reopened.undoDepth(s.id) == (undo: 5, redo: 1))
    // A new change forgets the redo stack.
    v = try append(["d"], to: s, in: reopened)
    #expect(try reopened.redo(s.id, expectedVersion: v) == .nothingToDo)
    #expect(try sources(reopened, s) == ["i", "b", "c", "d"])
  }

  @Test func aStaleVersionWritesNothing() throws {
    let tmp = TemporaryStore()
    let first = try tmp.open()
    let second = try tmp.open()
    let s = try first.createSession(named: "shared")
    let v = try append(["i"], to: s, in: first)
    #expect(
      try second.append(.statement("a"), to: s.id, expectedVersion: v) == .committed(version: v + 1)
    )
    // The first process still believes version v: refused, nothing overwritten.
    #expect(try first.append(.statement("b"), to: s.id, expectedVersion: v) == .stale)
    #expect(try first.drop(1, from: s.id, expectedVersion: v) == .stale)
    #expect(try first.undo(s.id, expectedVersion: v) == .stale)
    #expect(try sources(first, s) == ["i", "a"])
  }

  @Test func sessionsAreNamedListedCopiedAndSoftDeleted() throws {
    let tmp = TemporaryStore()
    let store = try tmp.open()
    let day = Date(timeIntervalSince1970: 1_800_000_000)
    let a = try store.createSession(now: day)
    let b = try store.createSession(now: day)
    #expect(a.name.hasSuffix("-1"))
    #expect(b.name.hasSuffix("-2"))
    #expect(throws: StoreError.nameTaken(a.name)) { try store.createSession(named: a.name) }
    #expect(throws: StoreError.self) { try store.createSession(named: "two words") }
    #expect(throws: StoreError.self) { try store.createSession(named: "") }
    try append(["i", "d"], to: a, in: store)
    let c = try store.copy(a.id, to: "fork")
    #expect(c.eventCount == 2)
    try append(["e"], to: c, in: store)
    #expect(try sources(store, a) == ["i", "d"])
    try store.rename(a.id, to: "main")
    #expect(try store.session(named: "main")?.id == a.id)
    try store.delete(a.id)
    #expect(try store.session(named: "main") == nil)
    #expect(try store.sessions().map(\.name).sorted() == [b.name, "fork"].sorted())
    // The name is free again, and the deleted one comes back only once it is free.
    let other = try store.createSession(named: "main")
    #expect(throws: StoreError.nameTaken("main")) { try store.restore(named: "main") }
    #expect(try store.discardIfEmpty(other.id))
    let back = try #require(try store.restore(named: "main"))
    #expect(back.id == a.id)
    #expect(back.eventCount == 2)
    #expect(try store.restore(named: "nothing") == nil)
    // --resume prefers a session with statements.
    #expect(try store.lastUsed()?.eventCount ?? 0 > 0)
    #expect(try store.discardIfEmpty(b.id))
    #expect(try !store.discardIfEmpty(a.id))
  }

  @Test func twoStoresOpeningOneNewNameGetOneSession() throws {
    let tmp = TemporaryStore()
    let first = try tmp.open()
    let second = try tmp.open()
    let a = try first.openOrCreateSession(named: "class")
    let b = try second.openOrCreateSession(named: "class")
    #expect(a.created)
    #expect(!b.created)
    #expect(a.session.id == b.session.id)
    #expect(throws: StoreError.self) { try first.openOrCreateSession(named: "no spaces") }
  }

  @Test func lineHistoryKeepsTheLatestLinesAndSkipsSpaceLines() throws {
    let tmp = TemporaryStore()
    let store = try tmp.open()
    store.historyLimit = 150
    for i in 0..<300 { try store.recordLine("line \(i)", session: nil) }
    try store.recordLine(" secret", session: nil)
    try store.recordLine("   ", session: nil)
    let lines = try tmp.open().recentLines(limit: 1000)
    #expect(lines.last == "line 299")
    #expect(!lines.contains(" secret"))
    #expect(lines.count <= 250)
    #expect(lines.count >= 150)
    #expect(try store.recentLines(limit: 3) == ["line 297", "line 298", "line 299"])
  }

  @Test func storeLocationFollowsOptionThenEnvironment() {
    #expect(StoreLocation.path(option: "/x/s.db", environment: ["KSHAPE_HOME": "/k"]) == "/x/s.db")
    #expect(
      StoreLocation.path(option: nil, environment: ["KSHAPE_HOME": "/k"]) == "/k/store.sqlite")
    #expect(
      StoreLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
        == "/d/kshape/store.sqlite")
    #expect(
      StoreLocation.path(option: nil, environment: ["HOME": "/h"])
        == "/h/.local/share/kshape/store.sqlite")
  }
}

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
