import Foundation
import KShapeREPL
import KerasJSON
import LineEditor

/// Runs fuzz inputs through kshape's public entry points: `REPL.runScript` (statements, which
/// goes through `Session.submit`), `Inspect.run` and `import` (model files), in this process;
/// and every so often the `kshape` binary itself, whose crashes are caught and saved without
/// stopping the run. The input being run in-process is always in `OUT/current.*`, so a crash
/// that kills the fuzzer leaves its reproducer behind.
final class Runner {
  let out: URL
  let binary: String?
  let watchdog: Watchdog
  var counts: [String: Int] = [:]
  var findings: [String] = []

  init(out: URL, binary: String?, timeout: Double, maxRSSBytes: Int) throws {
    self.out = out
    self.binary = binary
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("crashes"), withIntermediateDirectories: true)
    watchdog = Watchdog(timeout: timeout, maxRSSBytes: maxRSSBytes)
    watchdog.start()
  }

  /// Writes the input being run where a crash leaves it, and how it is run (`current.args`).
  func current(_ bytes: [UInt8], ext: String, how: String) -> URL {
    let url = out.appendingPathComponent("current." + ext)
    FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    FileManager.default.createFile(
      atPath: out.appendingPathComponent("current.args").path,
      contents: Data((how + "\n").utf8))
    watchdog.begin(url.path)
    return url
  }

  func count(_ key: String) { counts[key, default: 0] += 1 }

  /// A script in-process, as a script (stops at the first failure) or as typed at the prompt
  /// (every line runs); output is collected and dropped.
  func statements(_ lines: [String], json: Bool, interactive: Bool) {
    _ = current(
      Array(lines.joined(separator: "\n").utf8), ext: "kshape",
      how: interactive ? "typed (runInteractive)" : "script (runScript), json \(json)")
    var bytes = 0
    let repl = REPL(output: Output(out: { bytes += $0.utf8.count }, err: { bytes += $0.count }))
    if interactive {
      repl.runInteractive(ScriptedReader(lines: lines))
      count("statements typed")
    } else {
      count("statements exit \(repl.runScript(lines, json: json))")
    }
    watchdog.end()
  }

  /// A model file in-process: inspected at the sizes, and imported into a session.
  func model(_ bytes: [UInt8], ext: String, sizes: [String], scan: String?, batch: Int?) {
    let how =
      "inspect --size \(sizes) --scan \(scan ?? "-") --batch \(batch.map(String.init) ?? "-");"
      + " then import, apply \(sizes.first ?? "32x32"), summary"
    let url = current(bytes, ext: ext, how: how)
    let quiet = Output(out: { _ in }, err: { _ in })
    let status = Inspect(path: url.path, sizes: sizes, batch: batch, json: false, scan: scan)
      .run(quiet)
    count("\(ext) inspect exit \(status)")
    let repl = REPL(output: quiet)
    _ = repl.runScript(
      ["import \(url.path)", "apply " + (sizes.first ?? "32x32"), "summary"], json: true)
    watchdog.end()
  }

  /// A damaged session store in-process (`StoreMutator.exercise`): `changes` is the SQL that
  /// damaged it, kept beside it in `current.args`.
  func store(_ bytes: [UInt8], changes: [String]) {
    let url = current(
      bytes, ext: "sqlite", how: "store damaged by: " + changes.joined(separator: "; "))
    StoreMutator.removeJournal(of: url.path)
    count("store " + StoreMutator.exercise(url.path))
    watchdog.end()
  }

  /// The commands a resumed damaged store is given (through stdin).
  static let storeCommands = "undo\nredo\nDense(2)\nundo\nsessions\napply 16x16\n"

  /// The binary on a script (stdin), a model file (`inspect`) or a session store (`--resume`,
  /// given `storeCommands`); a signal or a timeout is saved under `crashes/` and the run goes on.
  func binary(_ bytes: [UInt8], ext: String, arguments: [String], index: Int) {
    guard let binary else { return }
    let input = out.appendingPathComponent("binary-input." + ext)
    StoreMutator.removeJournal(of: input.path)
    FileManager.default.createFile(atPath: input.path, contents: Data(bytes))
    // A script keeps its statements in a store of the run's own, not the user's (thousands of
    // runs made thousands of sessions there).
    let store = ext == "kshape" ? ["--store", out.appendingPathComponent("store.sqlite").path] : []
    let args = store + arguments.map { $0 == "@" ? input.path : $0 }
    var stdin = ext == "kshape" ? input.path : "/dev/null"
    if ext == "sqlite" {
      stdin = out.appendingPathComponent("store-commands.kshape").path
      FileManager.default.createFile(atPath: stdin, contents: Data(Self.storeCommands.utf8))
    }
    let result = Self.spawn(binary, args, stdin: stdin, timeout: watchdog.timeout)
    switch result {
    case .exited(let status) where [0, 1, 2].contains(status):
      count("binary \(ext) exit \(status)")
    default:
      let name = "binary-\(index).\(ext)"
      try? FileManager.default.removeItem(at: out.appendingPathComponent("crashes/" + name))
      try? FileManager.default.copyItem(
        at: input, to: out.appendingPathComponent("crashes/" + name))
      let line = "\(result) running kshape \(arguments.joined(separator: " ")) on crashes/\(name)"
      findings.append(line)
      print("kshape-fuzz: FOUND " + line)
      count("binary findings")
    }
  }

  enum SpawnResult: CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
    case failed

    var description: String {
      switch self {
      case .exited(let s): return "exit status \(s)"
      case .signalled(let s): return "signal \(s)"
      case .timedOut: return "a hang"
      case .failed: return "spawn failure"
      }
    }
  }

  /// Runs `path` with `args`, stdin from a file, stdout and stderr discarded, killed after
  /// `timeout` seconds of its CPU time, or six times that of wall time.
  static func spawn(_ path: String, _ args: [String], stdin: String, timeout: Double)
    -> SpawnResult
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let words = [path] + args
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return .failed }
    // As the in-process watchdog: the child's CPU time decides, for a machine loaded by builds
    // stretches wall time (two "hangs" of 0.01 s inputs came from that); wall time six times
    // over catches a child that blocks without computing.
    let started = ContinuousClock.now
    let wallLimit = Duration.milliseconds(Int(timeout * 6000))
    var status: Int32 = 0
    var polls = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      polls += 1
      let wall = ContinuousClock.now - started
      // /proc is read once the wall time alone could be a hang (every 50th poll, 0.1 s apart).
      if wall > wallLimit
        || (wall > .milliseconds(Int(timeout * 1000)) && polls % 50 == 0
          && childCPUSeconds(pid) > timeout)
      {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return .timedOut
      }
      usleep(2000)
    }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
  }
}

