import Foundation
import GRDB
import Testing

@testable import SessionStore

/// `lastUsed` (every start's hint, and `--resume`) is the most recently used session with a
/// live statement, else the most recently used one: the same answer as ordering every session,
/// without reading them all.
@Suite struct LastUsedTests {
  @Test func theMostRecentSessionWithStatementsElseTheMostRecent() throws {
    let scratch = TemporaryStore()
    let store = try scratch.open()
    #expect(try store.lastUsed() == nil)
    var generator = SystemRandomNumberGenerator()
    for round in 0..<6 {
      // Sessions used in a shuffled order, some with statements, some undone to none.
      for i in 0..<40 {
        let s = try store.createSession(named: "r\(round)-s\(i)")
        if Bool.random(using: &generator) {
          guard
            case .committed = try store.append(.statement("x = \(i)"), to: s.id, expectedVersion: 0)
          else { throw StoreError.failed(path: "", detail: "append") }
        }
      }
      try store.writer.write { db in
        try db.execute(
          sql: "UPDATE session SET usedAt = abs(random() % 1000)")
      }
      let all = try store.sessions()
      let expected = all.first { $0.eventCount > 0 } ?? all.first
      #expect(try store.lastUsed()?.id == expected?.id)
    }
    // None with statements: the most recent one.
    let empty = TemporaryStore()
    let other = try empty.open()
    _ = try other.createSession(named: "b")
    _ = try other.createSession(named: "a")
    try other.writer.write { db in
      try db.execute(sql: "UPDATE session SET usedAt = CASE name WHEN 'b' THEN 9 ELSE 5 END")
    }
    #expect(try other.lastUsed()?.name == "b")
  }
}
