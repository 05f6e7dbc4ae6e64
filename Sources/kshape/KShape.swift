import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor
import PythonRuntime
import SessionStore

/// The `kshape` command: the REPL on a terminal, a script runner otherwise.
///
/// Exit status: 0 success; 1 a statement or size failed; 2 input that cannot be read (a file,
/// a script line too long or not UTF-8, an argument not UTF-8) or output that cannot be written;
/// 64 a usage error; 131 Ctrl-\ (SIGQUIT, the system's default).
@main
struct KShape: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kshape",
    abstract: "Keras shapes without Python: stack layers, apply sizes, see Keras's answer.",
    version: Version.text,
    subcommands: [Start.self, Run.self, InspectModel.self], defaultSubcommand: Start.self)

  static func main() {
    // Before any other thread exists: the heap kshape's own thread will use.
    MemoryUse.tuneHeap()
    // Ctrl-\ quits at once with the usual status instead of running Swift's crash reporter.
    signal(SIGQUIT, SIG_DFL)
    // What swift-argument-parser prints (help, version) goes through stdio: a failed flush at
    // exit is reported too, instead of exiting 0 with the text lost.
    atexit(flushAtExit)
    if let bad = CommandLine.firstNonUTF8Argument {
      let streams = StandardStreams()
      streams.err(
        "kshape: argument \(bad.index) is not UTF-8 text (\(bad.shown)); kshape takes paths and"
          + " statements in UTF-8 (rename the file)")
      Foundation.exit(2)
    }
    // Everything runs on one thread with the large stack the Python interpreter needs for deep
    // (bounded) recursion, instead of a new thread for every statement. (Foundation's `Thread`
    // says nothing when its thread cannot be made: this thread then waited forever.)
    // This thread then parks with every signal blocked (Ctrl-C must interrupt the worker's
    // read, libedit redraws on its SIGWINCH); it returns only when no thread could be made.
    let why = Interpreter.runOnOwnThread {
      KShape.runCommandLine()
      Foundation.exit(0)
    }
    // Written at once, without the output's buffer: there may be no memory for one.
    let message = Array("kshape: cannot start: \(why)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    Foundation.exit(2)
  }
}

/// What swift-argument-parser prints (help, version) goes through stdio: a failed flush at exit
/// is reported too, instead of exiting 0 with the text lost.
private func flushAtExit() {
  if fflush(nil) != 0 {
    let message = Array("kshape: cannot write the output to stdout\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    _exit(2)
  }
}

/// Ends the process with `status` once the output is written (`StandardStreams.finish`),
/// while `kept` is still alive: the system takes the heap back at once, where freeing a large
/// session or model object by object took longer than printing it. (Thrown as an `ExitCode`,
/// the status would print nothing and exit the same way, after the objects were freed.)
func exitKeeping(_ status: Int32, _ kept: Any?) -> Never {
  withExtendedLifetime(kept) { Foundation.exit(status) }
}

extension CommandLine {
  /// The first argument whose bytes are not UTF-8 (Swift would replace them with U+FFFD and a
  /// path would then name another file), with its 1-based position and a printable form.
  static var firstNonUTF8Argument: (index: Int, shown: String)? {
    // `argc` can be 0 (execve with an empty argv): no range that could trap.
    for i in stride(from: 1, to: Int(argc), by: 1) {
      guard let raw = unsafeArgv[i] else { continue }
      if String(validatingCString: raw) == nil {
        let bytes = UnsafeBufferPointer(
          start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        return (i, "'" + String(decoding: bytes, as: UTF8.self) + "'")
      }
    }
    return nil
  }
}

/// `kshape [-c STATEMENTS] [--json]`: interactive on a terminal; reads stdin otherwise.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", _superCommandName: "kshape",
    abstract: "Start the REPL (the default), or run -c statements.")

  // Every option's value is taken as written, even when it starts with '-' (`--size -3`,
  // `--batch -5`, `-c '-x'`): it is then refused with a message about the value itself.
  @Option(
    name: .customShort("c"), parsing: .unconditional,
    help: "Run these statements (separated by ';') and exit.")
  var command: String?

  @Argument(help: "A script to run, as `kshape run FILE` does.")
  var file: String?

  @Option(
    name: .customShort("i"),
    help: ArgumentHelp(
      "Run this script into the session, then stay interactive.", valueName: "FILE"))
  var script: String?

  @OptionGroup var options: Options
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    if let file { Run.runFile(file, options, storeOptions) }
    let streams = StandardStreams()
    let repl = options.makeREPL(streams)
    if let command {
      // A one-liner is saved only into a session named or resumed.
      if storeOptions.named { storeOptions.open(repl, interactive: false) }
      Self.runText(command, json: options.json, streams: streams, repl: repl)
    }
    Self.session(
      repl, streams: streams, script: script, json: options.json, store: storeOptions.choice)
  }
}

