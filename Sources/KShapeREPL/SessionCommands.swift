import Foundation
import LayerCatalog
import LineEditor
import SessionStore
import ShapeEngine

/// What a session command did: text for people and a record for `--json`, or an error.
enum CommandResult {
  case done(String, SessionRecord)
  case failed(EngineError)
}

/// Runs the session commands against the store, through `SessionLink`.
extension REPL {
  /// The session command in `piece`, if it is one (a name the user bound is a statement).
  func sessionCommand(_ piece: String) -> Result<SessionCommand, EngineError>? {
    SessionCommand.parse(piece) { [session] in session.graph.bindings[$0] != nil }
  }

  /// Runs a command at the prompt; the result or the error is shown.
  func runInteractively(_ parsed: Result<SessionCommand, EngineError>, reader: any LineReader)
    -> Bool
  {
    switch perform(parsed, reader: reader, json: false) {
    case .done(let text, _): if !text.isEmpty { output.out(text) }
    case .failed(let error): output.err(error.diagnostic.rendered(source: ""))
    }
    return true
  }

  /// Runs a command in a script; false when it failed (the script stops).
  func runInScript(_ parsed: Result<SessionCommand, EngineError>, line: Int, json: Bool) -> Bool {
    switch perform(parsed, reader: nil, json: json) {
    case .done(let text, var record):
      if json {
        record.line = line
        output.out(SessionRecord.encode(record))
      } else if !text.isEmpty {
        output.out(text)
      }
      return true
    case .failed(let error):
      if json, let record = JSONOutput.record(.failure(error), line: line, source: "") {
        output.out(JSONOutput.encode(record))
      }
      output.err("line \(line): " + error.diagnostic.rendered(source: ""))
      return false
    }
  }

  func perform(
    _ parsed: Result<SessionCommand, EngineError>, reader: (any LineReader)?, json: Bool
  ) -> CommandResult {
    let command: SessionCommand
    switch parsed {
    case .success(let c): command = c
    case .failure(let e): return .failed(e)
    }
    // `strict` changes how statements evaluate, not the stored events: no store needed.
    if case .strict(let on) = command { return strict(on) }
    if case .cost(let on) = command {
      if let on { style.cost = on }
      var record = SessionRecord(command: "cost", session: link?.info.name ?? "")
      record.text = "cost: \(style.cost ? "on (summary and apply show MACs and memory)" : "off")"
      return .done(record.text, record)
    }
    guard let link = link ?? attachMemoryStore() else {
      return .failed(EngineError("the session store is not available"))
    }
    link.refresh(self)
    do {
      return try perform(command, link: link, reader: reader, json: json)
    } catch {
      return .failed(EngineError(error.message))
    }
  }

  /// `strict`, `strict on`, `strict off`: says or sets how weights sized by an unknown dim are
  /// taken; turning it on is refused while such layers stand in the session.
  private func strict(_ on: Bool?) -> CommandResult {
    var record = SessionRecord(command: "strict", session: link?.info.name ?? "")
    func done(_ text: String) -> CommandResult {
      record.text = text
      return .done(text, record)
    }
    guard let on else {
      return done(
        session.kerasStrict
          ? "strict: on (a layer whose weights need a dim not known yet is refused, as Keras "
            + "refuses it)"
          : "strict: off (a layer whose weights need a dim not known yet is accepted with its "
            + "params as a formula; Keras would raise there)")
    }
    let deferred = session.setKerasStrict(on)
    guard deferred.isEmpty else {
      return .failed(
        EngineError(
          "strict mode would refuse the deferred weights of "
            + deferred.joined(separator: ", "),
          hint: "undo or drop the statements that made them first"))
    }
    return done("strict: \(on ? "on" : "off")")
  }

