import GRDB

/// Line history: every line typed, in every session, for up-arrow and Ctrl-R across runs.
extension SessionStore {
  /// Records a typed line. Blank lines and lines starting with a space are not recorded (the
  /// shell's habit for a line to keep out of history); the oldest lines beyond `historyLimit`
  /// are pruned.
  public func recordLine(_ line: String, session: Int64?) throws(StoreError) {
    guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix(" ") else { return }
    let limit = historyLimit
    try write { db in
      try db.execute(
        sql: "INSERT INTO line (sessionID, text, at) VALUES (?, ?, ?)",
        arguments: [session, line, Self.now])
      let id = db.lastInsertedRowID
      // Cheap: only every 100th insert prunes.
      if id % 100 == 0 {
        try db.execute(sql: "DELETE FROM line WHERE id <= ?", arguments: [id - Int64(limit)])
      }
    }
  }

  /// The latest `limit` lines, oldest first (a line stored as anything but text is skipped).
  public func recentLines(limit: Int? = nil) throws(StoreError) -> [String] {
    let n = max(0, limit ?? historyLimit)
    return try read { db in
      try String.fetchAll(
        db,
        sql: "SELECT text FROM (SELECT id, text FROM line ORDER BY id DESC LIMIT ?) "
          + "WHERE typeof(text) = 'text' ORDER BY id",
        arguments: [n])
    }
  }
}