/// CPU time (user and system) of child `pid` so far, from /proc/PID/stat; 0 when unreadable.
func childCPUSeconds(_ pid: pid_t) -> Double {
  guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = text.lastIndex(of: ")")
  else { return 0 }
  // After the command's name in parentheses: state is field 3, utime 14 and stime 15.
  let fields = text[text.index(after: close)...].split(separator: " ")
  guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
    return 0
  }
  return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// A thread that ends the process when one in-process input runs too long or memory grows past
/// the limit, saying which input (the run's other findings are crashes, which end it anyway).
final class Watchdog: @unchecked Sendable {
  let timeout: Double
  let maxRSSBytes: Int
  private let lock = NSLock()
  private var started: ContinuousClock.Instant?
  private var startedCPU = 0.0
  private var path = ""

  init(timeout: Double, maxRSSBytes: Int) {
    self.timeout = timeout
    self.maxRSSBytes = maxRSSBytes
  }

  func begin(_ path: String) {
    lock.lock()
    started = .now
    startedCPU = Self.processCPUSeconds()
    self.path = path
    lock.unlock()
  }

  func end() {
    lock.lock()
    started = nil
    lock.unlock()
  }

  func start() {
    let thread = Thread { [self] in
      while true {
        Thread.sleep(forTimeInterval: 0.2)
        lock.lock()
        let (since, cpuSince, path) = (started, startedCPU, self.path)
        lock.unlock()
        // CPU time decides (a loaded machine stretches wall time); wall time six times over
        // catches an input that blocks without computing.
        if let since {
          let cpu = Self.processCPUSeconds() - cpuSince
          let wall = ContinuousClock.now - since
          if cpu > timeout || wall > .milliseconds(Int(timeout * 6000)) {
            Self.die(
              "HANG: an input ran \(Int(cpu)) s of CPU (\(wall.components.seconds) s wall): \(path)"
                + " (how: current.args)", status: 3)
          }
        }
        let rss = Self.residentBytes()
        if rss > maxRSSBytes {
          Self.die("MEMORY: \(rss >> 20) MiB resident while running \(path)", status: 4)
        }
      }
    }
    thread.start()
  }

  static func die(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(("kshape-fuzz: " + message + "\n").utf8))
    exit(status)
  }

  /// CPU time of the whole process (user and system), in seconds.
  static func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Resident memory from /proc/self/statm (0 where there is none).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
