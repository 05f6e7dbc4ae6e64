import Foundation
import SessionStore
import Testing

/// The real binary against a real store: SIGKILL mid-run, two processes on one session.
@Suite(.serialized) struct StoreProcessTests {
  final class Scratch {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-proc-\(UUID().uuidString)")
    var store: String { folder.appendingPathComponent("store.sqlite").path }
    init() {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(at: folder) }
  }

  /// Starts kshape with stdin from `input` (a file, or a pipe when nil) and output to files.
  func start(_ args: [String], input: URL?, scratch: Scratch, tag: String) throws -> (
    Process, Pipe?, out: URL, err: URL
  ) {
    let p = Process()
    p.executableURL = TerminalTests.binary
    p.arguments = args + ["--store", scratch.store]
    var env = ProcessInfo.processInfo.environment
    env["KSHAPE_HOME"] = scratch.folder.path
    p.environment = env
    let out = scratch.file("\(tag).out")
    let err = scratch.file("\(tag).err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    var pipe: Pipe?
    if let input {
      p.standardInput = try FileHandle(forReadingFrom: input)
    } else {
      pipe = Pipe()
      p.standardInput = pipe
    }
    try p.run()
    return (p, pipe, out, err)
  }

  func events(_ store: String, _ name: String) -> [String] {
    guard let s = try? SessionStore(path: store), let info = try? s.session(named: name),
      let snapshot = try? s.snapshot(info.id)
    else { return [] }
    return snapshot.events.map(\.source)
  }

  /// How many statements the SIGKILL runs pipe in.
  static let killRunLength = 2_000

  /// Complete result lines (`  = ...`) in what a run printed so far.
  static func printedResults(_ out: URL) -> Int {
    let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .filter { $0.hasPrefix("  = ") }.count
  }

  /// kill -9 in the middle of long piped runs, each time once a random number of results has
  /// been printed: every statement whose result was printed is in the store, in order, and the
  /// store holds nothing that was not in the script.
  @Test func sigkillLosesNoStatementWhoseResultWasPrinted() throws {
    try #require(FileManager.default.isExecutableFile(atPath: TerminalTests.binary.path))
    let scratch = Scratch()
    let n = Self.killRunLength
    let statements = ["x = Input((None, 16))"] + (1..<n).map { "Dense(\($0 % 7 + 1))" }
    let script = scratch.file("script.kshape")
    try (statements.joined(separator: "\n") + "\n").write(
      to: script, atomically: true, encoding: .utf8)
    var printedCounts: [Int] = []
    for round in 0..<6 {
      let name = "kill\(round)"
      let (p, _, out, _) = try start(["-s", name], input: script, scratch: scratch, tag: name)
      // Killed as soon as at least `target` results are out (stdout to a pipe goes in 64 KB
      // blocks: a run is long enough for several).
      let target = Int.random(in: 1...(n * 2 / 3))
      let deadline = Date().addingTimeInterval(120)
      while p.isRunning, Self.printedResults(out) < target, Date() < deadline { usleep(500) }
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      let printed = Self.printedResults(out)
      printedCounts.append(printed)
      let stored = events(scratch.store, name)
      #expect(stored.count >= printed, "round \(round): printed \(printed), stored \(stored.count)")
      #expect(stored == Array(statements.prefix(stored.count)), "round \(round)")
    }
    // The kills landed mid-run (not all before the first result or after the last).
    #expect(printedCounts.contains { $0 > 0 && $0 < statements.count }, "\(printedCounts)")
  }

  /// Waits for `text` on `terminal`'s screen; when it does not come, the screen is part of the
  /// failure (what the process showed instead).
  func expectScreen(
    _ terminal: TerminalTests.Tmux, _ text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if !terminal.waitFor(text) {
      Issue.record(
        "no \"\(text)\" on the screen:\n\(terminal.screen())", sourceLocation: sourceLocation)
    }
  }

  /// Two kshape REPLs (real processes, each in its own terminal) appending to one session: each
  /// sees the other's statements (reloaded before its next one, with a notice) and nothing is
  /// overwritten.
  @Test func twoProcessesOnOneSession() throws {
    try #require(FileManager.default.isExecutableFile(atPath: TerminalTests.binary.path))
    let scratch = Scratch()
    let command = "env LANG=C \(TerminalTests.binary.path) --store \(scratch.store) -s shared"
    let a = TerminalTests.Tmux()
    let b = TerminalTests.Tmux()
    try #require(a.start(command), "tmux starts")
    try #require(b.start(command), "tmux starts")
    #expect(a.waitFor("kshape>"))
    #expect(b.waitFor("kshape>"))
    a.type("x = Input((None, 16))")
    a.keys("Enter")
    expectScreen(a, "(None, L, 16)")
    b.type("Dense(8)")
    b.keys("Enter")
    expectScreen(b, "changed by another kshape: reloaded (0 -> 1 statements)")
    expectScreen(b, "(None, L, 8)   dense (Dense)")
    a.type("Dense(4)")
    a.keys("Enter")
    expectScreen(a, "changed by another kshape: reloaded (1 -> 2 statements)")
    expectScreen(a, "(None, L, 4)   dense_1 (Dense)")
    b.type("Dense(2)")
    b.keys("Enter")
    // B's last Dense stacks on A's Dense(4): the reload happened before it ran.
    expectScreen(b, "(None, L, 2)   dense_2 (Dense), 10 params")
    a.keys("C-d")
    b.keys("C-d")
    #expect(a.waitFor { _ in !a.alive })
    #expect(b.waitFor { _ in !b.alive })
    #expect(
      events(scratch.store, "shared") == [
        "x = Input((None, 16))", "Dense(8)", "Dense(4)", "Dense(2)",
      ])
  }

  /// `kshape run FILE --session NAME` saves into the session; `kshape -i FILE` runs a script
  /// into the session and goes on with stdin; plain `kshape run FILE` saves nothing.
  @Test func scriptsRunIntoANamedSession() throws {
    try #require(FileManager.default.isExecutableFile(atPath: TerminalTests.binary.path))
    let scratch = Scratch()
    let script = scratch.file("prep.kshape")
    try "x = Input((None, 8))\nDense(3)\n".write(to: script, atomically: true, encoding: .utf8)
    let run = try start(
      ["run", script.path, "--session", "prep"], input: nil, scratch: scratch, tag: "run")
    try run.1?.fileHandleForWriting.close()
    run.0.waitUntilExit()
    #expect(run.0.terminationStatus == 0)
    #expect(events(scratch.store, "prep") == ["x = Input((None, 8))", "Dense(3)"])
    let more = scratch.file("more.txt")
    try "Dense(2)\n".write(to: more, atomically: true, encoding: .utf8)
    let i = try start(["-i", script.path, "-s", "class"], input: more, scratch: scratch, tag: "i")
    i.0.waitUntilExit()
    #expect(i.0.terminationStatus == 0)
    #expect(events(scratch.store, "class") == ["x = Input((None, 8))", "Dense(3)", "Dense(2)"])
    let plain = try start(["run", script.path], input: nil, scratch: scratch, tag: "plain")
    try plain.1?.fileHandleForWriting.close()
    plain.0.waitUntilExit()
    let store = try SessionStore(path: scratch.store)
    #expect(try store.sessions().map(\.name).sorted() == ["class", "prep"])
  }
}
