import Foundation
import Testing

/// Drives the real `kshape` binary in a real terminal (tmux), as a person types.
@Suite(.serialized) struct TerminalTests {
  /// The kshape executable built beside the test bundle, or the one `KSHAPE_TEST_BINARY` names
  /// (to run these suites against a release build).
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["KSHAPE_TEST_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let here = Bundle.main.bundleURL
    let candidates = [here, here.deletingLastPathComponent()].map {
      $0.appendingPathComponent("kshape")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[0]
  }

  final class Tmux {
    let session = "kshape-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"

    /// Runs tmux through /bin/sh with posix_spawn and waitpid (Foundation's Process can miss
    /// the exit of a client whose server inherited its descriptors); output goes through a file.
    @discardableResult
    func run(_ args: [String]) -> (status: Int32, output: String) {
      let out = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(session)-\(UUID().uuidString).out").path
      defer { try? FileManager.default.removeItem(atPath: out) }
      let quoted = (["tmux", "-L", session] + args).map {
        "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
      }
      let command = quoted.joined(separator: " ") + " </dev/null >'\(out)' 2>&1"
      var pid: pid_t = 0
      let words: [String] = ["/bin/sh", "-c", command]
      let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
      defer { for a in argv { free(a) } }
      guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return (-1, "") }
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      return ((status >> 8) & 0xff, text)
    }

    /// Starts `command` in a new terminal. A kshape that is not given a store of its own gets
    /// one for this terminal alone: tests never share (or lock) the user's store.
    func start(_ command: String, columns: Int = 100, rows: Int = 40) -> Bool {
      let isolated =
        command.contains("KSHAPE_HOME") || command.contains("--store")
        ? command : "export KSHAPE_HOME='\(home)'; " + command
      return run(
        ["new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", session, isolated]
      ).status == 0
    }

    func keys(_ keys: String...) { run(["send-keys", "-t", session] + keys) }
    func type(_ text: String) { run(["send-keys", "-t", session, "-l", text]) }
    func screen() -> String { run(["capture-pane", "-p", "-t", session]).output }
    var alive: Bool { run(["has-session", "-t", session]).status == 0 }

    /// Waits until the screen satisfies `condition` (up to 10 s).
    func waitFor(_ condition: (String) -> Bool) -> Bool {
      for _ in 0..<100 {
        if condition(screen()) { return true }
        usleep(100_000)
      }
      return false
    }
    func waitFor(_ text: String) -> Bool { waitFor { $0.contains(text) } }

    /// This terminal's store folder (never the user's), removed with the terminal.
    var home: String {
      FileManager.default.temporaryDirectory.appendingPathComponent("\(session)-home").path
    }

    deinit {
      run(["kill-server"])
      try? FileManager.default.removeItem(atPath: home)
    }
  }

