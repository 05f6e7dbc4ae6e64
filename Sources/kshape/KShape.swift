import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor

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
    subcommands: [Start.self, Run.self, InspectModel.self], defaultSubcommand: Start.self)

  static func main() {
    // Ctrl-\ quits at once with the usual status instead of running Swift's crash reporter.
    signal(SIGQUIT, SIG_DFL)
    // What swift-argument-parser prints (help, version) goes through stdio: a failed flush at
    // exit is reported too, instead of exiting 0 with the text lost.
    atexit {
      if fflush(nil) != 0 {
        let message = Array("kshape: cannot write the output to stdout\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        _exit(2)
      }
    }
    if let bad = CommandLine.firstNonUTF8Argument {
      let streams = StandardStreams()
      streams.err(
        "kshape: argument \(bad.index) is not UTF-8 text (\(bad.shown)); kshape takes paths and"
          + " statements in UTF-8 (rename the file)")
      Foundation.exit(2)
    }
    main(nil)
  }
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

struct Options: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object per statement (JSON Lines).")
  var json = false
}

/// `kshape [-c STATEMENTS] [--json]`: interactive on a terminal; reads stdin otherwise.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the REPL (the default), or run -c statements.")

  // Every option's value is taken as written, even when it starts with '-' (`--size -3`,
  // `--batch -5`, `-c '-x'`): it is then refused with a message about the value itself.
  @Option(
    name: .customShort("c"), parsing: .unconditional,
    help: "Run these statements (separated by ';') and exit.")
  var command: String?

  @OptionGroup var options: Options

  func run() throws {
    let streams = StandardStreams()
    let repl = REPL(output: streams.output)
    if let command {
      // A newline in -c separates lines as in a script (line numbers and carets stay right).
      let lines = REPL.commandLineStatements(command)
      throw ExitCode(streams.finish(repl.runScript(lines, json: options.json, name: "<string>")))
    }
    if !options.json, let reader = LibEditReader(programName: "kshape") {
      reader.completion = { [repl] in repl.completions($0) }
      repl.runInteractive(reader)
      throw ExitCode(streams.finish(0))
    }
    let reader = PlainReader()
    reader.willRead = { streams.flush() }
    throw ExitCode(streams.finish(repl.runScript(reader, json: options.json)))
  }
}

/// `kshape run FILE [--json]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a script of statements.")

  @Argument(help: "The script: one statement per line.")
  var file: String

  @OptionGroup var options: Options

  func run() throws {
    let streams = StandardStreams()
    let reader: PlainReader
    do {
      reader = try PlainReader.open(path: file)
    } catch {
      streams.err("kshape: " + error.message)
      throw ExitCode(streams.finish(2))
    }
    reader.willRead = { streams.flush() }
    let status = REPL(output: streams.output).runScript(reader, json: options.json, name: file)
    throw ExitCode(streams.finish(status))
  }
}

/// `kshape inspect MODEL [--size SIZE]... [--batch N] [--json] [--summary]`.
struct InspectModel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
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

  func validate() throws {
    if let batch, batch <= 0 { throw ValidationError("--batch must be a positive int") }
  }

  func run() throws {
    let inspect = Inspect(
      path: model, sizes: size, batch: batch, json: json, summaryOnly: summary,
      assumeIdentity: assumeIdentity, scan: scan)
    let streams = StandardStreams()
    throw ExitCode(streams.finish(inspect.run(streams.output)))
  }
}
