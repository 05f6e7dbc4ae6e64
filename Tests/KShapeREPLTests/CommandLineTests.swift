import Foundation
import Testing

/// The real `kshape` binary under hostile conditions (issue 12): full or closed output streams,
/// endless or broken input, FIFOs, signals, odd arguments. Each case is a reproducer that used
/// to trap, hang or fail silently; none may end on a signal other than the one sent.
@Suite struct CommandLineTests {
  static var binary: String { TerminalTests.binary.path }
  static let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ModelFilesTests/Hostile").path

  struct Result {
    var status: Int32
    var out: String
    var err: String
    var seconds: Double
  }

  /// Runs `script` with bash (`$K` is the binary, `$H` the hostile corpus) in a fresh temporary
  /// folder, under a 20 s timeout; stdout and stderr through files.
  func sh(_ script: String) -> Result {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-cli-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("stdout").path
    let err = dir.appendingPathComponent("stderr").path
    let quoted = "'" + script.replacingOccurrences(of: "'", with: "'\\''") + "'"
    let command =
      "cd '\(dir.path)' && K='\(Self.binary)' H='\(Self.hostile)' timeout -s KILL 20"
      + " /bin/bash -c \(quoted) </dev/null >'\(out)' 2>'\(err)'"
    var pid: pid_t = 0
    let words = ["/bin/sh", "-c", command]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    let start = ContinuousClock.now
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else {
      return Result(status: -1, out: "", err: "spawn failed", seconds: 0)
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = ContinuousClock.now - start
    return Result(
      status: (status >> 8) & 0xff,
      out: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      err: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }

  func requireBinary() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "kshape is built")
  }

  /// A release build counts references without atomic instructions (Package.swift): while it
  /// works and while it waits for input, the process has its worker and the parked main thread,
  /// no other, with the session store as without it.
  @Test func theExecutableHasNoThreadBesideItsWorker() throws {
    try requireBinary()
    for flags in ["--no-store", "-s threads"] {
      let r = sh(
        """
        export HOME="$PWD" XDG_DATA_HOME="$PWD/data"
        { sleep 1; echo 'x = Input((4,))'; echo 'Dense(8)'; sleep 1; } | "$K" \(flags) >out.txt &
        pid=$!
        sleep 0.5
        ls /proc/$pid/task | wc -l
        sleep 1
        ls /proc/$pid/task | wc -l
        wait $pid
        grep -c KerasTensor out.txt
        """)
      #expect(r.out == "2\n2\n2\n", "\(flags): \(r.out) \(r.err)")
    }
  }

  @Test func stderrThatCannotBeWrittenDoesNotTrap() throws {
    try requireBinary()
    #expect(sh("$K -c 'Dense(' 2>/dev/full").status == 1)
    #expect(sh("$K -c 'Dense(' 2>&-").status == 1)
    #expect(sh("$K inspect /nonexistent 2>&-").status == 2)
    #expect(sh("$K inspect /nonexistent 2>/dev/full").status == 2)
  }

  @Test func stdoutThatCannotBeWrittenIsReportedWithStatusTwo() throws {
    try requireBinary()
    let full = sh("$K -c 'x = Input((4,)); Dense(3)' >/dev/full")
    #expect(full.status == 2)
    #expect(full.err.contains("kshape: cannot write the output to stdout: no space left"))
    let help = sh("$K --help >/dev/full")
    #expect(help.status == 2)
    #expect(help.err.contains("kshape: cannot write the output to stdout"))
    let inspect = sh("$K inspect $H/valid/tiny-functional.json >/dev/full")
    #expect(inspect.status == 2)
    #expect(inspect.err.contains("cannot write the output"))
    // A reader that has gone, with SIGPIPE ignored: the write fails with EPIPE.
    let closed = sh(
      "(trap '' PIPE; sleep 0.3; $K -c 'x = Input((4,))' 2>err; echo $? >status) | true;"
        + " cat status err")
    #expect(closed.out.hasPrefix("2\n"), "\(closed.out)")
    #expect(closed.out.contains("broken pipe"), "\(closed.out)")
    // A run that goes on after its reader has gone stops instead of running every statement.
    let endless = sh(
      "(trap '' PIPE; (echo 'x = Input((4,))'; yes 'Dense(8)') | $K 2>err; echo $? >status)"
        + " | head -c 10 >/dev/null; cat status err")
    #expect(endless.out.hasPrefix("2\n"), "\(endless.out)")
  }