extension Start {
  /// The REPL on a terminal (`script` run into the session first), else the statements piped
  /// to stdin, each stored before its result is shown; then the process ends.
  static func session(
    _ repl: REPL, streams: StandardStreams, script: String?, json: Bool, store: StoreChoice
  ) -> Never {
    if !json, let reader = LibEditReader(programName: "kshape") {
      store.open(repl, interactive: true)
      reader.loadHistory(repl.storedHistory())
      reader.completion = { [repl] in repl.completions($0) }
      REPL.interruptWhen { [reader] in reader.interruptRequested }
      repl.confirm = { [reader] question in
        if case .line(let answer) = reader.readLine(prompt: question) {
          return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        return false
      }
      if let script { _ = repl.runFile(script, json: false) }
      repl.runInteractive(reader)
      if let goodbye = repl.closeSession() { streams.out(goodbye) }
      exitKeeping(streams.finish(0), repl)
    }
    store.open(repl, interactive: false)
    if let script, !repl.runFile(script, json: json) {
      exitKeeping(streams.finish(1), repl)
    }
    // Piped statements run as they arrive; each is stored before its result is shown.
    let reader = PlainReader()
    reader.willRead = { streams.flush() }
    let status = repl.runScript(reader, json: json)
    repl.closeSession()
    exitKeeping(streams.finish(status), repl)
  }

  /// `-c TEXT`: its lines run as a script's (line numbers and carets stay right, an indented
  /// block keeps its indentation, and `x = Input((4,)); apply 8` is split by the script reader
  /// where a command shares a line with code), then the process ends.
  static func runText(_ text: String, json: Bool, streams: StandardStreams, repl: REPL) -> Never {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    exitKeeping(streams.finish(repl.runScript(lines, json: json, name: "<string>")), repl)
  }
}

/// `kshape run FILE [--json]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", _superCommandName: "kshape", abstract: "Run a script of statements.")

  @Argument(help: "The script: one statement per line.")
  var file: String

  @OptionGroup var options: Options
  @OptionGroup var storeOptions: StoreOptions

  func run() throws { Self.runFile(file, options, storeOptions) }

  /// Runs the script at `file` as it is read and exits: 2 when it cannot be read or the output
  /// cannot be written. It is saved only into a session named (`--session NAME`) or resumed.
  static func runFile(_ file: String, _ options: Options, _ storeOptions: StoreOptions) -> Never {
    runFile(file, json: options.json) { streams in
      let repl = options.makeREPL(streams)
      if storeOptions.named { storeOptions.open(repl, interactive: false) }
      return repl
    }
  }

  /// `runFile` with the REPL `makeREPL` gives (its session opened where one is named).
  static func runFile(
    _ file: String, json: Bool, makeREPL: (StandardStreams) -> REPL
  ) -> Never {
    let streams = StandardStreams()
    if let notice = ScriptFile.modelNotice(file) {
      streams.err("kshape: \(notice.message)\nhint: \(notice.hint)")
      exitKeeping(streams.finish(2), nil)
    }
    let reader: PlainReader
    do {
      reader = try PlainReader.open(path: file)
    } catch {
      streams.err("kshape: " + error.message)
      exitKeeping(streams.finish(2), nil)
    }
    reader.willRead = { streams.flush() }
    let repl = makeREPL(streams)
    let status = repl.runScript(reader, json: json, name: file)
    repl.closeSession()
    exitKeeping(streams.finish(status), repl)
  }
}