  private func perform(
    _ command: SessionCommand, link: SessionLink, reader: (any LineReader)?, json: Bool
  ) throws(StoreError) -> CommandResult {
    var record = SessionRecord(command: command.name, session: link.info.name)
    func done(_ lines: [String]) -> CommandResult {
      let text = lines.joined(separator: "\n")
      record.text = text
      record.session = link.info.name
      return .done(text, record)
    }
    let store = link.store
    switch command {
    case .sessions:
      let listed = try store.sessions().map { SessionListing($0, store: store) }
      record.sessions = listed.map(\.json)
      return done(SessionListing.table(listed, current: link.info.name))
    case .open(let name):
      if name == link.info.name { return done(["already in session '\(name)'"]) }
      let info = try existing(name, store)
      link.open(info, into: self)
      return done(["opened session '\(name)': \(counted(link.events.count))"] + state(link))
    case .new(let name):
      let old = link.info.name
      let info = try store.createSession(named: name)
      link.open(info, into: self)
      return done(["new session '\(info.name)' (`open \(old)` goes back)"])
    case .rename(let name):
      let old = link.info.name
      try store.rename(link.info.id, to: name)
      if let info = try store.session(id: link.info.id) { link.open(info, into: self) }
      return done(["renamed session '\(old)' to '\(name)'"])
    case .copy(let name):
      let old = link.info.name
      let info = try store.copy(link.info.id, to: name)
      link.open(info, into: self)
      return done([
        "copied session '\(old)' to '\(name)' (\(counted(info.eventCount))); now in '\(name)' "
          + "(`open \(old)` goes back)"
      ])
    case .delete(let name):
      if name == link.info.name {
        throw .sessionInUse(name)
      }
      let info = try existing(name, store)
      if let confirm, !confirm("delete session '\(name)' (\(counted(info.eventCount)))? [y/N] ") {
        return done(["kept session '\(name)'"])
      }
      try store.delete(info.id)
      return done(["deleted session '\(name)'; `restore \(name)` brings it back"])
    case .restore(let name):
      guard let info = try store.restore(named: name) else {
        throw .unknownSession(name, suggestion: nil)
      }
      return done(["restored session '\(name)' (\(counted(info.eventCount))); `open \(name)`"])
    case .strict, .cost:
      return .failed(EngineError("\(command.name) is not a store command"))
    case .history:
      record.statements = link.events.enumerated().map { i, e in
        StatementJSON(number: i + 1, source: e.source, error: link.failures[i]?.message)
      }
      return done(historyLines(link))
    case .undo, .redo:
      let before = link.events
      let undoing = command == .undo
      let result = try change(link) { v throws(StoreError) in
        undoing
          ? try store.undo(link.info.id, expectedVersion: v)
          : try store.redo(link.info.id, expectedVersion: v)
      }
      if result == .nothingToDo { return done([undoing ? "nothing to undo" : "nothing to redo"]) }
      return done(
        [(undoing ? "undid: " : "redid: ") + Self.describe(before, link.events)] + state(link))
    case .drop(let n):
      let before = link.events
      _ = try change(link) { v throws(StoreError) in
        try store.drop(n, from: link.info.id, expectedVersion: v)
      }
      return done([Self.describe(before, link.events)] + state(link))
    case .edit(let n, let given):
      guard n >= 1, n <= link.events.count else {
        throw .noSuchStatement(n, count: link.events.count)
      }
      let old = link.events[n - 1].source
      var text = given
      if text == nil {
        guard let reader else {
          return .failed(
            EngineError(
              "edit \(n) opens the line editor, which a script does not have",
              hint: "write the new text after the number: edit \(n) NEW STATEMENT"))
        }
        switch reader.readLine(prompt: "edit \(n)> ", initialText: old) {
        case .line(let line): text = line
        case .interrupted, .endOfInput: return done(["edit cancelled; statement \(n) unchanged"])
        }
      }
      guard let text, !text.allSatisfy(\.isWhitespace), text != old else {
        return done(["statement \(n) unchanged"])
      }
      let event = try editedEvent(text)
      let before = link.events
      _ = try change(link) { v throws(StoreError) in
        try store.edit(n, of: link.info.id, to: event, expectedVersion: v)
      }
      return done([Self.describe(before, link.events)] + state(link))
    case .run(let path):
      return try runFile(path, json: json, record: &record)
    case .exportScript(let path), .exportMarkdown(let path):
      let isScript: Bool = if case .exportScript = command { true } else { false }
      let text = isScript ? SessionExport.script(link) : SessionExport.markdown(link)
      if let problem = ExportWriter.write(text, to: path) {
        return .failed(
          EngineError(
            "cannot write '\(path)': \(problem)",
            hint: "choose a path in a folder that exists and that you can write to"))
      }
      record.path = path
      return done([
        "wrote \(isScript ? "a script" : "a Markdown transcript") of session "
          + "'\(link.info.name)' (\(counted(link.events.count))) to \(path)"
      ])
    }
  }

