import Foundation
import LineEditor
import SessionStore
import ShapeEngine

/// Which session a run opens: `--session NAME`, `--resume`, or a new auto-named one.
public struct SessionChoice: Sendable {
  public var storePath: String
  public var name: String?
  public var resume: Bool
  /// How long to wait for another process's write before saying the store is locked.
  public var busyTimeout: Double
  public init(
    storePath: String, name: String? = nil, resume: Bool = false, busyTimeout: Double = 5
  ) {
    self.storePath = storePath
    self.name = name
    self.resume = resume
    self.busyTimeout = busyTimeout
  }
}

extension REPL {
  /// Opens the store and the chosen session and replays it. Returns what to tell the user: the
  /// session, how to resume the last one, a store that cannot be used (then the session is kept
  /// in memory), and statements that fail on replay.
  @discardableResult
  public func openSession(_ choice: SessionChoice) -> [String] {
    let notice: (String) -> Void = { [output] in output.err($0) }
    let store: SessionStore
    do {
      store = try SessionStore(path: choice.storePath, busyTimeout: choice.busyTimeout)
    } catch {
      _ = attachMemoryStore(name: choice.name)
      return [
        "kshape: \(error.message)", "kshape: this session is not being saved (kept in memory)",
      ]
    }
    var lines: [String] = []
    var autoNamed = false
    do {
      let info: SessionInfo
      if choice.resume {
        if let last = try store.lastUsed() {
          info = last
          lines.append("resumed session '\(last.name)': \(counted(last.eventCount))")
        } else {
          info = try store.createSession(named: choice.name)
          lines.append("no session to resume in \(store.path); new session '\(info.name)'")
        }
      } else if let name = choice.name {
        let (found, created) = try store.openOrCreateSession(named: name)
        info = found
        lines.append(
          created ? "new session '\(name)'" : "session '\(name)': \(counted(found.eventCount))")
      } else {
        let previous = try store.lastUsed()
        info = try store.createSession()
        autoNamed = true
        lines.append(
          "new session '\(info.name)'"
            + (previous.map {
              "; the last one was '\($0.name)' (\(counted($0.eventCount))): `open \($0.name)` "
                + "resumes it"
            } ?? ""))
      }
      let link = SessionLink(store: store, session: info, notice: notice)
      link.autoNamed = autoNamed
      self.link = link
      link.open(info, into: self)
      lines += link.failureLines()
    } catch {
      _ = attachMemoryStore(name: choice.name)
      lines += [
        "kshape: \(error.message)", "kshape: this session is not being saved (kept in memory)",
      ]
    }
    return lines
  }

  /// A store in memory: undo, edit and the session commands work; nothing is saved.
  @discardableResult
  func attachMemoryStore(name: String? = nil) -> SessionLink? {
    guard let store = try? SessionStore(),
      let info = (try? store.createSession(named: name)) ?? (try? store.createSession())
    else { return nil }
    let link = SessionLink(store: store, session: info) { [output] in output.err($0) }
    // The statements already accepted (a REPL used before a store was attached) are kept.
    var version = 0
    for source in session.statements {
      if case .committed(let v)? = try? store.append(
        .statement(source), to: info.id, expectedVersion: version)
      {
        version = v
      }
    }
    self.link = link
    link.open(info, into: self, replaying: false)
    return link
  }

  /// Line history from earlier runs, oldest first, to seed the line editor at start-up.
  public func storedHistory(limit: Int = 1000) -> [String] {
    guard let link, link.isSaved else { return [] }
    return (try? link.store.recentLines(limit: limit)) ?? []
  }

  /// A typed line joins the editor's history and the store's (unless it starts with a space).
  func remember(_ line: String, in reader: any LineReader) {
    guard !line.hasPrefix(" ") else { return }
    reader.addHistory(line)
    guard let link, link.isSaved else { return }
    _ = link.commit { try link.store.recordLine(line, session: link.info.id) }
  }

  /// At exit: an auto-named session left without statements is not kept. Returns how to come
  /// back to a saved one, for a terminal.
  @discardableResult
  public func closeSession() -> String? {
    guard let link, link.isSaved else { return nil }
    if link.events.isEmpty {
      if link.autoNamed { _ = try? link.store.discardIfEmpty(link.info.id) }
      return nil
    }
    return "saved session '\(link.info.name)' (\(counted(link.events.count))): "
      + "`kshape -r` or `kshape -s \(link.info.name)` resumes it"
  }

  /// The open session's name, for messages.
  public var sessionName: String? { link?.info.name }

  /// `run FILE` as a command (for `kshape -i FILE`): false when the script failed.
  public func runFile(_ path: String, json: Bool) -> Bool {
    runInScript(.success(.run(path)), line: 1, json: json)
  }
}
