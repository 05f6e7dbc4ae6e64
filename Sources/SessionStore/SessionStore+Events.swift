import Foundation
import GRDB

/// A session's events and their changes. Each change checks the version the caller loaded, so a
/// process never writes over what another appended: on `.stale` it reloads and tries again.
extension SessionStore {
  /// The session's live events, in order, and its version.
  public func snapshot(_ id: Int64) throws(StoreError) -> SessionSnapshot? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: "SELECT s.id, s.name, s.createdAt, s.usedAt, s.version, s.summary, "
            + "(SELECT COUNT(*) FROM event e WHERE e.sessionID = s.id AND e.live = 1) AS eventCount "
            + "FROM session s WHERE s.id = ?", arguments: [id])
      else { return nil }
      return SessionSnapshot(session: try Self.info(row), events: try Self.liveEvents(db, id))
    }
  }

  /// The session's version: cheap, read before every statement to notice another process.
  public func version(_ id: Int64) throws(StoreError) -> Int {
    try read { db in
      try Int.fetchOne(db, sql: "SELECT version FROM session WHERE id = ?", arguments: [id]) ?? 0
    }
  }

  static func liveEvents(_ db: Database, _ id: Int64) throws -> [StoredEvent] {
    try Row.fetchAll(
      db,
      sql: "SELECT id, kind, source, config, assumeIdentity FROM event "
        + "WHERE sessionID = ? AND live = 1 ORDER BY orderKey, id", arguments: [id]
    ).map { row in
      let identity: String = try row.value("assumeIdentity", in: "event")
      let kind: String = try row.value("kind", in: "event")
      return StoredEvent(
        id: try row.value("id", in: "event"), kind: StoredEvent.Kind(rawValue: kind) ?? .statement,
        source: try row.value("source", in: "event"), config: try row.value("config", in: "event"),
        assumeIdentity: identity.split(separator: "\n").map(String.init))
    }
  }

  /// Appends an accepted event: the one writer path. Returns `.stale` (writing nothing) when the
  /// session is no longer at `expectedVersion`; when committed, `event.id` is its row id.
  /// `summary` (what the session ends with now) is recorded in the same transaction.
  public func append(
    _ event: inout StoredEvent, to id: Int64, expectedVersion: Int, summary: String? = nil
  ) throws(StoreError) -> ChangeResult {
    var eventID: Int64 = 0
    let result = try change(id, expectedVersion) { [event] db in
      if let summary {
        try db.cachedStatement(sql: "UPDATE session SET summary = ? WHERE id = ?").execute(
          arguments: [summary, id])
      }
      let key =
        try Int.fetchOne(
          db.cachedStatement(
            sql: "SELECT COALESCE(MAX(orderKey), 0) + 1 FROM event WHERE sessionID = ?"),
          arguments: [id]) ?? 1
      eventID = try Self.insert(event, session: id, orderKey: key, db)
      try Self.log(db, id, "append", eventID, nil)
    }
    if case .committed = result { event.id = eventID }
    return result
  }

  /// Appends without asking for the new id.
  public func append(_ event: StoredEvent, to id: Int64, expectedVersion: Int)
    throws(StoreError) -> ChangeResult
  {
    var copy = event
    return try append(&copy, to: id, expectedVersion: expectedVersion)
  }

  /// Removes the live event at 1-based `position`.
  public func drop(_ position: Int, from id: Int64, expectedVersion: Int)
    throws(StoreError) -> ChangeResult
  {
    try change(id, expectedVersion) { db in
      let eventID = try Self.eventID(db, id, at: position)
      try db.cachedStatement(sql: "UPDATE event SET live = 0 WHERE id = ?").execute(arguments: [
        eventID
      ])
      try Self.log(db, id, "drop", eventID, nil)
    }
  }

  /// Replaces the live event at 1-based `position` by `event`, keeping its place.
  public func edit(_ position: Int, of id: Int64, to event: StoredEvent, expectedVersion: Int)
    throws(StoreError) -> ChangeResult
  {
    try change(id, expectedVersion) { db in
      let old = try Self.eventID(db, id, at: position)
      let key =
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT orderKey FROM event WHERE id = ?"), arguments: [old])
        ?? 0
      try db.cachedStatement(sql: "UPDATE event SET live = 0 WHERE id = ?").execute(arguments: [old]
      )
      let new = try Self.insert(event, session: id, orderKey: key, db)
      try Self.log(db, id, "edit", new, old)
    }
  }

  /// Reverses the latest change not undone (any depth; it survives a restart).
  public func undo(_ id: Int64, expectedVersion: Int) throws(StoreError) -> ChangeResult {
    try step(id, expectedVersion, undoing: true)
  }

  /// Re-applies the earliest undone change.
  public func redo(_ id: Int64, expectedVersion: Int) throws(StoreError) -> ChangeResult {
    try step(id, expectedVersion, undoing: false)
  }

  /// How many changes `undo` and `redo` can step over.
  public func undoDepth(_ id: Int64) throws(StoreError) -> (undo: Int, redo: Int) {
    try read { db in
      let undo =
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT COUNT(*) FROM change WHERE sessionID = ? AND undone = 0"),
          arguments: [id]) ?? 0
      let redo =
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT COUNT(*) FROM change WHERE sessionID = ? AND undone = 1"),
          arguments: [id]) ?? 0
      return (undo, redo)
    }
  }

  private func step(_ id: Int64, _ expected: Int, undoing: Bool) throws(StoreError)
    -> ChangeResult
  {
    try write { db in
      guard try Self.currentVersion(db, id) == expected else { return .stale }
      let sql =
        undoing
        ? "SELECT id, kind, eventID, previousID FROM change WHERE sessionID = ? AND undone = 0 "
          + "ORDER BY id DESC LIMIT 1"
        : "SELECT id, kind, eventID, previousID FROM change WHERE sessionID = ? AND undone = 1 "
          + "ORDER BY id ASC LIMIT 1"
      guard let row = try Row.fetchOne(db, sql: sql, arguments: [id]) else { return .nothingToDo }
      let kind: String = try row.value("kind", in: "change")
      let eventID: Int64 = try row.value("eventID", in: "change")
      let previousID: Int64? = try row.value("previousID", in: "change")
      let changeID: Int64 = try row.value("id", in: "change")
      // append: the event is live when done; drop: dead when done; edit: new live, old dead.
      let eventLiveWhenDone = kind != "drop"
      let live = undoing ? !eventLiveWhenDone : eventLiveWhenDone
      try db.cachedStatement(sql: "UPDATE event SET live = ? WHERE id = ?").execute(arguments: [
        live ? 1 : 0, eventID,
      ])
      if let previousID {
        try db.cachedStatement(sql: "UPDATE event SET live = ? WHERE id = ?").execute(arguments: [
          undoing ? 1 : 0, previousID,
        ])
      }
      try db.execute(
        sql: "UPDATE change SET undone = ? WHERE id = ?",
        arguments: [undoing ? 1 : 0, changeID])
      return .committed(version: try Self.bump(db, id))
    }
  }

  /// One change: checks the version, drops the redo stack, runs `body`, bumps the version.
  private func change(_ id: Int64, _ expected: Int, _ body: (Database) throws -> Void)
    throws(StoreError) -> ChangeResult
  {
    try write { db in
      guard try Self.currentVersion(db, id) == expected else { return .stale }
      // A new change forgets what could be redone, and the events only it reached.
      try db.cachedStatement(
        sql: """
          DELETE FROM event WHERE id IN (
            SELECT eventID FROM change WHERE sessionID = ? AND undone = 1 AND kind != 'drop')
          """
      ).execute(arguments: [id])
      try db.cachedStatement(sql: "DELETE FROM change WHERE sessionID = ? AND undone = 1").execute(
        arguments: [id])
      try body(db)
      return .committed(version: try Self.bump(db, id))
    }
  }

  private static func currentVersion(_ db: Database, _ id: Int64) throws -> Int {
    guard
      let v = try Int.fetchOne(
        db.cachedStatement(sql: "SELECT version FROM session WHERE id = ?"), arguments: [id])
    else { throw StoreError.failed(path: db.description, detail: "session \(id) is gone") }
    return v
  }

  private static func bump(_ db: Database, _ id: Int64) throws -> Int {
    try db.cachedStatement(sql: "UPDATE session SET version = version + 1, usedAt = ? WHERE id = ?")
      .execute(arguments: [now, id])
    return try currentVersion(db, id)
  }

  private static func insert(_ event: StoredEvent, session: Int64, orderKey: Int, _ db: Database)
    throws -> Int64
  {
    try db.cachedStatement(
      sql: """
        INSERT INTO event (sessionID, orderKey, live, kind, source, config, assumeIdentity, createdAt)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      session, orderKey, event.kind.rawValue, event.source, event.config,
      event.assumeIdentity.joined(separator: "\n"), now,
    ])
    return db.lastInsertedRowID
  }

  private static func log(
    _ db: Database, _ id: Int64, _ kind: String, _ event: Int64, _ previous: Int64?
  )
    throws
  {
    try db.cachedStatement(
      sql: "INSERT INTO change (sessionID, kind, eventID, previousID) VALUES (?, ?, ?, ?)"
    ).execute(arguments: [id, kind, event, previous])
  }

  private static func eventID(_ db: Database, _ id: Int64, at position: Int) throws -> Int64 {
    let count =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM event WHERE sessionID = ? AND live = 1", arguments: [id])
      ?? 0
    guard position >= 1, position <= count,
      let eventID = try Int64.fetchOne(
        db,
        sql: "SELECT id FROM event WHERE sessionID = ? AND live = 1 ORDER BY orderKey, id "
          + "LIMIT 1 OFFSET ?", arguments: [id, position - 1])
    else { throw StoreError.noSuchStatement(position, count: count) }
    return eventID
  }
}