  @Test func walkthroughInARealTerminal() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let t = Tmux()
    try #require(
      t.start("env LANG=C KSHAPE_HOME=\(t.home) \(Self.binary.path)"),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))

    t.type("ip = Input((nil, nil, 3))")
    t.keys("Enter")
    #expect(t.waitFor("(None, H, W, 3)"))

    t.type("Conv2D(3, (5, 5), padding='valid')")
    t.keys("Enter")
    #expect(t.waitFor("(None, H-4, W-4, 3)"))

    t.type("apply 100x100")
    t.keys("Enter")
    #expect(t.waitFor("(None, 96, 96, 3)"))
    #expect(t.screen().contains("Total params: 228"))

    // An error never ends the session.
    t.type("Conv2D(3, 5, paddin='same')")
    t.keys("Enter")
    #expect(t.waitFor("did you mean 'padding'?"))

    // History: up-arrow brings back the last line.
    t.keys("Up")
    #expect(
      t.waitFor {
        $0.split(separator: "\n").last?.contains("kshape> Conv2D(3, 5, paddin='same')") == true
      })
    // Ctrl-C cancels the line.
    t.keys("C-c")
    #expect(
      t.waitFor {
        $0.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "kshape>"
      })

    // Tab completes layer names.
    t.type("x2 = GlobalMax")
    t.keys("Tab")
    #expect(t.waitFor("x2 = GlobalMaxPool"))
    t.keys("Tab")
    #expect(t.waitFor("GlobalMaxPooling1D"))
    t.keys("C-c")

    // UTF-8 survives LANG=C: a non-ASCII name in an error message.
    t.type("ñame")
    t.keys("Enter")
    #expect(t.waitFor("name 'ñame' is not defined"))

    // Ctrl-D leaves.
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// A saved model imported by typing its path with Tab, then applied and extended.
  @Test func importAModelFileInARealTerminal() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("ShapeEngineTests/Golden/modelfiles")
    let t = Tmux()
    try #require(
      t.start("cd \(folder.path) && env LANG=C KSHAPE_HOME=\(t.home) \(Self.binary.path)"),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    t.type("load mobilenetv3s")
    t.keys("Tab")
    #expect(t.waitFor("load mobilenetv3small."))
    t.type("json")
    t.keys("Enter")
    #expect(t.waitFor("imported model \"MobileNetV3Small\""))
    t.type("apply 1x1")
    t.keys("Enter")
    #expect(t.waitFor("failed at layer expanded_conv_depthwise (DepthwiseConv2D)"))
    t.type("Dense(10)")
    t.keys("Enter")
    #expect(t.waitFor("dense (Dense), 5,770 params"))
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// kshape in tmux at `columns`, a small CNN typed (six layers, 84,392 params), the screen
  /// cleared: what the tests of tables at a width start from.
  static func smallCNN(columns: Int) throws -> Tmux {
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "kshape is built")
    let t = Tmux()
    try #require(
      t.start("env LANG=C TERM=xterm \(binary.path) --color never", columns: columns, rows: 60),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    for line in [
      "x = Input((None, None, 3))", "Conv2D(32, 3, padding='same', name='first_convolution')",
      "MaxPool2D()", "Conv2D(64, 3, activation='relu')", "GlobalAveragePooling2D()",
      "Dense(1000)",
    ] {
      t.type(line)
      t.keys("Enter")
    }
    #expect(t.waitFor("dense (Dense), 65,000 params"))
    t.keys("C-l")
    return t
  }

  /// The lines of `screen` that belong to a drawn table.
  static func tableLines(_ screen: String) -> [String] {
    screen.split(separator: "\n").map(String.init).filter { line in
      ["┏", "┃", "┡", "│", "├", "└"].contains { line.hasPrefix($0) }
    }
  }

  /// Summary, help and errors at a projector's 60 columns, a laptop's 80 and a wide 140: every
  /// table line fits, the borders line up, and Tab completes a call's arguments and values.
  @Test(arguments: [60, 80, 140])
  func readableAtEveryWidth(_ columns: Int) throws {
    let t = try Self.smallCNN(columns: columns)
    t.type("summary")
    t.keys("Enter")
    #expect(t.waitFor("Total params: 84,392"))
    let screen = t.screen()
    let table = Self.tableLines(screen)
    #expect(table.count >= 8)
    // tmux pads nothing: a line that fits ends at its right border, all at the same column.
    let widths = Set(table.map { $0.trimmingCharacters(in: .whitespaces).count as Int })
    #expect(widths.count == 1, "borders line up: \(widths)")
    #expect(widths.allSatisfy { $0 <= columns })
    #expect(screen.contains("max_pooling2d"))
    #expect(screen.contains("MaxPooling2D"), "an alias shows Keras's class")
    #expect(screen.contains("18,496"))

    // Tab: an argument name inside a call, then the values of that argument.
    t.keys("C-l")
    t.type("Conv2D(8, 3, pad")
    t.keys("Tab")
    #expect(t.waitFor("Conv2D(8, 3, padding="))
    t.type("'")
    t.keys("Tab")
    #expect(t.waitFor { $0.contains("'valid'") && $0.contains("'same'") })
    t.keys("C-c")
    #expect(
      t.waitFor {
        $0.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "kshape>"
      })

    // A misspelt command is said as one.
    t.type("aply 32x32")
    t.keys("Enter")
    #expect(t.waitFor("did you mean 'apply'?"), "\(t.screen())")

    // Help wraps at word boundaries within the width.
    t.keys("C-l")
    t.type("help Conv2D")
    t.keys("Enter")
    #expect(t.waitFor("family: Convolution"))
    let help = t.screen().split(separator: "\n").map(String.init)
    #expect(help.allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= columns })
    #expect(!t.screen().contains("kernel_initialize\n"))
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// Ctrl-C during a long scan returns to the prompt with the session as it was.
  @Test func ctrlCStopsALongScan() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("ShapeEngineTests/Golden/modelfiles")
    let t = Tmux()
    try #require(
      t.start("cd \(folder.path) && env LANG=C \(Self.binary.path) --color never"),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    t.type("import densenet121.json")
    t.keys("Enter")
    #expect(t.waitFor("imported model"))
    t.type("Dense(10)")
    t.keys("Enter")
    #expect(t.waitFor("dense (Dense), 10,250 params"))
    // A statement that reads a shape (so every size replays the session) and computes a while:
    // a scan of seconds even in a release build (without it, 4,096 sizes took 0.65 s there,
    // over before Ctrl-C came).
    t.type("z = len(dense.shape) + sum(range(300000))")
    t.keys("Enter")
    #expect(t.waitFor("kshape> z = len"))
    t.keys("C-l")
    t.type("scan 1-4096")
    t.keys("Enter")
    // Past half a second the scan shows how far it is, on the terminal only.
    #expect(t.waitFor("scanning sizes 1-4096: "))
    let started = Date()
    t.keys("C-c")
    #expect(t.waitFor("interrupted (Ctrl-C) at size"))
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(t.waitFor { $0.split(separator: "\n").last?.hasPrefix("kshape>") == true })
    // The progress line is erased; the session is intact: the model and its Dense are there.
    #expect(!t.screen().contains("scanning sizes"))
    t.type("Dense(5)")
    t.keys("Enter")
    #expect(t.waitFor("dense_1 (Dense), 55 params"))
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// `help | less` pages the text as a shell would; `q` returns to the prompt.
  @Test func aPagerForLongOutput() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let t = Tmux()
    try #require(
      t.start("env LANG=C TERM=xterm \(Self.binary.path)", columns: 80, rows: 12),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    t.type("help | less")
    t.keys("Enter")
    #expect(t.waitFor { $0.contains("Statements") && !$0.contains("kshape> help | less\n") })
    #expect(t.waitFor { $0.split(separator: "\n").last?.hasPrefix(":") == true })
    t.keys("q")
    t.type("x = Input((None, 3))")
    t.keys("Enter")
    #expect(t.waitFor("(None, L, 3)"))
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// `q` on the first page of a summary longer than a pipe holds: kshape was still writing, and
  /// the pager's end (SIGPIPE) ended kshape with its session. Now the prompt comes back.
  @Test func quittingThePagerEarlyKeepsTheSession() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let t = Tmux()
    try #require(
      t.start("env LANG=C TERM=xterm \(Self.binary.path) --no-store", columns: 80, rows: 12),
      "tmux starts (apt-get install tmux)")
    #expect(t.waitFor("kshape>"))
    t.type("x = Input((None, 3))")
    t.keys("Enter")
    t.type("for i in range(3000): x = Dense(8)(x)")
    t.keys("Enter")
    t.keys("Enter")
    #expect(t.waitFor("kshape>"))
    t.type("summary | less")
    t.keys("Enter")
    #expect(t.waitFor { $0.split(separator: "\n").last?.hasPrefix(":") == true })
    t.keys("q")
    t.type("print(len(x.shape), x.shape[-1])")
    t.keys("Enter")
    #expect(t.waitFor("3 8"))
    #expect(t.alive)
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }

  /// A session left with Ctrl-D and resumed by name: the statements come back, `edit N` opens
  /// the line editor on statement N, and Ctrl-R finds a line typed in the earlier run.
  @Test func resumeEditAndSearchAcrossRuns() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "kshape is built")
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-resume-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: home) }
    let command = "env LANG=C KSHAPE_HOME=\(home) \(Self.binary.path)"
    do {
      let t = Tmux()
      try #require(t.start(command + " -s lesson"), "tmux starts")
      #expect(t.waitFor("new session 'lesson'"))
      t.type("x = Input((None, None, 3))")
      t.keys("Enter")
      t.type("Conv2D(8, 3)")
      t.keys("Enter")
      #expect(t.waitFor("(None, H-2, W-2, 8)"))
      t.type("Dense(10)")
      t.keys("Enter")
      #expect(t.waitFor("(None, H-2, W-2, 10)"))
      t.keys("C-d")
      #expect(t.waitFor { _ in !t.alive })
    }
    let t = Tmux()
    try #require(t.start(command + " -r"), "tmux starts")
    #expect(t.waitFor("resumed session 'lesson': 3 statements"))
    // edit 2: the editor holds "Conv2D(8, 3)"; change the kernel to 5.
    t.type("edit 2")
    t.keys("Enter")
    #expect(t.waitFor("edit 2> Conv2D(8, 3)"))
    t.keys("BSpace", "BSpace")
    t.type("5)")
    t.keys("Enter")
    #expect(t.waitFor("statement 2 is now: Conv2D(8, 5) (was: Conv2D(8, 3))"))
    #expect(t.waitFor("last tensor: (None, H-4, W-4, 10)"))
    t.type("undo")
    t.keys("Enter")
    #expect(t.waitFor("last tensor: (None, H-2, W-2, 10)"))
    // Ctrl-R reaches a line from the first run.
    t.keys("C-r")
    t.type("Dens")
    #expect(t.waitFor("Dense(10)"))
    t.keys("C-c")
    #expect(
      t.waitFor {
        $0.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "kshape>"
      })
    t.keys("C-d")
    #expect(t.waitFor { _ in !t.alive })
  }
}
