import Foundation
import Testing

/// The real binary from a shell: `kshape FILE`, `--version`, both streams in one pipe, colour
/// switches, and `~` in paths.
@Suite struct CommandLineHabitsTests {
  /// Runs `command` with /bin/sh (stdout and stderr into one file); the status and the text.
  static func shell(_ command: String) -> (status: Int32, output: String) {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-cli-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    var pid: pid_t = 0
    let words = ["/bin/sh", "-c", "{ " + command + "; } </dev/null >'\(out)' 2>&1"]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return (-1, "") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xff, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
  }

  static var kshape: String { TerminalTests.binary.path }

  static func script(_ lines: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-\(UUID().uuidString).ks").path
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func versionAndAScriptWithoutRun() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let version = Self.shell("\(Self.kshape) --version")
    #expect(version.status == 0 && version.output.hasPrefix("kshape "))
    let file = try Self.script(["x = Input((None, 3))", "Conv1D(4, 3)", "apply 10"])
    defer { try? FileManager.default.removeItem(atPath: file) }
    let run = Self.shell("\(Self.kshape) '\(file)'")
    #expect(run.status == 0)
    #expect(run.output.contains("(None, 8, 4)"))
  }

  @Test func outputAndErrorKeepTheirOrderInOnePipe() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let file = try Self.script(["x = Input((None, None, 3))", "Conv2D(3, 5)", "apply 4x4"])
    defer { try? FileManager.default.removeItem(atPath: file) }
    let run = Self.shell("\(Self.kshape) run '\(file)' 2>&1 | cat")
    let table = try #require(run.output.range(of: "Applied at 4x4:"))
    let failure = try #require(run.output.range(of: "line 3: failed at layer conv2d"))
    #expect(table.lowerBound < failure.lowerBound)
  }

  @Test func colourOnlyWhenAsked() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let line = "'x = Input((None, 3)); Conv1D(4, 5); apply 3'"
    #expect(
      Self.shell("\(Self.kshape) --color always -c \(line)").output.contains("\u{1B}[1;31merror:"))
    #expect(!Self.shell("\(Self.kshape) -c \(line)").output.contains("\u{1B}["))
    #expect(
      !Self.shell("NO_COLOR=1 \(Self.kshape) --color auto -c \(line)").output.contains("\u{1B}["))
  }

  @Test func limitedVirtualMemoryStartsOnASmallerStackInsteadOfHanging() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    // 600 MB of address space has no room for the 512 MiB stack kshape's thread asks first: the
    // thread starts on a smaller one (it waited forever before), and recursion is still measured
    // against the stack it has, so deep nesting stops as Python's error, not a crash.
    let nested =
      String(repeating: "g(", count: 190) + "f(n + 1)" + String(repeating: ")", count: 190)
    let file = try Self.script([
      "x = Input((None, 3))", "Dense(4)", "def g(x):", "    return x", "def f(n):",
      "    return " + nested, "f(0)",
    ])
    defer { try? FileManager.default.removeItem(atPath: file) }
    let run = Self.shell("ulimit -v 600000; timeout 60 \(Self.kshape) run '\(file)'")
    #expect(run.status == 1, "\(run.output)")
    #expect(run.output.contains("(None, None, 4)"), "\(run.output)")
    #expect(run.output.contains("RecursionError"), "\(run.output)")
  }

  @Test func tooLittleVirtualMemoryToStartIsSaidNotATrap() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    // From a limit that runs a statement down, 4 MB at a time: the first limit too small must
    // get kshape's own refusal (status 2), where the first allocation on its thread stopped the
    // process with Swift's "failed to allocate" (a limit leaving its stack and a few KB).
    var limit = 400_000
    var ran = false
    while limit > 0 {
      let run = Self.shell("ulimit -v \(limit); \(Self.kshape) -c 'print(1)'")
      if run.status == 0, run.output == "1\n" {
        ran = true
        limit -= 4_000
        continue
      }
      #expect(run.status == 2, "ulimit -v \(limit): \(run.status) \(run.output)")
      #expect(
        run.output.hasPrefix(
          "kshape: cannot start: a limit on virtual memory (ulimit -v) leaves it"),
        "ulimit -v \(limit): \(run.output)")
      break
    }
    #expect(ran && limit > 0)
  }

  @Test func limitedVirtualMemoryIsAMemoryErrorNotAFailedAllocation() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    // Under 600 MB of address space malloc fails long before the interpreter's own 768 MiB:
    // Swift then stopped the process ("failed to allocate", status 134). The limit now leaves
    // room for what is mapped, so the program gets Python's MemoryError.
    let run = Self.shell(
      "ulimit -v 600000; timeout 60 \(Self.kshape) -c 'x = [[0] * 1000 for i in range(30000)]'")
    #expect(run.status == 1, "\(run.output)")
    #expect(
      run.output.contains("MemoryError: kshape's memory would pass"), "\(run.output)")
    #expect(!run.output.contains("limit of 768 MiB"), "\(run.output)")
  }

  /// Containers that grow an item at a time double their storage while they hold the old one:
  /// under a small limit that doubling failed in malloc ("failed to allocate", status 134) between
  /// two of the interpreter's checks, and freeing the data after the MemoryError copied it.
  @Test(arguments: [
    "x = {}\nfor i in range(3_000_000): x[i] = i",
    "x = []\nfor i in range(4_000_000): x.append(i)",
    "x = []\nfor i in range(3_000_000): x += [i]",
    "x = {i: i for i in range(2_000_000)}",
    "x = [i for i in range(5_000_000)]",
    "x = {i for i in range(3_000_000)}",
  ])
  func limitedVirtualMemoryStopsAGrowingContainerWithAMemoryError(program: String) throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let script = FileManager.default.temporaryDirectory.appendingPathComponent(
      "grow-\(UUID().uuidString).py")
    try program.write(to: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: script) }
    let run = Self.shell("ulimit -v 160000; timeout 60 \(Self.kshape) run '\(script.path)'")
    #expect(run.status == 1, "\(run.output)")
    #expect(
      run.output.contains("MemoryError: kshape's memory would pass"), "\(run.output)")
  }

  /// What fits under a small limit still runs: the heap's start-up reservation (128 MiB) counted
  /// against a 250 MB limit and left the interpreter less room than it already mapped, so a
  /// list of 200,000 numbers was a MemoryError at its first large growth.
  @Test func limitedVirtualMemoryStillRunsWhatFits() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let run = Self.shell(
      "ulimit -v 250000; timeout 60 \(Self.kshape) -c 'x = [i for i in range(200_000)]; "
        + "y = {i: i for i in range(300_000)}; print(len(x), len(y))'")
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("200000 300000"), "\(run.output)")
  }

  @Test func tildeIsHomeForExportAndImport() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.kshape), "kshape is built")
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let export = Self.shell(
      "HOME='\(home.path)' \(Self.kshape) -c 'x = Input((None, 3)); Dense(4); export keras ~/m.json'"
    )
    #expect(export.status == 0, "\(export.output)")
    #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("m.json").path))
    let imported = Self.shell("HOME='\(home.path)' \(Self.kshape) -c 'import ~/m.json'")
    #expect(imported.status == 0, "\(imported.output)")
    #expect(imported.output.contains("imported model"))
  }
}
