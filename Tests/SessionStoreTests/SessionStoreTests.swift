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
