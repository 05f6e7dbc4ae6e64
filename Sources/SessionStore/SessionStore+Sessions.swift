import Foundation
import GRDB

/// Sessions: list, find, create (auto-named by date and number), rename, copy, soft delete.
extension SessionStore {
  private static let sessionColumns = """
    s.id, s.name, s.createdAt, s.usedAt, s.version, s.summary,
    (SELECT COUNT(*) FROM event e WHERE e.sessionID = s.id AND e.live = 1) AS eventCount
    """

  static func info(_ row: Row) throws -> SessionInfo {
    SessionInfo(
      id: try row.value("id", in: "session"), name: try row.value("name", in: "session"),
      createdAt: Date(timeIntervalSince1970: try row.value("createdAt", in: "session")),
      usedAt: Date(timeIntervalSince1970: try row.value("usedAt", in: "session")),
      version: try row.value("version", in: "session"),
      eventCount: try row.value("eventCount", in: "session"),
      summary: try row.value("summary", in: "session"))
  }

  /// The sessions not deleted, the most recently used first.
  public func sessions() throws(StoreError) -> [SessionInfo] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT \(Self.sessionColumns) FROM session s WHERE s.deletedAt IS NULL "
          + "ORDER BY s.usedAt DESC, s.id DESC"
      ).map(Self.info)
    }
  }

  /// The session named `name`, or nil.
  public func session(named name: String) throws(StoreError) -> SessionInfo? {
    try read { db in try Self.session(db, named: name) }
  }

  static func session(_ db: Database, named name: String) throws -> SessionInfo? {
    try Row.fetchOne(
      db,
      sql: "SELECT \(sessionColumns) FROM session s WHERE s.name = ? AND s.deletedAt IS NULL",
      arguments: [name]
    ).map(info)
  }

  /// The session with row id `id` (deleted or not), or nil.
  public func session(id: Int64) throws(StoreError) -> SessionInfo? {
    try read { db in try Self.session(db, id: id) }
  }

  /// The session used last, preferring one with statements (a session opened and left empty
  /// is not what `--resume` means); nil when there is none.
  ///
  /// Every start without a session name asks (for its hint), so it reads the sessions' ids in
  /// that order and stops at the first with a live statement, instead of listing every session
  /// with its statements counted (a store of 20,000 sessions took 100 ms to start).
  public func lastUsed() throws(StoreError) -> SessionInfo? {
    try read { db in
      let ids = try Int64.fetchCursor(
        db,
        sql: "SELECT s.id FROM session s WHERE s.deletedAt IS NULL "
          + "ORDER BY s.usedAt DESC, s.id DESC")
      var first: Int64?
      while let id = try ids.next() {
        if first == nil { first = id }
        let live = try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE sessionID = ? AND live = 1)",
          arguments: [id])
        if live == true { return try Self.session(db, id: id) }
      }
      guard let first else { return nil }
      return try Self.session(db, id: first)
    }
  }

  static func session(_ db: Database, id: Int64) throws -> SessionInfo? {
    try Row.fetchOne(
      db, sql: "SELECT \(sessionColumns) FROM session s WHERE s.id = ?", arguments: [id]
    ).map(info)
  }

  /// Removes the session for good if it has no events and no undo history (an auto-named
  /// session left empty at exit); true when removed.
  @discardableResult
  public func discardIfEmpty(_ id: Int64) throws(StoreError) -> Bool {
    try write { db in
      let used =
        try Int.fetchOne(
          db,
          sql: "SELECT (SELECT COUNT(*) FROM event WHERE sessionID = ?) + "
            + "(SELECT COUNT(*) FROM change WHERE sessionID = ?)", arguments: [id, id]) ?? 1
      guard used == 0 else { return false }
      try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
      return true
    }
  }

  /// The session named `name`, created if there is none, in one transaction (two processes
  /// started on a new name at once both get the same session); `created` says which happened.
  public func openOrCreateSession(named name: String) throws(StoreError) -> (
    session: SessionInfo, created: Bool
  ) {
    try Self.validate(name)
    return try write { db in
      if let found = try Self.session(db, named: name) { return (found, false) }
      let t = Self.now
      try db.execute(
        sql: "INSERT INTO session (name, createdAt, usedAt) VALUES (?, ?, ?)",
        arguments: [name, t, t])
      let now = Date(timeIntervalSince1970: t)
      return (
        SessionInfo(
          id: db.lastInsertedRowID, name: name, createdAt: now, usedAt: now, version: 0,
          eventCount: 0), true
      )
    }
  }

  /// Creates a session named `name`, or `YYYY-MM-DD-N` (the next free N for today) when nil.
  public func createSession(named name: String? = nil, now: Date = Date())
    throws(StoreError) -> SessionInfo
  {
    if let name { try Self.validate(name) }
    return try write { db in
      let chosen = try name ?? Self.autoName(db, now: now)
      if try Self.session(db, named: chosen) != nil { throw StoreError.nameTaken(chosen) }
      let t = now.timeIntervalSince1970
      try db.execute(
        sql: "INSERT INTO session (name, createdAt, usedAt) VALUES (?, ?, ?)",
        arguments: [chosen, t, t])
      return SessionInfo(
        id: db.lastInsertedRowID, name: chosen, createdAt: now, usedAt: now, version: 0,
        eventCount: 0)
    }
  }

  private static func autoName(_ db: Database, now: Date) throws -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let c = calendar.dateComponents([.year, .month, .day], from: now)
    let day = String(
      format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    // The names that start with "DAY-": a range of the live names' index ('.' follows '-'),
    // not a LIKE, which reads every session.
    let names = try String.fetchAll(
      db,
      sql: "SELECT name FROM session WHERE name >= ? AND name < ? AND deletedAt IS NULL",
      arguments: [day + "-", day + "."])
    let used = Set(names.compactMap { Int($0.dropFirst(day.count + 1)) })
    var n = 1
    while used.contains(n) { n += 1 }
    return "\(day)-\(n)"
  }

  /// A name is one word of letters, digits, `-`, `_` and `.`, at most 100 characters.
  public static func checkName(_ name: String) throws(StoreError) { try validate(name) }

  static func validate(_ name: String) throws(StoreError) {
    guard !name.isEmpty else { throw .invalidName(name, reason: "it is empty") }
    guard name.count <= 100 else { throw .invalidName(name, reason: "it is over 100 characters") }
    let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    guard allowed else {
      throw .invalidName(name, reason: "use letters, digits, '-', '_' and '.'")
    }
  }

  /// Marks the session as used now (`--resume` opens the latest).
  public func touch(_ id: Int64) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE session SET usedAt = ? WHERE id = ?", arguments: [Self.now, id])
    }
  }

  /// Records what the session ends with now (shown by `sessions` without a replay).
  public func setSummary(_ id: Int64, _ summary: String?) throws(StoreError) {
    try write { db in
      try db.execute(sql: "UPDATE session SET summary = ? WHERE id = ?", arguments: [summary, id])
    }
  }

  public func rename(_ id: Int64, to name: String) throws(StoreError) {
    try Self.validate(name)
    try write { db in
      if let other = try Self.session(db, named: name), other.id != id {
        throw StoreError.nameTaken(name)
      }
      try db.execute(sql: "UPDATE session SET name = ? WHERE id = ?", arguments: [name, id])
    }
  }

  /// A new session `name` with the live events of `id` (a fork; its undo history starts empty).
  public func copy(_ id: Int64, to name: String) throws(StoreError) -> SessionInfo {
    try Self.validate(name)
    return try write { db in
      if try Self.session(db, named: name) != nil { throw StoreError.nameTaken(name) }
      let t = Self.now
      try db.execute(
        sql: "INSERT INTO session (name, createdAt, usedAt) VALUES (?, ?, ?)",
        arguments: [name, t, t])
      let newID = db.lastInsertedRowID
      try db.execute(
        sql: """
          INSERT INTO event (sessionID, orderKey, live, kind, source, config, assumeIdentity, createdAt)
          SELECT ?, orderKey, 1, kind, source, config, assumeIdentity, ?
          FROM event WHERE sessionID = ? AND live = 1 ORDER BY orderKey
          """, arguments: [newID, t, id])
      try db.execute(
        sql: "UPDATE session SET summary = (SELECT summary FROM session WHERE id = ?) WHERE id = ?",
        arguments: [id, newID])
      let count =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM event WHERE sessionID = ? AND live = 1",
          arguments: [newID]) ?? 0
      return SessionInfo(
        id: newID, name: name, createdAt: Date(timeIntervalSince1970: t),
        usedAt: Date(timeIntervalSince1970: t), version: 0, eventCount: count)
    }
  }

  /// Soft delete: the session leaves `sessions` and frees its name; `restore` brings it back
  /// until `compact` removes it.
  public func delete(_ id: Int64) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE session SET deletedAt = ? WHERE id = ?", arguments: [Self.now, id])
    }
  }

  /// True when a deleted session (not yet compacted) has this name.
  public func isDeleted(_ name: String) throws(StoreError) -> Bool {
    try read { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE name = ? AND deletedAt IS NOT NULL)",
        arguments: [name]) ?? false
    }
  }

  /// Brings back the session deleted last under `name`; nil when no deleted session has it.
  public func restore(named name: String) throws(StoreError) -> SessionInfo? {
    try write { db in
      if try Self.session(db, named: name) != nil { throw StoreError.nameTaken(name) }
      guard
        let id = try Int64.fetchOne(
          db,
          sql: "SELECT id FROM session WHERE name = ? AND deletedAt IS NOT NULL "
            + "ORDER BY deletedAt DESC LIMIT 1", arguments: [name])
      else { return nil }
      try db.execute(sql: "UPDATE session SET deletedAt = NULL WHERE id = ?", arguments: [id])
      return try Self.session(db, named: name)
    }
  }

  /// Removes deleted sessions for good, and the events no undo or redo can reach.
  public func compact() throws(StoreError) {
    try write { db in
      try db.execute(sql: "DELETE FROM session WHERE deletedAt IS NOT NULL")
    }
  }
}
