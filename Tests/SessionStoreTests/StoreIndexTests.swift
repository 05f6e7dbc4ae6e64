import Foundation
import GRDB
import Testing

@testable import SessionStore

/// The queries every start makes read an index, not every session: a store of 20,000 sessions
/// (a fuzz run's) took 25 ms to list them in order before a new session could be named.
@Suite struct StoreIndexTests {
  /// The plan of `sql` on a new connection to the store (a connection opened before the index
  /// was made plans an EXPLAIN with the schema it read then; a real query would be prepared
  /// again).
  func plan(_ path: String, _ sql: String, _ arguments: StatementArguments = [])
    throws -> String
  {
    try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
        .map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
    }
  }

  @Test func lastUsedAndAutoNameReadIndexes() throws {
    let scratch = TemporaryStore()
    let store = try scratch.open()
    for i in 0..<50 { _ = try store.createSession(named: "s\(i)") }
    let order = try plan(
      scratch.path,
      "SELECT s.id FROM session s WHERE s.deletedAt IS NULL ORDER BY s.usedAt DESC, s.id DESC")
    #expect(order.contains("USING INDEX session_used"), "\(order)")
    #expect(!order.contains("TEMP B-TREE"), "\(order)")
    let names = try plan(
      scratch.path, "SELECT name FROM session WHERE name >= ? AND name < ? AND deletedAt IS NULL",
      ["2026-12-06-", "2026-12-06."])
    #expect(names.contains("SEARCH session USING INDEX session_live_name"), "\(names)")
  }

  /// A store made before the index (or by an older kshape) gets it when opened, and no new
  /// migration is recorded: an older kshape still opens the store.
  @Test func anOlderStoreGainsTheIndexWithoutANewMigration() throws {
    let tmp = TemporaryStore()
    let dbq = try DatabaseQueue(path: tmp.path)
    try Schema.migrator().migrate(dbq)
    let before = try dbq.read { db in try Schema.migrator().appliedIdentifiers(db) }
    let hadIndex = try dbq.read { db in
      try db.indexes(on: "session").contains { $0.name == "session_used" }
    }
    #expect(!hadIndex)
    try dbq.close()
    let store = try tmp.open()
    let (hasIndex, after, superseded) = try store.writer.read { db in
      (
        try db.indexes(on: "session").contains { $0.name == "session_used" },
        try Schema.migrator().appliedIdentifiers(db), try Schema.migrator().hasBeenSuperseded(db)
      )
    }
    #expect(hasIndex)
    #expect(after == before)
    #expect(!superseded)
  }

  /// Today's automatic names: the next free number, whatever else is named around them (names
  /// just below and above the day's range, another day, a deleted one).
  @Test func automaticNamesCountOnlyTodaysLiveOnes() throws {
    let scratch = TemporaryStore()
    let store = try scratch.open()
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    let day = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 6)))
    for name in ["2026-12-06", "2026-12-06.1", "2026-12-05-1", "2026-12-06-x", "2026-12-06-2"] {
      _ = try store.createSession(named: name)
    }
    #expect(try store.createSession(now: day).name == "2026-12-06-1")
    #expect(try store.createSession(now: day).name == "2026-12-06-3")
    let third = try #require(try store.session(named: "2026-12-06-3"))
    try store.writer.write { db in
      try db.execute(sql: "UPDATE session SET deletedAt = 1 WHERE id = ?", arguments: [third.id])
    }
    #expect(try store.createSession(now: day).name == "2026-12-06-3")
    #expect(try store.createSession(now: day).name == "2026-12-06-4")
  }
}
