import Foundation
import SessionStore
import ShapeEngine

/// The REPL's open session in the store. Owns the one writer path: an accepted event is
/// committed before its result is shown; another process's changes are reloaded before the
/// next statement; when the file cannot be written the session goes on in memory, said once.
final class SessionLink {
  private(set) var store: SessionStore
  private(set) var info: SessionInfo
  /// The version `events` reflect.
  private(set) var version: Int
  /// The live events, in order (`history` numbers them from 1).
  private(set) var events: [StoredEvent] = []
  /// The events that fail at this version, by 0-based position.
  private(set) var failures: [Int: EngineError] = [:]
  /// Says things that are not a statement's result (reloads, the store failing); stderr.
  let notice: (String) -> Void
  private var toldNotSaved = false
  /// True for a session `kshape` named itself: dropped at exit if left empty.
  var autoNamed = false
  /// Set by `record` when another process appended in between; `finish` reloads.
  private var reloadPending = false
  /// Set when the text being run added events.
  private var changedInText = false
  /// How deep `run FILE` is nested (a script that runs itself stops).
  var runDepth = 0

  /// True while the session is written to a file.
  var isSaved: Bool { store.path != ":memory:" }

  init(store: SessionStore, session: SessionInfo, notice: @escaping (String) -> Void) {
    self.store = store
    self.info = session
    self.version = session.version
    self.notice = notice
  }

  /// Loads the session's events and replays them into `repl.session`; with `replaying` false
  /// the events are the ones `repl.session` already holds (a store attached to a running REPL),
  /// which is kept as it is: a replay would lose the names its failed statements took.
  func load(into repl: REPL, replaying: Bool = true) {
    do {
      guard let snapshot = try store.snapshot(info.id) else { return }
      info = snapshot.session
      version = snapshot.session.version
      events = snapshot.events
    } catch {
      fallBack(error, repl: nil)
    }
    guard replaying else { return }
    let replay = SessionReplay(events, kerasStrict: repl.session.kerasStrict)
    repl.session = replay.session
    failures = replay.failures
  }

  /// Reloads when another process changed the session since it was loaded (one-line notice).
  func refresh(_ repl: REPL) {
    guard isSaved, let current = try? store.version(info.id), current != version else { return }
    let before = events.count
    load(into: repl)
    notice(
      "session '\(info.name)' was changed by another kshape: reloaded (\(before) -> "
        + "\(events.count) statements)")
    reportFailures()
  }

  /// Commits an accepted event: the one writer path, called before the event's result is shown.
  /// When another process appended since the last reload, the event goes after its events and
  /// the session is reloaded (with a notice) once the text has run; nothing is overwritten.
  func record(_ accepted: StoredEvent) {
    var event = accepted
    for _ in 0..<10 {
      switch commit({ try store.append(&event, to: info.id, expectedVersion: version) }) {
      case .committed(let v)?:
        version = v
        events.append(event)
        changedInText = true
        return
      case .stale?:
        reloadPending = true
        version = (try? store.version(info.id)) ?? version
      case .nothingToDo?:
        return
      case nil:
        // The file failed and a store in memory took over: append there.
        if case .committed(let v)? = commit({
          try store.append(&event, to: info.id, expectedVersion: version)
        }) {
          version = v
        }
        events.append(event)
        return
      }
    }
    notice("kshape: the session keeps changing in another kshape; a statement was not saved")
  }

  /// After a line or block has run: reload when another process wrote in between, and record
  /// what the session ends with (for `sessions`).
  func finish(_ repl: REPL) {
    if reloadPending {
      reloadPending = false
      let before = events.count
      load(into: repl)
      notice(
        "session '\(info.name)' was changed by another kshape meanwhile: reloaded (\(before) -> "
          + "\(events.count) statements)")
      reportFailures()
    }
    if changedInText, isSaved {
      let summary = Self.summary(repl.session.graph)
      _ = commit { try store.setSummary(info.id, summary) }
    }
    changedInText = false
  }

  /// Runs a store call; a failure moves the session to memory (said once) and gives nil.
  func commit<T>(_ body: () throws -> T) -> T? {
    do {
      return try body()
    } catch let error as StoreError {
      fallBack(error, repl: nil)
    } catch {
      fallBack(.failed(path: store.path, detail: "\(error)"), repl: nil)
    }
    return nil
  }

  /// The file cannot be used: the events known so far go to a store in memory, and the REPL
  /// keeps working, saying once that this session is not being saved.
  func fallBack(_ error: StoreError, repl: REPL?) {
    guard isSaved else { return }
    if !toldNotSaved {
      notice("kshape: \(error.message)\nkshape: this session is not being saved (kept in memory)")
      toldNotSaved = true
    }
    guard let memory = try? SessionStore(),
      let copy = try? memory.createSession(named: info.name)
    else { return }
    var v = 0
    for event in events {
      if case .committed(let next)? = try? memory.append(event, to: copy.id, expectedVersion: v) {
        v = next
      }
    }
    store = memory
    info = copy
    version = v
    // The memory store's row ids, so that undo and edit find the events.
    events = (try? memory.snapshot(copy.id)?.events) ?? events
  }

  /// Switches to another session of the same store and replays it.
  func open(_ session: SessionInfo, into repl: REPL, replaying: Bool = true) {
    if session.id != info.id { autoNamed = false }
    info = session
    version = session.version
    events = []
    _ = commit { try store.touch(session.id) }
    load(into: repl, replaying: replaying)
  }

  /// After a change (`undo`, `drop`, `edit`, ...): reload and replay, and list what now fails.
  func changed(_ result: ChangeResult?, repl: REPL) -> ChangeResult? {
    if let result, case .committed = result {
      load(into: repl)
      let summary = Self.summary(repl.session.graph)
      _ = commit { try store.setSummary(info.id, summary) }
    }
    return result
  }

  /// What `sessions` shows for a session: its last tensor at the declared shapes, and its layer.
  static func summary(_ graph: Graph) -> String? {
    guard let t = graph.current else { return nil }
    return "\(graph.tensors[t].type.formulaShape) \(graph.layerName(of: t))"
  }

  /// The statements that fail at this version, as lines for people.
  func failureLines() -> [String] {
    failures.keys.sorted().compactMap { i in
      guard let error = failures[i], i < events.count else { return nil }
      return "statement \(i + 1) now fails (kept; `edit \(i + 1)` or `drop \(i + 1)`): "
        + "\(events[i].source)\n  error: \(error.message)"
    }
  }

  func reportFailures() {
    for line in failureLines() { notice(line) }
  }
}
