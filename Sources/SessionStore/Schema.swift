import GRDB

/// The store's schema, versioned by migrations from the first release on: a new version adds a
/// migration here and never edits an old one.
enum Schema {
  /// Every migration, oldest first.
  static let migrations = ["v1", "v2", "v3", "v4"]

  /// Indexes kept beside the migrations (`SessionStore.ensureIndexes`), by name: the sessions
  /// by last use, for a start's hint (`lastUsed`) without sorting every session.
  static let readIndexes = [
    (
      "session_used",
      "CREATE INDEX IF NOT EXISTS session_used ON session(usedAt, id) WHERE deletedAt IS NULL"
    )
  ]

  /// The migrator up to and including `last` (tests build older stores with it).
  static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      // Sessions, soft-deleted by `deletedAt` (a deleted name can be reused).
      try db.execute(
        sql: """
          CREATE TABLE session (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            createdAt REAL NOT NULL,
            usedAt REAL NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            deletedAt REAL
          );
          CREATE UNIQUE INDEX session_live_name ON session(name) WHERE deletedAt IS NULL;
          -- Every event ever accepted; the session is its live events by orderKey. An edit
          -- inserts an event with the edited one's orderKey; drop and undo only flip live.
          CREATE TABLE event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sessionID INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            orderKey INTEGER NOT NULL,
            live INTEGER NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            config TEXT,
            assumeIdentity TEXT NOT NULL DEFAULT '',
            createdAt REAL NOT NULL
          );
          CREATE INDEX event_session ON event(sessionID, live, orderKey);
          -- The undo log: append, drop, edit; undone ones are the redo stack.
          CREATE TABLE change (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sessionID INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            eventID INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            previousID INTEGER REFERENCES event(id) ON DELETE CASCADE,
            undone INTEGER NOT NULL DEFAULT 0
          );
          CREATE INDEX change_session ON change(sessionID, undone, id);
          """)
    }
    guard last != "v1" else { return migrator }
    migrator.registerMigration("v2") { db in
      // Every line typed, in every session: up-arrow and Ctrl-R across runs.
      try db.execute(
        sql: """
          CREATE TABLE line (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sessionID INTEGER REFERENCES session(id) ON DELETE SET NULL,
            text TEXT NOT NULL,
            at REAL NOT NULL
          );
          """)
    }
    guard last != "v2" else { return migrator }
    migrator.registerMigration("v3") { db in
      // What `sessions` shows for each session without replaying it: the last tensor.
      try db.execute(sql: "ALTER TABLE session ADD COLUMN summary TEXT")
    }
    guard last != "v3" else { return migrator }
    migrator.registerMigration("v4") { db in
      // The next orderKey of a session (every append asks) without reading its events.
      try db.execute(sql: "CREATE INDEX event_order ON event(sessionID, orderKey)")
    }
    return migrator
  }
}
