import Foundation
import SessionStore
import ShapeEngine

/// A session command's JSON record (docs/json-output.md, kind `session`).
struct SessionRecord: Encodable {
  var line: Int?
  var ok = true
  var kind = "session"
  var command: String
  /// The open session after the command.
  var session: String?
  var text = ""
  /// `history`: the statements, numbered from 1.
  var statements: [StatementJSON]?
  /// `sessions`: every session.
  var sessions: [SessionJSON]?
  /// `export script|markdown`, `run`: the file.
  var path: String?

  init(command: String, session: String?) {
    self.command = command
    self.session = session
  }

  static func encode(_ r: SessionRecord) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(r), let s = String(data: data, encoding: .utf8) else {
      return "{\"ok\": false, \"kind\": \"error\"}"
    }
    return s
  }
}

struct StatementJSON: Encodable {
  var number: Int
  var source: String
  /// Present when the statement fails now (after a drop or an edit before it).
  var error: String?
}

struct SessionJSON: Encodable {
  var name: String
  var statements: Int
  /// Seconds since 1970.
  var usedAt: Double
  /// The last tensor at the declared shapes (`(None, H-4, W-4, 3)`), absent when there is none.
  var output: String?
  enum CodingKeys: String, CodingKey {
    case name, statements, output
    case usedAt = "used_at"
  }
}

/// One row of `sessions`: the session replayed for its output at the declared shapes.
struct SessionListing {
  var info: SessionInfo
  var output: String?

  init(_ info: SessionInfo, store: SessionStore) {
    self.info = info
    output = info.summary
    // A session written before summaries were stored is replayed once for it.
    guard output == nil, info.eventCount > 0, let events = try? store.snapshot(info.id)?.events
    else { return }
    output = SessionLink.summary(SessionReplay(events).session.graph)
  }

  var json: SessionJSON {
    SessionJSON(
      name: info.name, statements: info.eventCount, usedAt: info.usedAt.timeIntervalSince1970,
      output: output)
  }

  /// The aligned table `sessions` prints; `*` marks the open session.
  static func table(_ rows: [SessionListing], current: String) -> [String] {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let cells = rows.map { r in
      [
        (r.info.name == current ? "* " : "  ") + r.info.name, String(r.info.eventCount),
        formatter.string(from: r.info.usedAt), r.output ?? "-",
      ]
    }
    let header = ["  session", "statements", "last used", "output"]
    let all = [header] + cells
    let widths = (0..<3).map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
      (0..<3).map { c in
        c == 1
          ? String(repeating: " ", count: widths[c] - row[c].count) + row[c]
          : row[c] + String(repeating: " ", count: widths[c] - row[c].count)
      }.joined(separator: "  ") + "  " + row[3]
    }
  }
}