  /// A change to the events, retried once after a reload when another process changed them.
  private func change(
    _ link: SessionLink, _ body: (Int) throws(StoreError) -> ChangeResult
  ) throws(StoreError) -> ChangeResult {
    var result = try body(link.version)
    if result == .stale {
      link.refresh(self)
      result = try body(link.version)
    }
    if result == .stale {
      throw .failed(path: link.store.path, detail: "the session keeps changing in another kshape")
    }
    _ = link.changed(result, repl: self)
    return result
  }

  /// The event an edit stores: an `import` line reads its file now, anything else is a statement.
  private func editedEvent(_ text: String) throws(StoreError) -> StoredEvent {
    guard case .success(let command)? = ImportCommand.parse(text) else {
      return .statement(text)
    }
    var scratch = Session()
    let (outcome, event) = command.run(&scratch, source: text)
    if let event { return event }
    if case .failure(let e) = outcome { throw .invalidName(text, reason: e.message) }
    return .statement(text)
  }

  private func existing(_ name: String, _ store: SessionStore) throws(StoreError) -> SessionInfo {
    if let info = try store.session(named: name) { return info }
    if try store.isDeleted(name) { throw .deletedSession(name) }
    let names = try store.sessions().map(\.name)
    throw .unknownSession(name, suggestion: nearest(name, in: names))
  }

  /// After a change: the statements that now fail, and where the session stands.
  private func state(_ link: SessionLink) -> [String] {
    var lines = link.failureLines()
    if let t = session.graph.current {
      let g = session.graph
      lines.append("last tensor: \(g.tensors[t].type.formulaShape)   \(g.layerName(of: t))")
    }
    return lines
  }

  private func historyLines(_ link: SessionLink) -> [String] {
    guard !link.events.isEmpty else { return ["no statements yet"] }
    let width = String(link.events.count).count
    return link.events.enumerated().map { i, e in
      let number = String(repeating: " ", count: width - String(i + 1).count) + "\(i + 1)"
      let lines = e.source.split(separator: "\n", omittingEmptySubsequences: false)
      var text =
        "\(number)  " + lines.joined(separator: "\n" + String(repeating: " ", count: width + 2))
      if let error = link.failures[i] {
        text += "\n" + String(repeating: " ", count: width + 2) + "! fails: \(error.message)"
      }
      return text
    }
  }

  /// What a change did, from the events before and after (by their stored ids).
  static func describe(_ before: [StoredEvent], _ after: [StoredEvent]) -> String {
    let beforeIDs = Set(before.map(\.id))
    let afterIDs = Set(after.map(\.id))
    let removed = before.enumerated().filter { !afterIDs.contains($0.element.id) }
    let added = after.enumerated().filter { !beforeIDs.contains($0.element.id) }
    if removed.count == 1, added.count == 1, removed[0].offset == added[0].offset {
      return "statement \(added[0].offset + 1) is now: \(added[0].element.source) "
        + "(was: \(removed[0].element.source))"
    }
    var parts: [String] = []
    for (i, e) in removed { parts.append("removed statement \(i + 1): \(e.source)") }
    for (i, e) in added { parts.append("statement \(i + 1) back: \(e.source)") }
    return parts.isEmpty ? "no change" : parts.joined(separator: "; ")
  }

  /// `run FILE`: its lines into this session, as a script (stops at the first failure).
  private func runFile(_ path: String, json: Bool, record: inout SessionRecord)
    throws(StoreError) -> CommandResult
  {
    guard let link, link.runDepth < 8 else {
      return .failed(EngineError("run: scripts that run scripts go deeper than 8 levels"))
    }
    let lines: [String]
    switch ScriptFile.lines(path) {
    case .success(let l): lines = l
    case .failure(let e): return .failed(e)
    }
    link.runDepth += 1
    let status = runScript(lines, json: json, name: path)
    link.runDepth -= 1
    guard status == 0 else {
      return .failed(
        EngineError(
          "run \(path) stopped at its first failure (above); the statements before it are kept"))
    }
    record.path = path
    let text = "ran \(path): session '\(link.info.name)' has \(counted(link.events.count))"
    record.text = text
    return .done(json ? "" : text, record)
  }
}

/// `N statement(s)`.
func counted(_ n: Int) -> String { "\(n) statement\(n == 1 ? "" : "s")" }
