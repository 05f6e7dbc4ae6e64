import Foundation
import GRDB

/// The session store: sessions, their accepted events, undo/redo and line history in one SQLite
/// file (WAL, so several kshape processes share it). Every method commits before it returns.
public final class SessionStore: @unchecked Sendable {
  /// The database file, for messages (`:memory:` for a store kept in memory).
  public let path: String
  let writer: any DatabaseWriter
  /// Lines kept in the line history; older ones are pruned.
  public var historyLimit = 10_000

  /// Opens (creating it and its folder if needed) the store at `path` and migrates it.
  public init(path: String, busyTimeout: TimeInterval = 5) throws(StoreError) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw .readOnly(path: path, detail: "cannot create the folder \(folder)")
      }
    }
    var config = Configuration()
    config.busyMode = .timeout(busyTimeout)
    config.foreignKeysEnabled = true
    // WAL with synchronous NORMAL: a commit survives the process being killed (the OS holds
    // the write); only a power cut can lose the latest commits. FULL would fsync every statement.
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    writer = try Self.openPool(path: path, configuration: config, patience: busyTimeout)
    try migrate()
    ensureIndexes()
  }

  /// Several kshape processes may open a store that does not exist yet at the same moment (a
  /// class starting one session): setting up its WAL journal can find the file locked by
  /// another process doing the same, without SQLite's busy wait. It is tried again, a few
  /// milliseconds apart, for as long as the busy timeout.
  private static func openPool(
    path: String, configuration: Configuration, patience: TimeInterval
  ) throws(StoreError) -> DatabasePool {
    let deadline = Date().addingTimeInterval(patience)
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch {
        let failure = Self.storeError(error, path: path)
        guard case .locked = failure, Date() < deadline else { throw failure }
        usleep(5_000)
      }
    }
  }

  /// A store in memory: what the REPL uses when the file cannot be written.
  public init() throws(StoreError) {
    path = ":memory:"
    do {
      writer = try DatabaseQueue()
    } catch {
      throw Self.storeError(error, path: ":memory:")
    }
    try migrate()
  }

  /// Indexes that only make reads faster, made when missing (a store from before them, or one
  /// an older kshape made). They are not migrations: an index changes nothing a query returns,
  /// and a migration would make an older kshape refuse the store (`newerSchema`); SQLite keeps
  /// them up to date whichever kshape writes. A store that cannot be written goes without.
  private func ensureIndexes() {
    for (name, sql) in Schema.readIndexes {
      let exists = try? writer.read { db in
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)",
          arguments: [name])
      }
      if exists == .some(true) { continue }
      _ = try? writer.write { db in try db.execute(sql: sql) }
    }
  }

  private func migrate() throws(StoreError) {
    let migrator = Schema.migrator()
    let superseded: Bool
    let applied: Set<String>
    do {
      (superseded, applied) = try writer.read { db in
        (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
      }
    } catch {
      throw Self.storeError(error, path: path)
    }
    if superseded {
      let known = Set(Schema.migrations)
      throw .newerSchema(path: path, unknown: Array(applied.subtracting(known)))
    }
    // GRDB reads which migrations are pending once, then runs each in a transaction of its
    // own: another process opening the store at the same time may apply one in between, and
    // running it again fails ("duplicate column name"). Each migration is atomic, so when the
    // applied ones changed meanwhile, what is left is run again.
    var before = applied
    for attempt in 0... {
      do {
        try migrator.migrate(writer)
        return
      } catch {
        let now = try? writer.read { db in try migrator.appliedIdentifiers(db) }
        guard attempt < 2 * Schema.migrations.count, let now, now != before else {
          throw Self.storeError(error, path: path)
        }
        before = now
      }
    }
  }

  /// Runs `body` in one write transaction; a SQLite failure becomes a `StoreError`.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.write(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw Self.storeError(error, path: path)
    }
  }

  /// What a SQLite failure means for the user, naming the file.
  static func storeError(_ error: any Error, path: String) -> StoreError {
    if let e = error as? StoreError { return e }
    if let damaged = error as? DamagedValue { return .corrupt(path: path, detail: damaged.detail) }
    if error is RowDecodingError {
      // A fetched value of another type than asked for (`Row.value` names most): GRDB's
      // description, without the row and the SQL that follow it (the row may hold megabytes).
      let text = "\(error)"
      let cut = text.range(of: ", row: ").map { String(text[..<$0.lowerBound]) } ?? text
      return .corrupt(path: path, detail: cut)
    }
    guard let db = error as? DatabaseError else {
      return .failed(path: path, detail: "\(error)")
    }
    let detail = db.message ?? "\(db.resultCode)"
    switch db.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, detail: detail)
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
      return .readOnly(path: path, detail: detail)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
    case .SQLITE_FULL: return .full(path: path)
    default: return .failed(path: path, detail: detail)
    }
  }

  static var now: Double { Date().timeIntervalSince1970 }
}
