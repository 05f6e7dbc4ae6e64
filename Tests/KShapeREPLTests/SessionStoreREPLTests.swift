import Foundation
import GRDB
import KShapeREPL
import LineEditor
import SessionStore
import ShapeEngine
import Testing

/// The REPL over a real store in a temporary folder: resume, undo/edit, two REPLs, faults.
@Suite struct SessionStoreREPLTests {
  final class Scratch {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-repl-\(UUID().uuidString)")
    var store: String { folder.appendingPathComponent("store.sqlite").path }
    init() {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: folder) }
  }

  /// A REPL whose output is collected.
  final class Run {
    var out: [String] = []
    var err: [String] = []
    var notices: [String] = []
    lazy var repl = REPL(
      output: Output(
        out: { [unowned self] in out.append($0) }, err: { [unowned self] in err.append($0) }))
    init(_ scratch: Scratch, name: String? = nil, resume: Bool = false, timeout: Double = 5) {
      notices = repl.openSession(
        SessionChoice(storePath: scratch.store, name: name, resume: resume, busyTimeout: timeout))
    }
    /// Runs lines as a person would at the prompt (the REPL keeps going after an error).
    func type(_ lines: String...) {
      repl.runInteractive(ScriptedReader(lines: lines))
    }
    var text: String { (out + err).joined(separator: "\n") }
    func clear() {
      out = []
      err = []
    }
  }

  @Test func aSessionIsResumedByNameAndByResume() throws {
    let scratch = Scratch()
    do {
      let a = Run(scratch, name: "lesson")
      #expect(a.notices == ["new session 'lesson'"])
      a.type("x = Input((None, None, 3))", "Conv2D(8, 3)", "Dense(10)", "Dens(3)")
      #expect(a.repl.session.statements.count == 3)
    }
    let b = Run(scratch, name: "lesson")
    #expect(b.notices == ["session 'lesson': 3 statements"])
    #expect(
      b.repl.session.statements == ["x = Input((None, None, 3))", "Conv2D(8, 3)", "Dense(10)"])
    let c = Run(scratch)
    #expect(
      c.notices.first?.contains(
        "the last one was 'lesson' (3 statements): `open lesson` resumes it")
        == true)
    let d = Run(scratch, resume: true)
    #expect(d.notices == ["resumed session 'lesson': 3 statements"])
    d.type("apply 32x32")
    #expect(d.text.contains("(None, 30, 30, 10)"))
  }

  @Test func undoAndRedoSurviveARestart() throws {
    let scratch = Scratch()
    do {
      let a = Run(scratch, name: "u")
      a.type("x = Input((None, 16))", "Dense(8)", "Dense(4)", "Dense(2)", "undo", "undo")
      #expect(a.repl.session.statements == ["x = Input((None, 16))", "Dense(8)"])
      #expect(a.text.contains("undid: removed statement 4: Dense(2)"))
    }
    let b = Run(scratch, name: "u")
    b.type("redo")
    #expect(b.repl.session.statements == ["x = Input((None, 16))", "Dense(8)", "Dense(4)"])
    b.type("Dense(1)", "redo")
    #expect(b.text.contains("nothing to redo"))
  }

  @Test func dependentStatementsThatFailAfterADropAreKeptAndMarked() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "d")
    a.type("x = Input((None, 16))", "y = Dense(8)(x)", "z = Dense(4)(y)", "drop 2")
    #expect(a.text.contains("removed statement 2: y = Dense(8)(x)"))
    #expect(a.text.contains("statement 2 now fails (kept; `edit 2` or `drop 2`): z = Dense(4)(y)"))
    #expect(a.repl.session.statements == ["x = Input((None, 16))"])
    a.clear()
    a.type("history")
    #expect(a.text.contains("2  z = Dense(4)(y)\n   ! fails: NameError: name 'y' is not defined"))
    // Fixing it: the kept statement evaluates again.
    a.type("edit 1 y = Input((None, 16))")
    #expect(a.repl.session.statements == ["y = Input((None, 16))", "z = Dense(4)(y)"])
    // It stays kept across a restart, and still fails there until fixed.
    a.type("undo")
    let b = Run(scratch, name: "d")
    #expect(b.notices.contains { $0.hasPrefix("statement 2 now fails") })
  }

  @Test func editReplaysWithTheNewText() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "e")
    a.type("x = Input((None, None, 3))", "Conv2D(8, 3)", "Conv2D(4, 3)", "edit 2 Conv2D(8, 5)")
    #expect(a.text.contains("statement 2 is now: Conv2D(8, 5) (was: Conv2D(8, 3))"))
    #expect(a.text.contains("last tensor: (None, H-6, W-6, 4)"))
    // With the line editor: the line read replaces the statement.
    let reader = ScriptedReader(lines: ["edit 3", "Conv2D(2, 3)"])
    a.repl.runInteractive(reader)
    #expect(reader.prompts == ["kshape> ", "edit 3> ", "kshape> "])
    #expect(a.repl.session.statements.last == "Conv2D(2, 3)")
    a.clear()
    a.type("edit 9 Dense(1)", "drop 0", "edit x", "open lesn")
    #expect(a.err.count == 4)
    #expect(a.text.contains("there is no statement 9: the session has statements 1-3"))
    #expect(a.text.contains("there is no statement 0"))
  }

  @Test func sessionCommandsAndDidYouMean() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "lesson")
    a.type(
      "x = Input((None, 16))", "Dense(8)", "copy fork", "Dense(2)", "open lessn", "open lesson")
    #expect(a.text.contains("no session named 'lessn'; did you mean 'lesson'?"))
    #expect(a.repl.session.statements.count == 2)
    a.clear()
    a.type(
      "sessions", "delete lesson", "delete fork", "sessions", "open fork", "restore fork",
      "rename l2")
    #expect(a.text.contains("* lesson"))
    #expect(a.text.contains("cannot delete session 'lesson': it is the open one"))
    #expect(a.text.contains("deleted session 'fork'; `restore fork` brings it back"))
    #expect(a.text.contains("session 'fork' was deleted; `restore fork` brings it back"))
    #expect(a.text.contains("restored session 'fork' (3 statements)"))
    #expect(a.text.contains("renamed session 'lesson' to 'l2'"))
  }

  @Test func deleteAsksOnATerminalAndRefusesTheOpenSession() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "keep")
    var asked: [String] = []
    var answer = false
    a.repl.confirm = { question in
      asked.append(question)
      return answer
    }
    a.type("x = Input((3,))", "new other", "delete keep")
    #expect(asked == ["delete session 'keep' (1 statement)? [y/N] "])
    #expect(a.text.contains("kept session 'keep'"))
    answer = true
    a.type("delete keep", "delete other")
    #expect(a.text.contains("deleted session 'keep'"))
    #expect(a.text.contains("cannot delete session 'other': it is the open one"))
  }

  @Test func layerNamesAndUnderscoreReferToTensors() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "n")
    a.type(
      "x = Input((None, 16))", "Dense(8)", "Dense(4)", "y = Dense(3)(dense)", "z = _", "dense_1",
      "dense = Input((5,))", "dense")
    #expect(a.err.isEmpty, "\(a.err)")
    #expect(a.text.contains("(None, L, 3)   dense_2 (Dense)"))
    // The user's own variable wins over the layer name.
    #expect(a.out.last?.contains("(None, 5)") == true)
  }

  @Test func anImportIsStoredAsItsConfigAndReplaysWithoutTheFile() throws {
    let scratch = Scratch()
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "ShapeEngineTests/Golden/modelfiles/autoencoder.json")
    let copy = scratch.folder.appendingPathComponent("model.json")
    try FileManager.default.copyItem(at: golden, to: copy)
    do {
      let a = Run(scratch, name: "imp")
      a.type("import \(copy.path)", "Dense(3)")
      #expect(a.repl.session.statements.count == 2, "\(a.err)")
    }
    try FileManager.default.removeItem(at: copy)
    let b = Run(scratch, name: "imp")
    #expect(b.notices == ["session 'imp': 2 statements"])
    #expect(b.repl.session.graph.layers.count > 3)
    b.type("summary")
    #expect(b.err.isEmpty)
  }

  @Test func twoREPLsOnOneSessionLoseNothing() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "shared")
    let b = Run(scratch, name: "shared")
    a.type("x = Input((None, 16))")
    b.type("Dense(8)")
    #expect(
      b.err.contains { $0.contains("changed by another kshape: reloaded (0 -> 1 statements)") })
    a.type("Dense(4)")
    #expect(a.repl.session.statements == ["x = Input((None, 16))", "Dense(8)", "Dense(4)"])
    b.type("undo")
    a.type("history")
    #expect(a.out.last == "1  x = Input((None, 16))\n2  Dense(8)")
  }

  @Test func aCorruptStoreIsNamedAndTheSessionGoesOnInMemory() throws {
    let scratch = Scratch()
    try Data("this is not a database, it is a shopping list".utf8 + Data(count: 2000))
      .write(to: URL(fileURLWithPath: scratch.store))
    let before = try Data(contentsOf: URL(fileURLWithPath: scratch.store))
    let a = Run(scratch, name: "x")
    #expect(a.notices.first?.contains(scratch.store) == true)
    #expect(a.notices.contains("kshape: this session is not being saved (kept in memory)"))
    a.type("x = Input((None, 16))", "Dense(8)", "undo", "history")
    #expect(a.repl.session.statements == ["x = Input((None, 16))"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.store)) == before)
  }

  @Test func aStoreLockedMidSessionSaysSoOnceAndKeepsGoingInMemory() throws {
    let scratch = Scratch()
    let run = Run(scratch, name: "locked", timeout: 0.2)
    run.type("x = Input((None, 16))")
    // Another process holds the store for longer than the timeout.
    let holder = try DatabaseQueue(path: scratch.store)
    try holder.inDatabase { db in
      try db.execute(sql: "BEGIN EXCLUSIVE")
      run.type("Dense(8)", "Dense(4)", "undo", "history")
      try db.execute(sql: "ROLLBACK")
    }
    #expect(run.repl.session.statements == ["x = Input((None, 16))", "Dense(8)"])
    let said = run.err.filter { $0.contains("not being saved") }
    #expect(said.count == 1)
    #expect(said.first?.contains("\(scratch.store) is locked by another process") == true)
    #expect(run.out.last == "1  x = Input((None, 16))\n2  Dense(8)")
    // What was stored before is intact.
    let store = try SessionStore(path: scratch.store)
    let info = try #require(try store.session(named: "locked"))
    #expect(try store.snapshot(info.id)?.events.map(\.source) == ["x = Input((None, 16))"])
  }

  @Test func jsonRecordsForSessionCommands() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "j")
    let status = a.repl.runScript(
      ["x = Input((None, 16))", "Dense(8)", "history", "undo", "sessions", "drop 7"], json: true)
    #expect(status == 1)
    let objects = try a.out.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
    let kinds = objects.map { $0["kind"] as? String ?? "" }
    #expect(kinds == ["input", "layer", "session", "session", "session", "error"])
    let history = objects[2]["statements"] as? [[String: Any]]
    #expect(
      history?.map { $0["source"] as? String ?? "" } == ["x = Input((None, 16))", "Dense(8)"])
    #expect(objects[3]["command"] as? String == "undo")
    #expect((objects[4]["sessions"] as? [[String: Any]])?.first?["name"] as? String == "j")
  }

  @Test func exportScriptRebuildsTheSession() throws {
    let scratch = Scratch()
    let a = Run(scratch, name: "s")
    let script = scratch.folder.appendingPathComponent("s.kshape").path
    let markdown = scratch.folder.appendingPathComponent("s.md").path
    a.type(
      "x = Input((None, None, 3))", "Conv2D(8, 3)", "GlobalAveragePooling2D()",
      "export script \(script)", "export markdown \(markdown)")
    let b = Run(scratch, name: "rebuilt")
    b.type("run \(script)")
    #expect(b.repl.session.statements == a.repl.session.statements)
    let md = try String(contentsOfFile: markdown, encoding: .utf8)
    #expect(md.contains("kshape> Conv2D(8, 3)\n<KerasTensor"))
    #expect(md.contains("Total params: 224"))
  }
}