/// `kshape inspect MODEL [--size SIZE]... [--batch N] [--json] [--summary]`.
struct InspectModel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", _superCommandName: "kshape",
    abstract: "Evaluate a saved Keras model (.keras archive or JSON config) at the sizes given.",
    discussion: """
      Without --size, shows the declared shapes. Each --size (apply's syntax: 224x224, 100, \
      img=224x224 seq=100) evaluates every layer at that size, as Keras rebuilds the model for \
      it. Exit status: 0 when every size evaluates, 1 when one fails, 2 when the file cannot be \
      read or evaluated.
      """)

  @Argument(help: "The model: a .keras archive, model.to_json() output, or a get_config() dict.")
  var model: String

  @Option(
    name: .long, parsing: .unconditionalSingleValue,
    help: "A size to evaluate at (repeat for several).")
  var size: [String] = []

  @Option(
    name: .long, parsing: .unconditional,
    help: "The batch dim (default: as declared, usually None).")
  var batch: Int?

  @Flag(name: .long, help: "Print {\"model\": NAME, \"results\": [one apply object per size]}.")
  var json = false

  @Flag(name: .long, help: "One line per size instead of every layer.")
  var summary = false

  @Flag(
    name: .long,
    help: "MACs, FLOPs and activation memory per layer and in total (docs/cost.md).")
  var cost = false

  @Option(
    name: .customLong("assume-identity"), parsing: .unconditionalSingleValue,
    help: "Treat this custom class as shape-preserving (repeat for several).")
  var assumeIdentity: [String] = []

  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp(
      "FROM-TO: evaluate every size s in the range (each unknown dim = s); show which evaluate "
        + "and which layer rejects the others."))
  var scan: String?

  @Flag(
    name: .long,
    help: "The size rules: which sizes of each unknown dim evaluate, as conditions from the layers."
  )
  var rules = false

  @Flag(
    name: .customLong("receptive-field"),
    help: "Add each layer's receptive field and jump per spatial axis (RF, Jump; JSON too).")
  var receptiveField = false

  func validate() throws {
    if let batch, batch <= 0 { throw ValidationError("--batch must be a positive int") }
  }

  func run() throws {
    var inspect = Inspect(
      path: model, sizes: size, batch: batch, json: json, summaryOnly: summary,
      assumeIdentity: assumeIdentity, scan: scan)
    inspect.rules = rules
    inspect.receptiveField = receptiveField
    inspect.cost = cost
    Self.run(inspect)
  }

  /// Runs `inspect` on the standard streams, as wide as the terminal, and exits.
  static func run(_ inspect: Inspect) -> Never {
    var inspect = inspect
    inspect.width = TerminalSize.columns(STDOUT_FILENO)
    let streams = StandardStreams()
    inspect.run(streams.output) { status, inspection in
      exitKeeping(streams.finish(status), inspection)
    }
  }
}

extension StandardStreams {
  /// The REPL's output over these streams, painted where colour is on, through a pager on a
  /// terminal when asked (`summary | less`).
  func output(color: Colour.Mode) -> Output {
    let env = ProcessEnvironment.values(["NO_COLOR", "TERM"])
    let paintOut = Colour.enabled(
      color, isTerminal: TerminalSize.isTerminal(STDOUT_FILENO), environment: env)
    let paintErr = Colour.enabled(
      color, isTerminal: TerminalSize.isTerminal(STDERR_FILENO), environment: env)
    var output = Output(
      out: { [self] in out(paintOut ? Colour.paint($0) : $0) },
      err: { [self] in err(paintErr ? Colour.paint($0) : $0) },
      stopped: { [self] in outputFailure != nil })
    if !paintOut {
      output.outBytes = { [self] in out(bytes: $0) }
      output.outBuffer = { [self] in out(buffer: $0) }
    }
    if TerminalSize.isTerminal(STDOUT_FILENO) {
      output.page = { [self] text, pager in
        flush()
        return Pager.show(paintOut ? Colour.paint(text) : text, through: pager)
      }
    }
    return output
  }
}
