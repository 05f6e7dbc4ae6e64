import ArgumentParser
import Foundation
import KShapeREPL
import LineEditor
import SessionStore

/// The `kshape` command: the REPL on a terminal, a script runner otherwise.
@main
struct KShape: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kshape",
    abstract: "Keras shapes without Python: stack layers, apply sizes, see Keras's answer.",
    subcommands: [Start.self, Run.self, InspectModel.self], defaultSubcommand: Start.self)
}

struct Options: ParsableArguments {
  @Flag(name: .long, help: "Print one JSON object per statement (JSON Lines).")
  var json = false
}

/// Which session of which store: see docs/architecture.md (SessionStore).
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The session store file (default: $KSHAPE_HOME/store.sqlite, else "
        + "$XDG_DATA_HOME/kshape/store.sqlite, else ~/.local/share/kshape/store.sqlite).",
      valueName: "PATH"))
  var store: String?

  @Option(name: [.customShort("s"), .long], help: "Open (or create) this session and replay it.")
  var session: String?

  @Flag(name: [.customShort("r"), .long], help: "Open the session used last.")
  var resume = false

  @Flag(name: .customLong("no-store"), help: "Keep the session in memory only.")
  var noStore = false

  var named: Bool { session != nil || resume }

  /// Opens the session on `repl` and says what was opened (stderr unless `interactive`).
  func open(_ repl: REPL, interactive: Bool) {
    guard !noStore else { return }
    let path = StoreLocation.path(option: store, environment: ProcessInfo.processInfo.environment)
    let lines = repl.openSession(SessionChoice(storePath: path, name: session, resume: resume))
    let problems = lines.filter { $0.hasPrefix("kshape: ") || $0.hasPrefix("statement ") }
    if interactive {
      repl.startupNotice = lines.joined(separator: "\n")
    } else if !problems.isEmpty {
      FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
    }
  }

  func validate() throws {
    if noStore && named { throw ValidationError("--no-store cannot open a stored session") }
    if session != nil && resume {
      throw ValidationError("use --session NAME or --resume, not both")
    }
    if let session {
      do {
        try SessionStore.checkName(session)
      } catch {
        throw ValidationError(error.message)
      }
    }
  }
}

/// `kshape [-c STATEMENTS] [--json]`: interactive on a terminal; reads stdin otherwise.
struct Start: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "Start the REPL (the default), or run -c statements.")

  @Option(name: .customShort("c"), help: "Run these statements (separated by ';') and exit.")
  var command: String?

  @Option(
    name: .customShort("i"),
    help: ArgumentHelp(
      "Run this script into the session, then stay interactive.", valueName: "FILE"))
  var script: String?

  @OptionGroup var options: Options
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let repl = REPL(output: .standard)
    if let command {
      // A one-liner is saved only into a session named or resumed.
      if storeOptions.named { storeOptions.open(repl, interactive: false) }
      throw ExitCode(
        repl.runScript(REPL.commandLineStatements(command), json: options.json, name: "<string>"))
    }
    if !options.json, let reader = LibEditReader(programName: "kshape") {
      storeOptions.open(repl, interactive: true)
      reader.loadHistory(repl.storedHistory())
      reader.completion = { [repl] in repl.completions($0) }
      repl.confirm = { [reader] question in
        if case .line(let answer) = reader.readLine(prompt: question) {
          return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        return false
      }
      if let script { _ = repl.runFile(script, json: false) }
      repl.runInteractive(reader)
      if let goodbye = repl.closeSession() { print(goodbye) }
      return
    }
    storeOptions.open(repl, interactive: false)
    if let script, !repl.runFile(script, json: options.json) { throw ExitCode(1) }
    // A script's Python blocks span lines, so stdin is read first; each statement is still
    // stored before its result is shown.
    var lines: [String] = []
    while let line = readLine() { lines.append(line) }
    let status = repl.runScript(lines, json: options.json)
    repl.closeSession()
    throw ExitCode(status)
  }
}

/// `kshape run FILE [--json]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run a script of statements.")

  @Argument(help: "The script: one statement per line.")
  var file: String

  @OptionGroup var options: Options
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let lines: [String]
    switch ScriptFile.lines(file) {
    case .success(let l): lines = l
    case .failure(let error):
      FileHandle.standardError.write(Data("kshape: \(error.message)\n".utf8))
      throw ExitCode(2)
    }
    let repl = REPL(output: .standard)
    // A script is saved only into a session named (`--session NAME`) or resumed.
    if storeOptions.named { storeOptions.open(repl, interactive: false) }
    throw ExitCode(repl.runScript(lines, json: options.json, name: file))
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
    let inspect = Inspect(
      path: model, sizes: size, batch: batch, json: json, summaryOnly: summary,
      assumeIdentity: assumeIdentity, scan: scan)
    throw ExitCode(inspect.run(.standard))
  }
}

extension Output {
  /// stdout and stderr, a line each.
  static var standard: Output {
    Output(
      out: { print($0) },
      err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
  }
}