  @Test func endlessOrBrokenStdinEndsAtOnceWithTheReason() throws {
    try requireBinary()
    let zero = sh("$K </dev/zero")
    #expect(zero.status == 2)
    #expect(zero.err.contains("kshape: stdin: line 1 is longer than 64 KiB"), "\(zero.err)")
    #expect(zero.seconds < 10)
    let yes = sh("yes x | $K")
    #expect(yes.status == 1)
    #expect(yes.err.contains("line 1: error: "), "\(yes.err)")
    #expect(yes.err.contains("name 'x' is not defined"), "\(yes.err)")
    let utf8 = sh("printf 'x = Input((4,))\\nDense(3)\\n\\xff\\n' | $K")
    #expect(utf8.status == 2)
    #expect(utf8.err.contains("stdin: line 3 is not UTF-8 text (byte FF at column 1)"))
    #expect(utf8.out.contains("dense (Dense), 15 params"))
    // Statements run as their lines arrive: the first answer comes before the input ends.
    let streamed = sh(
      "(echo 'x = Input((4,))'; sleep 3; echo 'Dense(2)') | $K | (head -n 1; date +%s.%N)"
        + " > first; date +%s.%N > end; cat first end")
    let stamps = streamed.out.split(separator: "\n").compactMap { Double($0) }
    #expect(stamps.count == 2 && stamps[1] - stamps[0] > 2, "\(streamed.out)")
  }

  @Test func scriptsThroughPipesAndFIFOs() throws {
    try requireBinary()
    let pipe = sh("$K run <(printf 'x = Input((4,))\\nDense(3)\\n')")
    #expect(pipe.status == 0)
    #expect(pipe.out.contains("dense (Dense), 15 params"))
    let stdin = sh("printf 'x = Input((4,))\\n' | $K run /dev/stdin")
    #expect(stdin.status == 0)
    let fifo = sh("mkfifo f && $K run f")
    #expect(fifo.status == 2)
    #expect(fifo.err.contains("no process writing to it"))
    #expect(fifo.seconds < 10)
    let model = sh("mkfifo m && $K inspect m")
    #expect(model.status == 2)
    #expect(model.err.contains("no process writing to it"))
    let keras = sh("$K inspect <(cat $H/valid/deflated.keras)")
    #expect(keras.status == 0, "\(keras.err)")
    #expect(keras.out.contains("3 layers, 46 params"))
    let directory = sh("$K run .")
    #expect(directory.status == 2)
    #expect(directory.err.contains("it is a directory"))
  }

  @Test func quitSignalQuitsAtOnce() throws {
    try requireBinary()
    // kshape waits on a FIFO this shell holds open for writing (no other process to outlive it).
    let r = sh("mkfifo p; exec 3<>p; $K <p & sleep 0.5; kill -QUIT $!; wait $!; echo $?")
    #expect(r.out == "131\n", "\(r.out) \(r.err)")
    #expect(r.seconds < 6)
    #expect(!r.err.contains("Backtracing"))
  }

  /// At the prompt (libedit in raw mode): Ctrl-\\ quits with 131 and the terminal is usable.
  @Test func quitKeyAtThePromptRestoresTheTerminal() throws {
    try requireBinary()
    let t = TerminalTests.Tmux()
    try #require(t.start("bash --norc"), "tmux starts")
    t.type("env LANG=C \(Self.binary)")
    t.keys("Enter")
    #expect(t.waitFor("kshape>"), "\(t.screen())")
    t.type("Dense")
    t.keys("C-\\")
    // bash reports the signal; typing before that could reach kshape instead of the shell.
    #expect(t.waitFor("Quit"), "\(t.screen())")
    t.type("echo status=$?; stty -a | grep -q ' echo ' && echo ECHO-ON")
    t.keys("Enter")
    #expect(t.waitFor("status=131"), "\(t.screen())")
    #expect(t.waitFor("\nECHO-ON"), "echo is back on: \(t.screen())")
    #expect(!t.screen().contains("Backtracing"))
  }

  @Test func smallerCommandLineCases() throws {
    try requireBinary()
    let newline = sh("$K -c $'x = Input((4,))\\nDense(3)\\nDense('")
    #expect(newline.status == 1)
    #expect(newline.err.contains("line 3: error: "), "\(newline.err)")
    #expect(newline.err.contains("\n  Dense(\n       ^"), "\(newline.err)")
    for args in ["--batch=-5", "--batch -5", "--batch 0"] {
      let r = sh("$K inspect $H/valid/tiny-functional.json \(args)")
      #expect(r.status == 64, "\(args)")
      #expect(r.err.contains("--batch must be a positive int"), "\(args): \(r.err)")
    }
    // Found by the fuzzer: a value starting with '-' was "Missing value" (usage, 64).
    let size = sh("$K inspect $H/valid/tiny-functional.json --size -3")
    #expect(size.status == 2)
    #expect(size.err.contains("'-3' is not a size"), "\(size.err)")
    let bytes = sh("$K run $'bad\\xff.txt'")
    #expect(bytes.status == 2)
    #expect(bytes.err.contains("argument 2 is not UTF-8 text"), "\(bytes.err)")
  }
}
