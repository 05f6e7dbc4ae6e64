import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor

/// The `kshape` command: the REPL on a terminal, a script runner otherwise.
@main
struct KShape: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kshape",
    abstract: "Keras shapes without Python: stack layers, apply sizes, see Keras's answer.",
    version: Version.text,
    subcommands: [Start.self, Run.self, InspectModel.self], defaultSubcommand: Start.self)
}

extension Colour.Mode: ExpressibleByArgument {}

struct Options: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object per statement (JSON Lines).")
  var json = false

  @Option(
    name: .long,
    help: "Colour: never, always, or auto (on a terminal, unless NO_COLOR or TERM=dumb).")
  var color: Colour.Mode = .auto

  /// A REPL writing to the standard streams, in colour where asked, fitting the terminal's width.
  func makeREPL() -> REPL {
    let repl = REPL(output: .standard(color: color))
    if !json {
      repl.measureWidth = { TerminalSize.columns(STDOUT_FILENO) }
    }
    return repl
  }
}

/// `kshape [-c STATEMENTS] [--json]`: interactive on a terminal; reads stdin otherwise.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the REPL (the default), or run -c statements.")

  @Option(name: .customShort("c"), help: "Run these statements (separated by ';') and exit.")
  var command: String?

  @Argument(help: "A script to run, as `kshape run FILE` does.")
  var file: String?

  @OptionGroup var options: Options

  func run() throws {
    if let file {
      throw ExitCode(Run.runScript(file, options))
    }
    let repl = options.makeREPL()
    if let command {
      throw ExitCode(repl.runScript([command], json: options.json))
    }
    if !options.json, let reader = LibEditReader(programName: "kshape") {
      reader.completion = { [repl] in repl.completions($0) }
      REPL.interruptWhen { [reader] in reader.interruptRequested }
      repl.runInteractive(reader)
      return
    }
    var lines: [String] = []
    while let line = readLine() { lines.append(line) }
    throw ExitCode(repl.runScript(lines, json: options.json))
  }
}

/// `kshape run FILE [--json]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a script of statements.")

  @Argument(help: "The script: one statement per line.")
  var file: String

  @OptionGroup var options: Options

  func run() throws { throw ExitCode(Self.runScript(file, options)) }

  /// Runs the script at `file`; the exit status (2 when it cannot be read).
  static func runScript(_ file: String, _ options: Options) -> Int32 {
    guard let data = FileManager.default.contents(atPath: file) else {
      FileHandle.standardError.write(Data("kshape: cannot read '\(file)'\n".utf8))
      return 2
    }
    guard let text = String(data: data, encoding: .utf8) else {
      FileHandle.standardError.write(Data("kshape: '\(file)' is not UTF-8 text\n".utf8))
      return 2
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.hasSuffix("\r") ? $0.dropLast() : $0)
    }
    return options.makeREPL().runScript(lines, json: options.json)
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

  @Option(name: .long, help: "A size to evaluate at (repeat for several).")
  var size: [String] = []

  @Option(name: .long, help: "The batch dim (default: as declared, usually None).")
  var batch: Int?

  @Flag(name: .long, help: "Print {\"model\": NAME, \"results\": [one apply object per size]}.")
  var json = false

  @Flag(name: .long, help: "One line per size instead of every layer.")
  var summary = false

  @Option(
    name: .customLong("assume-identity"),
    help: "Treat this custom class as shape-preserving (repeat for several).")
  var assumeIdentity: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "FROM-TO: evaluate every size s in the range (each unknown dim = s); show which evaluate "
        + "and which layer rejects the others."))
  var scan: String?

  func validate() throws {
    if let batch, batch <= 0 { throw ValidationError("--batch must be a positive int") }
  }

  func run() throws {
    var inspect = Inspect(
      path: model, sizes: size, batch: batch, json: json, summaryOnly: summary,
      assumeIdentity: assumeIdentity, scan: scan)
    inspect.width = TerminalSize.columns(STDOUT_FILENO)
    throw ExitCode(inspect.run(.standard))
  }
}

extension Output {
  /// stdout and stderr, a line each; stdout is flushed before each error, so that both keep
  /// their order when they go to one pipe.
  static var standard: Output { standard(color: .never) }

  static func standard(color: Colour.Mode) -> Output {
    let env = ProcessInfo.processInfo.environment
    let paintOut = Colour.enabled(
      color, isTerminal: TerminalSize.isTerminal(STDOUT_FILENO), environment: env)
    let paintErr = Colour.enabled(
      color, isTerminal: TerminalSize.isTerminal(STDERR_FILENO), environment: env)
    var output = Output(
      out: { print(paintOut ? Colour.paint($0) : $0) },
      err: {
        fflush(nil)
        FileHandle.standardError.write(Data(((paintErr ? Colour.paint($0) : $0) + "\n").utf8))
      })
    if TerminalSize.isTerminal(STDOUT_FILENO) {
      output.page = { Pager.show(paintOut ? Colour.paint($0) : $0, through: $1) }
    }
    return output
  }
}
